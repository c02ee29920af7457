/** Behaviour the users of the reward-design methods depend on, and the errors bad input gets. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { vsrmAccuracies, vsrmRewards } from '../../src/rewards/design/vsrm.js';
import { redistributeTerminal } from '../../src/rewards/design/revibranch.js';
import { capoStepRewards, expandToTokens, parseCritique, voteFlags } from '../../src/rewards/design/capo.js';
import { outerStep, discountedReturn } from '../../src/rewards/design/behavior-alignment.js';
import { shapeRewards, teacherPotential } from '../../src/rewards/design/shaping.js';
import { alignedRmse, associateByTime, l2calibReward, resampleByArcLength, rigidAlign } from '../../src/rewards/design/l2calib.js';
import { morecSelect } from '../../src/rewards/design/morec.js';
import { hncAugment, mcTreeLabels, type TreeNode } from '../../src/rewards/design/hrm.js';
import { mixHeadLogits, normaliseWeights } from '../../src/rewards/design/multi-objective.js';
import { compileRewardSpec } from '../../src/rewards/design/reward-spec.js';
import { countPatterns, flipGroups, reasoningPatternReward, repetitionShare } from '../../src/rewards/design/noisy-rpr.js';
import { RewardPredictor, clippedObjective } from '../../src/rewards/design/find.js';
import { gridBoxToCells, srumRewardMap } from '../../src/rewards/design/srum.js';
import { capabilityWeight, thoughtRewards } from '../../src/rewards/design/tp-grpo.js';
import { GroundedTree, groundedTreeLabels, verifyDiffs, verifySteps } from '../../src/rewards/design/grounded-prm.js';
import { firstClearStep, parmSelect } from '../../src/rewards/design/parm.js';
import { trajectoryDpoLoss } from '../../src/rewards/design/oprl.js';
import { runMethod } from '../../src/rewards/registry/index.js';
import { hybridReward } from '../../src/rewards/design/hybrid.js';
import { diffScreens, type Screen } from '../../src/csrs/screen.js';
import { RewardInputError } from '../../src/rewards/util.js';

/** The typed error and the field it names. */
function errorOf(f: () => unknown): RewardInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RewardInputError);
    return e as RewardInputError;
  }
  throw new Error('expected a RewardInputError');
}
const fieldOf = (f: () => unknown) => (errorOf(f).details as { field: string }).field;

describe('VSRM', () => {
  it('computes acc from restart outcomes and rewards the step that changed the success rate', () => {
    const acc = vsrmAccuracies([[0, 0, 1, 0, 0], [0, 0, 1, 0, 0], [1, 1, 1, 0, 1]]);
    expect(acc).toEqual([0.2, 0.2, 0.8]);
    const r = vsrmRewards(acc);
    expect(r[1]).toBeCloseTo(0.6, 12);
    expect(r[0]).toBeCloseTo(0.6 * 0.7, 12);
  });
  it('gives 0 when the first change is beyond the look-ahead cap, and adds the outcome to the last step', () => {
    expect(vsrmRewards([0.5, 0.5, 0.5, 0.9], { maxLookahead: 1 })[0]).toBe(0);
    expect(vsrmRewards([0.5, 0.5, 0.5, 0.9], { maxLookahead: 2 })[0]).toBeCloseTo(0.4 * 0.49, 12);
    expect(vsrmRewards([0.5, 1], { outcome: 1 })).toEqual([1.5]);
  });
  it('rejects a prefix with no completions', () => {
    expect(fieldOf(() => vsrmAccuracies([[1], []]))).toBe('rollouts[1]');
  });
});

describe('ReviBranch', () => {
  it('a lower temperature concentrates the terminal reward on the most important step', () => {
    expect(redistributeTerminal(1, [3, 1], 0.1).rewards[0]).toBeGreaterThan(redistributeTerminal(1, [3, 1], 1).rewards[0]);
    expect(fieldOf(() => redistributeTerminal(1, [1], 0))).toBe('temperature');
  });
});

