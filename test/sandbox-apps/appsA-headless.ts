/**
 * A headless executor for reference solutions: renders the foreground app's screen to HTML,
 * resolves each SemanticStep's Target in that markup (data-id, exact text, substring, within,
 * nth) the way the demo policy resolves it in the UI tree, and runs what a tap there would run
 * (the nearest data-tap ancestor, or focusing a data-field). Overlays resolve by button label.
 */
import { expect } from 'vitest';
import type { AppDef, PhoneState, SemanticStep, Target, TaskTemplate } from '../../src/sandbox/framework.js';
import { clonePhone } from '../../src/sandbox/phone.js';
import { appById, dispatch, goHome, openApp, renderScreen, systemBack } from '../../src/sandbox/runtime.js';
import { instantiate, verifyInstance, type TaskInstance } from '../../src/sandbox/tasks/instance.js';

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  parent: El | null;
  text: string;
}

const VOID = new Set(['input', 'img', 'br', 'hr', 'meta', 'link', 'source', 'col', 'wbr']);
const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENT[e]);
}

export function parseHtml(src: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null, text: '' };
  let cur = root;
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*"[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  for (const m of src.matchAll(re)) {
    if (m[5] !== undefined) {
      cur.children.push({ tag: '#text', attrs: {}, children: [], parent: cur, text: decode(m[5]) });
      continue;
    }
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      let n: El | null = cur;
      while (n && n.tag !== tag) n = n.parent;
      if (n?.parent) cur = n.parent;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([^\s=>\/]+)(?:\s*=\s*"([^"]*)")?/g)) attrs[a[1]] = decode(a[2] ?? '');
    const el: El = { tag, attrs, children: [], parent: cur, text: '' };
    cur.children.push(el);
    if (!m[4] && !VOID.has(tag)) cur = el;
  }
  return root;
}

// Mirrors the shell's UI tree (src/sandbox/shell/dom/tree.ts): an element whose descendants are
// all unmarked inline elements is one text node with its whole text; other elements carry only
// their direct text; aria-hidden subtrees and SVG are not text.
const INLINE = new Set(['span', 'b', 'i', 'em', 'strong', 'small', 'sup', 'sub', 'br', 'mark', 'u', 's', 'del', 'ins', 'abbr', 'time', 'code', 'label', 'q']);
const MARKERS = ['data-tap', 'data-longpress', 'data-field', 'data-shell', 'data-id', 'aria-label', 'data-checked', 'data-class', 'data-scroll', 'data-selected'];

