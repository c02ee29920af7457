import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import {
  AnnotationQueue, LabelAnnotator, PreferenceAnnotator, intrinsicReward, llmComparer, llmLabeler, loadOniModel, oniEpisodeRewards, oniReward,
  parseLabel, saveOniModel, trainClassifier, trainHashModel, trainRanking,
} from '../../src/rewards/oni/index.js';

describe('ONI reward (REWARDS-2 #18)', () => {
  it('r_ext 2, c_ext .1, label 1, second occurrence -> 0.25', () => {
    expect(oniReward(2, 1, 2, { cExt: 0.1 })).toBeCloseTo(0.25, 12);
  });

  it('repeats of a message in an episode pay N^-3 of the intrinsic part', () => {
    // a, A (same message), b: 0.4 * 1, 0.4 / 8, then the extrinsic reward only
    expect(oniEpisodeRewards(['cart has milk', 'Cart  has milk', 'home'], [0, 0, 1], [1, 1, 0])).toEqual([expect.closeTo(0.4, 12), expect.closeTo(0.05, 12), 1]);
  });
});

const LABELLED = [
  { message: 'shop: cart shows milk x1', label: 1 as const },
  { message: 'shop: cart shows eggs x2', label: 1 as const },
  { message: 'shop: item added to cart', label: 1 as const },
  { message: 'home screen with app icons', label: 0 as const },
  { message: 'settings: wifi page', label: 0 as const },
  { message: 'news: top stories list', label: 0 as const },
];

