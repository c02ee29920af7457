import { describe, expect, it } from 'vitest';
import type { Trajectory } from '../../src/core/trajectory.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { buildCases } from '../../src/verifiers/cases.js';
import { autoMcReward, formatVerifierFile, parseVerifierFile, synthesizedVerifierSource, verifierStepRewards } from '../../src/verifiers/source.js';
import { GOOD } from './fixtures.js';

const T = TEMPLATES.find((t) => t.id === 'notes.delete-note-about')!;
const verifier = { source: GOOD['notes.delete-note-about'], meta: { template: T.id, accepted: true } };

function traj(final: unknown, stopReason: Trajectory['stopReason'] = 'completed', template = T.id): Trajectory {
  return { id: 't1', task: { instruction: 'x', meta: { template, seed: 1 } }, status: 'finished', stopReason, startedAt: 0, steps: [], meta: { finalState: final } };
}

describe('Auto MC-Reward combination (REWARDS-2 #19)', () => {
  it('dense -1, sparse 0 -> -0.1', () => {
    expect(autoMcReward(0, -1)).toBeCloseTo(-0.1, 12);
    expect(autoMcReward(1, 0.3)).toBeCloseTo(1.1, 12);
  });

  it('step rewards from a verifier: progress per step, +1 on the last step when verified', async () => {
    const { cases, instance } = buildCases(T, 1, APPS);
    const done = cases.find((c) => c.origin === 'reference')!.final;
    const r = await verifierStepRewards(GOOD['notes.delete-note-about'], [instance.initial, instance.initial, done], undefined, instance.params);
    expect(r).toEqual([0, 1.1]);
    await expect(verifierStepRewards('function verify() { return { ok: true, reason: "" }; }', [instance.initial, done], undefined, instance.params)).rejects.toThrow(/progress\(\) failed at step 1/);
  });
});

describe('synthesized verifier as a CSRS verdict source', () => {
  it('gives success on the reference end and failure on a wrong end, with its name and confidence', async () => {
    const { cases } = buildCases(T, 1, APPS);
    const src = synthesizedVerifierSource(verifier);
    const ok = await src(traj(cases[0].final));
    expect(ok).toMatchObject({ verdict: 'success', source: 'verifier', by: `synthesized:${T.id}`, confidence: 0.9 });
    const kept = cases.find((c) => c.name === 'kept')!;
    expect(await src(traj(kept.final))).toMatchObject({ verdict: 'failure' });
    expect(await src(traj(cases[0].final, 'max_steps'))).toMatchObject({ verdict: 'failure', reason: expect.stringMatching(/stopped with max_steps/) });
  });

  it('stays silent for other tasks and trajectories without a final state', async () => {
    const src = synthesizedVerifierSource(verifier);
    expect(await src(traj({}, 'completed', 'notes.look-up-fact'))).toBeUndefined();
    expect(await src(traj(undefined))).toBeUndefined();
  });

  it('refuses unaccepted verifiers and unknown templates', () => {
    expect(() => synthesizedVerifierSource({ ...verifier, meta: { template: T.id } })).toThrow(/not accepted by the critic/);
    expect(() => synthesizedVerifierSource({ ...verifier, meta: { template: 'x.y', accepted: true } })).toThrow(/not a sandbox template/);
  });

  it('a verifier file round-trips with its header', () => {
    const text = formatVerifierFile(verifier);
    expect(parseVerifierFile(text)).toEqual({ source: verifier.source.trim() + '\n', meta: verifier.meta });
    expect(parseVerifierFile('function verify() {}')).toEqual({ source: 'function verify() {}', meta: {} });
  });
});
