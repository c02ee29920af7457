/**
 * Calibrating any judge on a gold slice: isotonic regression (src/rewards) from the judge's
 * confidence (or raw score when it gives none) to the gold label. The calibrated judge is a
 * Judge like any other: its score and confidence are the calibrated P(good), the raw score is
 * kept as aspects.raw. ECE and Brier before and after are reported (in-sample on the slice).
 */
import { StepwiseError } from '../core/errors.js';
import { brierScore, expectedCalibrationError, isotonicFit, isotonicPredict, type IsotonicModel } from '../rewards/index.js';
import { pointwiseJudge } from './base.js';
import type { Judge, JudgeItem, JudgeResult } from './types.js';

export interface GoldItem {
  item: JudgeItem;
  /** True when the target is good/correct. */
  label: boolean;
}

export interface CalibrationReport {
  items: number;
  before: { ece: number; brier: number; accuracy: number };
  after: { ece: number; brier: number; accuracy: number };
  model: IsotonicModel;
}

const signalOf = (r: JudgeResult) => r.confidence ?? r.score;

function metrics(p: number[], y: boolean[]) {
  const correct = p.map((v, i) => (v >= 0.5) === y[i]);
  const conf = p.map((v) => Math.max(v, 1 - v));
  return { ece: expectedCalibrationError(conf, correct).ece, brier: brierScore(p, y), accuracy: correct.filter(Boolean).length / p.length };
}

/** Wrap a judge with a fitted isotonic map. */
export function calibrated(judge: Judge, model: IsotonicModel, concurrency = 4): Judge {
  const map = (r: JudgeResult): JudgeResult => {
    const p = isotonicPredict(model, signalOf(r));
    return { ...r, protocol: `${judge.protocol}+isotonic`, score: p, confidence: p, verdict: p >= 0.5 ? 'success' : 'failure', aspects: { ...r.aspects, raw: r.score } };
  };
  return pointwiseJudge({ protocol: `${judge.protocol}+isotonic`, concurrency, score: async (item, o) => map(await judge.score(item, o)) });
}

/** Score the gold slice, fit, and return the calibrated judge with its report. */
export async function calibrateJudge(judge: Judge, gold: GoldItem[], opts: { concurrency?: number } = {}): Promise<{ judge: Judge; report: CalibrationReport }> {
  if (gold.length < 4 || !gold.some((g) => g.label) || !gold.some((g) => !g.label)) {
    throw new StepwiseError('invalid_input', `a gold slice needs at least 4 items with both labels (got ${gold.length}, ${gold.filter((g) => g.label).length} good)`, 'label more items (25+ gives a useful fit)');
  }
  const { default: pLimit } = await import('p-limit');
  const limit = pLimit(opts.concurrency ?? 4);
  const results = await Promise.all(gold.map((g) => limit(() => judge.score(g.item))));
  const x = results.map(signalOf);
  const y = gold.map((g) => g.label);
  const model = isotonicFit(x, y.map((v) => (v ? 1 : 0)), { lo: 0, hi: 1 });
  // "Before" needs probabilities: confidences as they are, raw scores through a logistic.
  const before = results.map((r) => r.confidence ?? 1 / (1 + Math.exp(-r.score)));
  const after = x.map((v) => isotonicPredict(model, v));
  return { judge: calibrated(judge, model, opts.concurrency), report: { items: gold.length, before: metrics(before, y), after: metrics(after, y), model } };
}
