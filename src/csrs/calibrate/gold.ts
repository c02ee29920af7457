/**
 * Calibrating a judge on a gold slice: isotonic regression from the judge's P(success) to the
 * gold outcome; accuracy, ECE and Brier before and after (in-sample on the slice); and CJE's
 * estimate of the judge's annotation accuracy over all items with a confidence interval.
 */
import { StepwiseError } from '../../core/errors.js';
import { brierScore, cjeEstimate, expectedCalibrationError, isotonicFit, isotonicPredict, type IsotonicModel } from '../../rewards/index.js';

export interface JudgedItem {
  verdict: 'success' | 'failure';
  confidence: number;
  /** Gold verdict (verifier or human) where known. */
  gold?: 'success' | 'failure';
}

export interface Scores { accuracy: number; ece: number; brier: number }

export interface GoldReport {
  items: number;
  gold: number;
  before: Scores;
  after: Scores;
  /** CJE estimate of the share of all judge verdicts that are right. */
  annotationAccuracy: { estimate: number; ci: [number, number]; level: number };
  calibrator: IsotonicModel;
}

const pSuccess = (i: JudgedItem) => (i.verdict === 'success' ? i.confidence : 1 - i.confidence);

function scores(pS: number[], gold: boolean[]): Scores {
  const verdictOk = pS.map((p, i) => (p >= 0.5) === gold[i]);
  const conf = pS.map((p) => Math.max(p, 1 - p));
  return { accuracy: verdictOk.filter(Boolean).length / pS.length, ece: expectedCalibrationError(conf, verdictOk).ece, brier: brierScore(conf, verdictOk) };
}

export function calibrateOnGold(items: JudgedItem[], level = 0.95): GoldReport {
  const slice = items.filter((i) => i.gold);
  if (slice.length < 4) throw new StepwiseError('invalid_input', `only ${slice.length} judged item(s) have a gold verdict`, 'label at least 4 trajectories (25+ gives useful intervals) with a verifier or human review');
  const s = slice.map(pSuccess);
  const y = slice.map((i) => i.gold === 'success');
  const f = isotonicFit(s, y.map((v) => (v ? 1 : 0)), { lo: 0, hi: 1 });
  const correct = (i: JudgedItem) => (i.gold === undefined ? null : i.gold === i.verdict ? 1 : 0);
  const cje = cjeEstimate({ s: items.map((i) => i.confidence), y: items.map(correct) }, { level });
  return {
    items: items.length,
    gold: slice.length,
    before: scores(s, y),
    after: scores(s.map((v) => isotonicPredict(f, v)), y),
    annotationAccuracy: { estimate: cje.estimate, ci: cje.ci, level },
    calibrator: f,
  };
}

/** A judge outcome's confidence mapped through a calibrator (the verdict may flip). */
export function applyCalibrator(f: IsotonicModel, verdict: 'success' | 'failure', confidence: number): { verdict: 'success' | 'failure'; confidence: number } {
  const p = isotonicPredict(f, verdict === 'success' ? confidence : 1 - confidence);
  return p >= 0.5 ? { verdict: 'success', confidence: p } : { verdict: 'failure', confidence: 1 - p };
}
