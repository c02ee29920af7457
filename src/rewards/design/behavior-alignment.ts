/**
 * Behavior Alignment (BARFI) reward blend. arXiv 2310.19007 (REWARDS-2.md 5): the agent trains
 * on r_phi = phi1 r_primary + phi2 r_aux with a learned discount gamma_phi; an outer loop tunes
 * phi so that the *primary* return of the updated policy grows. The outer loop needs a policy
 * update to differentiate through, so stepwise gives the blend and a finite-difference outer
 * step over returns the caller measured; it does not train a policy.
 */
import { RewardInputError, assertSameLength } from '../util.js';

export function blendRewards(primary: readonly number[], auxiliary: readonly number[], phi: readonly [number, number]): number[] {
  assertSameLength('primary', primary, 'auxiliary', auxiliary);
  return primary.map((p, t) => phi[0] * p + phi[1] * auxiliary[t]);
}

/** Discounted return sum_t gamma^t r_t (gamma = gamma_phi when learned). */
export function discountedReturn(r: readonly number[], gamma: number): number {
  let g = 0;
  for (let t = r.length - 1; t >= 0; t--) g = r[t] + gamma * g;
  return g;
}

/**
 * One outer-loop step: given the primary return J measured after training with phi and with
 * each phi_k nudged by +delta, move phi along the finite-difference gradient of J.
 * Step size and delta are explicit parameters (OURS; the paper uses implicit gradients).
 */
export function outerStep(phi: readonly number[], primaryReturn: number, nudgedReturns: readonly number[], delta: number, stepSize: number): number[] {
  assertSameLength('phi', phi, 'nudgedReturns', nudgedReturns);
  if (!(delta > 0)) throw new RewardInputError('delta', `${delta} is not positive`, 'nudge each phi_k by a small positive delta');
  return phi.map((p, k) => p + stepSize * (nudgedReturns[k] - primaryReturn) / delta);
}
