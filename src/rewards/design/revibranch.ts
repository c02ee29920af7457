/**
 * ReviBranch-style redistribution of a terminal reward over steps by importance.
 * arXiv 2508.17452 (REWARDS-2.md 2; the softmax weighting is a design proposal, OURS).
 */
import { softmax } from '../util.js';
import { RewardInputError } from '../util.js';

/** r_i = w_i R with w = softmax(s / T); the step rewards always sum to R. */
export function redistributeTerminal(terminal: number, importance: readonly number[], temperature = 1): { weights: number[]; rewards: number[] } {
  if (!(temperature > 0)) throw new RewardInputError('temperature', `${temperature} is not positive`, 'use T > 0 (small T concentrates the reward on the most important step)');
  const weights = softmax(importance.map((s) => s / temperature));
  return { weights, rewards: weights.map((w) => w * terminal) };
}
