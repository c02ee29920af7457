/**
 * Per-step signals from the screens: did the step change anything, was its effect undone by
 * the next step (a detour and its back), did the agent go round in a loop. These decide which
 * steps of a successful trajectory are fit to teach actions.
 */
import type { Trajectory } from '../core/trajectory.js';
import { distance } from 'fastest-levenshtein';
import { diffScreens, elementUnder, keyboardOpen, similarity, type ElementInfo, type Screen, type ScreenDiff } from './screen.js';
import type { UiNode, UiTree } from '../core/uitree.js';

/** Why a step is kept out of action data. */
export type WasteKind = 'no_effect' | 'detour' | 'detour_undo' | 'loop' | 'dead_end' | 'mistyped' | 'off_task' | 'failed_action' | 'unparsed';

export interface StepSignals {
  index: number;
  before?: Screen;
  after?: Screen;
  diff?: ScreenDiff;
  element?: ElementInfo;
  /** The action ran without a device error. */
  ok: boolean;
  /** Set when the step wasted effort (kept out of action prediction). */
  waste?: WasteKind;
}

/** Actions that end or pause a run: they have no screen effect by design. */
const NO_SCREEN_EFFECT = new Set(['complete', 'abort', 'info', 'wait']);

export interface SignalOptions {
  /** Longest cycle (in steps) that counts as a loop: A -> ... -> A. Default 4. */
  loopWindow?: number;
  /**
   * Content similarity (Jaccard of ids and texts) at which a back "restored" the screen
   * before a detour. Default 0.85: a detour may leave small marks (an unread count drops).
   */
  restoredAt?: number;
}

export function stepSignals(t: Trajectory, screens: (Screen | undefined)[], opts: SignalOptions = {}): StepSignals[] {
  const out: StepSignals[] = t.steps.map((s, i) => {
    const before = screens[i];
    const after = screens[i + 1];
    const sig: StepSignals = { index: s.index, before, after, ok: s.result?.ok !== false };
    if (before && after) sig.diff = diffScreens(before, after);
    const el = elementUnder(s.action, s.observation, before);
    if (el) sig.element = el;
    return sig;
  });
  const type = (i: number) => t.steps[i]?.action?.type;
  // Detour: a step that changed the screen and the very next step (back) restored its content
  // (the keyboard may have closed on the way, so positions and focus are not compared).
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i], b = out[i + 1];
    if (a.waste || !a.diff?.changed || !b.after || !a.before) continue;
    const restoredAt = opts.restoredAt ?? 0.85;
    const back = similarity(b.after, a.before);
    // The back must move the content closer to where it was: a keyboard-only back does not.
    if (type(i + 1) === 'key' && back >= restoredAt && back > similarity(a.after!, a.before)) {
      a.waste = 'detour';
      b.waste = 'detour_undo';
    }
  }
  const wanted = taskStrings(t);
  t.steps.forEach((s, i) => {
    const sig = out[i];
    if (sig.waste) return;
    if (!s.action) sig.waste = 'unparsed';
    else if (!sig.ok) sig.waste = 'failed_action';
    else if (s.action.type === 'type' && nearMiss(s.action.text, wanted)) sig.waste = 'mistyped';
    else if ((s.action.type === 'click' || s.action.type === 'long_press') && sig.before && sig.element && offTask(sig.before.tree, sig.element, wanted)) sig.waste = 'off_task';
    else if (sig.diff && !sig.diff.changed && !NO_SCREEN_EFFECT.has(s.action.type)) sig.waste = 'no_effect';
  });
  // A tap or key whose only effect was focus or the keyboard (content unchanged), not used by
  // typing right after: nothing the task needs happened (a stray tap on a field, a back that
  // only hid the keyboard before typing again).
  for (let i = 0; i < out.length; i++) {
    const sig = out[i];
    const ty = type(i);
    if (sig.waste || !sig.diff?.changed || !sig.before || !sig.after || sig.diff.appChanged) continue;
    if (sig.before.content !== sig.after.content) continue;
    const next = type(i + 1);
    if ((ty === 'click' || ty === 'long_press') && next !== 'type') sig.waste = 'no_effect';
    else if (ty === 'key' && next === 'type' && keyboardOpen(sig.before) && !keyboardOpen(sig.after)) sig.waste = 'no_effect';
  }
  unneededBacks(t, out);
  answerDeadEnd(t, out);
  // Loops: the screen before step i comes back after step j (i + 2 <= j < i + window); steps
  // already labelled (detour, no effect) keep their label.
  const window = opts.loopWindow ?? 4;
  for (let i = 0; i < out.length; i++) {
    const start = out[i].before?.signature;
    if (!start) continue;
    for (let j = i + 2; j < Math.min(out.length, i + window); j++) {
      if (out[j].after?.signature !== start) continue;
      const span = out.slice(i, j + 1);
      // Scrolling down then back up is a search, not a loop: it only moves the same list.
      if (span.every((s, k) => type(i + k) === 'scroll')) break;
      for (const s of span) s.waste ??= 'loop';
      i = j; // cycles do not overlap: the step after a loop starts afresh
      break;
    }
  }
  // Dead end: the last effective step before the end, when only ineffective steps followed it
  // (the agent flailed, then stopped): what it reached was not used.
  let k = out.length - 1;
  if (k >= 0 && NO_SCREEN_EFFECT.has(type(k) ?? '')) k--;
  let flailed = 0;
  while (k >= 0 && (out[k].waste === 'no_effect' || out[k].waste === 'failed_action')) { k--; flailed++; }
  if (flailed > 0 && k >= 0 && !out[k].waste) out[k].waste = 'dead_end';
  return out;
}

