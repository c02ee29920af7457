import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTask } from '../../src/agent/runner.js';
import { openStore } from '../../src/store/index.js';
import { ScriptedDevice, tapPolicy } from './scripted.js';

const task = { id: 'ask', instruction: 'tap twice, ask, tap once more' };

describe('runTask resume (needs_reply -> continue)', () => {
  it('continues the same trajectory with the reply, appending after the question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-resume-'));
    let store = openStore(dir);
    const device = new ScriptedDevice('d');
    const first = await runTask({ device, policy: tapPolicy(3, 2), task, store });
    expect(first.stopReason).toBe('needs_reply');
    expect(first.question).toBe('which one?');
    expect(first.steps.map((s) => s.action?.type)).toEqual(['click', 'click', 'info']);
    store.close();

    store = openStore(dir); // a new process would open the store again
    const traj = store.getTrajectory(first.trajectoryId!);
    expect(traj.status).toBe('finished');
    const second = await runTask({ device, policy: tapPolicy(3, 2), task, store, resume: { trajectory: traj, reply: 'the red one' } });
    expect(second.trajectoryId).toBe(first.trajectoryId);
    expect(second.stopReason).toBe('completed');
    expect(second.answer).toBe('the red one');
    const after = store.getTrajectory(first.trajectoryId!);
    expect(after.steps.map((s) => [s.index, s.action?.type])).toEqual([[0, 'click'], [1, 'click'], [2, 'info'], [3, 'click'], [4, 'complete']]);
    expect(after.status).toBe('finished');
    expect(after.stopReason).toBe('completed');
    expect(store.listTrajectories()).toHaveLength(1);
    store.close();
  });

  it('maxSteps counts the new steps of a continued session', async () => {
    const store = openStore(mkdtempSync(join(tmpdir(), 'sw-resume-')));
    const device = new ScriptedDevice('d');
    const first = await runTask({ device, policy: tapPolicy(10, 2), task, store });
    const traj = store.getTrajectory(first.trajectoryId!);
    const second = await runTask({ device, policy: tapPolicy(10, 2), task, store, maxSteps: 2, resume: { trajectory: traj, reply: 'x' } });
    expect(second.stopReason).toBe('max_steps');
    expect(second.steps).toHaveLength(5);
    store.close();
  });
});

describe('Store.reopenTrajectory', () => {
  it('reopens a finished trajectory for appending, and refuses running or unknown ones', () => {
    const store = openStore(mkdtempSync(join(tmpdir(), 'sw-reopen-')));
    const t = store.createTrajectory({ task: { instruction: 'x' } });
    expect(() => store.reopenTrajectory(t.id)).toThrow(/not finished/);
    store.appendStep(t.id, { index: 0 });
    store.finishTrajectory(t.id, { stopReason: 'needs_reply' });
    expect(() => store.appendStep(t.id, { index: 1 })).toThrow(/finished/);
    store.reopenTrajectory(t.id);
    const open = store.getTrajectory(t.id);
    expect(open.status).toBe('running');
    expect(open.stopReason).toBeUndefined();
    store.appendStep(t.id, { index: 1 });
    expect(store.getTrajectory(t.id).steps).toHaveLength(2);
    expect(() => store.reopenTrajectory('nope')).toThrow(/no trajectory/);
    store.close();
  });
});
