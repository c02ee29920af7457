/** Behaviour beyond the worked examples: edge cases, errors, options. */
import { describe, expect, it } from 'vitest';
import { tQuantile, tCdf, regIncBeta } from '../../src/rewards/stats.js';
import { cjeEstimate, cjeFoldCount } from '../../src/rewards/cje.js';
import { stepguiPointReward, stepguiBboxReward } from '../../src/rewards/stepgui.js';
import { gaussianCoverageReward, gaussianPointReward } from '../../src/rewards/gui-g2.js';
import { brierScore, expectedCalibrationError, binIndex, rlcrReward } from '../../src/rewards/calibration.js';
import { implicitStepRewards, implicitTokenRewards } from '../../src/rewards/implicit-prm.js';
import { prioritisedGates } from '../../src/rewards/gated.js';
import { portoolAdvantages } from '../../src/rewards/portool.js';
import { pureMinForm, pureStrictValues, pureGroupReturns } from '../../src/rewards/pure.js';
import { profFilter } from '../../src/rewards/prof.js';
import { processBenchF1, consensusFilter, firstErrorIndex } from '../../src/rewards/mc-labels.js';
import { ppocRewards, parseConfidence } from '../../src/rewards/ppoc.js';
import { roundHalfEven, RewardInputError } from '../../src/rewards/util.js';
import { parReward } from '../../src/rewards/par.js';
import { grpoProcessAdvantages } from '../../src/rewards/grpo.js';
import { assignCredit } from '../../src/rewards/credit.js';
import { Rng } from '../../src/core/random.js';

describe('Student-t quantile (inverse regularized incomplete beta)', () => {
  it('matches published table values', () => {
    const table: [number, number, number][] = [
      [0.975, 1, 12.7062047361747], [0.975, 2, 4.30265272974946], [0.975, 5, 2.57058183563631],
      [0.975, 10, 2.22813885198627], [0.975, 30, 2.04227245630124], [0.95, 1, 6.31375151467504],
      [0.995, 3, 5.84090930973337], [0.9, 4, 1.53320627355717],
    ];
    for (const [p, df, want] of table) expect(tQuantile(p, df)).toBeCloseTo(want, 8);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.77644510519779, 8);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
    expect(tQuantile(0.5, 7)).toBe(0);
  });
  it('inverts the CDF and the incomplete beta', () => {
    for (const df of [1, 3, 7.5, 40]) for (const p of [0.6, 0.9, 0.99]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 10);
    expect(regIncBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(regIncBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
  });
  it('rejects p outside (0, 1) and df <= 0', () => {
    expect(() => tQuantile(1, 3)).toThrow(/p: must be in \(0, 1\)/);
    expect(() => tQuantile(0.9, 0)).toThrow(/df/);
  });
});

describe('CJE calibrated estimate', () => {
  it('needs 4 labels and lowers the fold count for small slices', () => {
    expect(() => cjeEstimate({ s: [0.1, 0.2, 0.3], y: [0, 1, 1] })).toThrow(/at least 4/);
    expect([4, 5, 6, 9, 10, 50].map((m) => cjeFoldCount(m))).toEqual([2, 2, 3, 4, 5, 5]);
  });
  it('is exact when every label agrees', () => {
    const r = cjeEstimate({ s: [0.1, 0.5, 0.9, 0.3, 0.7, 0.2], y: [1, 1, 1, 1, null, null] });
    expect(r.estimate).toBe(1);
    expect(r.se).toBe(0);
    expect(r.ci).toEqual([1, 1]);
  });
  it('corrects a biased judge better than the raw mean, with an interval around the truth', () => {
    const rng = new Rng('cje');
    const n = 2000;
    const p = Array.from({ length: n }, () => rng.next());
    const s = p.map((x) => x * x); // judge under-scores: E[s] = 1/3 while the true rate is 1/2
    const truth = p.reduce((a, b) => a + b, 0) / n;
    const y = p.map((x, i) => (i % 10 === 0 ? (rng.next() < x ? 1 : 0) : null));
    const r = cjeEstimate({ s, y }, { seed: 1 });
    const raw = s.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(r.estimate - truth)).toBeLessThan(Math.abs(raw - truth) / 2);
    expect(r.ci[0]).toBeLessThan(truth);
    expect(r.ci[1]).toBeGreaterThan(truth);
    expect(r.folds).toBe(5);
    expect(r.df).toBe(4);
    expect(r.estimate).toBeCloseTo(r.plugIn + r.correction, 12);
    expect((r.ci[1] - r.ci[0]) / 2).toBeCloseTo(tQuantile(0.975, 4) * r.se, 12);
  });
});