/**
 * A tap on one item of a set (same id family, class and row height or column width: list
 * rows, folder chips, tabs) that no task string names, while another item of the same set on
 * the screen is named by one: the task said which item, and this is not it.
 */
export function offTask(tree: UiTree, el: ElementInfo, wanted: string[]): boolean {
  const strs = wanted.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 2);
  const family = (id: string) => id.replace(/^.*:id\//, '').replace(/[-_][^-_]*$/, '');
  const fam = family(el.resourceId);
  if (!strs.length || !el.clickable || !fam) return false;
  const n = tree.find((x) => x.resourceId === el.resourceId && x.bounds.join() === el.bounds.join());
  if (!n) return false;
  const named = (x: UiNode) => { const l = labelOf(tree, x); return strs.some((w) => l.includes(w)); };
  if (named(n)) return false;
  const w = (x: UiNode) => x.bounds[2] - x.bounds[0], h = (x: UiNode) => x.bounds[3] - x.bounds[1];
  return tree.some((x) => x.clickable && x.resourceId !== n.resourceId && family(x.resourceId) === fam && x.class === n.class &&
    (w(x) === w(n) || h(x) === h(n)) && named(x));
}

/** Every text and desc inside a node (itself included), lower-cased. */
function labelOf(tree: UiTree, n: UiNode): string {
  const [l, t, r, b] = n.bounds;
  return tree.filter((c) => c.index === n.index || (c.index > n.index && c.bounds[0] >= l && c.bounds[1] >= t && c.bounds[2] <= r && c.bounds[3] <= b))
    .map((c) => `${c.text} ${c.desc}`).join(' ').toLowerCase();
}

