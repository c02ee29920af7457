/**
 * PURE min-form credit assignment. Cheng et al., "Stop Summation: Min-Form Credit Assignment
 * Is All Process Reward Model Needs for Reasoning", arXiv 2504.15275 [code].
 *
 * Sum-form returns let a policy farm many mildly positive steps; the min-form value of a step
 * is the worst reward still ahead of it, so one bad step caps everything before it.
 */
import { softmax, suffixSums, RewardInputError } from './util.js';

/** PRM step reward from 2-class logits [bad, good]: softmax(l)[1] - softmax(l)[0], in [-1, 1]. */
export function prmStepReward(logits: readonly [number, number]): number {
  const [p0, p1] = softmax(logits);
  return p1 - p0;
}

/**
 * Strict min-form value V_t = min over t' >= t of r_t'. Masked-out entries (mask[t] false:
 * padding, non-step tokens) are skipped and get value 0.
 */
export function pureStrictValues(r: readonly number[], mask?: readonly boolean[]): number[] {
  const out = new Array<number>(r.length).fill(0);
  let m = Infinity;
  for (let t = r.length - 1; t >= 0; t--) {
    if (mask && !mask[t]) continue;
    if (r[t] < m) m = r[t];
    out[t] = m;
  }
  return out;
}

export interface MinFormResult {
  /** softmax(-r / T) over valid steps; masked steps 0. */
  weights: number[];
  /** r*_t = w_t r_t. */
  rewards: number[];
  /** G_t = sum_{t' >= t} r*_t'. */
  returns: number[];
}

/**
 * Approximate min-form (the default in PURE): reweight step rewards by softmax(-r / T) so the
 * smallest reward dominates, then take ordinary returns. T > 0; T -> 0 recovers the strict min.
 */
export function pureMinForm(r: readonly number[], temperature = 0.1, mask?: readonly boolean[]): MinFormResult {
  if (!(temperature > 0)) throw new RewardInputError('temperature', `must be > 0, got ${temperature}`, 'use the paper default 0.1');
  const idx: number[] = [];
  for (let t = 0; t < r.length; t++) if (!mask || mask[t]) idx.push(t);
  const w = softmax(idx.map((t) => -r[t] / temperature));
  const weights = new Array<number>(r.length).fill(0);
  idx.forEach((t, k) => (weights[t] = w[k]));
  const rewards = r.map((x, t) => weights[t] * x);
  return { weights, rewards, returns: suffixSums(rewards) };
}

/**
 * Leave-one-out verifiable reward: v_i = solved_i - 1 in {-1, 0}, vhat_i = v_i - mean_{j != i} v_j.
 * A group of one has no baseline: vhat = v.
 */
export function leaveOneOutVerifiable(solved: readonly (boolean | number)[]): number[] {
  const v: number[] = solved.map((s) => (s ? 0 : -1));
  const n = v.length;
  if (n < 2) return v.slice();
  const total = v.reduce((a, b) => a + b, 0);
  return v.map((vi) => vi - (total - vi) / (n - 1));
}

/**
 * Full PURE signal for one group: min-form returns per rollout, with the leave-one-out
 * verifiable reward added (coefficient 1) at each rollout's final step.
 */
export function pureGroupReturns(
  stepRewards: readonly (readonly number[])[],
  solved?: readonly (boolean | number)[],
  opts: { temperature?: number; strict?: boolean } = {},
): number[][] {
  if (solved && solved.length !== stepRewards.length) {
    throw new RewardInputError('solved', `has ${solved.length} entries for ${stepRewards.length} rollouts`, 'give one solved flag per rollout');
  }
  const vhat = solved ? leaveOneOutVerifiable(solved) : stepRewards.map(() => 0);
  return stepRewards.map((r, i) => {
    const g = opts.strict ? pureStrictValues(r) : pureMinForm(r, opts.temperature ?? 0.1).returns;
    // The verifiable reward sits on the last step, so every earlier return includes it too.
    return g.map((x) => x + vhat[i]);
  });
}

