/**
 * Trajectory credit assignment for one group of rollouts (the /v1/credit endpoint): turn step
 * rewards and outcomes into one scalar per step, by a named method. Each method's meaning of
 * "credit" (return-to-go, per-step reward or advantage) is listed in CREDIT_METHODS.
 */
import { clipRewards, deltaRewards } from './clip-delta.js';
import { gatedAccumulation } from './gated.js';
import { grpoAdvantages, grpoProcessAdvantages } from './grpo.js';
import { portoolAdvantages } from './portool.js';
import { pureGroupReturns } from './pure.js';
import { renormRewards } from './renorm.js';
import { spaFusedRewards } from './spa.js';
import { RewardInputError, suffixSums } from './util.js';

export interface CreditTrajectory {
  /** Process/step rewards r_t (required by every method but grpo). */
  stepRewards?: number[];
  /** Outcome: a number, a boolean, or a stepwise Outcome {verdict}. */
  outcome: number | boolean | { verdict: 'success' | 'failure' };
  /** Step count when stepRewards is absent (grpo only); a stepwise Trajectory's steps also work. */
  steps?: unknown[] | number;
  /** SPA: which steps took effect. */
  grounded?: boolean[];
  /** PORTool: node keys of the rollout's steps. */
  path?: string[];
}

export interface CreditOptions {
  temperature?: number;
  eta?: number;
  delta?: number;
  bonus?: number;
  blend?: number;
  std?: 'sample' | 'population';
}

export const CREDIT_METHODS = {
  grpo: 'outcome GRPO advantage, the same for every step',
  'grpo-process': 'process GRPO: sum of group-normalised step rewards from the step on',
  'pure-min-form': 'approximate min-form return + leave-one-out verifiable reward (outcome > 0 = solved)',
  'pure-strict': 'strict min-form value + leave-one-out verifiable reward',
  clip: 'return-to-go of clipped step rewards min(r - eta, 0) plus the outcome',
  delta: 'return-to-go of delta step rewards plus the outcome',
  gated: 'return-to-go of step rewards gated on outcome >= delta, plus the outcome',
  renorm: 'per-step (r_p - 1/2) + (outcome - 1/2); step rewards must be in [0, 1]',
  spa: 'per-step progress + grounding bonus (stepRewards = c_t, grounded flags)',
  portool: 'fork-relative advantage blended with GRPO (paths required; OURS)',
} as const;
export type CreditMethod = keyof typeof CREDIT_METHODS;

export function outcomeValue(o: CreditTrajectory['outcome'], field: string): number {
  if (typeof o === 'number' && Number.isFinite(o)) return o;
  if (typeof o === 'boolean') return o ? 1 : 0;
  if (o && typeof o === 'object' && (o.verdict === 'success' || o.verdict === 'failure')) return o.verdict === 'success' ? 1 : 0;
  throw new RewardInputError(field, `cannot read an outcome from ${JSON.stringify(o)}`, 'give a number, a boolean or {"verdict":"success"|"failure"}');
}

function rewardsOf(t: CreditTrajectory, i: number): number[] {
  if (!t.stepRewards) throw new RewardInputError(`trajectories[${i}].stepRewards`, 'is required by this method', 'give one reward per step');
  return t.stepRewards;
}

function stepCount(t: CreditTrajectory): number {
  if (t.stepRewards) return t.stepRewards.length;
  if (typeof t.steps === 'number') return t.steps;
  return Array.isArray(t.steps) ? t.steps.length : 1;
}

/** Credits per trajectory per step for one group. */
export function assignCredit(method: string, trajectories: readonly CreditTrajectory[], opts: CreditOptions = {}): number[][] {
  if (!(method in CREDIT_METHODS)) {
    throw new RewardInputError('method', `unknown credit method ${JSON.stringify(method)}`, `use one of: ${Object.keys(CREDIT_METHODS).join(', ')}`);
  }
  const outcomes = trajectories.map((t, i) => outcomeValue(t.outcome, `trajectories[${i}].outcome`));
  const withOutcome = (shaped: number[], i: number) => suffixSums(shaped).map((g) => g + outcomes[i]);
  switch (method as CreditMethod) {
    case 'grpo': {
      const a = grpoAdvantages(outcomes, { std: opts.std });
      return trajectories.map((t, i) => new Array<number>(stepCount(t)).fill(a[i]));
    }
    case 'grpo-process':
      return grpoProcessAdvantages(trajectories.map(rewardsOf), { std: opts.std });
    case 'pure-min-form':
    case 'pure-strict':
      return pureGroupReturns(trajectories.map(rewardsOf), outcomes.map((o) => o > 0), { temperature: opts.temperature, strict: method === 'pure-strict' });
    case 'clip':
      return trajectories.map((t, i) => withOutcome(clipRewards(rewardsOf(t, i), opts.eta ?? 0), i));
    case 'delta':
      return trajectories.map((t, i) => withOutcome(deltaRewards(rewardsOf(t, i)), i));
    case 'gated':
      return trajectories.map((t, i) => withOutcome(gatedAccumulation(outcomes[i], rewardsOf(t, i), opts.delta ?? 1).stepRewards, i));
    case 'renorm':
      return trajectories.map((t, i) => renormRewards(rewardsOf(t, i), outcomes[i] > 0));
    case 'spa':
      return trajectories.map((t, i) => spaFusedRewards(rewardsOf(t, i), t.grounded ?? rewardsOf(t, i).map(() => false), opts.bonus ?? 0.5));
    case 'portool': {
      const paths = trajectories.map((t, i) => {
        if (!t.path) throw new RewardInputError(`trajectories[${i}].path`, 'is required by portool', 'give the node key of each step');
        return t.path;
      });
      return portoolAdvantages(paths, outcomes, { blend: opts.blend }).advantages;
    }
  }
}
