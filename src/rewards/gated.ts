/**
 * Gated Reward Accumulation (G-RA). Sun et al., "The Hidden Danger of Dense Rewards: Gated
 * Reward Accumulation for Long-Horizon Agents", arXiv 2508.10548 [summary].
 *
 * Step (low-level) rewards only count once the outcome (high-level) reward clears a threshold,
 * so a policy cannot trade task success for easy step rewards.
 */
import { sum, assertSameLength, RewardInputError } from './util.js';

export interface GatedResult {
  /** R = r_high + 1[r_high >= delta] * sum_t r_low_t. */
  total: number;
  gateOpen: boolean;
  /** r_low with every entry zeroed when the gate is closed. */
  stepRewards: number[];
}

export function gatedAccumulation(rHigh: number, rLow: readonly number[], delta: number): GatedResult {
  const gateOpen = rHigh >= delta;
  const stepRewards = gateOpen ? rLow.slice() : rLow.map(() => 0);
  return { total: rHigh + sum(stepRewards), gateOpen, stepRewards };
}

export interface PrioritisedResult {
  /** g_k = prod over higher-priority j < k of 1[R_j >= delta_j]; g_0 = 1. */
  gates: number[];
  /** sum_k g_k R_k. */
  total: number;
}

/**
 * Prioritised channels: channel k (0 = highest priority) counts only when every
 * higher-priority channel reached its threshold. thresholds[k] gates the channels after k.
 */
export function prioritisedGates(channels: readonly number[], thresholds: readonly number[]): PrioritisedResult {
  assertSameLength('channels', channels, 'thresholds', thresholds);
  if (channels.some((c) => !Number.isFinite(c))) throw new RewardInputError('channels', 'contains a non-finite value', 'give finite channel rewards');
  const gates: number[] = [];
  let g = 1;
  for (let k = 0; k < channels.length; k++) {
    gates.push(g);
    if (channels[k] < thresholds[k]) g = 0;
  }
  return { gates, total: channels.reduce((acc, c, k) => acc + gates[k] * c, 0) };
}
