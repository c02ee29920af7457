import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import type { UiNode } from '../../src/core/uitree.js';
import {
  createGoalReward, featureScore, frameText, frameTokens, guiProgressRewards, keyStepScores, learnFromGuiDemos, learnPerceptualRewards,
  meanOfNormalized, openAIEmbedder, perceptualReward, progressRewards, splitByVariance, vlmRmReward,
} from '../../src/rewards/perception/index.js';

describe('Unsupervised Perceptual Rewards (REWARDS-2 #16)', () => {
  it('feature score: mu+ 1, s+ .2, mu- .2, s- .3, a 5 -> z 3.5', () => {
    expect(featureScore(1, 0.2, 0.2, 0.3, 5)).toBeCloseTo(3.5, 12);
  });

  it('splits a demonstration where the features jump', () => {
    const d = [[0], [0.1], [5], [5.2]];
    expect(splitByVariance(d, 2)).toEqual([2]);
    // [0,.1] | [5] | [5.2] costs 0.005; [0] | [.1] | [5,5.2] costs 0.02
    expect(splitByVariance(d, 3)).toEqual([2, 3]);
    expect(() => splitByVariance(d, 5)).toThrow(/cannot be split into 5 steps/);
  });

  // two features that flip together at the key step, one constant feature that says nothing
  const A = [[0, 0, 1], [0, 0, 1], [1, 1, 1], [1, 1, 1]];
  const B = [[0, 0, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1]];
  const model = learnPerceptualRewards([A, B], { steps: 2, features: 2, minStd: 0.1 });

  it('finds the key steps and the features that separate them', () => {
    expect(model.splits).toEqual([[2], [1]]);
    // 3 frames at [0,0] vs 5 at [1,1]: z = 5 * 1 - 0 for features 0 and 1, 0 for the constant one
    expect(model.keySteps.map((k) => k.features)).toEqual([[0, 1], [0, 1]]);
    expect(model.keySteps[0].scores).toEqual([5, 5]);
    expect(model.keySteps.map((k) => k.mean)).toEqual([[0, 0], [1, 1]]);
    expect(model.keySteps[0].std).toEqual([0.1, 0.1]);
  });

  it('scores by squared distance in units of s+, later steps weighted 2^(i-1)', () => {
    expect(keyStepScores(model, [0, 0, 1])).toEqual([expect.closeTo(0, 9), expect.closeTo(-100, 9)]);
    expect(keyStepScores(model, [0.5, 0.5, 0])).toEqual([-25, -25].map((x) => expect.closeTo(x, 9)));
    expect(perceptualReward(model, [0, 0, 1])).toBeCloseTo(-200, 9);
    expect(perceptualReward(model, [1, 1, 1])).toBeCloseTo(-100, 9);
    expect(perceptualReward(model, [0.5, 0.5, 1])).toBeCloseTo(-75, 9);
  });

  it('progress reward: key steps count only in order; half way after the first', () => {
    const good = progressRewards(model, [[0, 0, 1], [0.5, 0.5, 1], [1, 1, 1]]);
    expect(good.map((s) => s.reached)).toEqual([1, 1, 2]);
    expect(good.map((s) => s.reward)).toEqual([expect.closeTo(0.5, 9), expect.closeTo(0.5, 9), 1]);
    // starting at the end state without the first key step: nothing reached yet
    const skipped = progressRewards(model, [[1, 1, 1]]);
    expect(skipped[0].reached).toBe(0);
    expect(skipped[0].reward).toBeCloseTo(0, 9);
  });

  it('bad input says what is wrong', () => {
    expect(() => learnPerceptualRewards([], { steps: 2 })).toThrow(/no demonstrations/);
    expect(() => learnPerceptualRewards([[[0, 1], [1]]], { steps: 1 })).toThrow(/frame 1 has 1 features, frame 0 has 2/);
    expect(() => keyStepScores(model, [1, 1])).toThrow(/2 features, the model 3/);
  });
});

const node = (index: number, p: Partial<UiNode>): UiNode => ({
  index, class: 'android.widget.TextView', text: '', desc: '', resourceId: '', bounds: [0, 0, 10, 10], clickable: false, focused: false,
  scrollable: false, checkable: false, checked: false, selected: false, enabled: true, parent: index - 1, package: 'com.stepwise.notes', ...p,
});
const SCREENS = {
  home: [node(0, { text: 'Notes', package: 'com.stepwise.launcher' }), node(1, { text: 'Shop', package: 'com.stepwise.launcher' })],
  list: [node(0, { resourceId: 'com.stepwise.notes:id/new-note', class: 'android.widget.Button', desc: 'New note' }), node(1, { text: 'Gift ideas' })],
  editor: [node(0, { resourceId: 'com.stepwise.notes:id/title-input', class: 'android.widget.EditText', focused: true }), node(1, { resourceId: 'com.stepwise.notes:id/save-note', text: 'Save' })],
  saved: [node(0, { resourceId: 'com.stepwise.notes:id/new-note', class: 'android.widget.Button', desc: 'New note' }), node(1, { text: 'Shopping list' }), node(2, { text: 'Gift ideas' })],
};
const f = (k: keyof typeof SCREENS, ocr?: string[]) => ({ tree: SCREENS[k], ...(ocr && { ocr }) });

