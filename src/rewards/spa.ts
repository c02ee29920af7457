/**
 * SPA-RL stepwise progress attribution. Wang et al., "SPA-RL: Reinforcing LLM Agents via
 * Stepwise Progress Attribution", arXiv 2505.20732 [code].
 *
 * A progress estimator splits the final reward into per-step contributions c_t (trained so
 * that sum_t c_t matches the outcome); a grounding bonus rewards actions that took effect.
 */
import { mean, sum, assertSameLength, RewardInputError } from './util.js';

/** Squared error of one trajectory: (sum_t c_t - R)^2. */
export function spaProgressLoss(c: readonly number[], finalReward: number): number {
  const d = sum(c) - finalReward;
  return d * d;
}

/** MSE over a batch of trajectories; 0 for an empty batch. */
export function spaBatchLoss(batch: readonly { c: readonly number[]; finalReward: number }[]): number {
  return mean(batch.map((b) => spaProgressLoss(b.c, b.finalReward)));
}

/**
 * Fused step reward r_t = c_t + g_t, g_t = bonus when step t was grounded (OURS for GUI: the
 * screen or UI tree changed after the action); the last step always gets the bonus.
 */
export function spaFusedRewards(c: readonly number[], grounded: readonly boolean[], bonus = 0.5): number[] {
  assertSameLength('c', c, 'grounded', grounded);
  if (!Number.isFinite(bonus)) throw new RewardInputError('bonus', 'must be finite', 'use 0.5 (the paper value)');
  return c.map((x, t) => x + (grounded[t] || t === c.length - 1 ? bonus : 0));
}
