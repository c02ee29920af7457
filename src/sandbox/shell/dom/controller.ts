/**
 * The page side of the phone: holds the state, renders it, hit-tests input and applies it through
 * the shell's pure commands. Every input is a transaction on a copy of the state, so an app action
 * that throws leaves the phone as it was.
 */
import type { UiNode } from '../../../core/uitree.js';
import type { AppDef, PhoneState } from '../../framework.js';
import { createPhone } from '../../phone.js';
import { applyInput, type FieldLookup, type FieldMeta, pressKey, type ShellInput, SYSTEM_KEYS, type SystemKey, typeText } from '../commands.js';
import { LAUNCHER_PACKAGE } from '../packages.js';
import { renderPhone, visibleApp } from '../render.js';
import { NAV_BAR_H } from '../statusbar.js';
import { SCREEN_H } from '../css.js';
import { GestureTracker, type GestureResult } from './gestures.js';
import { type Axis, largestContainer, restoreScroll, saveScroll } from './scroll.js';
import { buildUiTree } from './tree.js';
import { tintBars } from './tint.js';
import { morphInto } from './morph.js';
import { STATUS_BAR_H } from '../statusbar.js';

export interface InputOutcome {
  ok: boolean;
  code?: string;
  message?: string;
  hint?: string;
  /** Render sequence number after the input. */
  frame: number;
  /** What was hit, e.g. 'data-tap=openCart' or 'nav:back'. */
  target?: string;
  details?: Record<string, unknown>;
}

const INTERACTIVE = '[data-shell],[data-tap],[data-longpress],[data-field]';

function describe(el: Element): string {
  for (const a of ['data-shell', 'data-tap', 'data-longpress', 'data-field']) {
    const v = el.getAttribute(a);
    if (v !== null) return `${a}=${v}${el.getAttribute('data-arg') ? `(${el.getAttribute('data-arg')})` : ''}`;
  }
  return el.tagName.toLowerCase();
}

function errorFields(e: unknown): { code: string; message: string; hint?: string } {
  const err = e as { code?: unknown; message?: unknown; hint?: unknown };
  const hint = typeof err?.hint === 'string' && err.hint ? err.hint : undefined;
  let message = typeof err?.message === 'string' ? err.message : String(e);
  // StepwiseError messages end with "(hint)"; the outcome carries the hint on its own.
  if (hint && message.endsWith(` (${hint})`)) message = message.slice(0, -(hint.length + 3));
  return { code: typeof err?.code === 'string' ? err.code : 'device_error', message, hint };
}

export class PhoneController {
  state: PhoneState;
  seq = 0;
  readonly gestures = new GestureTracker(SCREEN_H, NAV_BAR_H);

  constructor(readonly root: HTMLElement, readonly apps: readonly AppDef[], seed: string) {
    this.state = createPhone(seed, apps);
  }

  render(): number {
    for (let pass = 0; pass < 2; pass++) {
      const { html, className } = renderPhone(this.state, this.apps);
      this.root.className = className;
      // Only what changed is touched (see morph.ts); 'replace' is kept for A/B checks and benchmarks.
      if (window.__SANDBOX_RENDER__ === 'replace') this.root.innerHTML = html; else morphInto(this.root, html);
      this.fillFields();
      restoreScroll(this.root, this.state);
      tintBars(this.root, STATUS_BAR_H + 1, SCREEN_H - NAV_BAR_H - 1);
      // A focused field that is no longer on screen loses focus (the keyboard closes), then redraw.
      const f = this.state.system.focus;
      if (!f || this.fieldElement(f)) break;
      this.state.system.focus = null;
    }
    return ++this.seq;
  }

  private fillFields(): void {
    for (const el of this.root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[data-field],textarea[data-field]')) {
      const key = `${el.closest('[data-scope]')?.getAttribute('data-scope') ?? ''}.${el.getAttribute('data-field')}`;
      el.value = this.state.system.fields[key] ?? '';
      el.readOnly = true; // text arrives through the shell (soft keyboard / type action), never the DOM
      el.tabIndex = -1;
      if (key === this.state.system.focus) el.classList.add('focused');
    }
  }

  fieldElement(key: string): HTMLElement | null {
    const dot = key.indexOf('.');
    const scope = CSS.escape(key.slice(0, dot)), field = CSS.escape(key.slice(dot + 1));
    return this.root.querySelector(`[data-scope="${scope}"] [data-field="${field}"]`);
  }

