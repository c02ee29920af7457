/**
 * Calibration of a judge's probabilities against gold labels: reliability bins, ECE, Brier
 * (from src/rewards), cross-fitted recalibration (isotonic, h-calibration) and a CJE estimate of
 * the success rate from a small gold slice.
 */
import { Rng } from '../../../core/random.js';
import { brierScore, expectedCalibrationError } from '../../../rewards/calibration.js';
import { cjeEstimate } from '../../../rewards/cje.js';
import { isotonicFit, isotonicPredict } from '../../../rewards/isotonic.js';
import { sigmoid } from '../../../rewards/util.js';

/**
 * A judge result as a probability of "good": its confidence when given, the score itself
 * when it already lies in [0, 1], else sigmoid(score) (Bradley-Terry logits, lp(Yes)-lp(No)).
 */
export function probabilityOf(r: { score: number; confidence?: number }): number {
  if (r.confidence !== undefined && r.confidence >= 0 && r.confidence <= 1) return r.confidence;
  if (r.score >= 0 && r.score <= 1) return r.score;
  return sigmoid(r.score);
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  /** Share of correct items in the bin (0 when empty). */
  accuracy: number;
  /** Mean predicted probability in the bin (0 when empty). */
  confidence: number;
}

/** Equal-width reliability diagram bins (bin b = [b/n, (b+1)/n), the last one closed). */
export function reliabilityBins(p: readonly number[], y: readonly boolean[], nBins = 10): ReliabilityBin[] {
  return expectedCalibrationError(p, y, nBins).bins.map((b, i) => ({ lo: i / nBins, hi: (i + 1) / nBins, ...b }));
}

export interface CalibrationScores {
  ece: number;
  brier: number;
  /** h-calibration error at the report's h (see hCalibrationError). */
  hce: number;
  bins: ReliabilityBin[];
}

export function calibrationScores(p: readonly number[], y: readonly boolean[], nBins = 10, h = 0.1): CalibrationScores {
  return { ece: expectedCalibrationError(p, y, nBins).ece, brier: brierScore(p, y), hce: hCalibrationError(p, y, h), bins: reliabilityBins(p, y, nBins) };
}

/** Sorted probabilities with prefix sums of labels: window accuracies in O(log n) each. */
interface Windows { sp: number[]; cy: number[] }

function windows(p: readonly number[], y: readonly boolean[]): Windows {
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const cy = [0];
  for (const i of order) cy.push(cy[cy.length - 1] + (y[i] ? 1 : 0));
  return { sp: order.map((i) => p[i]), cy };
}

/** First index whose value is >= v (or > v when `strict`). */
function bound(xs: readonly number[], v: number, strict: boolean): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? xs[mid] <= v : xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Accuracy of the items whose probability lies within h of `at` (`at` itself when none do). */
function windowAccuracy(w: Windows, at: number, h: number): number {
  const lo = bound(w.sp, at - h - 1e-12, false), hi = bound(w.sp, at + h + 1e-12, true);
  return hi > lo ? (w.cy[hi] - w.cy[lo]) / (hi - lo) : at;
}

/**
 * h-calibration error (ours, after Huang et al., "h-calibration", 2025): a predictor is
 * h-calibrated when, around every prediction p, the accuracy of items predicted within h of p
 * is within h of p. Reported: mean_i max(0, |acc_h(p_i) - p_i| - h); 0 means h-calibrated on
 * this sample. Unlike ECE it has no bin edges, and it tolerates errors up to the bound h.
 */
export function hCalibrationError(p: readonly number[], y: readonly boolean[], h = 0.1): number {
  if (!p.length) return 0;
  const w = windows(p, y);
  return p.reduce((acc, q) => acc + Math.max(0, Math.abs(windowAccuracy(w, q, h) - q) - h), 0) / p.length;
}

export type Recalibrator = (p: number) => number;

/** Isotonic map p -> P(correct), fitted on labelled items (PAVA, clipped to [0, 1]). */
export function fitIsotonic(p: readonly number[], y: readonly boolean[]): Recalibrator {
  const m = isotonicFit(p, y.map(Number), { lo: 0, hi: 1 });
  return (q) => isotonicPredict(m, q);
}

