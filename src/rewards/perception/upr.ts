/**
 * Unsupervised Perceptual Rewards (arXiv 1612.06699) on plain feature vectors: split a few
 * demonstrations into K steps by minimising within-segment variance, pick for each step the M
 * features that separate it from the rest (z = a|mu+ - mu-| - (s+ + s-)), and score a new
 * observation by how close those features are to the step's mean:
 *   R_i(s) = -(1/M) sum_j (s_j - mu+_ij)^2 / s+_ij^2,  total = sum_i 2^(i-1) R_i.
 * OURS (uncertain in the paper or GUI-specific, explicit parameters): `minStd` floors s+ (binary
 * UI features often have zero spread), and `progressRewards` turns key steps into a per-step
 * reward: steps reached in order, plus exp(R) of the next one.
 */
import { StepwiseError } from '../../core/errors.js';

export interface KeyStep {
  /** Indices of the chosen features. */
  features: number[];
  mean: number[];
  std: number[];
  /** Their scores z, best first. */
  scores: number[];
}

export interface PerceptualModel {
  kind: 'upr';
  version: 1;
  dims: number;
  keySteps: KeyStep[];
  /** Where each demonstration was split (start index of segments 2..K). */
  splits: number[][];
  params: { steps: number; features: number; a: number; minStd: number };
}

export interface UprOptions {
  /** Key steps K (segments per demonstration). */
  steps: number;
  /** Features kept per step, M (default 32, at most the dimension). */
  features?: number;
  /** Weight a of the mean gap in the feature score (default 5). */
  a?: number;
  /** Floor for s+ (default 0.1). */
  minStd?: number;
}

/** z = a |mu+ - mu-| - (s+ + s-): large when the step differs from the rest and is consistent. */
export function featureScore(muPos: number, sPos: number, muNeg: number, sNeg: number, a = 5): number {
  return a * Math.abs(muPos - muNeg) - (sPos + sNeg);
}

function checkFrames(frames: number[][], what: string): number {
  if (frames.length === 0) throw new StepwiseError('invalid_input', `${what} has no frames`, 'give at least one feature vector per frame');
  const d = frames[0].length;
  for (const [i, f] of frames.entries()) {
    if (f.length !== d) throw new StepwiseError('invalid_input', `${what} frame ${i} has ${f.length} features, frame 0 has ${d}`, 'every frame needs the same feature vector length');
    if (f.some((x) => !Number.isFinite(x))) throw new StepwiseError('invalid_input', `${what} frame ${i} has a value that is not a finite number`, 'features must be finite numbers');
  }
  return d;
}

/**
 * Split one sequence into k contiguous non-empty segments with the least total within-segment
 * sum of squared deviations (exact dynamic programme). Returns the start index of segments 2..k.
 */
export function splitByVariance(frames: number[][], k: number): number[] {
  const n = frames.length;
  if (!Number.isInteger(k) || k < 1) throw new StepwiseError('invalid_input', `steps ${k} is not a positive integer`, 'use 1 or more key steps');
  if (n < k) throw new StepwiseError('invalid_input', `a demonstration of ${n} frames cannot be split into ${k} steps`, 'use fewer steps or longer demonstrations');
  const d = checkFrames(frames, 'the demonstration');
  // prefix sums of x and x^2 per feature make any segment's cost O(d)
  const s1 = [new Array<number>(d).fill(0)], s2 = [new Array<number>(d).fill(0)];
  for (let i = 0; i < n; i++) {
    s1.push(s1[i].map((v, j) => v + frames[i][j]));
    s2.push(s2[i].map((v, j) => v + frames[i][j] ** 2));
  }
  const cost = (i: number, j: number) => {
    let c = 0;
    const len = j - i;
    for (let f = 0; f < d; f++) { const sum = s1[j][f] - s1[i][f]; c += s2[j][f] - s2[i][f] - (sum * sum) / len; }
    return c;
  };
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0][0] = 0;
  for (let seg = 1; seg <= k; seg++) {
    for (let j = seg; j <= n; j++) {
      for (let i = seg - 1; i < j; i++) {
        const c = best[seg - 1][i] + cost(i, j);
        // strict < with i ascending: ties go to the earliest split, so results are reproducible
        if (c < best[seg][j] - 1e-12) { best[seg][j] = c; from[seg][j] = i; }
      }
    }
  }
  const starts: number[] = [];
  for (let seg = k, j = n; seg > 1; seg--) { j = from[seg][j]; starts.unshift(j); }
  return starts;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[], m: number) => Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);

