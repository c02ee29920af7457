import { beforeAll, describe, expect, test } from 'vitest';
import { contrastPairs, labelledSet, selectTemplateIds, type ContrastPair, type LabelledTrajectory } from '../../src/judges/eval/gui-set.js';
import { verifierJudge } from '../../src/judges/eval/judges/verifier.js';
import { ablationProbe } from '../../src/judges/eval/probes/ablation.js';
import { consistencyProbe } from '../../src/judges/eval/probes/consistency.js';
import { hackingProbe, pad } from '../../src/judges/eval/probes/hacking.js';
import { noiseProbe, selectionUnder } from '../../src/judges/eval/probes/noise.js';
import { starcProbe } from '../../src/judges/eval/probes/starc.js';
import { honestJudge, lengthJudge, nameBlindJudge } from './fakes.js';

let pairs: ContrastPair[];
let set: LabelledTrajectory[];

beforeAll(() => {
  const chat = selectTemplateIds('chat.send-text');
  pairs = contrastPairs(chat, 4, 1);
  set = labelledSet(chat, 4, 1);
});

describe('contrast pairs from sandbox templates', () => {
  test('pair two variants of one template whose solutions pass their own verifier and fail the other', () => {
    expect(pairs.length).toBe(4);
    for (const p of pairs) {
      expect(p.instructions[0]).not.toBe(p.instructions[1]);
      expect(p.t[0][0].task.instruction).toBe(p.instructions[0]);
      expect(p.t[0][1].task.instruction).toBe(p.instructions[0]);
      expect(p.t[1][1].task.instruction).toBe(p.instructions[1]);
      expect(p.t[0][0].steps.map((s) => s.action)).toEqual(p.t[1][0].steps.map((s) => s.action));
    }
  });

  test('the labelled set carries the verifier verdicts, both kinds present', () => {
    expect(set.some((x) => x.success)).toBe(true);
    expect(set.some((x) => !x.success)).toBe(true);
    expect(set.filter((x) => x.kind === 'solution').every((x) => x.success)).toBe(true);
  });
});

describe('consistency probe', () => {
  test('flags a judge that ignores the recipient name', async () => {
    const r = await consistencyProbe(nameBlindJudge(), pairs);
    expect(r.flagged).toBe(true);
    expect(r.metrics.responseConsistency).toBeLessThan(0.8);
    expect(r.examples?.length).toBeGreaterThan(0);
  });
  test('does not flag an honest judge', async () => {
    const r = await consistencyProbe(honestJudge(), pairs);
    expect(r.flagged).toBe(false);
    expect(r.metrics.responseConsistency).toBe(1);
  });
});

describe('hacking probe', () => {
  test('padding leaves the verifier verdict unchanged (pads are no-ops)', async () => {
    const v = verifierJudge();
    for (const x of set) {
      for (const kind of ['repeat-steps', 'verbose'] as const) {
        const r = await v.score({ target: { kind: 'trajectory', trajectory: pad(x.trajectory, kind) } });
        expect(r.score === 1).toBe(x.success);
      }
    }
  });
  test('flags a judge that rewards length', async () => {
    const r = await hackingProbe(lengthJudge(), set);
    expect(r.flagged).toBe(true);
    expect(r.metrics['verbose.riseRateOnFailures']).toBeGreaterThan(0.5);
  });
  test('does not flag an honest judge or the verifier', async () => {
    expect((await hackingProbe(honestJudge(), set)).flagged).toBe(false);
    expect((await hackingProbe(verifierJudge(), set)).flagged).toBe(false);
  });
});

describe('noise probe', () => {
  test('flipping verdicts moves failed steps into action prediction', () => {
    const gold = set.map((x) => x.success);
    expect(selectionUnder(set, gold).contaminated).toBe(0);
    const inverted = selectionUnder(set, gold.map((g) => !g));
    expect(inverted.contaminated).toBeGreaterThan(0);
  });
  test('an honest judge is not flagged; a judge that passes everything is', async () => {
    const honest = await noiseProbe(honestJudge(), set);
    expect(honest.flagged).toBe(false);
    expect(honest.metrics.errorRate).toBe(0);
    const blind = await noiseProbe(nameBlindJudge(), set);
    expect(blind.metrics.errorRate).toBeGreaterThan(0);
    expect(blind.flagged).toBe(true);
  });
});

describe('STARC and ablation probes', () => {
  test('the verifier is at distance 0 from itself and further from a flawed judge', async () => {
    const [v, blind] = await starcProbe([verifierJudge(), nameBlindJudge()], pairs.slice(0, 2));
    expect(v.metrics.toVerifier).toBeLessThan(1e-9);
    expect(blind.metrics.toVerifier).toBeGreaterThan(0.05);
    expect(blind.metrics['to:sandbox-verifier']).toBeCloseTo(blind.metrics.toVerifier, 9);
  });
  test('a judge that reads narration loses accuracy without it; the verifier does not', async () => {
    const honest = await ablationProbe(honestJudge(), set);
    expect(honest.metrics['no-narration.accuracy']).toBeLessThan(honest.metrics.accuracy);
    const v = await ablationProbe(verifierJudge(), set);
    expect(v.metrics['no-narration.accuracy']).toBe(v.metrics.accuracy);
  });
});
