/**
 * A headless executor for reference solutions (test helper shared by the chat, news and contacts
 * tests): renders the whole phone with the shell, parses the HTML, resolves each SemanticStep's
 * Target the way the demo policy does (data-id, exact text, contained text, within, nth) and
 * applies the same shell inputs a tap, long press, typing or key would. No geometry: scrolling is
 * a no-op because every element of a screen is in the HTML.
 */
import type { AppDef, PhoneState, SemanticStep, Target } from '../../src/sandbox/framework.js';
import { renderPhone } from '../../src/sandbox/shell/render.js';
import { applyInput, pressKey, typeText, type FieldLookup, type ShellInput } from '../../src/sandbox/shell/commands.js';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  parent: El | null;
  /** Text nodes directly inside, in order. */
  texts: string[];
}

const VOID = new Set(['input', 'br', 'img', 'hr', 'meta', 'link', 'source', 'wbr', 'col', 'area', 'path', 'circle', 'rect', 'stop', 'ellipse', 'line', 'polyline', 'polygon', 'use']);
const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENT[e]);

export function parseHtml(src: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null, texts: [] };
  let cur = root;
  const re = /<!--[\s\S]*?-->|<(style|script)\b[^>]*>[\s\S]*?<\/\1>|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+)/g;
  for (const m of src.matchAll(re)) {
    if (m[6] !== undefined) { cur.texts.push(decode(m[6])); continue; }
    if (m[2]) {
      const tag = m[2].toLowerCase();
      let e: El | null = cur;
      while (e && e.tag !== tag) e = e.parent;
      if (e && e.parent) cur = e.parent;
      continue;
    }
    if (!m[3]) continue;
    const tag = m[3].toLowerCase();
    const attrs: Record<string, string> = {};
    for (const a of (m[4] ?? '').matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const el: El = { tag, attrs, children: [], parent: cur, texts: [] };
    cur.children.push(el);
    if (!m[5] && !VOID.has(tag)) cur = el;
  }
  return root;
}

export function all(root: El): El[] {
  const out: El[] = [];
  const walk = (e: El) => { for (const c of e.children) { out.push(c); walk(c); } };
  walk(root);
  return out;
}

