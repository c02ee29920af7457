import { describe, expect, test } from 'vitest';
import { allAbove, bestOfNResult, pairResult, reciprocalRank, tiesScore } from '../../src/judges/eval/metrics/choice.js';
import { firstErrorFromStepScores, processBenchF1 } from '../../src/judges/eval/metrics/process.js';
import { calibrationReport, calibrationScores, hCalibrationError, probabilityOf, reliabilityBins, successRateEstimate } from '../../src/judges/eval/metrics/calibration.js';
import { ratedAgreement } from '../../src/judges/eval/metrics/rated.js';

describe('RewardBench 2 best-of-4', () => {
  test('1 when the correct answer is the unique max, 1/k when k answers share the max, 0 otherwise', () => {
    expect(bestOfNResult([3, 1, 2, 0])).toBe(1);
    expect(bestOfNResult([3, 3, 1, 0])).toBe(0.5);
    expect(bestOfNResult([3, 3, 3, 0])).toBeCloseTo(1 / 3, 12);
    expect(bestOfNResult([2, 3, 1, 0])).toBe(0);
    expect(bestOfNResult([NaN, 1, 1, 1])).toBe(0);
  });
});

describe('RewardBench 2 Ties', () => {
  // Hand-computed: ref acc 1/2, tied acc 1, preferred 1/2, preferred-hard 0,
  // margin mean(tanh(1/2 - 1), tanh(-inf)) = (-0.4621171573 - 1) / 2.
  const rows = [
    { type: 'ref' as const, group: '0', scores: [5, 3, 2, 1], nCorrect: 1 },
    { type: 'tied' as const, group: '0', scores: [6, 5, 4, 3, 1], nCorrect: 3 },
    { type: 'ref' as const, group: '1', scores: [1, 2, 0], nCorrect: 1 },
    { type: 'tied' as const, group: '1', scores: [4, 4, 1], nCorrect: 2 },
  ];
  test('weighted score from accuracy, margin preference and the tanh margin term', () => {
    const t = tiesScore(rows);
    expect(t.refAccuracy).toBe(0.5);
    expect(t.tiedAccuracy).toBe(1);
    expect(t.preferred).toBe(0.5);
    expect(t.preferredHard).toBe(0);
    expect(t.margin).toBeCloseTo((Math.tanh(-0.5) - 1) / 2, 12);
    expect(t.score).toBeCloseTo(0.3 + 0.15 + 0.1 + 0 + 0.01 * ((Math.tanh(-0.5) - 1) / 2), 12);
  });
  test('0/0 in the margin term counts 0; a failed score makes its prompt wrong', () => {
    const zero = tiesScore([{ type: 'ref', group: 'z', scores: [1, 1], nCorrect: 1 }, { type: 'tied', group: 'z', scores: [2, 2, 2], nCorrect: 2 }]);
    expect(zero.margin).toBe(0);
    expect(zero.refAccuracy).toBe(0);
    const failed = tiesScore([{ type: 'ref', group: 'f', scores: [NaN, 0], nCorrect: 1 }, { type: 'tied', group: 'f', scores: [3, 3, 0], nCorrect: 2 }]);
    expect(failed.refAccuracy).toBe(0);
    expect(failed.preferredHard).toBe(0);
    expect(failed.tiedAccuracy).toBe(1);
  });
});

describe('pairs, RewardMATH', () => {
  test('pair accuracy counts ties and failures as wrong', () => {
    expect([pairResult(2, 1), pairResult(1, 1), pairResult(0, 1), pairResult(NaN, 0)]).toEqual([1, 0, 0, 0]);
  });
  test('all correct answers above every incorrect one; reciprocal rank ranks ties below', () => {
    expect(allAbove([3, 1, 2, 0], 1)).toBe(true);
    expect(allAbove([3, 1, 3, 0], 1)).toBe(false);
    expect(allAbove([5, 4, 4.5], 2)).toBe(false);
    expect(reciprocalRank([3, 1, 3, 0])).toBe(0.5);
    expect(reciprocalRank([1, 2, 3, 0])).toBeCloseTo(1 / 3, 12);
  });
});

describe('ProcessBench F1', () => {
  test('harmonic mean of accuracy on erroneous and on correct samples', () => {
    const r = processBenchF1([
      { label: 1, predicted: 1 }, { label: 2, predicted: 1 },
      { label: -1, predicted: -1 }, { label: -1, predicted: 0 }, { label: -1, predicted: -1 },
    ]);
    expect(r.errorAccuracy).toBe(0.5);
    expect(r.correctAccuracy).toBeCloseTo(2 / 3, 12);
    expect(r.f1).toBeCloseTo(4 / 7, 12);
    expect(processBenchF1([{ label: 0, predicted: 1 }, { label: -1, predicted: 0 }]).f1).toBe(0);
  });
  test('first error is the first step below the threshold; a missing prediction never matches', () => {
    expect(firstErrorFromStepScores([0.9, 0.8, 0.2, 0.1])).toBe(2);
    expect(firstErrorFromStepScores([0.9, 0.8])).toBe(-1);
    expect(firstErrorFromStepScores([0.9, NaN])).toBe(1);
    expect(processBenchF1([{ label: -1, predicted: NaN }]).correctAccuracy).toBe(0);
  });
});

