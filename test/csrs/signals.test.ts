import { describe, expect, it } from 'vitest';
import { screensOf, stepSignals, ruleVerdict, categoriesFor, CATEGORIES, groundedTargets, toSamples, validateTarget } from '../../src/csrs/index.js';
import type { Trajectory } from '../../src/core/trajectory.js';
import { button, putTrajectory, screen, tempStore, verifier } from './helpers.js';

const HOME = screen(['Inbox', 'Settings', 'Search']);
const INBOX = screen(['Back', 'Mail from Ann', 'Mail from Bob']);
const MAIL = screen(['Back', 'Reply', 'Hello from Ann']);
const SETTINGS = screen(['Back', 'Wi-Fi', 'Bluetooth']);

function load(store: ReturnType<typeof tempStore>, id: string) {
  const t = store.getTrajectory(id);
  return { t, sig: stepSignals(t, screensOf(t, (sha) => JSON.parse(store.getBlob(sha).toString()))) };
}

const focused = (tree: ReturnType<typeof screen>, k: number) => tree.map((n) => (n.index === k + 1 ? { ...n, focused: true } : n));
const ORDER = screen(['Back', 'Order from Kitchen', 'Arriving around 10:05']);

describe('step signals', () => {
  it('marks a tap that only moved focus unless typing follows', () => {
    const store = tempStore();
    const stray = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: HOME, action: { type: 'click', point: button(2) } }, // focuses Search only
      { screen: focused(HOME, 2), action: { type: 'click', point: button(0) } },
      { screen: INBOX, action: { type: 'complete', answer: '' } },
    ] });
    const used = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: HOME, action: { type: 'click', point: button(2) } },
      { screen: focused(HOME, 2), action: { type: 'type', text: 'Ann' } },
      { screen: INBOX, action: { type: 'complete', answer: '' } },
    ] });
    expect(load(store, stray).sig.map((s) => s.waste)).toEqual(['no_effect', undefined, undefined]);
    expect(load(store, used).sig.map((s) => s.waste)).toEqual([undefined, undefined, undefined]);
  });

  it('marks steps that led away from an answer the final screen no longer shows', () => {
    const store = tempStore();
    const away = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: INBOX, action: { type: 'click', point: button(1) } },
      { screen: ORDER, action: { type: 'click', point: button(0) } }, // leaves the answer's screen
      { screen: INBOX, action: { type: 'complete', answer: 'Around 10:05' } },
    ] });
    const there = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: INBOX, action: { type: 'click', point: button(1) } },
      { screen: ORDER, action: { type: 'complete', answer: 'around 10:05' } },
    ] });
    expect(load(store, away).sig.map((s) => s.waste)).toEqual([undefined, 'dead_end', undefined]);
    expect(load(store, there).sig.map((s) => s.waste)).toEqual([undefined, undefined]);
  });

  it('marks a back that only hid the keyboard when the next tap did not need it', () => {
    const store = tempStore();
    const LONG = screen(['Inbox', 'B', 'C', 'D', 'E', 'F', 'G', 'Send']); // Send at y 1400-1580
    const kb = (tree: ReturnType<typeof screen>) => [...tree, { ...tree[1], index: tree.length, text: 'q', resourceId: 'kb:id/q', bounds: [0, 1300, 1000, 2000] as [number, number, number, number], parent: -1, package: 'com.android.inputmethod.latin' }];
    const needless = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: kb(LONG), action: { type: 'key', key: 'back' } }, // Inbox was tappable already
      { screen: LONG, action: { type: 'click', point: button(0) } },
      { screen: INBOX, action: { type: 'complete', answer: '' } },
    ] });
    const uncovers = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: kb(LONG), action: { type: 'key', key: 'back' } }, // Send was under the keyboard
      { screen: LONG, action: { type: 'click', point: button(7) } },
      { screen: INBOX, action: { type: 'complete', answer: '' } },
    ] });
    expect(load(store, needless).sig.map((s) => s.waste)).toEqual(['no_effect', undefined, undefined]);
    expect(load(store, uncovers).sig.map((s) => s.waste)).toEqual([undefined, undefined, undefined]);
  });

  it('marks a tap on an item the task does not name while the named one is beside it', () => {
    const store = tempStore();
    const FOLDERS = screen(['Back', 'Folder Personal', 'Folder Shopping']);
    const PERSONAL = screen(['Back', 'Note one', 'Note two']);
    const SHOPPING = screen(['Back', 'Rice', 'Milk']);
    const run = (k: number, after: ReturnType<typeof screen>, params: Record<string, unknown>) => putTrajectory(store, { params, stop: 'completed', outcome: verifier('success'), steps: [
      { screen: FOLDERS, action: { type: 'click', point: button(k) } },
      { screen: after, action: { type: 'complete', answer: '2' } },
    ] });
    expect(load(store, run(2, SHOPPING, { folder: 'Personal' })).sig[0].waste).toBe('off_task');
    expect(load(store, run(1, PERSONAL, { folder: 'Personal' })).sig[0].waste).toBeUndefined();
    expect(load(store, run(2, SHOPPING, { folder: 'Work' })).sig[0].waste).toBeUndefined(); // no item is named
  });

  it('matches an answer in another language by its numbers', () => {
    const store = tempStore();
    const LINES = screen(['Back', '1 条线路运营异常：1号线', 'Nearby']);
    const NEARBY = screen(['Back', 'The Bund', 'Museum']);
    const away = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: LINES, action: { type: 'click', point: button(2) } }, // leaves the only screen with "1"
      { screen: NEARBY, action: { type: 'complete', answer: 'Line 1' } },
    ] });
    const there = putTrajectory(store, { stop: 'completed', outcome: verifier('success'), steps: [
      { screen: NEARBY, action: { type: 'click', point: button(0) } },
      { screen: LINES, action: { type: 'complete', answer: 'Line 1' } },
    ] });
    expect(load(store, away).sig.map((s) => s.waste)).toEqual(['dead_end', undefined]);
    expect(load(store, there).sig.map((s) => s.waste)).toEqual([undefined, undefined]);
  });

  it('marks a detour undone by back, keeps useful steps, and names the tapped element', () => {
    const store = tempStore();
    const id = putTrajectory(store, {
      stop: 'completed', outcome: verifier('success'),
      steps: [
        { screen: HOME, action: { type: 'click', point: button(1) }, injected: 'detour' }, // opens settings
        { screen: SETTINGS, action: { type: 'key', key: 'back' }, injected: 'detour_undo' },
        { screen: HOME, action: { type: 'click', point: button(0) } },
        { screen: INBOX, action: { type: 'click', point: button(1) } },
        { screen: MAIL, action: { type: 'complete', answer: '' } },
      ],
    });
    const { sig } = load(store, id);
    expect(sig.map((s) => s.waste)).toEqual(['detour', 'detour_undo', undefined, undefined, undefined]);
    expect(sig[2].element?.text).toBe('Inbox');
    expect(sig[3].diff?.appeared).toEqual(['Reply', 'Hello from Ann']);
    expect(sig[3].diff?.disappeared).toEqual(['Mail from Ann', 'Mail from Bob']);
  });

  it('marks taps without visible effect and loops, but not a search that scrolls back', () => {
    const store = tempStore();
    const id = putTrajectory(store, {
      stop: 'completed', outcome: verifier('success'),
      steps: [
        { screen: HOME, action: { type: 'click', point: [500, 990] } }, // empty area: nothing happens
        { screen: HOME, action: { type: 'click', point: button(0) } },
        { screen: INBOX, action: { type: 'click', point: button(1) } },
        { screen: MAIL, action: { type: 'open_app', app: 'Home' } }, // back to the start of the loop
        { screen: HOME, action: { type: 'click', point: button(0) } },
        { screen: INBOX, action: { type: 'complete', answer: '' } },
      ],
    });
    const { sig } = load(store, id);
    expect(sig[0].waste).toBe('no_effect');
    expect(sig.slice(1, 4).map((s) => s.waste)).toEqual(['loop', 'loop', 'loop']);
    expect(sig[4].waste).toBeUndefined();
    expect(sig[5].waste).toBeUndefined(); // complete has no screen effect by design
  });
});