describe('Step-GUI and GUI-G^2 grounding', () => {
  it('point reward uses quartic distance over tau', () => {
    expect(stepguiPointReward([507, 500], [500, 500], 14)).toBeCloseTo(Math.exp(-0.0625), 12);
    expect(stepguiPointReward([500, 500], [500, 500], 0)).toBe(1);
    expect(stepguiPointReward([501, 500], [500, 500], 0)).toBe(0);
  });
  it('bbox reward mixes exp(-E) and IoU', () => {
    expect(stepguiBboxReward([100, 100, 200, 150], [100, 100, 200, 150]).total).toBeCloseTo(1, 12);
    const r = stepguiBboxReward([110, 100, 210, 150], [100, 100, 200, 150]);
    expect(r.iou).toBeCloseTo(4500 / 5500, 12);
    expect(r.total).toBeCloseTo(0.8 * Math.exp(-0.0016) + 0.2 * (4500 / 5500), 12);
  });
  it('degenerate boxes give 0, not NaN', () => {
    expect(gaussianCoverageReward([10, 10, 10, 20], [0, 0, 100, 50])).toBe(0);
    expect(gaussianPointReward([5, 5], [5, 5, 5, 5])).toBe(1);
    expect(gaussianPointReward([6, 5], [5, 5, 5, 5])).toBe(0);
    expect(stepguiBboxReward([0, 0, 0, 0], [0, 0, 0, 0]).total).toBeCloseTo(0.8, 12);
  });
});

describe('calibration metrics', () => {
  it('bins q = 1 last and 0.3 in bin 3', () => {
    expect(binIndex(1, 10)).toBe(9);
    expect(binIndex(0.3, 10)).toBe(3);
    expect(binIndex(0, 10)).toBe(0);
  });
  it('ECE and Brier', () => {
    expect(expectedCalibrationError([0.3, 1.0, 0.35], [true, true, false]).ece).toBeCloseTo(0.35 / 3, 12);
    expect(brierScore([0.8, 0.3], [true, false])).toBeCloseTo(0.065, 12);
    expect(() => rlcrReward(true, 1.2)).toThrow(RewardInputError);
  });
});

