/**
 * What the shell does on input, as pure state transitions (the page calls these after hit-testing;
 * tests call them in Node). App actions go through runtime.dispatch.
 */
import { StepwiseError } from '../../core/errors.js';
import type { AppDef, PhoneState } from '../framework.js';
import { dispatch, goHome, openApp, systemBack } from '../runtime.js';
import { pageCount, searchApps } from './home.js';
import { keyboardLayer } from './keyboard.js';
import { HOME_SEARCH, KEYBOARD_LAYER } from './packages.js';

/** Attributes of the focused field the shell needs (read from its element in the page). */
export interface FieldMeta {
  oninput?: string;
  onsubmit?: string;
  multiline?: boolean;
}
export type FieldLookup = (key: string) => FieldMeta | undefined;

/** One resolved input: a shell control (data-shell), an app action (data-tap / data-longpress) or a field. */
export type ShellInput =
  | { kind: 'shell'; cmd: string; arg: string }
  | { kind: 'app'; app: string; action: string; arg: string }
  | { kind: 'focus'; key: string };

/** System keys the sandbox phone understands (others are unsupported on it). */
export const SYSTEM_KEYS = ['back', 'home', 'recent', 'enter', 'delete'] as const;
export type SystemKey = (typeof SYSTEM_KEYS)[number];

const appOfField = (key: string) => key.slice(0, key.indexOf('.'));

export function shellBack(phone: PhoneState): void {
  const sys = phone.system;
  if (sys.home.view === 'recents' && !sys.focus && !sys.overlay) { sys.home.view = 'grid'; return; }
  if (sys.foreground === null && !sys.focus && !sys.overlay && sys.fields[HOME_SEARCH]) { sys.fields[HOME_SEARCH] = ''; return; }
  systemBack(phone);
}

export function shellHome(phone: PhoneState): void {
  goHome(phone);
  phone.system.fields[HOME_SEARCH] = '';
  phone.system.home.page = 0;
}

export function shellRecents(phone: PhoneState): void {
  const sys = phone.system;
  if (sys.home.view === 'recents') { sys.home.view = 'grid'; return; }
  sys.focus = null;
  sys.overlay = null;
  sys.home.view = 'recents';
}

export function shellOpen(phone: PhoneState, apps: readonly AppDef[], id: string): void {
  if (!apps.some((a) => a.id === id)) throw new StepwiseError('not_found', `no sandbox app "${id}"`, `apps: ${apps.map((a) => a.id).join(', ')}`);
  phone.system.fields[HOME_SEARCH] = '';
  openApp(phone, id);
}

function requireFocus(phone: PhoneState): string {
  const f = phone.system.focus;
  if (!f) throw new StepwiseError('invalid_action', 'no text field is focused, so there is nowhere to type', 'tap a text field first (or give `type` a point on the field)');
  return f;
}

function setFieldValue(phone: PhoneState, apps: readonly AppDef[], key: string, value: string, meta?: FieldMeta): void {
  phone.system.fields[key] = value;
  if (meta?.oninput) dispatch(phone, apps, appOfField(key), meta.oninput, value);
}

/** Insert text at the end of the focused field (like ADB Keyboard), then run its data-oninput. */
export function typeText(phone: PhoneState, apps: readonly AppDef[], text: string, lookup?: FieldLookup): void {
  const key = requireFocus(phone);
  setFieldValue(phone, apps, key, (phone.system.fields[key] ?? '') + text, lookup?.(key));
}

export function deleteChar(phone: PhoneState, apps: readonly AppDef[], lookup?: FieldLookup): void {
  const key = requireFocus(phone);
  const chars = [...(phone.system.fields[key] ?? '')];
  if (!chars.length) return;
  setFieldValue(phone, apps, key, chars.slice(0, -1).join(''), lookup?.(key));
}