describe('OPRL', () => {
  it('the DPO loss falls as successes score above failures, and is null without a pair', () => {
    expect(trajectoryDpoLoss([[1], [0]], [true, false])!).toBeLessThan(trajectoryDpoLoss([[0], [1]], [true, false])!);
    expect(trajectoryDpoLoss([[1], [0]], [true, true])).toBeNull();
  });
  it('names the misaligned field', () => {
    expect(fieldOf(() => runMethod('oprl', { logRatioSums: [[1]], success: [true, false] }))).toBe('success');
  });
});

describe('CAPO', () => {
  it('intersection needs every critique, average scales the penalty', () => {
    expect(voteFlags(3, [[2], [2, 3], [2]], 'intersection')).toEqual([0, 1, 0]);
    expect(voteFlags(3, [[2], [2, 3], [2]], 'average')).toEqual([0, 1, 1 / 3]);
    expect(expandToTokens(capoStepRewards(2, [[1]], true).rewards, [2, 1])).toEqual([1, 1, 2]);
  });
  it('rejects a step number outside the answer, and a critique listing a step twice counts once', () => {
    expect(fieldOf(() => voteFlags(3, [[4]]))).toBe('flags[0]');
    expect(voteFlags(2, [[1, 1], [], []])).toEqual([0, 0]);
  });
});

describe('CAPO critique texts', () => {
  it('reads the last "Wrong steps:" line, "none", and every mention in mentions mode', () => {
    expect(parseCritique('Step 1 is fine.\nStep 2 divides by zero.\nWrong steps: 2, 3')).toEqual([2, 3]);
    expect(parseCritique('Wrong steps: 2\nOn reflection step 2 is right.\n**Wrong steps:** none')).toEqual([]);
    expect(parseCritique('The click in step 2 misses; steps 4 and 5 repeat it.', 'mentions')).toEqual([2, 4, 5]);
    expect(parseCritique('Steps 3-5 scroll the wrong list, step 7 to 8 as well.', 'mentions')).toEqual([3, 4, 5, 7, 8]);
  });
  it('refuses a critique without the line instead of reading it as "no errors"', () => {
    expect(fieldOf(() => runMethod('capo', { steps: 3, critiques: ['Looks wrong somewhere.'], correct: true }))).toBe('critiques[0]');
  });
  it('votes over critique texts like over flags', () => {
    const r = runMethod('capo', { steps: 3, correct: true, critiques: ['Wrong steps: 2', 'Wrong steps: 2, 3', 'wrong_steps = [2]'] }) as { rewards: number[] };
    expect(r.rewards).toEqual([2, 1, 2]);
  });
});

describe('hybrid length penalty', () => {
  it('exponent 2 forgives a small overrun more than the linear sheet form', () => {
    const base = { confidence: 1, rule: 1, model: 0, length: 1100, targetLength: 1000, lengthWeight: 1 };
    expect(hybridReward(base).parts.length).toBeCloseTo(-0.1, 12);
    expect(hybridReward({ ...base, lengthExponent: 2 }).parts.length).toBeCloseTo(-0.01, 12);
    expect(hybridReward({ ...base, length: 900 }).parts.length).toBe(-0);
  });
});

describe('Behavior Alignment outer step', () => {
  it('moves phi toward the weight that raised the primary return', () => {
    const next = outerStep([1, 0.2], 1.0, [1.0, 1.5], 0.1, 0.01);
    expect(next[0]).toBe(1);
    expect(next[1]).toBeGreaterThan(0.2);
    expect(discountedReturn([1, 1], 0.5)).toBe(1.5);
  });
});

