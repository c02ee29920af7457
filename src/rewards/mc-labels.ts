/**
 * Monte-Carlo step labels (Math-Shepherd, Wang et al., arXiv 2312.08935), consensus filtering
 * (Zhang et al., "The Lessons of Developing Process Reward Models", arXiv 2501.07301) and the
 * ProcessBench F1 (Zheng et al., arXiv 2412.06559) [summary/code].
 */
import { assertSameLength } from './util.js';

export interface McLabel {
  /** 1 when any completion from the step succeeded. */
  hard: 0 | 1;
  /** Fraction of completions that succeeded; 0 with no completions. */
  soft: number;
}

/** Label one step from the outcomes of N completions started after it. */
export function mcStepLabel(completions: readonly boolean[]): McLabel {
  const ok = completions.filter(Boolean).length;
  return { hard: ok > 0 ? 1 : 0, soft: completions.length ? ok / completions.length : 0 };
}

/** First step whose hard label is 0 (0-indexed), or -1 when every step can still succeed. */
export function firstErrorIndex(hardLabels: readonly (0 | 1 | boolean)[]): number {
  return hardLabels.findIndex((h) => !h);
}

/** Keep sample i only when the MC first-error index equals the judge's (-1 = no error, agreeing counts). */
export function consensusFilter(mcFirstError: readonly number[], judgeFirstError: readonly number[]): { kept: number[]; removed: number[] } {
  assertSameLength('mcFirstError', mcFirstError, 'judgeFirstError', judgeFirstError);
  const kept: number[] = [], removed: number[] = [];
  mcFirstError.forEach((m, i) => (m === judgeFirstError[i] ? kept : removed).push(i));
  return { kept, removed };
}

export interface ProcessBenchResult {
  /** % exact first-error index on erroneous samples (label >= 0). */
  accErr: number;
  /** % predicted -1 on correct samples (label -1). */
  accCorr: number;
  /** Harmonic mean of accErr and accCorr (0 when both are 0). */
  f1: number;
  nErr: number;
  nCorr: number;
}

/** ProcessBench metric; labels and predictions are first-wrong-step indices or -1. */
export function processBenchF1(labels: readonly number[], predictions: readonly number[]): ProcessBenchResult {
  assertSameLength('labels', labels, 'predictions', predictions);
  let nErr = 0, hitErr = 0, nCorr = 0, hitCorr = 0;
  labels.forEach((l, i) => {
    if (l < 0) {
      nCorr++;
      if (predictions[i] < 0) hitCorr++;
    } else {
      nErr++;
      if (predictions[i] === l) hitErr++;
    }
  });
  return processBenchFromAccuracies(nErr ? (100 * hitErr) / nErr : 0, nCorr ? (100 * hitCorr) / nCorr : 0, nErr, nCorr);
}

/** F1 from the two accuracies (percent). */
export function processBenchFromAccuracies(accErr: number, accCorr: number, nErr = 0, nCorr = 0): ProcessBenchResult {
  const f1 = accErr + accCorr > 0 ? (2 * accErr * accCorr) / (accErr + accCorr) : 0;
  return { accErr, accCorr, f1, nErr, nCorr };
}
