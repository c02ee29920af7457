/**
 * STARC reward distance for finite MDPs. Skalse et al., "STARC: A General Framework For
 * Quantifying Differences Between Reward Functions", arXiv 2309.15257 [summary].
 *
 * Two rewards that induce the same preferences (shaped, scaled) should be at distance 0:
 * canonicalise (advantage under the uniform policy), normalise (L2), then take the L2 distance.
 */
import { RewardInputError } from './util.js';

export interface FiniteMdp {
  /** transitions[s][a][s'] = P(s' | s, a); each row sums to 1. */
  transitions: readonly (readonly (readonly number[])[])[];
  gamma: number;
}

function checkMdp(mdp: FiniteMdp, reward: readonly (readonly number[])[], field: string): void {
  const S = mdp.transitions.length;
  if (!(mdp.gamma >= 0 && mdp.gamma < 1)) throw new RewardInputError('gamma', `must be in [0, 1), got ${mdp.gamma}`, 'a discount below 1 keeps values finite');
  if (reward.length !== S) throw new RewardInputError(field, `has ${reward.length} states, transitions has ${S}`, 'give reward[s][a] for every state');
  mdp.transitions.forEach((row, s) => {
    if (row.length !== reward[s].length) throw new RewardInputError(`${field}[${s}]`, `has ${reward[s].length} actions, transitions[${s}] has ${row.length}`, 'one reward per action');
    row.forEach((p, a) => {
      const tot = p.reduce((x, y) => x + y, 0);
      if (p.length !== S || Math.abs(tot - 1) > 1e-6 || p.some((v) => v < 0)) {
        throw new RewardInputError(`transitions[${s}][${a}]`, `is not a distribution over ${S} states`, 'non-negative probabilities summing to 1');
      }
    });
  });
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is small and non-singular here). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/** Canonical reward C(R)(s,a) = R(s,a) + gamma E[V(s')] - V(s), V under the uniform policy. */
export function starcCanonical(mdp: FiniteMdp, reward: readonly (readonly number[])[]): number[][] {
  checkMdp(mdp, reward, 'reward');
  const S = reward.length;
  const { transitions: P, gamma } = mdp;
  // V = R_pi + gamma P_pi V  =>  (I - gamma P_pi) V = R_pi.
  const A: number[][] = [], b: number[] = [];
  for (let s = 0; s < S; s++) {
    const nA = reward[s].length;
    const row = new Array<number>(S).fill(0);
    row[s] = 1;
    let rPi = 0;
    for (let a = 0; a < nA; a++) {
      rPi += reward[s][a] / nA;
      for (let t = 0; t < S; t++) row[t] -= (gamma * P[s][a][t]) / nA;
    }
    A.push(row);
    b.push(rPi);
  }
  const V = S ? solve(A, b) : [];
  return reward.map((acts, s) => acts.map((r, a) => r + gamma * P[s][a].reduce((acc, p, t) => acc + p * V[t], 0) - V[s]));
}

/** Canonical reward divided by its L2 norm; a zero-norm reward stays zero. */
export function starcNormalised(mdp: FiniteMdp, reward: readonly (readonly number[])[]): number[][] {
  const c = starcCanonical(mdp, reward);
  const norm = Math.sqrt(c.flat().reduce((acc, v) => acc + v * v, 0));
  // Relative to the reward's own scale, a tiny canonical norm is rounding noise: the zero reward.
  const scale = Math.max(1e-300, ...reward.flat().map(Math.abs));
  return norm > 1e-12 * scale ? c.map((row) => row.map((v) => v / norm)) : c.map((row) => row.map(() => 0));
}

/** STARC distance in [0, 2]. */
export function starcDistance(mdp: FiniteMdp, r1: readonly (readonly number[])[], r2: readonly (readonly number[])[]): number {
  const a = starcNormalised(mdp, r1).flat();
  const b = starcNormalised(mdp, r2).flat();
  return Math.sqrt(a.reduce((acc, v, i) => acc + (v - b[i]) ** 2, 0));
}