describe('potential-based shaping', () => {
  it('needs one potential per visited state', () => {
    expect(fieldOf(() => shapeRewards([1, 2], [0, 0], { gamma: 1 }))).toBe('phi');
  });
  it('teacher potential adds focus only where the learner lags', () => {
    expect(teacherPotential([1, 1], [0, 2], { focus: 0.5 })).toEqual([1.5, 1]);
    expect(teacherPotential([10], [0], { focus: 1, bound: 5 })).toEqual([5]);
  });
});

describe('L2Calib', () => {
  const rot2 = (th: number, t: [number, number]) => (p: readonly number[]) => [Math.cos(th) * p[0] - Math.sin(th) * p[1] + t[0], Math.sin(th) * p[0] + Math.cos(th) * p[1] + t[1]];
  const square = [[0, 0], [1, 0], [1, 2], [0, 2], [0.5, 1.5]];
  it('recovers a 2-D rotation and translation exactly', () => {
    const moved = square.map(rot2(0.7, [3, -1]));
    const { rotation } = rigidAlign(square, moved);
    expect(rotation[1][0]).toBeCloseTo(Math.sin(0.7), 10);
    expect(alignedRmse(square, moved)).toBeLessThan(1e-9);
  });
  it('recovers a 3-D rotation (Horn quaternion) and does not absorb scale', () => {
    const cube = [[0, 0, 0], [1, 0, 0], [0, 2, 0], [0, 0, 3], [1, 1, 1], [2, 0, 1]];
    const [a, b, c] = [0.3, -1.1, 2.0];
    const Rz = (p: number[]) => [Math.cos(a) * p[0] - Math.sin(a) * p[1], Math.sin(a) * p[0] + Math.cos(a) * p[1], p[2]];
    const Rx = (p: number[]) => [p[0], Math.cos(b) * p[1] - Math.sin(b) * p[2], Math.sin(b) * p[1] + Math.cos(b) * p[2]];
    const moved = cube.map((p) => Rz(Rx(p))).map((p) => [p[0] + 5, p[1] - c, p[2] + 1]);
    expect(alignedRmse(cube, moved)).toBeLessThan(1e-8);
    expect(alignedRmse(cube, moved.map((p) => p.map((x) => 2 * x)))).toBeGreaterThan(0.5);
  });
  it('associates by timestamp within maxDt, one reference per estimate', () => {
    expect(associateByTime([{ t: 0, p: [0, 0] }, { t: 1.005, p: [0, 0] }, { t: 5, p: [0, 0] }], [{ t: 0.002, p: [0, 0] }, { t: 1, p: [0, 0] }])).toEqual([[0, 0], [1, 1]]);
    expect(fieldOf(() => l2calibReward([{ t: 0, p: [0, 0] }], [{ t: 1, p: [0, 0] }]))).toBe('est');
  });
  it('a GUI swipe close to the demonstration path scores higher than one that deviates', () => {
    const demo = [[100, 800], [500, 500], [900, 200]];
    const near = runMethod('l2calib', { estPath: [[110, 790], [505, 505], [890, 210]], refPath: demo, scale: 50 }) as { reward: number };
    const far = runMethod('l2calib', { estPath: [[100, 800], [800, 800], [900, 200]], refPath: demo, scale: 50 }) as { reward: number };
    expect(near.reward).toBeGreaterThan(far.reward);
    expect(resampleByArcLength([[0, 0], [10, 0]], 3).map((s) => s.p[0])).toEqual([0, 5, 10]);
  });
  it('rejects mixed dimensions', () => {
    expect(fieldOf(() => rigidAlign([[0, 0]], [[0, 0, 0]]))).toBe('p');
  });
});

describe('MOREC', () => {
  it('sampling is repeatable per seed and prefers realistic candidates', () => {
    const d = [[0.9, 0.9], [0.1, 0.1]];
    const pick = (s: number) => morecSelect(d, { select: 'sample', rng: new Rng(s) }).chosen;
    expect(pick(7)).toBe(pick(7));
    const counts = [0, 0];
    for (let s = 0; s < 200; s++) counts[pick(s)]++;
    expect(counts[0]).toBeGreaterThan(190);
    expect(fieldOf(() => morecSelect(d, { select: 'sample' }))).toBe('seed');
  });
});