describe('credit assignment details', () => {
  it('implicit PRM splits tokens into steps', () => {
    const ratios = implicitTokenRewards([-1, -2, -0.5, -0.1], [-1.2, -1.9, -0.8, -0.3], 1);
    expect(implicitStepRewards(ratios, [1, 3], 0.05).map((x) => +x.toFixed(6))).toEqual([0.005, 0.025]);
    expect(() => implicitStepRewards(ratios, [2, 1])).toThrow(/stepEnds\[1\]/);
  });
  it('prioritised gates close every lower channel', () => {
    expect(prioritisedGates([1, 0.2, 5], [1, 0.5, 0])).toEqual({ gates: [1, 1, 0], total: 1.2 });
  });
  it('masked steps get no min-form weight', () => {
    const r = pureMinForm([0.5, -0.9, 0.2], 0.1, [true, false, true]);
    expect(r.weights[1]).toBe(0);
    expect(r.weights[0] + r.weights[2]).toBeCloseTo(1, 12);
    expect(pureStrictValues([0.5, -0.9, 0.2], [true, false, true])).toEqual([0.2, 0, 0.2]);
  });
  it('PURE group returns add the leave-one-out verifiable reward', () => {
    const g = pureGroupReturns([[0.5], [0.5]], [true, false], { strict: true });
    expect(g).toEqual([[1.5], [-0.5]]);
  });
  it('PROF removes only incorrect responses when correct ones are scarce', () => {
    const group = [{ v: [0.9, 0.9], correct: true }, ...[0.1, 0.6, 0.3, 0.8, 0.2].map((x) => ({ v: [x, x], correct: false }))];
    const r = profFilter(group, { k: 2 });
    expect(r.removed).toEqual([2, 4]);
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(-0.5) === 0).toBe(true);
  });
  it('ProcessBench from labels and the consensus filter', () => {
    const r = processBenchF1([2, -1, 0, -1, 1], [2, -1, 1, 3, 1]);
    expect(r.accErr).toBeCloseTo(200 / 3, 10);
    expect(r.accCorr).toBe(50);
    expect(r.f1).toBeCloseTo((2 * (200 / 3) * 50) / (200 / 3 + 50), 10);
    expect(consensusFilter([1, -1, 2], [1, -1, 0])).toEqual({ kept: [0, 1], removed: [2] });
    expect(firstErrorIndex([1, 1, 0, 1])).toBe(2);
  });
  it('PPO-C parses verbal confidence and clamps', () => {
    expect(parseConfidence('Confidence: 8/10')).toBeCloseTo(0.8, 12);
    expect(parseConfidence('unsure')).toBe(0.5);
    expect(ppocRewards([50], [1], 0).rewards).toEqual([10]);
  });
  it('PAR uses only the first M references', () => {
    expect(parReward(0, [0, 100], { maxRefs: 1 })).toBe(0.5);
  });
  it('process GRPO sums normalised rewards to the end of each rollout', () => {
    const a = grpoProcessAdvantages([[1, 0], [0]], { std: 'population', eps: 0 });
    const s = Math.sqrt(2 / 9);
    expect(a[0][0]).toBeCloseTo((2 / 3) / s + (-1 / 3) / s, 12);
    expect(a[1][0]).toBeCloseTo((-1 / 3) / s, 12);
  });
  it('PORTool blends fork-relative and trajectory advantages', () => {
    const r = portoolAdvantages([['a', 'b'], ['a', 'c'], ['d']], [1, 0, 1]);
    expect(r.stepValues).toEqual([[0.5, 1], [0.5, 0], [1]]);
    expect(r.forkAdvantages[0][0]).toBeCloseTo(-1, 5);
    expect(r.forkAdvantages[0][1]).toBeCloseTo(1, 5);
    expect(r.advantages[0][0]).toBeCloseTo(0.5 * 0.57735 - 0.5, 4);
    expect(r.advantages[0][1]).toBeCloseTo(0.5 * 0.57735 + 0.5, 4);
    expect(r.advantages[1][1]).toBeCloseTo(0.5 * -1.1547 - 0.5, 4);
  });
  it('assignCredit dispatches by method and explains mistakes', () => {
    expect(assignCredit('grpo', [{ outcome: true, steps: 2 }, { outcome: { verdict: 'failure' }, steps: [{}, {}, {}] }], { std: 'population' }).map((r) => r.map((x) => +x.toFixed(4)))).toEqual([[1, 1], [-1, -1, -1]]);
    expect(assignCredit('clip', [{ stepRewards: [0.9, 0.3], outcome: 1 }], { eta: 0.5 })).toEqual([[0.8, 0.8]]);
    expect(() => assignCredit('magic', [])).toThrow(/unknown credit method "magic"/);
    expect(() => assignCredit('delta', [{ outcome: 1 }])).toThrow(/trajectories\[0\].stepRewards/);
    expect(() => assignCredit('grpo', [{ outcome: 'yes' as never }])).toThrow(/trajectories\[0\].outcome/);
  });
});