/** Visible text of an element (its whole subtree), whitespace collapsed. */
export function textOf(e: El): string {
  const parts: string[] = [];
  const walk = (x: El) => { parts.push(...x.texts); for (const c of x.children) walk(c); };
  walk(e);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function ancestors(e: El): El[] {
  const out: El[] = [];
  for (let p = e.parent; p; p = p.parent) out.push(p);
  return out;
}

function matchesTarget(e: El, t: Target): boolean {
  const text = textOf(e);
  const desc = e.attrs['aria-label'] ?? '';
  const value = e.attrs['placeholder'] ?? '';
  if (t.id !== undefined && e.attrs['data-id'] !== t.id) return false;
  if (t.text !== undefined && text !== t.text && desc !== t.text && value !== t.text) return false;
  if (t.contains !== undefined && !text.includes(t.contains) && !desc.includes(t.contains)) return false;
  if (t.within !== undefined && !ancestors(e).some((a) => a.attrs['data-id'] === t.within)) return false;
  return t.id !== undefined || t.text !== undefined || t.contains !== undefined;
}

/** Elements matching a target in document order; text matches keep only the innermost element. */
export function findAll(root: El, t: Target): El[] {
  const hits = all(root).filter((e) => matchesTarget(e, t));
  if (t.id !== undefined) return hits;
  const set = new Set(hits);
  return hits.filter((e) => !all(e).some((d) => set.has(d)));
}

export function screenOf(phone: PhoneState, apps: readonly AppDef[]): El {
  return parseHtml(renderPhone(phone, apps).html);
}

function scopeOf(e: El): string | undefined {
  for (let p: El | null = e; p; p = p.parent) if (p.attrs['data-scope']) return p.attrs['data-scope'];
  return undefined;
}

/** What the shell would do for a tap or long press on this element. */
function inputFor(e: El, long: boolean): ShellInput | null {
  for (let p: El | null = e; p && p.tag !== '#root'; p = p.parent) {
    if (p.attrs['data-shell']) return { kind: 'shell', cmd: p.attrs['data-shell'], arg: p.attrs['data-arg'] ?? '' };
    const action = long ? p.attrs['data-longpress'] : p.attrs['data-tap'];
    if (action) return { kind: 'app', app: scopeOf(p)!, action, arg: p.attrs['data-arg'] ?? '' };
    if (!long && p.attrs['data-field']) return { kind: 'focus', key: `${scopeOf(p)}.${p.attrs['data-field']}` };
  }
  return null;
}

function lookupFor(phone: PhoneState, apps: readonly AppDef[]): FieldLookup {
  return (key) => {
    const [scope, field] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const el = all(screenOf(phone, apps)).find((e) => e.attrs['data-field'] === field && scopeOf(e) === scope);
    return el ? { oninput: el.attrs['data-oninput'], onsubmit: el.attrs['data-onsubmit'], multiline: el.tag === 'textarea' } : undefined;
  };
}

function describe(t: Target): string {
  return JSON.stringify(t);
}

export function resolve(phone: PhoneState, apps: readonly AppDef[], t: Target): El {
  const root = screenOf(phone, apps);
  const hits = findAll(root, t);
  const el = hits[t.nth ?? 0];
  if (!el) {
    const ids = all(root).map((e) => e.attrs['data-id']).filter(Boolean).slice(0, 60).join(' ');
    throw new Error(`target ${describe(t)} not on screen (app ${phone.system.foreground}, stack ${JSON.stringify(phone.system.stacks[phone.system.foreground ?? ''] ?? [])}); ids: ${ids}`);
  }
  return el;
}

function press(phone: PhoneState, apps: readonly AppDef[], t: Target, long: boolean): void {
  const el = resolve(phone, apps, t);
  const input = inputFor(el, long);
  if (!input) throw new Error(`target ${describe(t)} is on screen but ${long ? 'long-pressing' : 'tapping'} it does nothing`);
  applyInput(phone, apps, input, lookupFor(phone, apps));
}

export interface RunResult {
  end: 'complete' | 'abort' | 'steps_done';
  answer?: string;
  asked: string[];
}

/** Apply a reference solution to the phone in place. */
export function runSolution(phone: PhoneState, apps: readonly AppDef[], steps: readonly SemanticStep[]): RunResult {
  const asked: string[] = [];
  for (const [i, s] of steps.entries()) {
    try {
      switch (s.do) {
        case 'open_app': {
          const q = s.app.toLowerCase();
          const app = apps.find((a) => a.id === q || a.label.toLowerCase() === q || (a.aliases ?? []).some((x) => x.toLowerCase() === q));
          if (!app) throw new Error(`no app called "${s.app}"`);
          applyInput(phone, apps, { kind: 'shell', cmd: 'open', arg: app.id });
          break;
        }
        case 'tap': press(phone, apps, s, false); break;
        case 'long_press': press(phone, apps, s, true); break;
        case 'type':
          if (s.into) press(phone, apps, s.into, false);
          phone.system.toast = null;
          typeText(phone, apps, s.text, lookupFor(phone, apps));
          break;
        case 'key':
          phone.system.toast = null;
          pressKey(phone, apps, s.key, lookupFor(phone, apps));
          break;
        case 'info': asked.push(s.question); break;
        case 'complete': return { end: 'complete', answer: s.answer, asked };
        case 'abort': return { end: 'abort', asked };
        default: break; // scroll, swipe, wait: everything is already in the HTML
      }
    } catch (e) {
      throw new Error(`step ${i} ${JSON.stringify(s)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { end: 'steps_done', asked };
}

// ---------------------------------------------------------------- template checks shared by the tests

import { expect, it } from 'vitest';
import type { TaskTemplate } from '../../src/sandbox/framework.js';
import { instantiate } from '../../src/sandbox/tasks/instance.js';
import { clonePhone } from '../../src/sandbox/phone.js';

/**
 * For every template and seed: the reference solution runs through the real shell inputs, ends
 * the way the template expects, the verifier accepts the end state, rejects every wrong end and
 * rejects doing nothing (for tasks that must change something or answer).
 */
export function checkTemplates(templates: readonly TaskTemplate[], apps: readonly AppDef[], seeds: readonly number[]): void {
  for (const t of templates) {
    it(`${t.id}: reference solution passes, wrong ends fail (seeds ${seeds.join(',')})`, () => {
      for (const seed of seeds) {
        const inst = instantiate(t, seed, apps);
        expect(inst.instruction.length, `${t.id}#${seed} instruction`).toBeGreaterThan(5);
        expect(JSON.parse(JSON.stringify(inst.params)), `${t.id}#${seed} params are plain data`).toEqual(inst.params);
        const steps = t.solution(inst.params, clonePhone(inst.initial));
        if (t.reply) {
          expect(steps.some((s) => s.do === 'info'), `${t.id} has a reply but asks nothing`).toBe(true);
          expect(t.reply(inst.params).length).toBeGreaterThan(3);
        }
        const end = clonePhone(inst.initial);
        const run = runSolution(end, apps, steps);
        expect(run.end, `${t.id}#${seed} ends with ${t.expect}`).toBe(t.expect);
        const ok = t.verify(end, run.answer, inst.params, inst.initial);
        expect(ok, `${t.id}#${seed} reference end state: ${ok.reason}`).toMatchObject({ ok: true });
        const wrongs = t.wrongEnds(inst.params);
        expect(wrongs.length, `${t.id} has at least 2 wrong ends`).toBeGreaterThanOrEqual(2);
        for (const w of wrongs) {
          const bad = clonePhone(end);
          w.mutate?.(bad);
          const r = t.verify(bad, w.answer ?? run.answer, inst.params, inst.initial);
          expect(r.ok, `${t.id}#${seed} wrong end "${w.name}" must be rejected (${r.reason})`).toBe(false);
        }
        if (t.expect === 'complete') {
          const idle = t.verify(clonePhone(inst.initial), undefined, inst.params, inst.initial);
          expect(idle.ok, `${t.id}#${seed} doing nothing must fail`).toBe(false);
        }
      }
    });
  }
}
