/**
 * Implicit process reward (PRIME). Yuan et al., "Free Process Rewards without Process Labels",
 * arXiv 2412.01981; Cui et al., "Process Reinforcement through Implicit Rewards",
 * arXiv 2502.01456 [code].
 *
 * An outcome-trained model yields token rewards beta * log(pi / pi_ref) for free; a step's
 * reward is the sum over its tokens. Needs token log-probs from the policy and a reference
 * (e.g. vLLM `logprobs`).
 */
import { assertSameLength, RewardInputError } from './util.js';

/** Token rewards beta * (logp_policy - logp_ref). */
export function implicitTokenRewards(policyLogprobs: readonly number[], refLogprobs: readonly number[], beta = 0.05): number[] {
  assertSameLength('policyLogprobs', policyLogprobs, 'refLogprobs', refLogprobs);
  return policyLogprobs.map((lp, i) => beta * (lp - refLogprobs[i]));
}

/** One step's reward from its token log-ratios: beta * sum_t log(pi/pi_ref). */
export function implicitStepReward(logRatios: readonly number[], beta = 0.05): number {
  let s = 0;
  for (const x of logRatios) s += x;
  return beta * s;
}

/**
 * Step rewards from per-token log-ratios and step end indices (inclusive, ascending): step j
 * covers tokens (stepEnds[j-1], stepEnds[j]].
 */
export function implicitStepRewards(logRatios: readonly number[], stepEnds: readonly number[], beta = 0.05): number[] {
  const out: number[] = [];
  let start = 0;
  for (const [j, end] of stepEnds.entries()) {
    if (!Number.isInteger(end) || end < start || end >= logRatios.length) {
      throw new RewardInputError(`stepEnds[${j}]`, `${end} is not an ascending token index below ${logRatios.length}`, 'give the inclusive index of each step\'s last token, ascending');
    }
    out.push(implicitStepReward(logRatios.slice(start, end + 1), beta));
    start = end + 1;
  }
  return out;
}