describe('HRM node compression', () => {
  // a has 4 children; c0 has height 2 (c0 -> g -> leaf); the others are leaves.
  const nodes: TreeNode[] = [
    { id: 'q', parent: null, step: 'task' },
    { id: 'a', parent: 'q', step: 'A' },
    { id: 'c0', parent: 'a', step: 'C0' }, { id: 'g', parent: 'c0', step: 'G' }, { id: 'gl', parent: 'g', step: 'end', correct: true },
    ...[1, 2, 3].map((k) => ({ id: `c${k}`, parent: 'a', step: `C${k}`, correct: false })),
  ];
  it('with p = 1 moves the tall child to the grandparent and keeps its full text', () => {
    const out = hncAugment(nodes, { p: 1, rng: new Rng(1), separator: ' ' });
    const c0 = out.find((n) => n.id === 'c0')!;
    expect(c0.parent).toBe('q');
    expect(c0.step).toBe('A C0');
    expect(mcTreeLabels(out).a).toBe(0);
    expect(mcTreeLabels(out).c0).toBe(1);
    expect(nodes.find((n) => n.id === 'c0')!.parent).toBe('a');
  });
  it('with p = 0, or too few children, changes nothing', () => {
    expect(hncAugment(nodes, { p: 0, rng: new Rng(1) })).toEqual(nodes);
    expect(hncAugment(nodes, { p: 1, minChildren: 5, rng: new Rng(1) })).toEqual(nodes);
  });
  it('labels a very deep tree without overflowing the stack', () => {
    const chain: TreeNode[] = [{ id: 'n0', parent: null, step: '' }];
    for (let i = 1; i < 50_000; i++) chain.push({ id: `n${i}`, parent: `n${i - 1}`, step: '', correct: true });
    expect(mcTreeLabels(chain).n0).toBe(1);
  });
  it('rejects unknown parents, duplicate ids and cycles', () => {
    expect(errorOf(() => mcTreeLabels([{ id: 'x', parent: 'nope', step: '' }])).message).toMatch(/unknown parent/);
    expect(errorOf(() => mcTreeLabels([{ id: 'x', parent: null, step: '' }, { id: 'x', parent: null, step: '' }])).message).toMatch(/twice/);
    expect(errorOf(() => mcTreeLabels([{ id: 'x', parent: 'y', step: '' }, { id: 'y', parent: 'x', step: '' }])).message).toMatch(/cycle/);
  });
});

describe('multi-objective', () => {
  it('normalises weights and mixes head logits', () => {
    expect(normaliseWeights([1, 3])).toEqual([0.25, 0.75]);
    expect(mixHeadLogits([[1, 0], [0, 1]], [1, 3])).toEqual([0.25, 0.75]);
    expect(fieldOf(() => normaliseWeights([0, 0]))).toBe('weights');
    expect(fieldOf(() => normaliseWeights([1, -1]))).toBe('weights[1]');
  });
});

describe('reward spec', () => {
  const spec = { components: [{ name: 'decision' }, { name: 'format', weight: 0.2, clip: [0, 1] as const }, { name: 'penalty', weight: 0.1, role: 'penalty' as const, default: 0 }] };
  it('clips, applies defaults, and rejects what it cannot score', () => {
    const f = compileRewardSpec(spec);
    expect(f({ decision: 1, format: 5 }).total).toBeCloseTo(1.2, 12);
    expect(fieldOf(() => f({ format: 1 }))).toBe('values.decision');
    expect(fieldOf(() => f({ decision: 1, format: 1, typo: 1 }))).toBe('values.typo');
  });
  it('refuses aggressive penalties unless the spec raises the cap', () => {
    const heavy = { components: [{ name: 'p', weight: 2, role: 'penalty' as const }] };
    expect(errorOf(() => compileRewardSpec(heavy)).message).toMatch(/maxPenaltyWeight/);
    expect(compileRewardSpec({ ...heavy, maxPenaltyWeight: 2 })({ p: 1 }).total).toBe(-2);
  });
  it('resolves non-numeric component inputs through a resolver (e.g. another reward method)', () => {
    const f = compileRewardSpec({ components: [{ name: 'grounding' }] }, (_, raw) => (runMethod('gui-g2', raw) as { point: number }).point);
    expect(f({ grounding: { pred: [0, 0, 100, 50], gt: [0, 0, 100, 50] } }).total).toBeGreaterThan(0.99);
  });
});

