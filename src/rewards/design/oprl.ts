/**
 * OPRL / iStar: implicit step rewards learned from trajectory preferences, combined with
 * episode advantages. arXiv 2509.19199 (REWARDS-2.md 3, read in the authors' code).
 * Inputs are per-step sums of token log-ratios log pi_phi - log pi_old (one list per trajectory).
 */
import { RewardInputError, mean, sum } from '../util.js';
import { softplus } from './cooper.js';

/** r_t = beta * (sum of the step's token log-ratios) (code: beta 0.05). */
export function oprlStepRewards(logRatioSums: readonly (readonly number[])[], beta = 0.05): number[][] {
  return logRatioSums.map((traj) => traj.map((x) => beta * x));
}

/** Divide every step reward of the batch by the largest |reverse cumulative sum| (no-op when that is 0). */
export function normaliseByMaxReturn(r: readonly (readonly number[])[]): { scale: number; rewards: number[][] } {
  let scale = 0;
  for (const traj of r) {
    let acc = 0;
    for (let t = traj.length - 1; t >= 0; t--) scale = Math.max(scale, Math.abs((acc += traj[t])));
  }
  return { scale, rewards: r.map((traj) => traj.map((x) => (scale === 0 ? x : x / scale))) };
}

/**
 * Trajectory DPO loss of the implicit PRM: score = mean step reward of a trajectory;
 * loss = mean over (success, failure) pairs of -log sigma(score_w - score_l). null without pairs.
 */
export function trajectoryDpoLoss(r: readonly (readonly number[])[], success: readonly boolean[]): number | null {
  const scores = r.map((traj) => mean(traj));
  const losses: number[] = [];
  success.forEach((w, i) => { if (w) success.forEach((l, j) => { if (!l) losses.push(softplus(scores[j] - scores[i])); }); });
  return losses.length === 0 ? null : mean(losses);
}

/** RLOO: x_i - mean_{j != i} x_j; a group of one gets 0. */
export function rloo(x: readonly number[]): number[] {
  const n = x.length;
  if (n < 2) return x.map(() => 0);
  const s = sum(x);
  return x.map((v) => v - (s - v) / (n - 1));
}

/**
 * How the step-level RLOO baseline is formed (the sheet says "RLOO" without the grouping):
 * 'trajectory-mean' (default): each trajectory counts once, by its mean step reward, as RLOO on
 *   dense rewards does: A_step_{i,t} = r_{i,t} n/(n-1) - (1/(n-1)) sum_j mean_t r_{j,t}.
 * 'step-index': the other trajectories' rewards at the same step index
 *   (trajectories too short to have that step are left out).
 */
export type StepBaseline = 'trajectory-mean' | 'step-index';

/** A_{i,t} = A_episode_i + w A_step_{i,t}; episode advantage = RLOO over outcomes. */
export function oprlAdvantages(r: readonly (readonly number[])[], outcomes: readonly number[], w = 1, baseline: StepBaseline = 'trajectory-mean'): number[][] {
  if (outcomes.length !== r.length) throw new RewardInputError('outcomes', `has ${outcomes.length} entries for ${r.length} trajectories`, 'give one outcome per trajectory');
  const episode = rloo(outcomes);
  const n = r.length;
  if (n < 2) return r.map((traj, i) => traj.map(() => episode[i]));
  if (baseline === 'step-index') {
    return r.map((traj, i) => traj.map((x, t) => {
      const others = r.filter((o, j) => j !== i && t < o.length).map((o) => o[t]);
      return episode[i] + w * (others.length === 0 ? 0 : x - mean(others));
    }));
  }
  const b = sum(r.map((traj) => mean(traj))) / (n - 1);
  return r.map((traj, i) => traj.map((x) => episode[i] + w * (x * n / (n - 1) - b)));
}

export function oprl(logRatioSums: readonly (readonly number[])[], success: readonly boolean[], opts: { beta?: number; w?: number; outcomes?: readonly number[]; stepBaseline?: StepBaseline } = {}) {
  if (success.length !== logRatioSums.length) throw new RewardInputError('success', `has ${success.length} entries for ${logRatioSums.length} trajectories`, 'give one success flag per trajectory');
  const rewards = oprlStepRewards(logRatioSums, opts.beta);
  const { scale, rewards: normalised } = normaliseByMaxReturn(rewards);
  return {
    rewards,
    normalised,
    scale,
    dpoLoss: trajectoryDpoLoss(rewards, success),
    advantages: oprlAdvantages(normalised, opts.outcomes ?? success.map(Number), opts.w, opts.stepBaseline),
  };
}