export function learnPerceptualRewards(demos: number[][][], o: UprOptions): PerceptualModel {
  if (demos.length === 0) throw new StepwiseError('invalid_input', 'no demonstrations', 'give at least one demonstration (a list of feature vectors)');
  const dims = checkFrames(demos[0], 'demonstration 0');
  demos.forEach((d, i) => { if (checkFrames(d, `demonstration ${i}`) !== dims) throw new StepwiseError('invalid_input', `demonstration ${i} has ${d[0].length} features, demonstration 0 has ${dims}`, 'build all feature vectors with the same vocabulary'); });
  const k = o.steps, m = Math.min(o.features ?? 32, dims), a = o.a ?? 5, minStd = o.minStd ?? 0.1;
  if (!(minStd > 0)) throw new StepwiseError('invalid_input', `minStd ${minStd} must be > 0`, 'it floors s+ so the reward stays finite');
  const splits = demos.map((d) => splitByVariance(d, k));
  // segment label of every frame of every demonstration
  const labelled = demos.flatMap((d, di) => d.map((f, t) => ({ f, seg: splits[di].filter((s) => s <= t).length })));
  const keySteps: KeyStep[] = [];
  for (let seg = 0; seg < k; seg++) {
    const pos = labelled.filter((x) => x.seg === seg).map((x) => x.f);
    const neg = labelled.filter((x) => x.seg !== seg).map((x) => x.f);
    const stats = Array.from({ length: dims }, (_, j) => {
      const p = pos.map((f) => f[j]);
      const mp = mean(p), sp = std(p, mp);
      const ng = neg.map((f) => f[j]);
      const mn = ng.length ? mean(ng) : mp, sn = ng.length ? std(ng, mn) : 0;
      return { j, mp, sp, z: featureScore(mp, sp, mn, sn, a) };
    });
    const top = stats.sort((x, y) => y.z - x.z || x.j - y.j).slice(0, m);
    keySteps.push({ features: top.map((s) => s.j), mean: top.map((s) => s.mp), std: top.map((s) => Math.max(s.sp, minStd)), scores: top.map((s) => s.z) });
  }
  return { kind: 'upr', version: 1, dims, keySteps, splits, params: { steps: k, features: m, a, minStd } };
}

/** R_i(s) for every key step i: 0 at the step's mean, more negative further away. */
export function keyStepScores(model: PerceptualModel, x: number[]): number[] {
  if (x.length !== model.dims) throw new StepwiseError('invalid_input', `the observation has ${x.length} features, the model ${model.dims}`, 'vectorise observations with the vocabulary the model was learned with');
  return model.keySteps.map((k) => -k.features.reduce((acc, j, q) => acc + (x[j] - k.mean[q]) ** 2 / k.std[q] ** 2, 0) / k.features.length);
}

/** The paper's combined reward: sum_i 2^(i-1) R_i (later steps weigh more). */
export function perceptualReward(model: PerceptualModel, x: number[]): number {
  return keyStepScores(model, x).reduce((acc, r, i) => acc + 2 ** i * r, 0);
}

export interface ProgressStep {
  /** Key steps reached so far, in order. */
  reached: number;
  /** (reached + exp(R_next)) / K, 1 once all are reached. */
  reward: number;
}

/**
 * Per-step progress through the key steps: a step counts as reached when R_i >= reachAt
 * (default -1: its features are on average within one s+ of the mean) and every earlier one was
 * reached; the reward adds how close the observation is to the next key step.
 */
export function progressRewards(model: PerceptualModel, xs: number[][], reachAt = -1): ProgressStep[] {
  const k = model.keySteps.length;
  let reached = 0;
  return xs.map((x) => {
    const r = keyStepScores(model, x);
    while (reached < k && r[reached] >= reachAt) reached++;
    return { reached, reward: reached >= k ? 1 : (reached + Math.exp(r[reached])) / k };
  });
}
