import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDeviceFailure, runPool } from '../../src/agent/pool.js';
import type { SuiteTask } from '../../src/agent/suite.js';
import { StepwiseError } from '../../src/core/errors.js';
import { openStore } from '../../src/store/index.js';
import { ScriptedDevice, tapPolicy } from './scripted.js';

function tasks(n: number, prepare?: (id: string) => Promise<void>): SuiteTask[] {
  return Array.from({ length: n }, (_, i) => ({ ref: { id: `t${i}`, instruction: `task ${i}` }, prepare: async (d) => prepare?.((await d.info()).id) }));
}

describe('runPool', () => {
  it('spreads tasks over devices, one task per device at a time, every task run once', async () => {
    const devices = [new ScriptedDevice('a'), new ScriptedDevice('b'), new ScriptedDevice('c')];
    const active = new Map<string, number>();
    let overlap = false;
    const policy = tapPolicy(3);
    const runs = await runPool({
      tasks: tasks(9),
      devices,
      policy,
      onStart: (_t, d) => { if (active.get(d)) overlap = true; active.set(d, 1); },
      onDone: (r) => active.set(r.device, 0),
    });
    expect(overlap).toBe(false);
    expect(runs.map((r) => r.task.ref.id).sort()).toEqual(tasks(9).map((t) => t.ref.id).sort());
    expect(runs.every((r) => r.result.stopReason === 'completed' && r.attempts === 1)).toBe(true);
    expect(new Set(runs.map((r) => r.device)).size).toBeGreaterThan(1);
    // Each device did exactly the clicks of the tasks it ran.
    for (const d of devices) expect(d.acted.length).toBe(runs.filter((r) => r.device === d.id).length * 3); // three taps; complete never reaches the device
  });

  it('retries a task once on another device when prepare fails, and drops the failing device', async () => {
    const devices = [new ScriptedDevice('bad'), new ScriptedDevice('good')];
    const failed: string[] = [];
    const runs = await runPool({
      tasks: tasks(4, async (id) => { if (id === 'bad') throw new StepwiseError('device_error', 'reset failed', 'restart it'); }),
      devices,
      policy: tapPolicy(1),
      onDeviceFailed: (d) => failed.push(d),
    });
    expect(failed).toEqual(['bad']);
    expect(runs).toHaveLength(4);
    expect(runs.every((r) => r.result.stopReason === 'completed' && r.device === 'good')).toBe(true);
    const retried = runs.filter((r) => r.attempts === 2);
    expect(retried).toHaveLength(1);
    expect(retried[0].failedOn).toEqual(['bad']);
    expect(devices[0].acted).toHaveLength(0);
  });

  it('retries when the run stops with device_gone before any step; the trajectory of the failed try stays in the store', async () => {
    const store = openStore(mkdtempSync(join(tmpdir(), 'sw-pool-')));
    const devices = [new ScriptedDevice('gone', { observeFails: true }), new ScriptedDevice('ok')];
    const runs = await runPool({ tasks: tasks(3), devices, policy: tapPolicy(2), store });
    expect(runs.map((r) => [r.result.stopReason, r.device])).toEqual([['completed', 'ok'], ['completed', 'ok'], ['completed', 'ok']]);
    const all = store.listTrajectories();
    expect(all.filter((t) => t.stopReason === 'error')).toHaveLength(1);
    expect(all.filter((t) => t.stopReason === 'completed')).toHaveLength(3);
    store.close();
  });

  it('reports tasks as errors when no working device is left, after two attempts at most', async () => {
    const devices = [new ScriptedDevice('x', { observeFails: true }), new ScriptedDevice('y', { observeFails: true })];
    const runs = await runPool({ tasks: tasks(3), devices, policy: tapPolicy(1) });
    expect(runs).toHaveLength(3);
    expect(runs.every((r) => r.result.stopReason === 'error')).toBe(true);
    expect(runs.some((r) => /no working device left/.test(r.result.error ?? ''))).toBe(true);
    expect(Math.max(...runs.map((r) => r.attempts))).toBeLessThanOrEqual(2);
  });

  it('does not count an agent failure after steps as a device failure', () => {
    expect(isDeviceFailure({ stopReason: 'error', errorCode: 'device_gone', steps: [{ index: 0 }] }, false)).toBe(false);
    expect(isDeviceFailure({ stopReason: 'error', errorCode: 'timeout', steps: [] }, false)).toBe(false);
    expect(isDeviceFailure({ stopReason: 'error', errorCode: 'device_error', steps: [] }, false)).toBe(true);
    expect(isDeviceFailure({ stopReason: 'completed', steps: [] }, true)).toBe(true);
  });
});