/** The task's own strings: string parameters and quoted text in the instruction. */
export function taskStrings(t: Trajectory): string[] {
  const params = Object.values(t.task.params ?? {}).filter((v): v is string => typeof v === 'string');
  const quoted = [...t.task.instruction.matchAll(/["“«]([^"”»]{2,})["”»]/g)].map((m) => m[1]);
  return [...params, ...quoted];
}

/**
 * Typed text that almost, but not exactly, equals one of the task's strings (a dropped or
 * swapped letter): the task says what to type, so a near miss is a typo, not a choice.
 */
export function nearMiss(text: string, wanted: string[]): boolean {
  const a = text.trim().toLowerCase();
  if (a.length < 3) return false;
  let close = false;
  for (const w of wanted) {
    const b = w.trim().toLowerCase();
    if (a === b) return false;
    const d = distance(a, b);
    if (d > 0 && d <= 2 && Math.min(a.length, b.length) / Math.max(a.length, b.length) >= 0.8) close = true;
  }
  return close;
}

/**
 * A back that only closed the keyboard when the next tap's element was already there, in the
 * same place and not under the keyboard: the tap did not need it (a correct "hide the keyboard
 * first" back uncovers or reveals what the next step touches).
 */
function unneededBacks(t: Trajectory, out: StepSignals[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const sig = out[i], step = t.steps[i], next = t.steps[i + 1];
    if (sig.waste || step.action?.type !== 'key' || step.action.key !== 'back' || !sig.before || !sig.after || sig.diff?.appChanged) continue;
    if (!keyboardOpen(sig.before) || keyboardOpen(sig.after)) continue;
    const later = out[i + 1].element;
    if (!later || !next.action || !['click', 'long_press'].includes(next.action.type)) continue;
    // Where the same point was on the screen before the back (same frame size: only the
    // keyboard went away).
    const o = step.observation, n = next.observation;
    if (!o || !n || o.width !== n.width || o.height !== n.height) continue;
    const there = elementUnder(next.action, o, sig.before);
    if (there && sameElement(there, later)) sig.waste = 'no_effect';
  }
}

function sameElement(a: ElementInfo, b: ElementInfo): boolean {
  return a.resourceId === b.resourceId && a.text === b.text && a.desc === b.desc && a.bounds.join() === b.bounds.join();
}

/** Whether a screen shows an answer: the whole phrase, or every word of 3+ letters and every number. */
export function showsAnswer(s: Screen, answer: string): boolean {
  const text = s.texts.join(' \n ').toLowerCase();
  const a = answer.trim().toLowerCase();
  if (!a) return false;
  if (text.includes(a)) return true;
  const tokens = a.match(/[\p{L}]{3,}|\d+/gu) ?? [];
  const words = new Set(text.match(/[\p{L}]+|\d+/gu) ?? []);
  return tokens.length > 0 && tokens.every((w) => words.has(w) || (/\p{Script=Han}/u.test(w) && text.includes(w)));
}

/**
 * An answer the final screen does not show, when an earlier screen did: the steps after that
 * screen led away from the evidence (the agent answered from what it had already seen), so
 * they do not teach actions.
 */
function answerDeadEnd(t: Trajectory, out: StepSignals[]): void {
  const lastStep = t.steps.at(-1);
  const answer = lastStep?.action?.type === 'complete' ? lastStep.action.answer ?? t.answer ?? '' : '';
  const final = out.at(-1)?.before;
  if (!answer.trim() || !final || showsAnswer(final, answer)) return;
  let seen = lastShowing(out, (s) => showsAnswer(s, answer));
  // An answer in another language than the screens ("Line 1" for 1号线) matches only by its
  // numbers: the screen that had all of them, when the final one has none of them.
  const numbers = answer.match(/\d+/g) ?? [];
  if (seen < 0 && numbers.length) {
    const words = (s: Screen) => new Set(s.texts.join(' \n ').match(/\d+/g) ?? []);
    const finalWords = words(final);
    if (numbers.some((x) => finalWords.has(x))) return;
    seen = lastShowing(out, (s) => { const w = words(s); return numbers.every((x) => w.has(x)); });
  }
  if (seen < 0) return;
  for (let k = seen; k < out.length - 1; k++) out[k].waste ??= 'dead_end';
}

/** The last step (before the final one) whose screen passes `shows`, or -1. */
function lastShowing(out: StepSignals[], shows: (s: Screen) => boolean): number {
  for (let k = out.length - 2; k >= 0; k--) if (out[k].before && shows(out[k].before!)) return k;
  return -1;
}
