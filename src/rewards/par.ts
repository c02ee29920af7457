/**
 * PAR preference-as-reward. Fu et al., "Reward Shaping to Mitigate Reward Hacking in RLHF",
 * arXiv 2502.18770 [code].
 *
 * A bounded, centred transform: the reward is how often the response beats reference
 * responses under a Bradley-Terry model, which caps what a hacked reward model can pay out.
 */
import { sigmoid } from './util.js';

/** r_RL = (1/M) sum_m sigma(k (r - r_ref_m)) over the first M references; 0.5 with no references. */
export function parReward(r: number, refs: readonly number[], opts: { k?: number; maxRefs?: number } = {}): number {
  const k = opts.k ?? 1;
  const used = refs.slice(0, opts.maxRefs ?? 10);
  // No reference: nothing to prefer over; 0.5 is the neutral midpoint of sigma.
  if (used.length === 0) return 0.5;
  let s = 0;
  for (const ref of used) s += sigmoid(k * (r - ref));
  return s / used.length;
}
