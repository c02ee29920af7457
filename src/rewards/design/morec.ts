/**
 * MOREC reward-filtered selection of model rollouts: discriminators score how real a candidate
 * transition looks; keep the best candidate and stop the rollout when even that looks fake.
 * arXiv 2310.05422 (REWARDS-2.md 7, read in the authors' code).
 */
import type { Rng } from '../../core/random.js';
import { RewardInputError, clamp, mean, softmax } from '../util.js';

/** r_D = -log(1 - mean_k clamp(D_k, 0, 0.999) + 1e-9) per candidate (rows = candidates, columns = discriminators). */
export function morecScores(d: readonly (readonly number[])[]): number[] {
  return d.map((row, i) => {
    if (row.length === 0) throw new RewardInputError(`d[${i}]`, 'is empty', 'give one score per discriminator of the ensemble');
    return -Math.log(1 - mean(row.map((x) => clamp(x, 0, 0.999))) + 1e-9);
  });
}

export interface MorecOptions {
  /** Stop the rollout when the chosen candidate's r_D is below this (code: 0.6). */
  stopBelow?: number;
  /** 'argmax' (default) or 'sample' from softmax(temperature r_D). */
  select?: 'argmax' | 'sample';
  /** Multiplier in softmax(temperature r_D) (code: 10). */
  temperature?: number;
  rng?: Rng;
}

/** Chooses a candidate (0-based) and says whether the rollout should stop there. */
export function morecSelect(d: readonly (readonly number[])[], opts: MorecOptions = {}): { scores: number[]; chosen: number; stop: boolean; wouldStop: boolean[] } {
  const scores = morecScores(d);
  const stopBelow = opts.stopBelow ?? 0.6;
  if (scores.length === 0) return { scores, chosen: -1, stop: true, wouldStop: [] };
  let chosen = 0;
  if (opts.select === 'sample') {
    if (!opts.rng) throw new RewardInputError('seed', 'is required to sample', 'give a seed (sampling is repeatable per seed)');
    const p = softmax(scores.map((s) => (opts.temperature ?? 10) * s));
    let u = opts.rng.next();
    chosen = p.length - 1;
    for (let i = 0; i < p.length; i++) if ((u -= p[i]) < 0) { chosen = i; break; }
  } else {
    scores.forEach((s, i) => { if (s > scores[chosen]) chosen = i; });
  }
  return { scores, chosen, stop: scores[chosen] < stopBelow, wouldStop: scores.map((s) => s < stopBelow) };
}