  readonly lookup: FieldLookup = (key): FieldMeta | undefined => {
    const el = this.fieldElement(key);
    if (!el) return undefined;
    return { oninput: el.getAttribute('data-oninput') ?? undefined, onsubmit: el.getAttribute('data-onsubmit') ?? undefined, multiline: el.tagName === 'TEXTAREA' };
  };

  /** Run a state change as a transaction, re-render, and report. */
  transact(change: (s: PhoneState) => void, target?: string, fail?: Omit<InputOutcome, 'frame'>): InputOutcome {
    // State is plain JSON: a string backup is much cheaper than cloning and restores exactly.
    const backup = JSON.stringify(this.state);
    try {
      change(this.state);
    } catch (e) {
      this.state = JSON.parse(backup) as PhoneState;
      return { ok: false, ...errorFields(e), target, frame: this.seq };
    }
    const frame = this.render();
    return fail ? { ...fail, frame, target } : { ok: true, frame, target };
  }

  /** What a touch at (x, y) would activate. */
  hit(x: number, y: number, long: boolean): { input?: ShellInput; el: Element | null; disabled?: boolean } {
    const at = document.elementFromPoint(x, y);
    const el = at?.closest(INTERACTIVE) ?? null;
    if (!el) return { el: at };
    if (el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true' || el.getAttribute('data-disabled') === 'true') return { el, disabled: true };
    const scope = el.closest('[data-scope]')?.getAttribute('data-scope') ?? '';
    const arg = el.getAttribute('data-arg') ?? '';
    const shell = el.getAttribute('data-shell');
    if (shell !== null) return { el, input: { kind: 'shell', cmd: shell, arg } };
    if (long && el.hasAttribute('data-longpress')) return { el, input: { kind: 'app', app: scope, action: el.getAttribute('data-longpress')!, arg } };
    if (el.hasAttribute('data-field')) return { el, input: { kind: 'focus', key: `${scope}.${el.getAttribute('data-field')}` } };
    // A view without a long-click handler performs its click on release, as on Android.
    const tap = el.getAttribute('data-tap');
    if (tap !== null) return { el, input: { kind: 'app', app: scope, action: tap, arg } };
    return { el: at }; // only data-longpress, released early: nothing was tapped
  }

  touch(x: number, y: number, long: boolean): InputOutcome {
    const h = this.hit(x, y, long);
    if (!h.input) {
      const what = h.el ? `<${h.el.tagName.toLowerCase()}${h.el.className ? ` class="${String(h.el.className)}"` : ''}>` : 'nothing';
      if (h.disabled) return this.transact((s) => { s.system.toast = null; }, h.el ? describe(h.el) : undefined, { ok: true, details: { disabled: true } });
      return this.transact((s) => { s.system.toast = null; }, undefined, {
        ok: false, code: 'no_target',
        message: `the ${long ? 'long press' : 'tap'} at (${Math.round(x)}, ${Math.round(y)}) CSS px hit no button, list item or field (only ${what})`,
        hint: 'aim at a control you can see on the last screenshot (its center is safest), or observe again',
      });
    }
    const input = h.input;
    return this.transact((s) => applyInput(s, this.apps, input, this.lookup), describe(h.el!));
  }

  gestureDone(g: GestureResult | null): InputOutcome {
    if (!g) return { ok: false, code: 'invalid_action', message: 'pointer released without a press', frame: this.seq };
    if (g.kind !== 'swipe') return this.touch(g.x, g.y, g.kind === 'long_press');
    const details = { effect: g.effect, scrolled: g.scrolled ?? 0, axis: g.axis };
    switch (g.effect) {
      case 'back': return this.withDetails(this.transact((s) => applyInput(s, this.apps, { kind: 'shell', cmd: 'back', arg: '' }), 'edge-swipe'), details);
      case 'home': return this.withDetails(this.transact((s) => applyInput(s, this.apps, { kind: 'shell', cmd: 'home', arg: '' }), 'nav-swipe'), details);
      case 'page-next':
      case 'page-prev': {
        if (this.state.system.foreground !== null || this.state.system.home.view !== 'grid') return this.swipeOnly(details, g);
        const arg = g.effect === 'page-next' ? '1' : '-1';
        return this.withDetails(this.transact((s) => applyInput(s, this.apps, { kind: 'shell', cmd: 'page', arg }), 'home-pages'), details);
      }
      default: return this.swipeOnly(details, g);
    }
  }

  private swipeOnly(details: Record<string, unknown>, g: GestureResult): InputOutcome {
    return this.withDetails(this.transact((s) => {
      s.system.toast = null;
      if (g.container) saveScroll(g.container, s);
    }, g.container ? `scroll:${g.container.getAttribute('data-scroll')}` : undefined), details);
  }

  private withDetails(o: InputOutcome, details: Record<string, unknown>): InputOutcome {
    return { ...o, details: { ...o.details, ...details } };
  }

  /** Scroll so that more content in `direction` shows (down = see below: the finger moves up). */
  scroll(direction: 'up' | 'down' | 'left' | 'right', x?: number, y?: number, amount = 1): InputOutcome {
    const axis: Axis = direction === 'up' || direction === 'down' ? 'y' : 'x';
    let container: HTMLElement | null = null;
    if (x !== undefined && y !== undefined) {
      let el = document.elementFromPoint(x, y);
      while (el && !(el instanceof HTMLElement && el.hasAttribute('data-scroll') && (axis === 'x') === el.classList.contains('hscroll'))) el = el.parentElement;
      container = el as HTMLElement | null;
    } else container = largestContainer(this.root, axis);
    if (!container) {
      return { ok: false, code: 'no_target', frame: this.seq, message: `nothing on this screen scrolls ${axis === 'y' ? 'vertically' : 'sideways'}${x !== undefined ? ` at (${Math.round(x)}, ${Math.round(y!)}) CSS px` : ''}`, hint: 'scroll where a list or page is visible, or tap/navigate instead' };
    }
    const r = container.getBoundingClientRect();
    const sx = x ?? (r.left + r.right) / 2, sy = y ?? (r.top + r.bottom) / 2;
    const dist = 0.6 * (axis === 'y' ? r.height : r.width) * amount;
    const [dx, dy] = { down: [0, -dist], up: [0, dist], right: [-dist, 0], left: [dist, 0] }[direction];
    this.gestures.down(sx, sy, 0, container);
    for (let i = 1; i <= 8; i++) this.gestures.move(sx + (dx * i) / 8, sy + (dy * i) / 8);
    const out = this.gestureDone(this.gestures.up(sx + dx, sy + dy, 300));
    const moved = Math.abs(Number(out.details?.scrolled ?? 0));
    return { ...out, details: { ...out.details, atEnd: moved < Math.abs(dist) - 1 } };
  }

  type(text: string): InputOutcome {
    return this.transact((s) => { s.system.toast = null; typeText(s, this.apps, text, this.lookup); }, this.state.system.focus ?? undefined);
  }

  key(name: string): InputOutcome {
    if (!(SYSTEM_KEYS as readonly string[]).includes(name)) {
      return { ok: false, code: 'unsupported_action', frame: this.seq, message: `key "${name}" does nothing on the sandbox phone`, hint: `use one of: ${SYSTEM_KEYS.join(', ')}` };
    }
    return this.transact((s) => { s.system.toast = null; pressKey(s, this.apps, name as SystemKey, this.lookup); }, `key:${name}`);
  }

  openApp(id: string): InputOutcome {
    return this.transact((s) => applyInput(s, this.apps, { kind: 'shell', cmd: 'open', arg: id }), `app:${id}`);
  }

  setState(input: PhoneState | string, minFrame = 0): number {
    const s = (typeof input === 'string' ? JSON.parse(input) : structuredClone(input)) as PhoneState;
    if (!s || s.version !== 1 || typeof s.system !== 'object' || typeof s.apps !== 'object') {
      throw new Error('setState needs a PhoneState (version 1 with system and apps); create one with createPhone(seed, APPS)');
    }
    this.gestures.cancel();
    this.state = s;
    this.seq = Math.max(this.seq, minFrame);
    return this.render();
  }

  /** Foreground package: the app's, or the launcher's on home and recents. */
  foreground(): { app: string | null; package: string } {
    const app = visibleApp(this.state, this.apps);
    return { app: app?.id ?? null, package: app?.package ?? LAUNCHER_PACKAGE };
  }

  uiTree(): UiNode[] {
    return buildUiTree(this.root, { focus: this.state.system.focus, rootPackage: this.foreground().package });
  }
}
