/**
 * Perception and ONI rewards through the reward registry (what `stepwise reward <name>` and
 * the reward server run): worked example values, and library errors reported as input errors.
 */
import { describe, expect, it } from 'vitest';
import { trainHashModel } from '../../src/rewards/oni/models.js';
import { runMethod } from '../../src/rewards/registry/index.js';
import { RewardInputError } from '../../src/rewards/util.js';

describe('perception methods in the registry', () => {
  it('vlm-rm gives REWARDS-2 #17 values, averaging several goal embeddings after normalising', () => {
    const x = [0.6, 0.8, 0];
    expect(runMethod('vlm-rm', { x, goal: [1, 0, 0], baseline: [0, 1, 0], alpha: 0 })).toEqual({ reward: expect.closeTo(0.6, 12) });
    expect(runMethod('vlm-rm', { x, goal: [[3, 0, 0], [1, 0, 0]], baseline: [[0, 2, 0]], alpha: 0.5 })).toEqual({ reward: expect.closeTo(0.63, 12) });
  });

  it('perceptual-progress reaches the key steps of the demonstrations in order', () => {
    // Two segments: features [1,0] then [0,1]; the scored run goes there and stays.
    const demo = [[1, 0], [1, 0], [0, 1], [0, 1]];
    const out = runMethod('perceptual-progress', { demos: [demo, demo], frames: [[1, 0], [0, 1], [0, 1]], steps: 2 }) as { rewards: number[]; reached: number[] };
    expect(out.reached).toEqual([1, 2, 2]);
    expect(out.rewards.at(-1)).toBe(1);
    expect(out.rewards[0]).toBeLessThan(1);
  });

  it('oni-reward scores messages with a distilled model, no LLM', () => {
    const model = trainHashModel([{ message: 'you found the key', label: 1 }, { message: 'it is dark', label: 0 }]);
    expect(runMethod('oni-reward', { model, messages: ['you found the key', 'it is dark'] })).toEqual({ rewards: [1, 0] });
  });

  it('reports library errors as input errors with the field', () => {
    expect(() => runMethod('vlm-rm', { x: [1, 0], goal: [1, 0, 0], baseline: [0, 1, 0], alpha: 0 })).toThrow(RewardInputError);
    expect(() => runMethod('oni-reward', { model: { kind: 'nope' }, messages: [] })).toThrow(/model: .*not a distilled ONI model/);
    expect(() => runMethod('perceptual-progress', { demos: [], frames: [], steps: 1 })).toThrow(/demos: .*no demonstrations/);
  });
});