/**
 * h-calibration map (ours): the window accuracy acc_h(p_i) of each training item, made
 * monotone by isotonic regression, so the map's error on the training set is bounded by the
 * window instead of by arbitrary bin edges.
 */
export function fitHCalibration(p: readonly number[], y: readonly boolean[], h = 0.1): Recalibrator {
  const w = windows(p, y);
  const target = p.map((q) => windowAccuracy(w, q, h));
  const m = isotonicFit(p, target, { lo: 0, hi: 1 });
  return (q) => isotonicPredict(m, q);
}

/** Out-of-fold predictions: each item is recalibrated by a map fitted without its fold. */
export function crossFit(p: readonly number[], y: readonly boolean[], fit: (p: number[], y: boolean[]) => Recalibrator, folds = 5, seed = 0): number[] {
  const idx = new Rng(`crossfit/${seed}`).shuffle(p.map((_, i) => i));
  const fold = new Array<number>(p.length);
  idx.forEach((i, pos) => { fold[i] = pos % folds; });
  const out = new Array<number>(p.length);
  for (let k = 0; k < folds; k++) {
    const train = p.map((_, i) => i).filter((i) => fold[i] !== k);
    const f = fit(train.map((i) => p[i]), train.map((i) => y[i]));
    p.forEach((q, i) => { if (fold[i] === k) out[i] = f(q); });
  }
  return out;
}

export interface CalibrationReport {
  raw: CalibrationScores;
  /** Cross-fitted recalibrations; absent below `minItems` labelled items. */
  isotonic?: CalibrationScores;
  hcal?: CalibrationScores;
  h: number;
  folds: number;
  note?: string;
}

export function calibrationReport(p: readonly number[], y: readonly boolean[], opts: { bins?: number; h?: number; folds?: number; seed?: number; minItems?: number } = {}): CalibrationReport {
  const bins = opts.bins ?? 10, h = opts.h ?? 0.1, folds = opts.folds ?? 5;
  const raw = calibrationScores(p, y, bins, h);
  if (p.length < (opts.minItems ?? 2 * folds)) return { raw, h, folds, note: `recalibration needs at least ${opts.minItems ?? 2 * folds} labelled items, got ${p.length}` };
  const iso = crossFit(p, y, fitIsotonic, folds, opts.seed);
  const hc = crossFit(p, y, (a, b) => fitHCalibration(a, b, h), folds, opts.seed);
  return { raw, isotonic: calibrationScores(iso, y, bins, h), hcal: calibrationScores(hc, y, bins, h), h, folds };
}

export interface SuccessRateEstimate {
  /** True share of successes among all items (known here because every item has a gold label). */
  truth: number;
  /** Raw judge mean (share of items with p >= 0.5). */
  judgeOnly: number;
  estimate: number;
  ci: [number, number];
  goldLabels: number;
  items: number;
}

/**
 * CJE-style success-rate estimate: the judge scores every item, only a random `goldShare` of
 * gold labels is revealed; src/rewards/cje.ts calibrates and gives the interval. Reported next
 * to the truth, so users see whether the interval covers it on their data.
 */
export function successRateEstimate(p: readonly number[], y: readonly boolean[], goldShare = 0.25, seed = 0): SuccessRateEstimate | { error: string } {
  const m = Math.max(4, Math.round(goldShare * p.length));
  if (p.length < 8 || m > p.length) return { error: `needs at least 8 labelled items, got ${p.length}` };
  const revealed = new Set(new Rng(`cje-gold/${seed}`).shuffle(p.map((_, i) => i)).slice(0, m));
  const r = cjeEstimate({ s: [...p], y: y.map((v, i) => (revealed.has(i) ? Number(v) : null)) }, { seed });
  return {
    truth: y.filter(Boolean).length / y.length,
    judgeOnly: p.filter((q) => q >= 0.5).length / p.length,
    estimate: r.estimate, ci: r.ci, goldLabels: r.labels, items: p.length,
  };
}
