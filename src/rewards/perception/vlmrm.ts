/**
 * VLM-RM zero-shot goal rewards (arXiv 2310.12921): with g and b the means of the normalised
 * embeddings of goal and baseline prompts, d = g - b and P = a dd^T/|d|^2 + (1-a) I,
 *   r(x) = 1 - 1/2 |(x - g) P|^2   for the normalised embedding x of an observation.
 * a = 0 is plain cosine-style distance to the goal; a = 1 keeps only the goal-vs-baseline
 * direction, which removes what the baseline prompt shares with the goal ("a phone screen").
 */
import { StepwiseError } from '../../core/errors.js';

export function normalize(v: number[]): number[] {
  const n = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  if (!(n > 0) || !Number.isFinite(n)) throw new StepwiseError('invalid_input', 'an embedding has zero or non-finite length', 'check the embedding endpoint returns real vectors');
  return v.map((x) => x / n);
}

/** Mean of the normalised vectors (not re-normalised, as in the paper's code). */
export function meanOfNormalized(vs: number[][]): number[] {
  if (vs.length === 0) throw new StepwiseError('invalid_input', 'no prompt embeddings', 'give at least one goal and one baseline prompt');
  const d = vs[0].length;
  if (vs.some((v) => v.length !== d)) throw new StepwiseError('invalid_input', 'prompt embeddings differ in length', 'embed all prompts with the same model');
  const out = new Array<number>(d).fill(0);
  for (const v of vs.map(normalize)) for (let i = 0; i < d; i++) out[i] += v[i] / vs.length;
  return out;
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

/** r = 1 - 1/2 |(x - g) P|^2 with the goal-baseline projection P of strength alpha in [0, 1]. */
export function vlmRmReward(x: number[], goal: number[], baseline: number[], alpha: number): number {
  if (!(alpha >= 0 && alpha <= 1)) throw new StepwiseError('invalid_input', `alpha ${alpha} is outside [0, 1]`, '0 = distance to the goal, 1 = only the goal-baseline direction');
  if (x.length !== goal.length || goal.length !== baseline.length) throw new StepwiseError('invalid_input', `embedding sizes differ: observation ${x.length}, goal ${goal.length}, baseline ${baseline.length}`, 'embed observation and prompts with the same model');
  const xn = normalize(x);
  const d = goal.map((g, i) => g - baseline[i]);
  const dd = dot(d, d);
  if (alpha > 0 && !(dd > 1e-12)) throw new StepwiseError('invalid_input', 'the goal and baseline embeddings coincide', 'use a baseline prompt that describes the screen without the goal, or alpha 0');
  const u = xn.map((v, i) => v - goal[i]);
  const k = alpha > 0 ? dot(u, d) / dd : 0;
  const y = u.map((v, i) => alpha * k * d[i] + (1 - alpha) * v);
  return 1 - dot(y, y) / 2;
}
