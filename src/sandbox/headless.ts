/**
 * A headless executor for reference solutions: resolves each SemanticStep's Target against the
 * rendered HTML of the foreground screen (or the open overlay) and performs what the shell would
 * do on that input (run data-tap actions, focus data-field inputs, type, Enter, back). It lets
 * tests check in Node that solution targets exist on screen at that point of the flow and that
 * following the solution reaches a state the verifier accepts. Scrolling is a no-op here: the
 * whole screen HTML is searched, as the demo policy scrolls to off-screen targets.
 */
import { StepwiseError } from '../core/errors.js';
import type { AppDef, PhoneState, SemanticStep, Target, TaskTemplate } from './framework.js';
import { clonePhone } from './phone.js';
import { appById, dispatch, goHome, openApp, renderScreen, systemBack } from './runtime.js';
import { instantiate, verifyInstance } from './tasks/instance.js';

export interface HNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HNode | string)[];
  parent: HNode | null;
}

const VOID = new Set(['input', 'br', 'img', 'hr', 'meta', 'link', 'area', 'source', 'wbr', 'col']);
const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (m, e: string) => {
    if (ENT[e] !== undefined) return ENT[e];
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return m;
  });
}

/** Parse well-formed app markup (as produced by html``) into a tree. */
export function parseHtml(src: string): HNode {
  const root: HNode = { tag: '#root', attrs: {}, children: [], parent: null };
  let cur = root;
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m[5] !== undefined) { cur.children.push(decodeEntities(m[5])); continue; }
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      // close the nearest open element with this tag (tolerates stray closers)
      let n: HNode | null = cur;
      while (n && n.tag !== tag) n = n.parent;
      if (n?.parent) cur = n.parent;
      continue;
    }
    const attrs: Record<string, string> = {};
    const are = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;
    let a: RegExpExecArray | null;
    while ((a = are.exec(m[3]))) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? '');
    const node: HNode = { tag, attrs, children: [], parent: cur };
    cur.children.push(node);
    if (!m[4] && !VOID.has(tag)) cur = node;
  }
  return root;
}

