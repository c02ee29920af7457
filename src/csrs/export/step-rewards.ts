/**
 * Step rewards for RL: per-step signals (a useful step = 1, a wasted one = 0) and the
 * calibrated outcome, turned into credits by a method of the reward library. Group methods
 * (grpo, pure-min-form) see every rollout of the same task together.
 */
import { StepwiseError } from '../../core/errors.js';
import { assignCredit } from '../../rewards/index.js';
import type { IndexRecord } from './index-record.js';

export const REWARD_METHODS = ['outcome', 'gated', 'pure-min-form', 'spa', 'grpo'] as const;
export type RewardMethod = (typeof REWARD_METHODS)[number];

export interface RewardLine {
  trajectoryId: string;
  taskId?: string;
  method: RewardMethod;
  outcome: number;
  rewards: number[];
}

export function checkRewardMethod(m: string): RewardMethod {
  if (!(REWARD_METHODS as readonly string[]).includes(m)) throw new StepwiseError('invalid_input', `unknown reward method "${m}"`, `use one of: ${REWARD_METHODS.join(', ')}`);
  return m as RewardMethod;
}

export function stepRewards(records: IndexRecord[], method: RewardMethod): RewardLine[] {
  const groups = new Map<string, IndexRecord[]>();
  for (const r of records) {
    const key = method === 'grpo' || method === 'pure-min-form' ? r.taskId ?? r.id : r.id;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  const out: RewardLine[] = [];
  for (const group of groups.values()) {
    // Outcome = calibrated P(success), so an unsure verdict pays less.
    const outcome = (r: IndexRecord) => (r.verdict === 'success' ? r.confidence : 1 - r.confidence);
    const useful = (r: IndexRecord) => r.steps.map((s) => (s.waste ? 0 : 1));
    let credits: number[][];
    if (method === 'outcome') credits = group.map((r) => r.steps.map(() => outcome(r)));
    else {
      const lib = method === 'gated' ? 'gated' : method;
      credits = assignCredit(lib, group.map((r) => ({
        stepRewards: useful(r),
        outcome: method === 'pure-min-form' ? (r.verdict === 'success' ? 1 : 0) : outcome(r),
        steps: r.steps.length,
        grounded: r.steps.map((s) => !!s.changed),
      })), { delta: 0.5 });
    }
    group.forEach((r, i) => out.push({ trajectoryId: r.id, taskId: r.taskId, method, outcome: outcome(r), rewards: credits[i].map((x) => Math.round(x * 1e6) / 1e6) }));
  }
  return out;
}