/** Enter: run data-onsubmit; a multi-line field gets a newline; otherwise the keyboard closes. */
export function submit(phone: PhoneState, apps: readonly AppDef[], lookup?: FieldLookup): void {
  const key = requireFocus(phone);
  if (key === HOME_SEARCH) {
    const first = searchApps(apps, phone.system.fields[HOME_SEARCH] ?? '')[0];
    phone.system.focus = null;
    if (first && (phone.system.fields[HOME_SEARCH] ?? '').trim()) shellOpen(phone, apps, first.id);
    return;
  }
  const meta = lookup?.(key);
  if (meta?.onsubmit) {
    phone.system.focus = null;
    dispatch(phone, apps, appOfField(key), meta.onsubmit, phone.system.fields[key] ?? '');
    return;
  }
  if (meta?.multiline) { typeText(phone, apps, '\n', lookup); return; }
  phone.system.focus = null;
}

/** A tap on a soft-keyboard key. */
export function keyboardKey(phone: PhoneState, apps: readonly AppDef[], arg: string, lookup?: FieldLookup): void {
  const f = phone.system.fields;
  const layer = keyboardLayer(phone);
  switch (arg) {
    case 'shift': f[KEYBOARD_LAYER] = layer === 'ABC' ? 'abc' : 'ABC'; return;
    case '123': f[KEYBOARD_LAYER] = '123'; return;
    case 'abc': f[KEYBOARD_LAYER] = 'abc'; return;
    case 'backspace': deleteChar(phone, apps, lookup); return;
    case 'enter': submit(phone, apps, lookup); return;
    case 'space': typeText(phone, apps, ' ', lookup); return;
    default:
      typeText(phone, apps, arg, lookup);
      if (layer === 'ABC') f[KEYBOARD_LAYER] = 'abc'; // shift is one-shot, like Gboard
  }
}

/** A system key (the `key` action or a hardware key). */
export function pressKey(phone: PhoneState, apps: readonly AppDef[], key: SystemKey, lookup?: FieldLookup): void {
  switch (key) {
    case 'back': shellBack(phone); return;
    case 'home': shellHome(phone); return;
    case 'recent': shellRecents(phone); return;
    case 'enter': submit(phone, apps, lookup); return;
    case 'delete': deleteChar(phone, apps, lookup); return;
  }
}

function overlayButton(phone: PhoneState, apps: readonly AppDef[], index: number): void {
  const o = phone.system.overlay;
  if (!o) return;
  const b = (o.kind === 'dialog' ? o.buttons : o.items)[index];
  phone.system.overlay = null;
  if (b?.action) dispatch(phone, apps, o.app, b.action, b.arg ?? '');
}

function clearRecents(phone: PhoneState): void {
  const sys = phone.system;
  for (const id of sys.recents) {
    delete sys.stacks[id];
    for (const k of Object.keys(sys.scroll)) if (k.startsWith(`${id}.`)) delete sys.scroll[k];
  }
  sys.recents = [];
  goHome(phone);
}

/** Apply one input. The previous toast disappears first (toasts live until the next input). */
export function applyInput(phone: PhoneState, apps: readonly AppDef[], input: ShellInput, lookup?: FieldLookup): void {
  phone.system.toast = null;
  if (input.kind === 'app') { dispatch(phone, apps, input.app, input.action, input.arg); return; }
  if (input.kind === 'focus') { phone.system.focus = input.key; return; }
  const { cmd, arg } = input;
  switch (cmd) {
    case 'back': shellBack(phone); return;
    case 'home': shellHome(phone); return;
    case 'recent': shellRecents(phone); return;
    case 'open': shellOpen(phone, apps, arg); return;
    case 'overlay': overlayButton(phone, apps, Number(arg)); return;
    case 'dismiss': phone.system.overlay = null; return;
    case 'clear-recents': clearRecents(phone); return;
    case 'key': keyboardKey(phone, apps, arg, lookup); return;
    case 'page': {
      const pages = pageCount(apps);
      phone.system.home.page = Math.max(0, Math.min(pages - 1, phone.system.home.page + Number(arg)));
      return;
    }
    default: throw new StepwiseError('invalid_action', `unknown shell control "${cmd}"`, 'data-shell is reserved for the phone shell');
  }
}
