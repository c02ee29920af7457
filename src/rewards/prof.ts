/**
 * PROF process-consistency filter. Ye et al., "Beyond Correctness: Harmonizing Process and
 * Outcome Rewards through RL Training", arXiv 2509.03403 [code].
 *
 * Instead of mixing PRM scores into the reward (which invites hacking), PROF drops the
 * responses whose process disagrees most with their outcome, before advantages are computed.
 */
import { roundHalfEven } from './util.js';

export interface ProfResponse {
  /** PRM step probabilities v_{i,t} in [0, 1]. */
  v: readonly number[];
  /** Outcome R_i: correct or not. */
  correct: boolean;
}

/** c_i = (1/T_i) sum_t (2 v_t - 1)(2 R_i - 1); 0 for a response with no steps. */
export function profConsistency(v: readonly number[], correct: boolean): number {
  if (v.length === 0) return 0;
  const sign = correct ? 1 : -1;
  let s = 0;
  for (const x of v) s += (2 * x - 1) * sign;
  return s / v.length;
}

export interface ProfOptions {
  /** Responses to remove per group (k = 4 in the paper). */
  k?: number;
  /** Length window [minSteps, maxSteps] outside of which `penalty` is subtracted. */
  minSteps?: number;
  maxSteps?: number;
  penalty?: number;
}

export interface ProfResult {
  /** c'_i per response (consistency minus the length penalty). */
  scores: number[];
  /** Indices kept, ascending. */
  kept: number[];
  /** Indices removed, ascending. */
  removed: number[];
}

/** Consistency with the length penalty: c'_i = c_i - 10 * 1[T_i < 2 or T_i > 30]. */
export function profScore(r: ProfResponse, opts: ProfOptions = {}): number {
  const { minSteps = 2, maxSteps = 30, penalty = 10 } = opts;
  const T = r.v.length;
  return profConsistency(r.v, r.correct) - (T < minSteps || T > maxSteps ? penalty : 0);
}

/** Filter one group: decide how many correct vs incorrect to drop, then drop the least consistent. */
export function profFilter(group: readonly ProfResponse[], opts: ProfOptions = {}): ProfResult {
  const k = opts.k ?? 4;
  const n = group.length;
  const scores = group.map((r) => profScore(r, opts));
  const nRm = Math.min(k, n);
  const plus = group.map((r, i) => i).filter((i) => group[i].correct);
  const minus = group.map((r, i) => i).filter((i) => !group[i].correct);
  // Stable ascending order by c' (Array.prototype.sort is stable): ties keep input order.
  const byScore = (ix: number[]) => ix.slice().sort((a, b) => scores[a] - scores[b]);
  const delta = plus.length - minus.length;
  const kPlus = Math.min(nRm, roundHalfEven((delta + nRm) / 2));
  const drop = new Set<number>();
  if (kPlus > 0) {
    const dropPlus = byScore(plus).slice(0, Math.min(kPlus, plus.length));
    dropPlus.forEach((i) => drop.add(i));
    byScore(minus).slice(0, Math.min(nRm - dropPlus.length, minus.length)).forEach((i) => drop.add(i));
  } else {
    byScore(minus).slice(0, Math.min(nRm, minus.length)).forEach((i) => drop.add(i));
  }
  const kept: number[] = [];
  const removed: number[] = [];
  for (let i = 0; i < n; i++) (drop.has(i) ? removed : kept).push(i);
  return { scores, kept, removed };
}