describe('selection and extraction', () => {
  it('never gives action prediction to a failure; intent from failures is configurable', () => {
    const sig = { index: 0, ok: true };
    expect(categoriesFor('failure', sig)).not.toContain('action_prediction');
    expect(categoriesFor('failure', sig)).toContain('intent_execution');
    expect(categoriesFor('failure', sig, { intentFromFailures: false })).toEqual(CATEGORIES.slice(0, 5));
    expect(categoriesFor('success', sig)).toEqual([...CATEGORIES]);
    expect(categoriesFor('success', { ...sig, waste: 'detour' })).not.toContain('action_prediction');
    expect(categoriesFor('success', { ...sig, waste: 'detour' }, { filterWaste: false })).toContain('action_prediction');
  });

  it('builds valid targets of all seven categories from a successful step', () => {
    const store = tempStore();
    const id = putTrajectory(store, {
      stop: 'completed', outcome: verifier('success'), params: { who: 'Ann' },
      steps: [
        { screen: HOME, action: { type: 'click', point: button(0) } },
        { screen: INBOX, action: { type: 'click', point: button(1) } },
        { screen: MAIL, action: { type: 'complete', answer: '' } },
      ],
    });
    const { t, sig } = load(store, id);
    const ctx = { t, verdict: 'success' as const, signals: sig };
    const built = groundedTargets(ctx, 1);
    const samples = toSamples(ctx, 1, built, CATEGORIES);
    expect(samples.map((s) => s.category)).toEqual([...CATEGORIES]);
    for (const s of samples) expect(() => validateTarget(s.category, s.target)).not.toThrow();
    const by = Object.fromEntries(samples.map((s) => [s.category, s.target as Record<string, unknown>]));
    expect(by.progress_tracking.done).toEqual(['tap "Inbox"']);
    expect(by.intent_execution.intent).toBe('Tap "Mail from Ann"');
    expect(by.effect_prediction.appeared).toEqual(['Reply', 'Hello from Ann']);
    expect(by.self_reflection.assessment).toBe('useful');
    expect(by.state_verification.task_complete).toBe(false);
    const last = toSamples(ctx, 2, groundedTargets(ctx, 2), ['state_verification'])[0].target as { task_complete: boolean; evidence: string[] };
    expect(last.task_complete).toBe(true);
    expect(last.evidence).toEqual(['Hello from Ann']);
  });

  it('rejects a target that breaks its schema', () => {
    expect(() => validateTarget('self_reflection', { action: 'x', assessment: 'great', should_repeat: true, reasoning: 'r' })).toThrow();
    expect(() => validateTarget('state_summary', { app: 'a', keyboard_open: false, key_texts: [], actionable: [], reasoning: '' })).toThrow();
  });
});

