/**
 * Isotonic regression by the pool-adjacent-violators algorithm (PAVA), with linear
 * interpolation between fitted points and clipping, as used by CJE (cimo-labs/cje) to map
 * judge scores S to gold labels Y [code].
 *
 * The fit is non-decreasing and, on the labelled points, mean-preserving (each pooled block
 * takes the weighted mean of its labels).
 */
import { assertSameLength, RewardInputError } from './util.js';

export interface IsotonicModel {
  /** Distinct x values, ascending. */
  xs: number[];
  /** Fitted value at each xs entry (non-decreasing). */
  ys: number[];
}

/** Fit a non-decreasing step function y ~ f(x); weights default to 1. Output clipped to [lo, hi]. */
export function isotonicFit(x: readonly number[], y: readonly number[], opts: { weights?: readonly number[]; lo?: number; hi?: number } = {}): IsotonicModel {
  assertSameLength('x', x, 'y', y);
  const w = opts.weights ?? x.map(() => 1);
  assertSameLength('x', x, 'weights', w);
  if (x.some((v) => !Number.isFinite(v)) || y.some((v) => !Number.isFinite(v))) {
    throw new RewardInputError('x/y', 'contain a non-finite value', 'give finite scores and labels');
  }
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  // Pool equal x first: one fitted value per distinct score.
  const bx: number[] = [], by: number[] = [], bw: number[] = [];
  for (const i of order) {
    const k = bx.length - 1;
    if (k >= 0 && bx[k] === x[i]) {
      by[k] = (by[k] * bw[k] + y[i] * w[i]) / (bw[k] + w[i]);
      bw[k] += w[i];
    } else {
      bx.push(x[i]); by.push(y[i]); bw.push(w[i]);
    }
  }
  // PAVA over blocks: merge backwards while the previous block's mean exceeds the current one.
  const val: number[] = [], wt: number[] = [], len: number[] = [];
  for (let i = 0; i < by.length; i++) {
    val.push(by[i]); wt.push(bw[i]); len.push(1);
    while (val.length > 1 && val[val.length - 2] > val[val.length - 1]) {
      const v2 = val.pop()!, w2 = wt.pop()!, l2 = len.pop()!;
      const k = val.length - 1;
      val[k] = (val[k] * wt[k] + v2 * w2) / (wt[k] + w2);
      wt[k] += w2;
      len[k] += l2;
    }
  }
  const lo = opts.lo ?? -Infinity, hi = opts.hi ?? Infinity;
  const ys: number[] = [];
  val.forEach((v, k) => {
    for (let j = 0; j < len[k]; j++) ys.push(Math.min(hi, Math.max(lo, v)));
  });
  return { xs: bx, ys };
}

/** f(s): linear interpolation between fitted points, constant beyond the ends; 0 for an empty model. */
export function isotonicPredict(m: IsotonicModel, s: number): number {
  const { xs, ys } = m;
  const n = xs.length;
  if (n === 0) return 0;
  if (s <= xs[0]) return ys[0];
  if (s >= xs[n - 1]) return ys[n - 1];
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= s) lo = mid;
    else hi = mid;
  }
  const t = (s - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] + t * (ys[hi] - ys[lo]);
}
