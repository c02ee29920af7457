/**
 * Registry entries for rewards from perception and LLM feedback (REWARDS-2.md: Unsupervised
 * Perceptual Rewards, VLM-RMs, ONI), over numbers a caller already has (feature vectors,
 * embeddings, a distilled ONI model), so `stepwise reward <name>` and the reward server serve
 * them. Making features, embeddings and models needs devices or models: src/rewards/perception
 * and src/rewards/oni.
 */
import { z } from 'zod';
import { isStepwiseError } from '../../core/errors.js';
import { intrinsicReward, parseOniModel } from '../oni/models.js';
import { learnPerceptualRewards, progressRewards } from '../perception/upr.js';
import { meanOfNormalized, vlmRmReward } from '../perception/vlmrm.js';
import { RewardInputError } from '../util.js';
import { defineMethod, num, nums } from './define.js';

/** The library's own input errors, reported like schema errors (field + hint). */
function asInputError<T>(field: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isStepwiseError(e) && e.code === 'invalid_input') throw new RewardInputError(field, e.message, e.hint ?? '');
    throw e;
  }
}

const vectors = z.array(nums).describe('feature vectors, one per frame');
const embedding = z.union([nums, z.array(nums).min(1)]).describe('one embedding, or several averaged after normalising');

export const perceptionMethods = [
  defineMethod({
    name: 'perceptual-progress', citation: 'REWARDS-2.md 16; arXiv 1612.06699 (Unsupervised Perceptual Rewards)', tag: 'summary',
    description: 'Learn key steps and their discriminative features from demonstrations, then per-frame progress (reached + exp(R_next)) / K through them.',
    input: z.object({
      demos: z.array(vectors).describe('demonstrations: lists of feature vectors of equal size'),
      frames: vectors.describe('the trajectory to score'),
      steps: z.number().int().min(1).describe('key steps K'),
      features: z.number().int().min(1).optional().describe('features kept per key step M (default 32)'),
      a: num.optional().describe('weight a of the mean gap (default 5)'),
      reachAt: num.optional().describe('R_i at which a key step counts as reached (default -1)'),
    }).strict(),
    run: (i) => asInputError('demos', () => {
      const model = learnPerceptualRewards(i.demos, { steps: i.steps, features: i.features, a: i.a });
      const progress = progressRewards(model, i.frames, i.reachAt);
      return { rewards: progress.map((p) => p.reward), reached: progress.map((p) => p.reached), keySteps: model.keySteps.length };
    }),
  }),
  defineMethod({
    name: 'vlm-rm', citation: 'REWARDS-2.md 17; arXiv 2310.12921 (VLM-RMs)', tag: 'code',
    description: 'Goal-baseline regularised embedding reward r = 1 - 1/2 |(x - g) P|^2, P the projection of strength alpha on the goal-baseline direction.',
    input: z.object({
      x: nums.describe('embedding of the observation'),
      goal: embedding.describe('embedding(s) of the goal prompt g'),
      baseline: embedding.describe('embedding(s) of the baseline prompt b'),
      alpha: num.describe('alpha in [0, 1]: 0 = plain distance to the goal, 1 = only the goal-baseline direction'),
    }).strict(),
    run: (i) => asInputError('x', () => {
      const avg = (v: number[] | number[][]) => (Array.isArray(v[0]) ? meanOfNormalized(v as number[][]) : (v as number[]));
      return { reward: vlmRmReward(i.x, avg(i.goal), avg(i.baseline), i.alpha) };
    }),
  }),
  defineMethod({
    name: 'oni-reward', citation: 'REWARDS-2.md 18; arXiv 2410.23022 (ONI)', tag: 'code',
    description: 'Intrinsic rewards of new messages from a distilled ONI model (hash, classifier or ranking; made by src/rewards/oni), no LLM call.',
    input: z.object({
      model: z.record(z.string(), z.unknown()).describe('the distilled model JSON (saveOniModel)'),
      messages: z.array(z.string()).describe('observation captions / step descriptions to score'),
    }).strict(),
    run: (i) => asInputError('model', () => {
      const m = parseOniModel(i.model);
      return { rewards: i.messages.map((msg) => intrinsicReward(m, msg)) };
    }),
  }),
];
