/**
 * GRPO group-relative advantages. Shao et al., "DeepSeekMath", arXiv 2402.03300 (outcome and
 * process supervision); thought-level units after TP-GRPO, arXiv 2507.23317.
 */
import { mean, std, suffixSums, type StdKind } from './util.js';

export interface GrpoOptions {
  /** 'sample' (n - 1, what torch.std, verl and TRL use; default) or 'population' (n). */
  std?: StdKind;
  /** Added to the std (default 1e-6, as verl). */
  eps?: number;
  /** false: only subtract the mean (Dr. GRPO style). */
  scale?: boolean;
}

/**
 * A_i = (r_i - mean r) / (std r + eps). A group of one, or one whose rewards are all equal,
 * gets zero advantages (never NaN).
 */
export function grpoAdvantages(r: readonly number[], opts: GrpoOptions = {}): number[] {
  if (r.length < 2) return r.map(() => 0);
  const m = mean(r);
  const s = std(r, opts.std ?? 'sample');
  if (s === 0) return r.map(() => 0);
  const denom = opts.scale === false ? 1 : s + (opts.eps ?? 1e-6);
  return r.map((x) => (x - m) / denom);
}

/**
 * Process supervision: normalise all step rewards of the group together, then a step's
 * advantage is the sum of normalised rewards from that step to the end of its rollout.
 */
export function grpoProcessAdvantages(stepRewards: readonly (readonly number[])[], opts: GrpoOptions = {}): number[][] {
  const flat = stepRewards.flat();
  const normed = grpoAdvantages(flat, opts);
  const out: number[][] = [];
  let k = 0;
  for (const traj of stepRewards) {
    out.push(suffixSums(normed.slice(k, k + traj.length)));
    k += traj.length;
  }
  return out;
}

/** Merge contiguous steps with the same label into units [start, end] (inclusive). */
export function thoughtUnits<T>(labels: readonly T[]): [number, number][] {
  const units: [number, number][] = [];
  labels.forEach((l, i) => {
    if (i > 0 && labels[i - 1] === l) units[units.length - 1][1] = i;
    else units.push([i, i]);
  });
  return units;
}
