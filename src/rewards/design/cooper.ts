/**
 * Cooper: contrastive reward-model loss on a rule-verified positive and an LLM-corrupted
 * negative. arXiv 2508.05613 (REWARDS-2.md 23; summary, the loss form is marked unverified).
 */
import { sigmoid } from '../util.js';

/** -log sigma(s+ - s-), computed stably as log(1 + exp(-(s+ - s-))). */
export function contrastiveLoss(positive: number, negative: number): number {
  return softplus(negative - positive);
}

/** log(1 + e^x) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Bradley-Terry probability that the positive ranks above the negative. */
export function preferenceProbability(positive: number, negative: number): number {
  return sigmoid(positive - negative);
}
