/** Property tests (fast-check) and the no-NaN sweep over every registered method. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pureMinForm, pureStrictValues } from '../../src/rewards/pure.js';
import { deltaRewards } from '../../src/rewards/clip-delta.js';
import { parReward } from '../../src/rewards/par.js';
import { isotonicFit, isotonicPredict } from '../../src/rewards/isotonic.js';
import { grpoAdvantages } from '../../src/rewards/grpo.js';
import { suffixSums, RewardInputError } from '../../src/rewards/util.js';
import { starcCanonical, starcDistance } from '../../src/rewards/starc.js';
import { METHODS, runMethod } from '../../src/rewards/registry/index.js';
import { DESIGN_EDGE } from '../rewards-design/edge-inputs.js';
import { PERCEPTION_EDGE } from '../rewards-perception/edge-inputs.js';

const reward = fc.double({ min: -1, max: 1, noNaN: true });
const rewards = fc.array(reward, { minLength: 1, maxLength: 30 });
const EPS = 1e-9;

describe('min-form vs sum-form', () => {
  it('with non-positive rewards the min-form never penalises more than the sum form (|min| <= |sum|)', () => {
    fc.assert(fc.property(rewards, (raw) => {
      const r = raw.map((x) => -Math.abs(x));
      const sumForm = suffixSums(r);
      const strict = pureStrictValues(r);
      const approx = pureMinForm(r, 0.1).returns;
      sumForm.forEach((s, t) => {
        expect(strict[t]).toBeGreaterThanOrEqual(s - EPS);
        expect(approx[t]).toBeGreaterThanOrEqual(s - EPS);
        expect(approx[t]).toBeLessThanOrEqual(EPS);
      });
    }));
  });
  it('with non-negative rewards the min-form return is never above the sum-form return', () => {
    fc.assert(fc.property(rewards, (raw) => {
      const r = raw.map(Math.abs);
      const sumForm = suffixSums(r);
      pureStrictValues(r).forEach((v, t) => expect(v).toBeLessThanOrEqual(sumForm[t] + EPS));
      pureMinForm(r, 0.1).returns.forEach((v, t) => expect(v).toBeLessThanOrEqual(sumForm[t] + EPS));
    }));
  });
  it('min-form weights are a distribution and the weighted reward is within T ln n of the minimum', () => {
    fc.assert(fc.property(rewards, (r) => {
      const { weights } = pureMinForm(r, 0.1);
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      // Softmin bound: min r <= sum_t w_t r_t <= min r + T ln n, so T -> 0 recovers the strict min.
      for (const T of [0.1, 1e-6]) {
        const e = pureMinForm(r, T).rewards.reduce((a, b) => a + b, 0);
        expect(e).toBeGreaterThanOrEqual(Math.min(...r) - EPS);
        expect(e).toBeLessThanOrEqual(Math.min(...r) + T * Math.log(r.length) + EPS);
      }
    }));
  });
});

describe('Delta', () => {
  it('suffix sums telescope to r_k - r_K', () => {
    fc.assert(fc.property(rewards, (r) => {
      const K = r.length - 1;
      suffixSums(deltaRewards(r)).forEach((g, k) => expect(g).toBeCloseTo(r[k] - r[K], 9));
    }));
  });
});

describe('PAR', () => {
  it('stays strictly inside (0, 1)', () => {
    const v = fc.double({ min: -15, max: 15, noNaN: true });
    fc.assert(fc.property(v, fc.array(v, { minLength: 1, maxLength: 12 }), (r, refs) => {
      const p = parReward(r, refs);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }));
  });
});

describe('isotonic', () => {
  const pts = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 40 });
  it('is monotone and mean-preserving on the fitted points', () => {
    fc.assert(fc.property(pts, (p) => {
      const x = p.map((q) => q[0]), y = p.map((q) => q[1]);
      const m = isotonicFit(x, y, { lo: 0, hi: 1 });
      for (let i = 1; i < m.ys.length; i++) expect(m.ys[i]).toBeGreaterThanOrEqual(m.ys[i - 1] - EPS);
      const fitted = x.map((v) => isotonicPredict(m, v));
      const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
      expect(mean(fitted)).toBeCloseTo(mean(y), 9);
      const grid = [0, 0.13, 0.5, 0.77, 1].map((s) => isotonicPredict(m, s));
      for (let i = 1; i < grid.length; i++) expect(grid[i]).toBeGreaterThanOrEqual(grid[i - 1] - EPS);
    }));
  });
});

describe('GRPO', () => {
  it('advantages sum to zero and are finite', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 64 }), fc.constantFrom('sample', 'population') as fc.Arbitrary<'sample' | 'population'>, (r, std) => {
      const a = grpoAdvantages(r, { std });
      expect(a.every(Number.isFinite)).toBe(true);
      expect(Math.abs(a.reduce((s, v) => s + v, 0))).toBeLessThan(1e-6 * Math.max(1, r.length));
    }));
  });
});

describe('STARC', () => {
  it('is 0 for potential-shaped and positively scaled rewards', () => {
    const dist = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }).map((w) => w.map((x) => x / w.reduce((a, b) => a + b, 0)));
    fc.assert(fc.property(
      fc.array(fc.array(dist, { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 }),
      fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 }),
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }),
      fc.double({ min: 0.1, max: 5, noNaN: true }),
      (transitions, r, phi, scale) => {
        const mdp = { transitions, gamma: 0.9 };
        // Only well-conditioned cases: a canonical reward near zero has no direction to compare.
        fc.pre(Math.hypot(...starcCanonical(mdp, r).flat()) > 1e-3);
        const shaped = r.map((row, s) => row.map((x, a) => scale * (x + 0.9 * transitions[s][a].reduce((acc, p, t) => acc + p * phi[t], 0) - phi[s])));
        const d = starcDistance(mdp, r, shaped);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(1e-6);
      },
    ));
  });
});

/** Inputs of size 0, 1 and all-equal for each method; a typed error is acceptable, NaN is not. */
const action = { type: 'click', point: [500, 500] };
const EDGE: Record<string, (n: number) => unknown> = {
  'pure-min-form': (n) => ({ r: Array(n).fill(0.3) }),
  'pure-strict': (n) => ({ r: Array(n).fill(0.3) }),
  'pure-verifiable': (n) => ({ solved: Array(n).fill(true) }),
  clip: (n) => ({ r: Array(n).fill(0.3), eta: 0.3 }),
  delta: (n) => ({ r: Array(n).fill(0.3) }),
  gated: (n) => ({ rHigh: 1, rLow: Array(n).fill(0.1), delta: 1 }),
  'gated-channels': (n) => ({ channels: Array(n).fill(1), thresholds: Array(n).fill(1) }),
  'prof-filter': (n) => ({ responses: Array(n).fill({ v: [0.5, 0.5], correct: true }) }),
  spa: (n) => ({ c: Array(n).fill(0.2), finalReward: 1, grounded: Array(n).fill(false) }),
  'implicit-prm': (n) => ({ logRatios: Array(n).fill(0.1) }),
  pav: (n) => ({ v0: 0.5, qMuAfter: Array(n).fill(0.5), qPi: Array(n).fill(0.5) }),
  renorm: (n) => ({ rp: Array(n).fill(0.5), outcome: 1 }),
  grpo: (n) => ({ r: Array(n).fill(1) }),
  'grpo-process': (n) => ({ stepRewards: Array(n).fill([1, 1]) }),
  'thought-units': (n) => ({ labels: Array(n).fill('+') }),
  'ppo-c': (n) => ({ r: Array(n).fill(1), c: Array(n).fill(0.5), avg0: 1 }),
  portool: (n) => ({ paths: Array(n).fill(['a']), outcomes: Array(n).fill(1) }),
  'gui-g2': () => ({ pred: [5, 5, 5, 5], gt: [5, 5, 5, 5] }),
  'stepgui-point': () => ({ p: [5, 5], box: [5, 5, 5, 5] }),
  'stepgui-bbox': () => ({ pred: [5, 5, 5, 5], gt: [5, 5, 5, 5] }),
  'gui-action': () => ({ pred: action, gt: action, boxes: [[500, 500, 500, 500]] }),
  par: (n) => ({ r: 1, refs: Array(n).fill(1) }),
  rlcr: () => ({ correct: true, q: 1 }),
  brier: (n) => ({ q: Array(n).fill(0.5), correct: Array(n).fill(true) }),
  ece: (n) => ({ q: Array(n).fill(0.5), correct: Array(n).fill(true) }),
  isotonic: (n) => ({ s: Array(n).fill(0.5), y: Array(n).fill(1), at: [0, 1] }),
  cje: (n) => ({ s: Array(n).fill(0.5), y: Array(n).fill(1) }),
  'mc-labels': (n) => ({ completions: Array(n).fill([]) }),
  'consensus-filter': (n) => ({ mcFirstError: Array(n).fill(-1), judgeFirstError: Array(n).fill(-1) }),
  'processbench-f1': (n) => ({ labels: Array(n).fill(-1), predictions: Array(n).fill(-1) }),
  starc: () => ({ transitions: [[[1], [1]]], gamma: 0.5, r1: [[1, 1]], r2: [[0, 0]] }),
  ...DESIGN_EDGE,
  ...PERCEPTION_EDGE,
};

function hasNaN(v: unknown): boolean {
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.some(hasNaN);
  if (v && typeof v === 'object') return Object.values(v).some(hasNaN);
  return false;
}

describe('no NaN on empty, single-element or all-equal input', () => {
  it('covers every registered method', () => {
    expect(Object.keys(EDGE).sort()).toEqual(METHODS.map((m) => m.name).sort());
  });
  for (const m of METHODS) {
    it(m.name, () => {
      for (const n of [0, 1, 5]) {
        let out: unknown;
        try {
          out = runMethod(m.name, EDGE[m.name](n));
        } catch (e) {
          expect(e).toBeInstanceOf(RewardInputError);
          continue;
        }
        expect(hasNaN(out), `${m.name} n=${n}: ${JSON.stringify(out)}`).toBe(false);
      }
    });
  }
});
