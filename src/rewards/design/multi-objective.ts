/**
 * Multi-objective rewards with user weights. MAH-DPO (Simultaneous Multi-objective Alignment),
 * arXiv 2510.01167 (REWARDS-2.md 10, read in the authors' code): one head per objective trained
 * with DPO on its own pairs; at inference heads combine with normalised user weights.
 */
import { RewardInputError, assertSameLength, sum } from '../util.js';
import { softplus } from './cooper.js';

/** w~ = w / sum w; weights must be >= 0 with a positive sum. */
export function normaliseWeights(w: readonly number[]): number[] {
  w.forEach((x, k) => { if (!(x >= 0)) throw new RewardInputError(`weights[${k}]`, `${x} is negative`, 'user weights are >= 0'); });
  const s = sum(w);
  if (!(s > 0)) throw new RewardInputError('weights', 'sum to 0', 'give at least one positive weight');
  return w.map((x) => x / s);
}

/** Scalar reward of a vector reward: sum_k w~_k r_k. One-hot weights return that objective. */
export function scalariseVector(r: readonly number[], weights: readonly number[]): number {
  assertSameLength('r', r, 'weights', weights);
  const w = normaliseWeights(weights);
  return r.reduce((s, x, k) => s + (w[k] === 0 ? 0 : w[k] * x), 0);
}

/** Mixed inference logits: sum_k w~_k head_k (heads[k] = one head's logit vector). */
export function mixHeadLogits(heads: readonly (readonly number[])[], weights: readonly number[]): number[] {
  assertSameLength('heads', heads, 'weights', weights);
  const w = normaliseWeights(weights);
  const n = heads[0]?.length ?? 0;
  heads.forEach((h, k) => { if (h.length !== n) throw new RewardInputError(`heads[${k}]`, `has ${h.length} logits, heads[0] has ${n}`, 'every head scores the same vocabulary'); });
  return Array.from({ length: n }, (_, j) => heads.reduce((s, h, k) => s + (w[k] === 0 ? 0 : w[k] * h[j]), 0));
}

/** DPO loss -log sigma(beta * margin), margin = (log pi - log ref)(chosen) - (same)(rejected). */
export function dpoLoss(margin: number, beta = 0.1): number {
  return softplus(-beta * margin);
}

/**
 * Per-head DPO losses (mean over each head's pairs) and the total: mean over heads that have
 * data. A head with no pairs reports null and does not count.
 */
export function multiHeadDpo(marginsPerHead: readonly (readonly number[])[], beta = 0.1): { perHead: (number | null)[]; total: number } {
  const perHead = marginsPerHead.map((ms) => (ms.length === 0 ? null : sum(ms.map((m) => dpoLoss(m, beta))) / ms.length));
  const have = perHead.filter((x): x is number => x !== null);
  return { perHead, total: have.length === 0 ? 0 : sum(have) / have.length };
}
