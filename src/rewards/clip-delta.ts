/**
 * Clip and Delta process-reward shaping. Gao et al., "On Designing Effective RL Reward at
 * Training Time for LLM Reasoning", arXiv 2410.15115 [summary].
 *
 * Both stop a policy from collecting reward by adding steps: Clip bounds every step reward
 * above by 0; Delta makes the suffix sums telescope so only the first and last rewards matter.
 */

/** Clip: r~_k = min(r_k - eta, 0). */
export function clipRewards(r: readonly number[], eta: number): number[] {
  return r.map((x) => Math.min(x - eta, 0));
}

/** Delta: r~_k = r_k - r_{k+1} for k < K, r~_K = 0; so sum_{j >= k} r~_j = r_k - r_K. */
export function deltaRewards(r: readonly number[]): number[] {
  return r.map((x, k) => (k < r.length - 1 ? x - r[k + 1] : 0));
}
