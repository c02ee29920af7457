/**
 * Potential-based reward shaping and an adaptive, teacher-driven choice of the potential.
 * Ng et al. 1999; Reward Design thesis, arXiv 2503.21949 (REWARDS-2.md 15).
 * F(s, s') = gamma Phi(s') - Phi(s). With Phi = 0 at terminal states the shaped discounted
 * return of a complete trajectory is G - Phi(s0), so trajectories from one start keep their
 * ranking and optimal policies are unchanged.
 */
import { RewardInputError, assertSameLength } from '../util.js';

export function shapingTerm(phiBefore: number, phiAfter: number, gamma: number): number {
  return gamma * phiAfter - phiBefore;
}

export interface ShapeOptions {
  gamma: number;
  /** The last state is terminal: its potential counts as 0 (default true, what keeps rankings). */
  terminal?: boolean;
}

/** phi has one entry per visited state (steps + 1); returns r_t + gamma Phi(s_{t+1}) - Phi(s_t). */
export function shapeRewards(r: readonly number[], phi: readonly number[], opts: ShapeOptions): number[] {
  if (phi.length !== r.length + 1) throw new RewardInputError('phi', `has ${phi.length} entries for ${r.length} steps`, 'give one potential per visited state: steps + 1 values (s_0 ... s_T)');
  const last = r.length;
  const at = (i: number) => (i === last && opts.terminal !== false ? 0 : phi[i]);
  return r.map((x, t) => x + shapingTerm(at(t), at(t + 1), opts.gamma));
}

export interface TeacherPotentialOptions {
  /** beta: extra weight on states where the learner's value lags the teacher's (OURS, default 0.5). */
  focus?: number;
  /** Potentials are clipped to [-bound, bound] so early learner estimates cannot dominate (OURS). */
  bound?: number;
}

/**
 * Adaptive teacher-driven potential (OURS reading of the thesis' learner-aware design):
 * Phi_k(s) = V_teacher(s) + beta max(0, V_teacher(s) - V_learner_k(s)). Each round recomputes
 * Phi from the learner's current value estimates; within a round the shaping is still
 * potential-based, so the optimal policy is unchanged while the signal concentrates where
 * the learner is behind.
 */
export function teacherPotential(teacherValue: readonly number[], learnerValue: readonly number[], opts: TeacherPotentialOptions = {}): number[] {
  assertSameLength('teacherValue', teacherValue, 'learnerValue', learnerValue);
  const beta = opts.focus ?? 0.5, bound = opts.bound ?? Infinity;
  return teacherValue.map((v, s) => Math.max(-bound, Math.min(bound, v + beta * Math.max(0, v - learnerValue[s]))));
}