describe('calibration', () => {
  const p = [0.05, 0.15, 0.15, 0.95, 1.0];
  const y = [false, true, false, true, true];
  test('reliability bins and ECE on a hand-computed case', () => {
    const bins = reliabilityBins(p, y, 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ lo: 0, hi: 0.1, count: 1, accuracy: 0, confidence: 0.05 });
    expect(bins[1].count).toBe(2);
    expect(bins[1].accuracy).toBe(0.5);
    expect(bins[1].confidence).toBeCloseTo(0.15, 12);
    expect(bins[9].count).toBe(2); // p = 1 lands in the last bin
    expect(bins[9].confidence).toBeCloseTo(0.975, 12);
    const s = calibrationScores(p, y, 10);
    expect(s.ece).toBeCloseTo(0.2 * 0.05 + 0.4 * 0.35 + 0.4 * 0.025, 12);
    expect(s.brier).toBeCloseTo((0.05 ** 2 + 0.85 ** 2 + 0.15 ** 2 + 0.05 ** 2 + 0) / 5, 12);
  });
  test('h-calibration error: 0 within the bound, the excess beyond it', () => {
    expect(hCalibrationError([0.5, 0.5], [true, false], 0.1)).toBe(0);
    expect(hCalibrationError([0.9, 0.9], [true, false], 0.1)).toBeCloseTo(0.3, 12);
  });
  test('recalibration fixes a judge that is systematically overconfident', () => {
    // True success rate 0.5 where the judge says 0.9, 0.1 where it says 0.6.
    const pp: number[] = [], yy: boolean[] = [];
    for (let i = 0; i < 40; i++) { pp.push(0.9); yy.push(i % 2 === 0); pp.push(0.6); yy.push(i % 10 === 0); }
    const r = calibrationReport(pp, yy, { folds: 5 });
    expect(r.isotonic!.ece).toBeLessThan(r.raw.ece / 3);
    expect(r.hcal!.ece).toBeLessThan(r.raw.ece / 3);
    expect(calibrationReport(pp.slice(0, 4), yy.slice(0, 4)).note).toMatch(/at least 10/);
  });
  test('a judge result becomes a probability: confidence, else a score in [0, 1], else sigmoid', () => {
    expect(probabilityOf({ score: 3, confidence: 0.2 })).toBe(0.2);
    expect(probabilityOf({ score: 0.7 })).toBe(0.7);
    expect(probabilityOf({ score: 0 })).toBe(0);
    expect(probabilityOf({ score: 2 })).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });
  test('CJE success-rate estimate from a quarter of the labels covers the truth', () => {
    const pp: number[] = [], yy: boolean[] = [];
    for (let i = 0; i < 80; i++) { const ok = i % 3 !== 0; yy.push(ok); pp.push(ok ? 0.95 : 0.7); }
    const r = successRateEstimate(pp, yy, 0.25, 1);
    if ('error' in r) throw new Error(r.error);
    expect(r.goldLabels).toBe(20);
    expect(r.judgeOnly).toBe(1); // the raw judge calls every item a success
    expect(r.ci[0]).toBeLessThanOrEqual(r.truth);
    expect(r.ci[1]).toBeGreaterThanOrEqual(r.truth);
    expect(Math.abs(r.estimate - r.truth)).toBeLessThan(0.1);
    expect(successRateEstimate([0.5, 0.5], [true, false])).toHaveProperty('error');
  });
});

test('HelpSteer2 agreement: within-prompt pairs with different ratings, judge ties wrong', () => {
  const r = ratedAgreement([
    { prompt: 'a', rating: 4, score: 2 }, { prompt: 'a', rating: 2, score: 1 }, { prompt: 'a', rating: 2, score: 5 },
    { prompt: 'b', rating: 1, score: 1 }, { prompt: 'b', rating: 3, score: 1 },
  ]);
  // pairs: a(4,2) agree, a(4,2') disagree, b(1,3) judge tie -> 1/3
  expect(r.pairs).toBe(3);
  expect(r.pairAccuracy).toBeCloseTo(1 / 3, 12);
});

test('h-calibration error equals its definition computed pair by pair', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const p = Array.from({ length: 300 }, () => Math.round(rnd() * 20) / 20);
  const y = p.map((q) => rnd() < q);
  const h = 0.1;
  const naive = p.reduce((acc, q) => {
    const w = p.map((x, j) => [x, y[j]] as const).filter(([x]) => Math.abs(x - q) <= h + 1e-12);
    const a = w.filter(([, v]) => v).length / w.length;
    return acc + Math.max(0, Math.abs(a - q) - h);
  }, 0) / p.length;
  expect(hCalibrationError(p, y, h)).toBeCloseTo(naive, 12);
});
