/**
 * The runtime on real sandbox phones (Chromium):
 * - 8 tasks on 4 devices concurrently through the pool: every trajectory's screens come from
 *   its own device, in order, and every verifier passes (no cross-talk between phones);
 * - replay: demo runs (noise 0) re-executed by the replay policy into a fresh store reach the
 *   same verdicts with the same actions.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { runPool } from '../../src/agent/pool.js';
import { ReplayPolicy, TaskReplayPolicy } from '../../src/agent/replay-policy.js';
import { openSandboxDevices, sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { stripMeta } from '../../src/core/actions.js';
import type { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { instantiate, sampleInstances } from '../../src/sandbox/tasks/instance.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { openStore, type Store } from '../../src/store/index.js';

let browser: SandboxBrowser;
let devices: SandboxDevice[];
const tmp = () => mkdtempSync(join(tmpdir(), 'sw-rt-'));

beforeAll(async () => {
  ({ browser, devices } = await openSandboxDevices(4));
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

function actionsOf(store: Store, id: string) {
  return store.getTrajectory(id).steps.flatMap((s) => (s.action ? [JSON.stringify(stripMeta(s.action))] : []));
}

describe('sandbox runtime', () => {
  it('8 tasks on 4 devices: each trajectory sees only its own device, and all verify', async () => {
    const store = openStore(tmp());
    const instances = sampleInstances(TEMPLATES, 8, 11, APPS);
    const runs = await runPool({ tasks: instances.map(sandboxTask), devices, policy: new DemoPolicy({ noise: 0, seed: 1, solutionFor }), store, maxSteps: 40 });
    expect(runs).toHaveLength(8);
    expect(new Set(runs.map((r) => r.device)).size).toBeGreaterThan(1);
    for (const r of runs) {
      expect(r.outcome?.verdict, `${r.task.ref.id}: ${r.outcome?.reason} ${r.result.error ?? ''}`).toBe('success');
      const t = store.getTrajectory(r.result.trajectoryId!);
      expect(t.device?.id).toBe(r.device);
      expect(t.task.id).toBe(r.task.ref.id);
      let lastSeq = -1;
      for (const s of t.steps) {
        const [dev, seq] = s.observation!.frameId.split('#');
        expect(dev).toBe(r.device);
        expect(Number(seq)).toBeGreaterThanOrEqual(lastSeq);
        lastSeq = Number(seq);
        if (s.action && 'frameId' in s.action && s.action.frameId) expect(s.action.frameId).toBe(s.observation!.frameId);
      }
      const apps = new Set(t.steps.map((s) => s.observation?.app));
      expect([...apps].some((a) => a?.endsWith(`.${t.task.app}`)), `${t.task.id} never showed ${t.task.app}: ${[...apps].join(', ')}`).toBe(true);
    }
    store.close();
  }, 600_000);

  it('replaying stored demo runs into a fresh store reproduces verdicts and actions', async () => {
    const recorded = openStore(tmp());
    const ask = TEMPLATES.find((t) => t.id === 'settings.change-ringtone-ask')!;
    const instances = [...sampleInstances(TEMPLATES, 3, 5, APPS), instantiate(ask, 2, APPS)];
    const originals = await runPool({ tasks: instances.map(sandboxTask), devices, policy: new DemoPolicy({ noise: 0.3, seed: 4, solutionFor }), store: recorded, maxSteps: 40 });

    // By explicit trajectory id, into a fresh store.
    const fresh = openStore(tmp());
    for (const o of originals) {
      const policy = new ReplayPolicy(recorded.getTrajectory(o.result.trajectoryId!));
      const [again] = await runPool({ tasks: [sandboxTask(instances.find((i) => i.id === o.task.ref.id)!)], devices: [devices[0]], policy, store: fresh, maxSteps: 40 });
      expect(again.outcome?.verdict, `${o.task.ref.id}`).toBe(o.outcome?.verdict);
      expect(again.result.stopReason).toBe(o.result.stopReason);
      expect(actionsOf(fresh, again.result.trajectoryId!)).toEqual(actionsOf(recorded, o.result.trajectoryId!));
    }
    // By task id, in the recording store itself, all four in parallel.
    const byTask = await runPool({ tasks: instances.map(sandboxTask), devices, policy: new TaskReplayPolicy(recorded), store: recorded, maxSteps: 40 });
    for (const r of byTask) {
      const o = originals.find((x) => x.task.ref.id === r.task.ref.id)!;
      expect(r.outcome?.verdict).toBe(o.outcome?.verdict);
      expect(actionsOf(recorded, r.result.trajectoryId!)).toEqual(actionsOf(recorded, o.result.trajectoryId!));
    }
    recorded.close();
    fresh.close();
  }, 600_000);
});