describe('rules', () => {
  const base = (over: Partial<Trajectory>): Trajectory => ({ id: 'x', task: { instruction: 'i' }, status: 'finished', startedAt: 0, steps: [], ...over });
  it('fails aborts, step limits, errors and answers that admit failure (English and Chinese)', () => {
    expect(ruleVerdict(base({ stopReason: 'aborted' }))?.verdict).toBe('failure');
    expect(ruleVerdict(base({ stopReason: 'max_steps' }))?.verdict).toBe('failure');
    expect(ruleVerdict(base({ stopReason: 'error' }))?.verdict).toBe('failure');
    expect(ruleVerdict(base({ stopReason: 'completed', answer: 'I was unable to find it' }))).toMatchObject({ verdict: 'failure', confidence: 0.9 });
    expect(ruleVerdict(base({ stopReason: 'completed', answer: '无法完成这个任务' }))).toMatchObject({ verdict: 'failure', confidence: 0.9 });
    expect(ruleVerdict(base({ stopReason: 'completed', answer: 'Done: sent the message' }))).toBeUndefined();
  });
  it('does not fail an abort the task expects', () => {
    expect(ruleVerdict(base({ stopReason: 'aborted', task: { instruction: 'i', meta: { expect: 'abort' } } }))).toBeUndefined();
  });
});
