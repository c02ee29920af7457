/** Properties of the reward-design methods (fast-check), and no NaN on degenerate inputs. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shapeRewards } from '../../src/rewards/design/shaping.js';
import { discountedReturn } from '../../src/rewards/design/behavior-alignment.js';
import { redistributeTerminal } from '../../src/rewards/design/revibranch.js';
import { mixHeadLogits, scalariseVector } from '../../src/rewards/design/multi-objective.js';
import { vsrmRewards } from '../../src/rewards/design/vsrm.js';
import { sormLabels } from '../../src/rewards/design/glore.js';
import { morecScores } from '../../src/rewards/design/morec.js';
import { srumRewardMap } from '../../src/rewards/design/srum.js';
import { alignedRmse, associateByTime } from '../../src/rewards/design/l2calib.js';
import { oprl } from '../../src/rewards/design/oprl.js';
import { repetitionShare } from '../../src/rewards/design/noisy-rpr.js';
import { runMethod } from '../../src/rewards/registry/index.js';
import { RewardInputError } from '../../src/rewards/util.js';
import { DESIGN_EDGE } from './edge-inputs.js';

const real = fc.double({ min: -10, max: 10, noNaN: true });
const EPS = 1e-9;

describe('potential-based shaping', () => {
  // Trajectories from one start state s0 (shared Phi(s0)), any lengths, any potentials in between.
  const traj = fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({ r: fc.array(real, { minLength: n, maxLength: n }), phi: fc.array(real, { minLength: n, maxLength: n }) }));
  it('leaves the ranking of complete trajectories unchanged (shaped return = G - Phi(s0))', () => {
    fc.assert(fc.property(fc.array(traj, { minLength: 2, maxLength: 6 }), real, fc.double({ min: 0.5, max: 1, noNaN: true }), (trajs, phi0, gamma) => {
      const plain = trajs.map((t) => discountedReturn(t.r, gamma));
      const shaped = trajs.map((t) => discountedReturn(shapeRewards(t.r, [phi0, ...t.phi], { gamma }), gamma));
      shaped.forEach((s, i) => expect(s).toBeCloseTo(plain[i] - phi0, 6));
      for (let i = 0; i < trajs.length; i++) for (let j = 0; j < trajs.length; j++) {
        if (plain[i] > plain[j] + 1e-6) expect(shaped[i]).toBeGreaterThan(shaped[j]);
      }
    }));
  });
  it('without a terminal zero potential the ranking can change (why terminal defaults to true)', () => {
    const a = discountedReturn(shapeRewards([1], [0, -5], { gamma: 1, terminal: false }), 1);
    const b = discountedReturn(shapeRewards([0], [0, 0], { gamma: 1, terminal: false }), 1);
    expect(a).toBeLessThan(b);
  });
});

describe('ReviBranch redistribution', () => {
  it('sums to the terminal reward and keeps its sign on every step', () => {
    fc.assert(fc.property(real, fc.array(real, { minLength: 1, maxLength: 20 }), fc.double({ min: 0.05, max: 10, noNaN: true }), (R, s, T) => {
      const { weights, rewards } = redistributeTerminal(R, s, T);
      expect(rewards.reduce((a, b) => a + b, 0)).toBeCloseTo(R, 9);
      weights.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
      rewards.forEach((r) => expect(r * R).toBeGreaterThanOrEqual(0));
    }));
  });
  it('gives more to the more important step', () => {
    fc.assert(fc.property(fc.array(real, { minLength: 2, maxLength: 10 }), (s) => {
      const { weights } = redistributeTerminal(1, s, 1);
      s.forEach((x, i) => s.forEach((y, j) => { if (x > y) expect(weights[i]).toBeGreaterThanOrEqual(weights[j]); }));
    }));
  });
});

describe('vector rewards', () => {
  const vec = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.array(real, { minLength: n, maxLength: n }), fc.integer({ min: 0, max: n - 1 }), fc.double({ min: 0.01, max: 100, noNaN: true })));
  it('one-hot weights (at any scale) reduce to the single objective', () => {
    fc.assert(fc.property(vec, ([r, k, scale]) => {
      const w = r.map((_, i) => (i === k ? scale : 0));
      // === (not Object.is): exact equality, with 0 and -0 the same reward.
      expect(scalariseVector(r, w) === r[k]).toBe(true);
      const [a, b] = mixHeadLogits(r.map((x) => [x, -x]), w);
      expect(a === r[k] && b === -r[k]).toBe(true);
    }));
  });
  it('the scalar lies between the smallest and largest objective', () => {
    fc.assert(fc.property(vec, fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }), ([r], w) => {
      const s = scalariseVector(r, w.slice(0, r.length));
      expect(s).toBeGreaterThanOrEqual(Math.min(...r) - EPS);
      expect(s).toBeLessThanOrEqual(Math.max(...r) + EPS);
    }));
  });
});

describe('VSRM', () => {
  it('with no look-ahead needed, step rewards telescope to acc_K - acc_0', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (acc) => {
      const distinct = acc.filter((a, i) => i === 0 || Math.abs(a - acc[i - 1]) >= 1e-5);
      const r = vsrmRewards(distinct);
      expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(distinct[distinct.length - 1] - distinct[0], 9);
    }));
  });
});

describe('GLoRe SORM labels', () => {
  it('are non-increasing along the trajectory and never below the raw label', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }), (rollouts) => {
      const { raw, labels } = sormLabels(rollouts);
      labels.forEach((l, i) => {
        expect(l).toBeGreaterThanOrEqual(raw[i]);
        if (i > 0) expect(labels[i - 1]).toBeGreaterThanOrEqual(l);
      });
    }));
  });
});

describe('MOREC scores', () => {
  it('rise with every discriminator score and stay finite at D = 1', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (d, bump) => {
      const [a, b] = morecScores([d, d.map((x, i) => (i === 0 ? Math.min(1, x + bump) : x))]);
      expect(Number.isFinite(a)).toBe(true);
      expect(b).toBeGreaterThanOrEqual(a - EPS);
    }));
  });
});

describe('SRUM map', () => {
  it('stays in [0, 1] and the global score scales every cell', () => {
    const region = fc.record({ box: fc.tuple(fc.integer({ min: -2, max: 6 }), fc.integer({ min: -2, max: 6 }), fc.integer({ min: -2, max: 8 }), fc.integer({ min: -2, max: 8 })), score: fc.double({ min: -1, max: 1, noNaN: true }) });
    fc.assert(fc.property(fc.array(region, { maxLength: 4 }), fc.double({ min: -1, max: 1, noNaN: true }), (regions, g) => {
      const m = srumRewardMap(5, 4, regions, g);
      const full = srumRewardMap(5, 4, regions, 1);
      m.forEach((row, y) => row.forEach((v, x) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(v).toBeCloseTo(full[y][x] * (g + 1) / 2, 12);
      }));
    }));
  });
});

describe('L2Calib alignment', () => {
  it('a rigidly moved copy aligns to ~0 error, in 2-D and 3-D', () => {
    const pts = (dim: number) => fc.array(fc.array(real, { minLength: dim, maxLength: dim }), { minLength: 3, maxLength: 8 });
    fc.assert(fc.property(pts(2), fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), real, real, (p, th, tx, ty) => {
      const q = p.map(([x, y]) => [Math.cos(th) * x - Math.sin(th) * y + tx, Math.sin(th) * x + Math.cos(th) * y + ty]);
      expect(alignedRmse(p, q)).toBeLessThan(1e-6);
    }));
    fc.assert(fc.property(pts(3), fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), (p, a, b) => {
      const q = p.map(([x, y, z]) => { const y1 = Math.cos(b) * y - Math.sin(b) * z, z1 = Math.sin(b) * y + Math.cos(b) * z; return [Math.cos(a) * x - Math.sin(a) * y1 + 1, Math.sin(a) * x + Math.cos(a) * y1 - 2, z1 + 3]; });
      expect(alignedRmse(p, q)).toBeLessThan(1e-5);
    }));
  });
});

describe('L2Calib association', () => {
  it('matches a brute-force nearest-unused search (ties to the earlier time)', () => {
    const times = fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 40 }).map((ts) => ts.map((t) => ({ t: t / 100, p: [0, 0] })));
    fc.assert(fc.property(times, times, fc.constantFrom(0.01, 0.025, 0.2), (est, ref, maxDt) => {
      const used = new Set<number>();
      const want: [number, number][] = [];
      est.forEach((e, i) => {
        let best = -1;
        ref.forEach((r, j) => {
          const dt = Math.abs(r.t - e.t);
          if (used.has(j) || dt >= maxDt) return;
          if (best < 0 || dt < Math.abs(ref[best].t - e.t) || (dt === Math.abs(ref[best].t - e.t) && r.t < ref[best].t)) best = j;
        });
        if (best >= 0) { used.add(best); want.push([i, best]); }
      });
      expect(associateByTime(est, ref, maxDt)).toEqual(want);
    }));
  });
});

describe('RPR repetition share', () => {
  it('equals the share of repeated windows counted by joining each window into a string', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('tap', 'wait', 'back', 'open', 'x'), { maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (words, w) => {
      const n = words.length - w + 1;
      const naive = n <= 0 ? 0 : (n - new Set(Array.from({ length: n }, (_, i) => words.slice(i, i + w).join(' '))).size) / n;
      expect(repetitionShare(words.join(' '), w)).toBe(naive);
    }));
  });
});

describe('OPRL normalisation', () => {
  it('bounds every reverse cumulative sum by 1 in magnitude', () => {
    fc.assert(fc.property(fc.array(fc.array(real, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (sums) => {
      const { normalised } = oprl(sums, sums.map((_, i) => i % 2 === 0));
      for (const t of normalised) {
        let acc = 0;
        for (let i = t.length - 1; i >= 0; i--) expect(Math.abs((acc += t[i]))).toBeLessThanOrEqual(1 + EPS);
      }
    }));
  });
});

function hasNaN(v: unknown): boolean {
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.some(hasNaN);
  if (v && typeof v === 'object') return Object.values(v).some(hasNaN);
  return false;
}

describe('no NaN on empty, single-element or all-equal input', () => {
  for (const [name, make] of Object.entries(DESIGN_EDGE)) {
    it(name, () => {
      for (const n of [0, 1, 5]) {
        let out: unknown;
        try {
          out = runMethod(name, make(n));
        } catch (e) {
          expect(e).toBeInstanceOf(RewardInputError);
          continue;
        }
        expect(hasNaN(out), `${name} n=${n}: ${JSON.stringify(out)}`).toBe(false);
      }
    });
  }
});