export function elements(root: HNode): HNode[] {
  const out: HNode[] = [];
  const walk = (n: HNode) => { for (const c of n.children) if (typeof c !== 'string') { out.push(c); walk(c); } };
  walk(root);
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The element's own text (direct text children), as a leaf TextView would show it. */
export function ownText(n: HNode): string {
  return squash(n.children.filter((c): c is string => typeof c === 'string').join(' '));
}

export function textContent(n: HNode): string {
  return squash(n.children.map((c) => (typeof c === 'string' ? c : ` ${textContent(c)} `)).join(''));
}

function labels(n: HNode): string[] {
  const out = [ownText(n)];
  if (n.attrs['aria-label']) out.push(n.attrs['aria-label']);
  if (n.attrs.placeholder && !n.attrs.value) out.push(n.attrs.placeholder);
  return out.filter(Boolean);
}

/** Every element matching a Target, in document order (svg internals are never targets). */
export function matchTargets(root: HNode, t: Target): HNode[] {
  let scope = root;
  if (t.within) {
    const w = elements(root).find((e) => e.attrs['data-id'] === t.within);
    if (!w) return [];
    scope = w;
  }
  return elements(scope).filter((e) => {
    if (e.tag === 'path' || e.tag === 'svg') return false;
    if (t.id !== undefined && e.attrs['data-id'] !== t.id) return false;
    if (t.text !== undefined && !labels(e).includes(t.text)) return false;
    if (t.contains !== undefined && !labels(e).some((l) => l.includes(t.contains!))) return false;
    return t.id !== undefined || t.text !== undefined || t.contains !== undefined;
  });
}

export function closest(n: HNode | null, attr: string): HNode | null {
  while (n && n.tag !== '#root') { if (attr in n.attrs) return n; n = n.parent; }
  return null;
}

export interface HeadlessResult {
  phone: PhoneState;
  answer?: string;
  aborted?: string;
  questions: string[];
  /** One line per performed step, for failure messages. */
  log: string[];
}

function describe(t: Target): string {
  return JSON.stringify(t);
}

/** Markup of what is on screen now: the overlay if one is open, else the foreground screen. */
export function screenMarkup(phone: PhoneState, apps: readonly AppDef[]): { html: string; app: string | null; overlay: boolean } {
  const sys = phone.system;
  if (sys.overlay) {
    const o = sys.overlay;
    const items = 'buttons' in o ? o.buttons : o.items;
    const head = o.title ? `<div>${escText(o.title)}</div>` : '';
    const body = o.kind === 'dialog' && o.body ? `<div>${escText(o.body)}</div>` : '';
    const btns = items.map((b, i) => `<div data-overlay-btn="${i}">${escText(b.label)}</div>`).join('');
    return { html: `<div data-overlay="${o.kind}">${head}${body}${btns}</div>`, app: o.app, overlay: true };
  }
  if (!sys.foreground) return { html: '', app: null, overlay: false };
  return { html: renderScreen(phone, appById(apps, sys.foreground)), app: sys.foreground, overlay: false };
}

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function resolve(phone: PhoneState, apps: readonly AppDef[], t: Target) {
  const scr = screenMarkup(phone, apps);
  const hits = matchTargets(parseHtml(scr.html), t);
  const node = hits[t.nth ?? 0];
  if (!node) {
    throw new StepwiseError('not_found', `target ${describe(t)} is not on screen`, `screen: ${scr.overlay ? 'overlay' : phone.system.foreground ?? 'home'} ${scr.overlay ? '' : JSON.stringify(phone.system.stacks[phone.system.foreground ?? ''] ?? [])}`);
  }
  return { node, app: scr.app, overlay: scr.overlay };
}

function findApp(apps: readonly AppDef[], name: string): AppDef {
  const n = name.toLowerCase();
  const app = apps.find((a) => a.id === n || a.label.toLowerCase() === n || (a.aliases ?? []).some((x) => x.toLowerCase() === n));
  if (!app) throw new StepwiseError('not_found', `no app named "${name}"`, `apps: ${apps.map((a) => a.label).join(', ')}`);
  return app;
}

function fieldNode(phone: PhoneState, apps: readonly AppDef[], key: string): HNode | undefined {
  const [app, field] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  if (phone.system.foreground !== app || phone.system.overlay) return undefined;
  return elements(parseHtml(screenMarkup(phone, apps).html)).find((e) => e.attrs['data-field'] === field);
}

/**
 * Run reference steps on a copy-free phone state (mutated in place). `reply` answers an info step.
 * Throws StepwiseError when a target is missing or not interactive.
 */
export function runHeadless(phone: PhoneState, apps: readonly AppDef[], steps: readonly SemanticStep[]): HeadlessResult {
  const res: HeadlessResult = { phone, questions: [], log: [] };
  const sys = phone.system;
  for (const step of steps) {
    sys.toast = null;
    res.log.push(JSON.stringify(step));
    switch (step.do) {
      case 'open_app': openApp(phone, findApp(apps, step.app).id); break;
      case 'tap':
      case 'long_press': {
        const { node, app, overlay } = resolve(phone, apps, step);
        if (overlay) {
          const btn = closest(node, 'data-overlay-btn');
          if (!btn || !sys.overlay) throw new StepwiseError('not_found', `target ${describe(step)} is not an overlay button`);
          const o = sys.overlay;
          const b = ('buttons' in o ? o.buttons : o.items)[Number(btn.attrs['data-overlay-btn'])];
          sys.overlay = null;
          if (b.action) dispatch(phone, apps, o.app, b.action, b.arg ?? '');
          break;
        }
        const attr = step.do === 'tap' ? 'data-tap' : 'data-longpress';
        const act = closest(node, attr);
        const field = step.do === 'tap' ? closest(node, 'data-field') : null;
        if (field && (!act || isAncestor(act, field))) { sys.focus = `${app}.${field.attrs['data-field']}`; break; }
        if (!act) throw new StepwiseError('not_found', `target ${describe(step)} has no ${attr} handler`, 'tap an element that does something');
        dispatch(phone, apps, app!, act.attrs[attr], act.attrs['data-arg'] ?? '');
        break;
      }
      case 'type': {
        if (step.into) {
          const { node, app } = resolve(phone, apps, step.into);
          const f = closest(node, 'data-field');
          if (!f) throw new StepwiseError('not_found', `target ${describe(step.into)} is not a text field`);
          sys.focus = `${app}.${f.attrs['data-field']}`;
        }
        if (!sys.focus) throw new StepwiseError('not_found', 'type with no focused text field', 'tap a field first or give `into`');
        // solutions type into empty fields so append and replace semantics agree
        if (sys.fields[sys.focus]) throw new StepwiseError('invalid_action', `field ${sys.focus} is not empty ("${sys.fields[sys.focus]}")`, 'reference solutions must type into empty fields');
        sys.fields[sys.focus] = step.text;
        const f = fieldNode(phone, apps, sys.focus);
        if (f?.attrs['data-oninput']) dispatch(phone, apps, sys.focus.split('.')[0], f.attrs['data-oninput'], step.text);
        break;
      }
      case 'key': {
        if (step.key === 'back') systemBack(phone);
        else if (step.key === 'home') goHome(phone);
        else if (step.key === 'enter' && sys.focus) {
          // like the shell: Enter runs data-onsubmit with the value, a textarea gets a newline, else the keyboard closes
          const key = sys.focus;
          const f = fieldNode(phone, apps, key);
          if (f?.attrs['data-onsubmit']) { sys.focus = null; dispatch(phone, apps, key.split('.')[0], f.attrs['data-onsubmit'], sys.fields[key] ?? ''); }
          else if (f?.tag === 'textarea') sys.fields[key] = (sys.fields[key] ?? '') + '\n';
          else sys.focus = null;
        }
        break;
      }
      case 'info': res.questions.push(step.question); break;
      case 'complete': res.answer = step.answer; return res;
      case 'abort': res.aborted = step.reason; return res;
      default: break; // scroll, swipe, wait: the whole screen is searched, time does not move
    }
  }
  return res;
}

function isAncestor(a: HNode, b: HNode): boolean {
  let n: HNode | null = b;
  while (n) { if (n === a) return true; n = n.parent; }
  return false;
}

/**
 * Exercise one task template on one seed in Node: run the reference solution headlessly from the
 * instance's initial state, check the verifier accepts that end state and rejects every wrong end.
 * Returns the problems found (empty when the template is sound for this seed).
 */
export function checkTemplate(t: TaskTemplate, apps: readonly AppDef[], seed: number): string[] {
  const problems: string[] = [];
  const inst = instantiate(t, seed, apps);
  const start = clonePhone(inst.initial);
  const steps = t.solution(inst.params, clonePhone(inst.initial));
  let run: HeadlessResult;
  try {
    run = runHeadless(start, apps, steps);
  } catch (e) {
    return [`${inst.id}: reference solution failed: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (t.expect === 'abort' && run.aborted === undefined) problems.push(`${inst.id}: expects abort but the solution does not abort`);
  if (t.expect === 'complete' && run.aborted !== undefined) problems.push(`${inst.id}: expects complete but the solution aborts`);
  if (Boolean(t.reply) !== run.questions.length > 0) problems.push(`${inst.id}: a template with reply needs exactly the solutions with an info step`);
  const ok = verifyInstance(inst, run.phone, run.answer);
  if (!ok.ok) problems.push(`${inst.id}: verifier rejects the reference end state: ${ok.reason}`);
  const wrong = t.wrongEnds(inst.params);
  if (wrong.length < 2) problems.push(`${inst.id}: needs at least 2 wrong ends`);
  for (const w of wrong) {
    const ph = clonePhone(run.phone);
    w.mutate?.(ph);
    const r = verifyInstance(inst, ph, w.answer !== undefined ? w.answer : run.answer);
    if (r.ok) problems.push(`${inst.id}: verifier accepts wrong end "${w.name}"`);
  }
  return problems;
}
