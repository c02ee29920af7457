import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/actions.js';
import type { ActResult, Device, DeviceInfo, Observation } from '../../src/core/device.js';
import { StepwiseError } from '../../src/core/errors.js';
import type { Decision, Policy } from '../../src/agent/policy.js';
import { runTask } from '../../src/agent/runner.js';
import { openStore } from '../../src/store/index.js';

/**
 * A scripted device for the loop's own semantics (ordering, persistence, stop reasons); the
 * sandbox integration tests run the same loop on the real phone.
 */
class ScriptedDevice implements Device {
  acted: Action[] = [];
  frame = 0;
  constructor(private failAt = -1) {}
  async info(): Promise<DeviceInfo> { return { id: 'scripted:1', platform: 'phone', backend: 'sandbox', width: 100, height: 200, rotation: 0 }; }
  async observe(): Promise<Observation> {
    this.frame++;
    return { frame: { id: `f${this.frame}`, width: 100, height: 200, rotation: 0 }, image: { data: Buffer.from(`png-${this.frame}`), format: 'png', width: 100, height: 200 }, at: this.frame };
  }
  async act(a: Action): Promise<ActResult> {
    if (this.acted.length === this.failAt) throw new StepwiseError('device_gone', 'device disconnected', 'reconnect it');
    this.acted.push(a);
    return { ok: true, durationMs: 1 };
  }
  async close() {}
}

function scripted(decisions: (Decision | (() => Promise<Decision>))[]): Policy {
  let i = 0;
  return {
    name: 'scripted',
    describe: () => ({}),
    decide: async () => {
      const d = decisions[i++] ?? { action: { type: 'complete', answer: 'done' } };
      return typeof d === 'function' ? d() : d;
    },
  };
}

const task = { instruction: 'test task' };
const tmpStore = () => openStore(mkdtempSync(join(tmpdir(), 'sw-runner-')));

describe('runner', () => {
  it('persists every step and finishes with the answer', async () => {
    const store = tmpStore();
    const dev = new ScriptedDevice();
    const r = await runTask({ device: dev, task, store, policy: scripted([{ action: { type: 'click', point: [1, 2] } }, { action: { type: 'complete', answer: '42' } }]) });
    expect(r.stopReason).toBe('completed');
    expect(r.answer).toBe('42');
    const t = store.getTrajectory(r.trajectoryId!);
    expect(t.steps.map((s) => s.action?.type)).toEqual(['click', 'complete']);
    expect(t.status).toBe('finished');
    expect(store.getBlob(t.steps[1].observation!.image!).toString()).toBe('png-2');
  });

  it('stops with needs_reply when nobody answers an info question, and continues with a reply', async () => {
    const dev = new ScriptedDevice();
    const ask = { action: { type: 'info', question: 'Which size?' } } as Decision;
    const r = await runTask({ device: dev, task, policy: scripted([ask]) });
    expect(r).toMatchObject({ stopReason: 'needs_reply', question: 'Which size?' });
    let seen: string | undefined;
    const pol: Policy = { name: 'p', describe: () => ({}), decide: async (ctx) => { if (ctx.stepIndex === 0) return ask; seen = ctx.reply; return { action: { type: 'complete', answer: '' } }; } };
    const r2 = await runTask({ device: dev, task, policy: pol, onInfo: async () => 'M' });
    expect(r2.stopReason).toBe('completed');
    expect(seen).toBe('M');
  });

  it('records unparseable outputs as failed steps and stops after too many in a row', async () => {
    const store = tmpStore();
    const bad = { raw: 'garbage', parseError: 'no action found' };
    const r = await runTask({ device: new ScriptedDevice(), task, store, maxParseFailures: 2, policy: scripted([bad, bad]) });
    expect(r.stopReason).toBe('error');
    const t = store.getTrajectory(r.trajectoryId!);
    expect(t.steps).toHaveLength(2);
    expect(t.steps[0].result).toMatchObject({ ok: false, errorCode: 'parse_error' });
    expect(t.steps[0].model?.raw).toBe('garbage');
  });

  it('a policy that times out ends the run with the steps so far intact', async () => {
    const store = tmpStore();
    const slow = () => new Promise<Decision>(() => {});
    const r = await runTask({ device: new ScriptedDevice(), task, store, stepTimeoutMs: 50, policy: scripted([{ action: { type: 'wait', seconds: 0 } }, slow]) });
    expect(r.stopReason).toBe('error');
    expect(r.error).toMatch(/did not answer within 50 ms/);
    const t = store.getTrajectory(r.trajectoryId!);
    expect(t.steps).toHaveLength(2);
    expect(t.steps[1].result).toMatchObject({ ok: false, errorCode: 'timeout' });
  });

  it('a device that vanishes mid-task stops with error and keeps the trajectory', async () => {
    const store = tmpStore();
    const click = { action: { type: 'click', point: [5, 5] } } as Decision;
    const r = await runTask({ device: new ScriptedDevice(1), task, store, policy: scripted([click, click, click]) });
    expect(r.stopReason).toBe('error');
    expect(r.error).toMatch(/disconnected/);
    expect(store.getTrajectory(r.trajectoryId!).steps).toHaveLength(2);
  });

  it('max steps and cancellation', async () => {
    const loop = { action: { type: 'wait', seconds: 0 } } as Decision;
    const r = await runTask({ device: new ScriptedDevice(), task, maxSteps: 3, policy: scripted([loop, loop, loop, loop]) });
    expect(r).toMatchObject({ stopReason: 'max_steps' });
    expect(r.steps).toHaveLength(3);
    const ac = new AbortController();
    ac.abort();
    const c = await runTask({ device: new ScriptedDevice(), task, signal: ac.signal, policy: scripted([loop]) });
    expect(c.stopReason).toBe('cancelled');
  });
});