describe('RPR and noisy rewards', () => {
  it('counts distinct planning phrases and repeated windows', () => {
    expect(countPatterns('First, I need to open settings. Wait, let me check the toggle. Wait.')).toBe(4);
    const loop = 'tap the button again and '.repeat(20);
    expect(repetitionShare(loop)).toBeGreaterThan(0.9);
    expect(repetitionShare('a b c')).toBe(0);
    expect(reasoningPatternReward(`I need to plan. ${loop}`).rpr).toBe(0);
  });
  it('flips whole groups, repeatably by seed, at about rate p', () => {
    const groups = Array.from({ length: 400 }, () => [1, 0, 1]);
    const a = flipGroups(groups, 0.25, new Rng('noise'));
    expect(flipGroups(groups, 0.25, new Rng('noise'))).toEqual(a);
    a.rewards.forEach((g, i) => expect(g).toEqual(a.flipped[i] ? [0, 1, 0] : [1, 0, 1]));
    const share = a.flipped.filter(Boolean).length / groups.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
  });
});

describe('FIND', () => {
  it('clips the ratio on the side that would over-reward, and the predictor tracks a prompt', () => {
    expect(clippedObjective(0.2, 0.6, 0.5).objective).toBeCloseTo(-0.4 * 0.8, 12);
    const v = new RewardPredictor(0.5);
    expect(v.observe('p', 1)).toBe(1);
    expect(v.observe('p', 1)).toBe(0.5);
    expect(v.predict('other')).toBe(0);
    expect(fieldOf(() => clippedObjective(1, 0, -1))).toBe('ratio');
  });
});

describe('SRUM', () => {
  it('maps 0-1000 grid boxes to cells; overlapping regions keep the higher score', () => {
    expect(gridBoxToCells([250, 250, 500, 500], 4, 4)).toEqual([1, 1, 2, 2]);
    const m = srumRewardMap(2, 1, [{ box: [0, 0, 2, 1], score: 0.2 }, { box: [0, 0, 1, 1], score: 1 }], 1);
    expect(m).toEqual([[1, 0.6]]);
    expect(fieldOf(() => srumRewardMap(2, 2, [], 2))).toBe('global');
  });
});

describe('TP-GRPO', () => {
  it('one reward per thought, weighted less as the policy gets more accurate', () => {
    const weak = thoughtRewards([1, 1, -1, 1], 0, { accuracy: 0.2 });
    expect(weak.thoughts.map((t) => [t.start, t.end])).toEqual([[0, 1], [2, 2], [3, 3]]);
    expect(weak.stepRewards).toEqual([0.8, 0.8, -0.8, 0.8]);
    expect(capabilityWeight({ accuracy: 0.9, kappa: 2 })).toBeCloseTo(0.01, 12);
    expect(fieldOf(() => capabilityWeight({ accuracy: 1.5 }))).toBe('accuracy');
  });
});

