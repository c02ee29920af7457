/**
 * VSRM: verifiable stepwise rewards from how the success rate of completions changes across a
 * trajectory. arXiv 2508.10293 (REWARDS-2.md 1, read in the authors' code).
 * GUI: acc_j = share of N policy restarts from the device state after step j that succeed.
 */
import { RewardInputError, mean } from '../util.js';

export interface VsrmOptions {
  /** |acc_{j+1} - acc_j| below this counts as "no change" (code: 1e-5). */
  tolerance?: number;
  /** Decay per step of look-ahead (code: 0.7). */
  decay?: number;
  /** Furthest look-ahead k - j (code: 4); past it the step reward is 0. */
  maxLookahead?: number;
  /** Outcome reward added to the last step (default 0: the caller adds it elsewhere). */
  outcome?: number;
}

/**
 * acc has K+1 entries (success rate from each split prefix); returns K step rewards.
 * r_j = acc_{j+1} - acc_j, or, when that is ~0, the first nonzero later difference decayed by
 * decay^(k-j) (k - j <= maxLookahead), else 0.
 */
export function vsrmRewards(acc: readonly number[], opts: VsrmOptions = {}): number[] {
  const tol = opts.tolerance ?? 1e-5, decay = opts.decay ?? 0.7, cap = opts.maxLookahead ?? 4;
  const d = acc.slice(1).map((a, j) => a - acc[j]);
  const r = d.map((_, j) => {
    for (let k = j; k < d.length && k - j <= cap; k++) if (Math.abs(d[k]) >= tol) return d[k] * decay ** (k - j);
    return 0;
  });
  if (r.length > 0 && opts.outcome) r[r.length - 1] += opts.outcome;
  return r;
}

/** acc_j from restart outcomes: rollouts[j] = successes of the completions from prefix j. */
export function vsrmAccuracies(rollouts: readonly (readonly (boolean | number)[])[]): number[] {
  return rollouts.map((rs, j) => {
    if (rs.length === 0) throw new RewardInputError(`rollouts[${j}]`, 'is empty', 'run at least one completion from every split point');
    return mean(rs.map(Number));
  });
}
