/**
 * Judge calibration with a small gold slice, after CJE (Causal Judge Evaluation,
 * github cimo-labs/cje) [code]; formulas as stated in REWARDS.md section 13.
 *
 * A cheap judge scores every item (S); a few items also carry a gold label (Y). An isotonic
 * map f: S -> Y turns judge scores into calibrated rates; a cross-fitted residual term removes
 * the calibrator's bias; the oracle-uncertainty term widens the interval for having only a
 * few labels.
 */
import { Rng } from '../core/random.js';
import { isotonicFit, isotonicPredict, type IsotonicModel } from './isotonic.js';
import { tQuantile } from './stats.js';
import { mean, std, assertSameLength, RewardInputError } from './util.js';

export interface CjeInput {
  /** Judge score S_i of every item. */
  s: readonly number[];
  /** Gold label Y_i in [0, 1] where known, null elsewhere (same length as s). */
  y: readonly (number | null)[];
}

export interface CjeOptions {
  /** Cross-fitting folds (default 5; lowered to floor(labels / 2) for 4-9 labels, OURS). */
  folds?: number;
  /** Confidence level of the interval (default 0.95). */
  level?: number;
  /** Seed of the fold assignment. */
  seed?: number | string;
}

export interface CjeResult {
  /** psi = mean_i f(S_i) + mean_{gold}(Y_i - f^(-fold)(S_i)). */
  estimate: number;
  /** Plug-in part mean_i f(S_i). */
  plugIn: number;
  /** Cross-fitted residual correction. */
  correction: number;
  seBase: number;
  /** Oracle-uncertainty variance ((K-1)/K) sum_k (psi_k - mean psi)^2. */
  varCal: number;
  se: number;
  df: number;
  ci: [number, number];
  folds: number;
  labels: number;
  calibrator: IsotonicModel;
}

/** Folds used for m gold labels: at least 2 labels per fold, at most the requested count. */
export function cjeFoldCount(m: number, requested = 5): number {
  if (m < 4) throw new RewardInputError('y', `has ${m} gold labels; calibration needs at least 4`, 'label at least 4 items (25+ gives useful intervals)');
  return Math.max(2, Math.min(requested, Math.floor(m / 2)));
}

export function cjeEstimate(input: CjeInput, opts: CjeOptions = {}): CjeResult {
  const { s, y } = input;
  assertSameLength('s', s, 'y', y);
  const gold: number[] = [];
  y.forEach((v, i) => {
    if (v === null || v === undefined) return;
    if (!(v >= 0 && v <= 1)) throw new RewardInputError(`y[${i}]`, `${v} is outside [0, 1]`, 'gold labels are rates or 0/1 outcomes');
    gold.push(i);
  });
  const K = cjeFoldCount(gold.length, opts.folds ?? 5);
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RewardInputError('level', `must be in (0, 1), got ${level}`, 'use 0.95');
  const fold = new Map<number, number>();
  new Rng(opts.seed ?? 0).shuffle(gold).forEach((i, pos) => fold.set(i, pos % K));

  const fit = (idx: number[]) => isotonicFit(idx.map((i) => s[i]), idx.map((i) => y[i] as number), { lo: 0, hi: 1 });
  const f = fit(gold);
  const fMinus = Array.from({ length: K }, (_, k) => fit(gold.filter((i) => fold.get(i) !== k)));

  const fs = s.map((v) => isotonicPredict(f, v));
  const resid = gold.map((i) => (y[i] as number) - isotonicPredict(fMinus[fold.get(i)!], s[i]));
  const plugIn = mean(fs);
  const correction = mean(resid);
  const estimate = plugIn + correction;

  const seBase = Math.sqrt(std(fs, 'sample') ** 2 / s.length + std(resid, 'sample') ** 2 / gold.length);
  // Jackknife over folds: how much the estimate moves when one fold's labels are withheld.
  const psiK = fMinus.map((fk) => mean(s.map((v) => isotonicPredict(fk, v))) + correction);
  const mk = mean(psiK);
  const varCal = ((K - 1) / K) * psiK.reduce((acc, p) => acc + (p - mk) ** 2, 0);
  const se = Math.sqrt(seBase * seBase + varCal);
  const df = Math.max(Math.min(gold.length - 1, K - 1), 1);
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { estimate, plugIn, correction, seBase, varCal, se, df, ci: [estimate - half, estimate + half], folds: K, labels: gold.length, calibrator: f };
}
