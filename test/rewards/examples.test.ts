/** Every worked example of docs REWARDS.md sections 1-17, to the precision stated there. */
import { describe, expect, it } from 'vitest';
import { prmStepReward, pureMinForm, pureStrictValues, leaveOneOutVerifiable } from '../../src/rewards/pure.js';
import { clipRewards, deltaRewards } from '../../src/rewards/clip-delta.js';
import { gatedAccumulation } from '../../src/rewards/gated.js';
import { profFilter, profScore } from '../../src/rewards/prof.js';
import { spaFusedRewards, spaProgressLoss } from '../../src/rewards/spa.js';
import { implicitStepReward } from '../../src/rewards/implicit-prm.js';
import { pavAdvantages, pavEffectiveRewards } from '../../src/rewards/pav.js';
import { guiG2Reward } from '../../src/rewards/gui-g2.js';
import { parReward } from '../../src/rewards/par.js';
import { renormRewards } from '../../src/rewards/renorm.js';
import { rlcrReward } from '../../src/rewards/calibration.js';
import { isotonicFit, isotonicPredict } from '../../src/rewards/isotonic.js';
import { mcStepLabel, processBenchFromAccuracies } from '../../src/rewards/mc-labels.js';
import { grpoAdvantages, thoughtUnits } from '../../src/rewards/grpo.js';
import { ppocRewards } from '../../src/rewards/ppoc.js';
import { starcCanonical, starcDistance } from '../../src/rewards/starc.js';

const close = (got: readonly number[], want: readonly number[], digits: number) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i], digits));
};

describe('1. PURE min-form', () => {
  it('turns 2-class logits into r = 0.8', () => {
    expect(prmStepReward([0, Math.log(9)])).toBeCloseTo(0.8, 12);
  });
  it('approximate min-form weights, rewards and returns', () => {
    const { weights, rewards, returns } = pureMinForm([0.8, -0.4, 0.6], 0.1);
    expect(weights[0]).toBeCloseTo(6.144e-6, 9);
    expect(weights[1]).toBeCloseTo(0.999948, 6);
    expect(weights[2]).toBeCloseTo(4.54e-5, 8);
    expect(rewards[0]).toBeCloseTo(4.915e-6, 9);
    expect(rewards[1]).toBeCloseTo(-0.399979, 6);
    expect(rewards[2]).toBeCloseTo(2.724e-5, 8);
    close(returns, [-0.399947, -0.399952, 2.724e-5], 6);
  });
  it('strict min-form values', () => {
    close(pureStrictValues([0.8, -0.4, 0.6]), [-0.4, -0.4, 0.6], 12);
  });
  it('leave-one-out verifiable rewards', () => {
    close(leaveOneOutVerifiable([1, 0, 0, 1]), [0.6667, -0.6667, -0.6667, 0.6667], 4);
  });
});

describe('2. Clip and Delta', () => {
  it('matches the sheet', () => {
    close(clipRewards([0.9, 0.3, 0.6, 0.8], 0.5), [0, -0.2, 0, 0], 12);
    close(deltaRewards([0.9, 0.3, 0.6, 0.8]), [0.6, -0.3, -0.2, 0], 12);
  });
});

describe('3. G-RA', () => {
  it('gates step rewards on the outcome', () => {
    expect(gatedAccumulation(1, [0.1, 0.1, 0.2], 1).total).toBeCloseTo(1.4, 12);
    const closed = gatedAccumulation(0.5, [0.1, 0.1, 0.2], 1);
    expect(closed.total).toBeCloseTo(0.5, 12);
    expect(closed.stepRewards).toEqual([0, 0, 0]);
  });
});

describe('4. PROF', () => {
  const group = [
    { v: [0.9, 0.8], correct: true }, { v: [0.6, 0.4], correct: true }, { v: [0.95, 0.95], correct: true },
    { v: [0.7, 0.5], correct: true }, { v: [0.3, 0.5], correct: true }, { v: [0.9, 0.9], correct: false },
    { v: [0.2, 0.4], correct: false }, { v: [0.5, 0.3], correct: false },
  ];
  it("scores c' and keeps {A, C, G, H}", () => {
    close(group.map((r) => profScore(r)), [0.7, 0, 0.9, 0.2, -0.2, -0.8, 0.4, 0.2], 10);
    const res = profFilter(group, { k: 4 });
    expect(res.kept).toEqual([0, 2, 6, 7]);
    expect(res.removed).toEqual([1, 3, 4, 5]);
  });
});

