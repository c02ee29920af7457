/**
 * TP-GRPO thought-level rewards and a capability-adaptive weight. arXiv 2507.23317
 * (REWARDS-2.md 21; the adaptive formula is unverified, so it is OURS and fully parameterised).
 * Runs of steps with the same verdict form one thought; each thought gets one reward.
 */
import { thoughtUnits } from '../grpo.js';
import { RewardInputError, assertInRange, mean } from '../util.js';

export interface ThoughtReward {
  start: number;
  end: number;
  verdict: number;
  reward: number;
}

export interface AdaptiveOptions {
  /** Current accuracy of the policy on this task family, in [0, 1]. */
  accuracy: number;
  /** kappa in w = (1 - accuracy)^kappa (OURS, default 1): a weak policy leans on thought rewards, a strong one on the outcome. */
  kappa?: number;
}

/** w(acc) = (1 - acc)^kappa. */
export function capabilityWeight(opts: AdaptiveOptions): number {
  assertInRange('accuracy', opts.accuracy, 0, 1);
  const kappa = opts.kappa ?? 1;
  if (!(kappa >= 0)) throw new RewardInputError('kappa', `${kappa} is negative`, 'use kappa >= 0');
  return (1 - opts.accuracy) ** kappa;
}

/**
 * verdicts: per-step verdict (e.g. +1 / -1 from a PRM or judge). A thought's reward is the
 * mean verdict of its steps times w(acc); the outcome is added to every thought.
 */
export function thoughtRewards(verdicts: readonly number[], outcome: number, opts: AdaptiveOptions): { weight: number; thoughts: ThoughtReward[]; stepRewards: number[] } {
  const weight = capabilityWeight(opts);
  const thoughts = thoughtUnits(verdicts).map(([start, end]) => {
    const verdict = mean(verdicts.slice(start, end + 1));
    return { start, end, verdict, reward: outcome + weight * verdict };
  });
  const stepRewards = new Array<number>(verdicts.length);
  for (const t of thoughts) for (let i = t.start; i <= t.end; i++) stepRewards[i] = t.reward;
  return { weight, thoughts, stepRewards };
}