function fullText(el: El): string {
  if (el.tag === '#text') return el.text;
  if (el.tag === 'svg' || el.tag === 'style') return '';
  return el.children.map(fullText).join('');
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function elems(el: El): El[] {
  return el.children.filter((c) => c.tag !== '#text');
}

function isTextLeaf(el: El): boolean {
  if (!clean(fullText(el))) return false;
  const all = (e: El): boolean => elems(e).every((d) => INLINE.has(d.tag) && !MARKERS.some((m) => m in d.attrs) && all(d));
  return all(el);
}

function isField(el: El): boolean {
  return 'data-field' in el.attrs && (el.tag === 'input' || el.tag === 'textarea');
}

/** The text the UI tree shows for an element. */
function nodeText(el: El): string {
  if (el.tag === 'svg' || el.tag === 'img') return '';
  if (isField(el)) return el.attrs.value || el.attrs.placeholder || '';
  if (isTextLeaf(el)) return clean(fullText(el));
  return clean(el.children.filter((c) => c.tag === '#text').map((c) => c.text).join(''));
}

/** Elements that become UI-tree nodes' candidates, in document order. */
function* walk(el: El): Generator<El> {
  for (const c of elems(el)) {
    if (c.attrs['aria-hidden'] === 'true' || c.tag === 'style' || c.tag === 'script') continue;
    yield c;
    if (c.tag === 'svg' || c.tag === 'img' || isField(c) || isTextLeaf(c)) continue;
    yield* walk(c);
  }
}

function matches(el: El, t: Target): boolean {
  if (t.id !== undefined && el.attrs['data-id'] !== t.id) return false;
  const label = clean(el.attrs['aria-label'] ?? '');
  const own = nodeText(el);
  if (t.text !== undefined && own !== t.text && label !== t.text) return false;
  if (t.contains !== undefined && !own.includes(t.contains) && !label.includes(t.contains)) return false;
  return true;
}

function describe(t: Target): string {
  return JSON.stringify(t);
}

/** Every element matching the target, in document order. */
export function resolveAll(root: El, t: Target): El[] {
  let scope = root;
  if (t.within) {
    const w = [...walk(root)].find((e) => e.attrs['data-id'] === t.within);
    if (!w) throw new Error(`no element with data-id "${t.within}" on screen`);
    scope = w;
  }
  return [...walk(scope)].filter((e) => matches(e, t));
}

export interface RunResult {
  outcome: 'complete' | 'abort';
  answer?: string;
  questions: string[];
  steps: number;
}

export class Headless {
  constructor(readonly phone: PhoneState, readonly apps: readonly AppDef[]) {}

  private app(): AppDef {
    const fg = this.phone.system.foreground;
    if (!fg) throw new Error('no app in the foreground (home screen)');
    return appById(this.apps, fg);
  }

  screenHtml(): string {
    return renderScreen(this.phone, this.app());
  }

  /** The element a target names on the current screen. */
  find(t: Target): El {
    const hits = resolveAll(parseHtml(this.screenHtml()), t);
    const el = hits[t.nth ?? 0];
    if (!el) {
      const screen = this.phone.system.stacks[this.app().id]?.at(-1)?.name ?? this.app().home;
      throw new Error(`target ${describe(t)} not found on screen "${screen}" (${hits.length} matches)`);
    }
    return el;
  }

  private run(action: string, arg: string): void {
    this.phone.system.toast = null;
    dispatch(this.phone, this.apps, this.app().id, action, arg);
  }

  tap(t: Target): void {
    const ov = this.phone.system.overlay;
    if (ov) {
      const items = ov.kind === 'dialog' ? ov.buttons : ov.items;
      const label = t.text ?? t.contains;
      const b = items.filter((i) => (t.text !== undefined ? i.label === label : label !== undefined && i.label.includes(label)))[t.nth ?? 0];
      if (!b) throw new Error(`overlay has no button ${describe(t)}; buttons: ${items.map((i) => i.label).join(', ')}`);
      this.phone.system.overlay = null;
      if (b.action) dispatch(this.phone, this.apps, ov.app, b.action, b.arg ?? '');
      return;
    }
    const el = this.find(t);
    for (let n: El | null = el; n; n = n.parent) {
      if (n.attrs['data-tap']) {
        return this.run(n.attrs['data-tap'], n.attrs['data-arg'] ?? '');
      }
      if (n.attrs['data-field']) {
        this.phone.system.focus = `${this.app().id}.${n.attrs['data-field']}`;
        return;
      }
    }
    throw new Error(`target ${describe(t)} is not tappable (no data-tap or data-field on it or its ancestors)`);
  }

  type(text: string, into?: Target): void {
    if (into) this.tap(into);
    const key = this.phone.system.focus;
    if (!key) throw new Error('type without a focused field');
    // Typing appends at the cursor, as on a real phone.
    this.phone.system.fields[key] = (this.phone.system.fields[key] ?? '') + text;
    const field = key.slice(key.indexOf('.') + 1);
    const el = [...walk(parseHtml(this.screenHtml()))].find((e) => isField(e) && e.attrs['data-field'] === field);
    if (el?.attrs['data-oninput']) this.run(el.attrs['data-oninput'], this.phone.system.fields[key]);
  }

  enter(): void {
    const key = this.phone.system.focus;
    if (!key) return;
    const field = key.slice(key.indexOf('.') + 1);
    const el = [...walk(parseHtml(this.screenHtml()))].find((e) => isField(e) && e.attrs['data-field'] === field);
    this.phone.system.focus = null;
    if (el?.attrs['data-onsubmit']) this.run(el.attrs['data-onsubmit'], this.phone.system.fields[key] ?? '');
  }

  openApp(name: string): void {
    const n = name.toLowerCase();
    const app = this.apps.find((a) => a.id === n || a.label.toLowerCase() === n || (a.aliases ?? []).some((x) => x.toLowerCase() === n));
    if (!app) throw new Error(`no app named "${name}"`);
    openApp(this.phone, app.id);
  }

  /** Run a whole reference solution; throws with the failing step when a target is missing. */
  runSolution(steps: SemanticStep[]): RunResult {
    const questions: string[] = [];
    let i = 0;
    for (const step of steps) {
      i++;
      try {
        switch (step.do) {
          case 'open_app': this.openApp(step.app); break;
          case 'tap': case 'long_press': this.tap(step); break;
          case 'type': this.type(step.text, step.into); break;
          case 'key':
            if (step.key === 'back') systemBack(this.phone);
            else if (step.key === 'home') goHome(this.phone);
            else if (step.key === 'enter') this.enter();
            break;
          case 'info': questions.push(step.question); break;
          case 'complete': return { outcome: 'complete', answer: step.answer, questions, steps: i };
          case 'abort': return { outcome: 'abort', answer: step.reason, questions, steps: i };
          default: break; // scroll, swipe, wait: everything is in the markup already
        }
      } catch (e) {
        throw new Error(`step ${i} ${JSON.stringify(step)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    throw new Error('solution ended without complete or abort');
  }
}

/**
 * Reference solution of one task instance, run headlessly. Returns the end state and outcome so
 * tests can check the verifier accepts it and rejects every hand-made wrong end.
 */
export function runReference(inst: TaskInstance, apps: readonly AppDef[]): { final: PhoneState; result: RunResult } {
  const final = clonePhone(inst.initial);
  const steps = inst.template.solution(inst.params, inst.initial);
  const result = new Headless(final, apps).runSolution(steps);
  return { final, result };
}

/** The test file's own describe/it (vitest registers suites only through the test file's import). */
export interface Suite {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => void): void;
}

/** Every template: valid params, reference accepted with the expected outcome, wrong ends rejected. */
export function checkTemplates({ describe, it }: Suite, templates: readonly TaskTemplate[], apps: readonly AppDef[], seeds: readonly number[]): void {
  for (const t of templates) {
    describe(`template ${t.id}`, () => {
      it('has the metadata the suite needs', () => {
        expect(t.id.startsWith(`${t.app}.`)).toBe(true);
        expect(['filter', 'query', 'analyze']).toContain(t.type);
        expect(['atomic', 'composite', 'conditional']).toContain(t.complexity);
        expect(['low', 'mid', 'high']).toContain(t.ambiguity);
      });
      for (const seed of seeds) {
        it(`seed ${seed}: reference passes, ${'wrong ends fail'}`, () => {
          const inst = instantiate(t, seed, apps);
          expect(inst.instruction.length).toBeGreaterThan(5);
          expect(JSON.parse(JSON.stringify(inst.params))).toEqual(inst.params);
          const { final, result } = runReference(inst, apps);
          expect(result.outcome).toBe(t.expect);
          if (t.reply) expect(result.questions.length).toBeGreaterThan(0);
          const answer = result.outcome === 'complete' ? result.answer : undefined;
          const v = verifyInstance(inst, final, answer);
          expect(v, v.reason).toMatchObject({ ok: true });
          const wrong = t.wrongEnds(inst.params);
          expect(wrong.length).toBeGreaterThanOrEqual(2);
          for (const w of wrong) {
            const bad = clonePhone(final);
            w.mutate?.(bad);
            const r = verifyInstance(inst, bad, w.answer ?? answer);
            expect(r.ok, `wrong end "${w.name}" was accepted: ${r.reason}`).toBe(false);
          }
        });
      }
    });
  }
}