describe('GroundedPRM on GUI steps', () => {
  it('verifies steps against device states with a callback, or against recorded diffs', () => {
    const states = [{ wifi: false, screen: 'home' }, { wifi: false, screen: 'settings' }, { wifi: false, screen: 'settings' }];
    const expected = [{ screen: 'settings' }, { wifi: true }];
    const v = verifySteps(states, (i, _b, after) => Object.entries(expected[i]).every(([k, x]) => after[k as keyof typeof after] === x));
    expect(v).toEqual([1, -1]);
    expect(verifyDiffs([{ screen: 'settings' }, {}], [{ screen: 'settings' }, { wifi: true }])).toEqual([1, -1]);
    expect(verifyDiffs([{ screen: 'x' }], [null])).toEqual([1]);
  });
  it('checks CSRS screen diffs: expected texts must be among those that appeared', () => {
    const screen = (app: string, texts: string[]): Screen => ({ tree: [], app, signature: texts.join('|'), content: '', items: [], texts });
    const home = screen('launcher', ['Settings', 'Clock']);
    const settings = screen('settings', ['Network', 'Wi-Fi', 'Bluetooth']);
    const diffs = [diffScreens(home, settings), diffScreens(settings, settings)] as unknown as Record<string, unknown>[];
    expect(verifyDiffs(diffs, [{ appChanged: true, appeared: ['Wi-Fi'] }, { changed: true }])).toEqual([1, -1]);
    expect(verifyDiffs(diffs, [{ appeared: ['Wi-Fi', 'Airplane mode'] }, null])).toEqual([-1, 1]);
  });
  it('labels tree nodes from the rollouts that passed through them', () => {
    const nodes = [{ id: 'b', parent: 'a' }, { id: 'a', parent: 'root' }, { id: 'root', parent: null }, { id: 'x', parent: 'root' }];
    const { labels, stats } = groundedTreeLabels(nodes, [{ from: 'b', verdicts: [1, 1, -1], final: -1 }, { from: 'x', verdicts: [-1], final: -1 }]);
    expect(stats.b.total).toBeCloseTo(0.1111, 4);
    expect(stats.a.total).toBeCloseTo(0.1, 2);
    expect(labels).toEqual({ root: -1, a: 1, b: 1, x: -1 });
    expect(errorOf(() => groundedTreeLabels([{ id: 'a', parent: 'zzz' }], [])).message).toMatch(/unknown parent/);
  });
  it('backs up decayed values through the search tree', () => {
    const t = new GroundedTree();
    t.add('root', null); t.add('a', 'root'); t.add('b', 'a');
    t.backup('b', 1);
    t.backup('a', -1);
    const s = t.stats();
    expect(s.b).toEqual({ total: 1, visits: 1, mean: 1 });
    expect(s.a.total).toBeCloseTo(0.9 - 1, 12);
    expect(s.root.total).toBeCloseTo(0.81 - 0.9, 12);
    expect(fieldOf(() => t.add('c', 'zzz'))).toBe('parent');
  });
});

describe('PARM', () => {
  it('finds the first clear step and needs outcomes for promising candidates', () => {
    expect(firstClearStep([false, true, true])).toBe(1);
    expect(firstClearStep([false, false])).toBe(1);
    expect(fieldOf(() => parmSelect([{ potential: true, pNo: 0.1 }]))).toBe('candidates[0].outcome');
    expect(parmSelect([])).toEqual({ chosen: -1, rule: 'none' });
  });
});

describe('registry input errors name the field', () => {
  it.each([
    ['vsrm', {}, 'acc'],
    ['capo', { steps: 2, flags: [[3]], correct: true }, 'flags[0]'],
    ['srum', { width: 2, height: 2, regions: [{ box: [0, 0, 1, 1], score: 3 }], global: 0 }, 'regions[0].score'],
    ['reward-spec', { spec: { components: [{ name: 'a' }] }, values: { a: 'x' } }, 'values.a'],
    ['grounded-prm', { final: 1 }, 'verdicts'],
    ['morec', { d: [[0.5]], select: 'sample' }, 'seed'],
    ['l2calib', {}, 'est'],
  ])('%s', (name, input, field) => {
    expect(fieldOf(() => runMethod(name, input))).toBe(field);
  });
});