describe('perceptual features of GUI observations', () => {
  it('reads ids, short texts, classes, state and OCR words off a frame', () => {
    const t = frameTokens({ tree: SCREENS.editor, ocr: ['Title  Body'] });
    expect([...t].sort()).toEqual(['class:EditText', 'class:TextView', 'focused:title-input', 'id:save-note', 'id:title-input', 'ocr:body', 'ocr:title', 'pkg:com.stepwise.notes', 'text:save']);
    expect(frameText(f('list'))).toBe('app com.stepwise.notes\nNew note, Gift ideas');
  });

  it('learns key steps from two demonstrations and rewards a new run by progress', () => {
    const m = learnFromGuiDemos([[f('home'), f('list'), f('editor'), f('saved')], [f('home'), f('list'), f('list'), f('editor'), f('saved')]], { steps: 4, features: 4 });
    expect(m.model.splits).toEqual([[1, 2, 3], [1, 3, 4]]);
    const run = guiProgressRewards(m, [f('home'), f('list'), f('editor'), f('saved')]);
    expect(run.map((s) => s.reached)).toEqual([1, 2, 3, 4]);
    expect(run[3].reward).toBe(1);
    for (let i = 1; i < run.length; i++) expect(run[i].reward).toBeGreaterThan(run[i - 1].reward);
    // a run that opens the editor and stops there never reaches the saved list
    const stalled = guiProgressRewards(m, [f('home'), f('list'), f('editor'), f('editor')]);
    expect(stalled.map((s) => s.reached)).toEqual([1, 2, 3, 3]);
    expect(stalled[3].reward).toBeLessThan(run[3].reward);
  });
});

describe('VLM-RM goal-baseline reward (REWARDS-2 #17)', () => {
  const x = [0.6, 0.8, 0], g = [1, 0, 0], b = [0, 1, 0];
  it('x (.6,.8,0), g (1,0,0), b (0,1,0): a 0 -> 0.60, a .5 -> 0.63, a 1 -> 0.64', () => {
    expect(vlmRmReward(x, g, b, 0)).toBeCloseTo(0.6, 12);
    expect(vlmRmReward(x, g, b, 0.5)).toBeCloseTo(0.63, 12);
    expect(vlmRmReward(x, g, b, 1)).toBeCloseTo(0.64, 12);
  });

  it('goal and baseline are means of normalised prompt embeddings', async () => {
    expect(meanOfNormalized([[2, 0, 0], [0, 0, 3]])).toEqual([0.5, 0, 0.5]);
    const table: Record<string, number[]> = { goal: [3, 0, 0], base: [0, 2, 0], obs: [6, 8, 0] };
    const r = await createGoalReward({ embed: async (ts) => ts.map((t) => table[t]), goals: ['goal'], baselines: ['base'], alpha: 0.5 });
    expect(await r.score(['obs'])).toEqual([expect.closeTo(0.63, 12)]);
  });

  it('rejects alpha outside [0,1] and a baseline equal to the goal', () => {
    expect(() => vlmRmReward(x, g, b, 1.5)).toThrow(/alpha 1.5/);
    expect(() => vlmRmReward(x, g, g, 0.5)).toThrow(/coincide/);
  });

  describe('through an OpenAI-compatible /v1/embeddings endpoint', () => {
    let fake: FakeServer;
    beforeAll(async () => { fake = await startFakeOpenAI({ embeddingDims: 64 }); });
    afterAll(async () => { await fake.close(); });

    it('a screen that shows the goal scores above one that does not', async () => {
      const embed = openAIEmbedder({ baseURL: fake.url, apiKey: 'k', model: 'embedder' });
      expect((await embed(['one']))[0]).toHaveLength(64);
      const r = await createGoalReward({ embed, goals: ['shopping list note saved'], baselines: ['notes app screen'], alpha: 1 });
      const [saved, list] = await r.score([frameText(f('saved')), frameText(f('list'))]);
      expect(saved).toBeGreaterThan(list);
    });

    it('an unreachable endpoint is a clear error', async () => {
      const embed = openAIEmbedder({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'k', model: 'embedder', retries: 0 });
      await expect(embed(['x'])).rejects.toThrow(/cannot reach model "embedder" at http:\/\/127.0.0.1:9\/v1/);
    });
  });
});
