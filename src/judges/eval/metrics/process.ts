/** ProcessBench scoring: first-error prediction, F1 of the two per-class accuracies. */

/** First step whose score is below the threshold, -1 when every step passes. */
export function firstErrorFromStepScores(stepScores: readonly number[], threshold = 0.5): number {
  const i = stepScores.findIndex((s) => !(s >= threshold));
  return i;
}

export interface ProcessF1 {
  /** Accuracy on samples with an error (predicted index = labelled index). */
  errorAccuracy: number;
  /** Accuracy on fully correct samples (predicted -1). */
  correctAccuracy: number;
  /** Harmonic mean of the two; 0 when both are 0. */
  f1: number;
  nError: number;
  nCorrect: number;
}

export function processBenchF1(rows: readonly { label: number; predicted: number }[]): ProcessF1 {
  const err = rows.filter((r) => r.label >= 0), ok = rows.filter((r) => r.label < 0);
  const errorAccuracy = err.length ? err.filter((r) => r.predicted === r.label).length / err.length : 0;
  const correctAccuracy = ok.length ? ok.filter((r) => r.predicted === -1).length / ok.length : 0;
  const s = errorAccuracy + correctAccuracy;
  return { errorAccuracy, correctAccuracy, f1: s > 0 ? (2 * errorAccuracy * correctAccuracy) / s : 0, nError: err.length, nCorrect: ok.length };
}
