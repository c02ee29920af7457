/**
 * FIND-style dynamic reward calibration and ratio clipping. arXiv 2407.19453 (REWARDS-2.md 13;
 * marked unverified): the advantage subtracts a learned per-prompt reward prediction V(prompt),
 * and the policy term is the PPO clipped surrogate.
 */
import { RewardInputError } from '../util.js';

/** min(rho A, clip(rho, 1 - eps, 1 + eps) A) with A = r - V. Maximise it (the loss is its negative). */
export function clippedObjective(reward: number, predicted: number, ratio: number, eps = 0.2): { advantage: number; objective: number } {
  if (!(eps >= 0)) throw new RewardInputError('eps', `${eps} is negative`, 'use a clip range eps >= 0, e.g. 0.2');
  if (!(ratio >= 0)) throw new RewardInputError('ratio', `${ratio} is negative`, 'rho = pi / pi_old is a probability ratio, >= 0');
  const advantage = reward - predicted;
  const clipped = Math.min(Math.max(ratio, 1 - eps), 1 + eps);
  return { advantage, objective: Math.min(ratio * advantage, clipped * advantage) };
}

/**
 * The reward predictor V(prompt), kept as an exponential moving average per prompt. The paper
 * learns V with a model; the EMA and its rate are OURS (an explicit parameter, default 0.1).
 */
export class RewardPredictor {
  private readonly values = new Map<string, number>();
  constructor(private readonly rate = 0.1, private readonly prior = 0) {
    if (!(rate > 0 && rate <= 1)) throw new RewardInputError('rate', `${rate} is outside (0, 1]`, 'use an update rate in (0, 1]');
  }
  predict(prompt: string): number {
    return this.values.get(prompt) ?? this.prior;
  }
  /** Returns the calibrated advantage r - V(prompt) (before the update), then moves V toward r. */
  observe(prompt: string, reward: number): number {
    const v = this.predict(prompt);
    this.values.set(prompt, v + this.rate * (reward - v));
    return reward - v;
  }
}
