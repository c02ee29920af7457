/**
 * ReNorm process/outcome fusion. "Rethinking Process Rewards", arXiv 2509.25598 [summary].
 *
 * Centres both the process score and the outcome at 1/2 so a good step in a failed
 * trajectory is not paid like a good step in a successful one.
 */
import { assertInRange } from './util.js';

/** r^_t = (r_p_t - 1/2) + (r_o - 1/2), r_p in [0, 1], r_o in {0, 1}. */
export function renormRewards(rp: readonly number[], outcome: boolean | 0 | 1): number[] {
  rp.forEach((x, t) => assertInRange(`rp[${t}]`, x, 0, 1));
  const o = outcome ? 0.5 : -0.5;
  return rp.map((x) => x - 0.5 + o);
}