describe('5. SPA', () => {
  it('loss and fused rewards', () => {
    expect(spaProgressLoss([0.1, 0.3, 0.5], 1)).toBeCloseTo(0.01, 12);
    close(spaFusedRewards([0.1, 0.3, 0.5], [true, false, true]), [0.6, 0.3, 1.0], 12);
  });
});

describe('6. implicit PRM', () => {
  it('beta * sum of log-ratios', () => expect(implicitStepReward([0.2, -0.1, 0.3], 0.05)).toBeCloseTo(0.02, 12));
});

describe('7. PAV', () => {
  it('advantages and effective rewards', () => {
    const a = pavAdvantages(0.4, [0.6, 0.3]);
    close(a, [0.2, -0.3], 12);
    close(pavEffectiveRewards([0.5, 0.2], a, 1), [0.7, -0.1], 12);
  });
});

describe('8. GUI-G^2', () => {
  it('point and coverage', () => {
    const r = guiG2Reward([10, 5, 110, 55], [0, 0, 100, 50]);
    expect(r.point).toBeCloseTo(0.960789, 6);
    expect(r.coverage).toBeCloseTo(0.99005, 6);
    expect(r.total).toBeCloseTo(0.960789 + 0.99005, 5);
  });
});

describe('10. PAR', () => {
  it('mean sigmoid against references', () => expect(parReward(2, [1, 1.5])).toBeCloseTo(0.676759, 6));
});

describe('11. ReNorm', () => {
  it('centres process and outcome', () => {
    expect(renormRewards([0.8], 1)[0]).toBeCloseTo(0.8, 12);
    expect(renormRewards([0.8], 0)[0]).toBeCloseTo(-0.2, 12);
  });
});

describe('12. RLCR', () => {
  it('correct and wrong at q 0.8', () => {
    expect(rlcrReward(true, 0.8)).toBeCloseTo(0.96, 12);
    expect(rlcrReward(false, 0.8)).toBeCloseTo(-0.64, 12);
  });
});

describe('13. isotonic calibration', () => {
  it('PAVA fit and interpolation', () => {
    const m = isotonicFit([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1], { lo: 0, hi: 1 });
    close(m.ys, [0, 0.5, 0.5, 1], 12);
    expect(isotonicPredict(m, 0.25)).toBeCloseTo(0.5, 12);
  });
});

describe('14. MC labels and ProcessBench', () => {
  it('hard/soft labels and F1', () => {
    expect(mcStepLabel([false, true, false, false])).toEqual({ hard: 1, soft: 0.25 });
    expect(processBenchFromAccuracies(40, 80).f1).toBeCloseTo(53.33, 2);
  });
});

describe('15. GRPO', () => {
  it('population and sample std', () => {
    close(grpoAdvantages([1, 0, 0, 1], { std: 'population' }), [1, -1, -1, 1], 5);
    close(grpoAdvantages([1, 0, 0, 1], { std: 'sample' }), [0.866025, -0.866025, -0.866025, 0.866025], 5);
  });
  it('thought units', () => {
    expect(thoughtUnits(['+', '+', '-', '-', '+'])).toEqual([[0, 1], [2, 3], [4, 4]]);
  });
});

describe('16. PPO-C', () => {
  it('moving average then threshold adjustment', () => {
    const r = ppocRewards([2, -1], [0.9, 0.9], 1.2);
    expect(r.avg).toBeCloseTo(1.13, 12);
    close(r.rewards, [2.4, -1.2], 12);
  });
});

describe('17. STARC', () => {
  const mdp = { transitions: [[[1], [1]]], gamma: 0.5 };
  it('canonicalises and measures distance', () => {
    close(starcCanonical(mdp, [[1, 0]])[0], [0.5, -0.5], 12);
    expect(starcDistance(mdp, [[1, 0]], [[2 * 1 + 3, 2 * 0 + 3]])).toBeCloseTo(0, 12);
    expect(starcDistance(mdp, [[1, 0]], [[-1, 0]])).toBeCloseTo(2, 12);
  });
});