describe('distilled reward models', () => {
  it('hash: exact (normalised) lookups, unknown messages get the default', () => {
    const m = trainHashModel(LABELLED);
    expect(intrinsicReward(m, '  SHOP: cart shows milk x1 ')).toBe(1);
    expect(intrinsicReward(m, 'home screen with app icons')).toBe(0);
    expect(intrinsicReward(m, 'shop: cart shows bread')).toBe(0);
  });

  it('classifier: generalises from the labels to unseen messages', () => {
    const m = trainClassifier(LABELLED);
    expect(intrinsicReward(m, 'shop: cart shows bread x3')).toBe(1);
    expect(intrinsicReward(m, 'settings: bluetooth page')).toBe(0);
    // training the same data twice gives the same model
    expect(trainClassifier(LABELLED)).toEqual(m);
  });

  it('ranking: Bradley-Terry order from preferences, low scores cut to 0', () => {
    const prefs = [
      { better: 'order paid', worse: 'cart with milk' }, { better: 'cart with milk', worse: 'shop home' },
      { better: 'order paid', worse: 'shop home' }, { better: 'shop home', worse: 'phone home screen' },
    ];
    const m = trainRanking(prefs);
    const r = (s: string) => intrinsicReward(m, s);
    expect(r('order paid')).toBeGreaterThan(r('cart with milk'));
    expect(r('cart with milk')).toBeGreaterThan(0);
    expect(r('phone home screen')).toBe(0);
  });

  it('persists as JSON and loads back; damaged files say so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oni-'));
    try {
      for (const m of [trainHashModel(LABELLED), trainClassifier(LABELLED, { dims: 64 })]) {
        const p = join(dir, `${m.kind}.json`);
        saveOniModel(p, m);
        expect(loadOniModel(p)).toEqual(m);
      }
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ kind: 'classifier', version: 1, dims: 4, weights: [1], bias: 0, threshold: 0.5 }));
      expect(() => loadOniModel(join(dir, 'bad.json'))).toThrow(/1 weights for 4 dims/);
      writeFileSync(join(dir, 'other.json'), JSON.stringify({ kind: 'tree' }));
      expect(() => loadOniModel(join(dir, 'other.json'))).toThrow(/not a distilled ONI model/);
      expect(() => loadOniModel(join(dir, 'missing.json'))).toThrow(/cannot read .*ENOENT/);
      expect(() => trainClassifier([])).toThrow(/no labelled messages/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('asynchronous annotation queue', () => {
  it('runs at most `concurrency` calls, asks once per message, and is readable while busy', async () => {
    const calls: string[] = [];
    const release: (() => void)[] = [];
    const q = new LabelAnnotator((m) => { calls.push(m); return new Promise((r) => release.push(() => r(m.includes('cart') ? 1 : 0))); }, { concurrency: 2 });
    expect(['cart a', 'home', 'cart b', 'Cart A'].map((m) => q.submit(m))).toEqual(['queued', 'queued', 'queued', 'pending']);
    expect(q.queue.stats()).toMatchObject({ inFlight: 2, queued: 1 });
    expect(q.label('cart a')).toBeUndefined();
    release.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(q.label('cart a')).toBe(1);
    expect(q.queue.stats()).toMatchObject({ inFlight: 2, queued: 0, done: 1 });
    const drained = q.queue.drain();
    while (release.length) release.shift()!();
    await drained;
    expect(calls).toEqual(['cart a', 'home', 'cart b']);
    expect(q.queue.stats()).toMatchObject({ maxInFlight: 2, done: 3, failed: 0 });
    expect(q.submit('home')).toBe('known');
    expect(q.dataset()).toEqual(expect.arrayContaining([{ message: 'home', label: 0 }, { message: 'cart b', label: 1 }]));
  });

  it('keeps failures with their error, drops beyond maxQueue, and retries on resubmit', async () => {
    let fail = true;
    const q = new AnnotationQueue(async (k) => { if (fail) throw new Error(`down for ${k}`); return 1; }, { concurrency: 1, maxQueue: 1 });
    expect([q.submit('a'), q.submit('b'), q.submit('c')]).toEqual(['queued', 'queued', 'dropped']);
    await q.drain();
    expect(q.failures()).toEqual([['a', 'down for a'], ['b', 'down for b']]);
    fail = false;
    q.submit('a');
    await q.drain();
    expect(q.get('a')).toBe(1);
    expect(q.stats()).toMatchObject({ failed: 1, dropped: 1 });
    expect(() => new AnnotationQueue(async () => 1, { concurrency: 0 })).toThrow(/concurrency 0/);
  });

  describe('with an LLM behind the fake OpenAI-compatible server', () => {
    let fake: FakeServer;
    beforeAll(async () => {
      fake = await startFakeOpenAI({
        script: (req) => {
          if (req.text.includes('Observation:')) return `{"label": ${/Observation:.*cart/.test(req.text) ? 1 : 0}}`;
          const a = /\nA: (.*)/.exec(req.text)![1], b = /\nB: (.*)/.exec(req.text)![1];
          const score = (s: string) => (s.includes('paid') ? 2 : s.includes('cart') ? 1 : 0);
          return JSON.stringify({ better: score(a) === score(b) ? 'tie' : score(a) > score(b) ? 'A' : 'B' });
        },
      });
    });
    afterAll(async () => { await fake.close(); });
    const ep = () => ({ baseURL: fake.url, apiKey: 'k', model: 'annotator', retries: 0 });

    it('annotates observations, distils a classifier, and scores new steps without calling the LLM', async () => {
      const ann = new LabelAnnotator(llmLabeler(ep(), 'buy milk'), { concurrency: 3 });
      for (const m of LABELLED.map((x) => x.message)) ann.submit(m);
      await ann.queue.drain();
      expect(ann.queue.stats()).toMatchObject({ done: 6, failed: 0 });
      expect(fake.requests.at(-1)!.messages[0].content).toMatch(/useful progress/);
      const model = trainClassifier(ann.dataset());
      const before = fake.requests.length;
      const rInt = ['shop: cart shows bread', 'settings: display page'].map((m) => intrinsicReward(model, m));
      expect(rInt).toEqual([1, 0]);
      expect(fake.requests.length).toBe(before);
    });

    it('collects preferences for the ranking model', async () => {
      const ann = new PreferenceAnnotator(llmComparer(ep(), 'buy milk'), { concurrency: 2 });
      ann.submit('cart with milk', 'home screen');
      ann.submit('home screen', 'order paid');
      ann.submit('cart a', 'cart b');
      await ann.queue.drain();
      expect(ann.dataset()).toEqual(expect.arrayContaining([{ better: 'cart with milk', worse: 'home screen' }, { better: 'order paid', worse: 'home screen' }]));
      expect(ann.dataset()).toHaveLength(2);
    });

    it('an answer without a label is an error kept by the queue', async () => {
      expect(() => parseLabel('I think so')).toThrow(/without a label/);
      const q = new LabelAnnotator(async () => parseLabel('maybe'));
      q.submit('x');
      await q.queue.drain();
      expect(q.queue.failures()[0][1]).toMatch(/without a label/);
    });
  });
});
