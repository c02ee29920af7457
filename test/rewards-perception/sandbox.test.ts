/**
 * Perceptual rewards on real sandbox runs (Chromium): the demo policy performs
 * notes.delete-note-about on three seeds; two runs are the demonstrations, the third is scored
 * step by step from its recorded UI trees, whole and cut short.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { openSandboxDevices, sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { runSuite } from '../../src/agent/suite.js';
import type { UiTree } from '../../src/core/uitree.js';
import { guiProgressRewards, learnFromGuiDemos, type PerceivedFrame } from '../../src/rewards/perception/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { instantiate } from '../../src/sandbox/tasks/instance.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { openStore, type Store } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'perception-sandbox-'));
let store: Store;
let runs: PerceivedFrame[][];

beforeAll(async () => {
  store = openStore(join(dir, 'store'));
  const t = TEMPLATES.find((x) => x.id === 'notes.delete-note-about')!;
  const { browser, devices } = await openSandboxDevices(1);
  try {
    const done = await runSuite({ tasks: [1, 2, 3].map((s) => sandboxTask(instantiate(t, s, APPS))), devices, policy: new DemoPolicy({ solutionFor }), store, maxSteps: 20 });
    runs = done.map((r) => {
      expect(r.outcome?.verdict).toBe('success');
      return store.getTrajectory(r.result.trajectoryId!).steps
        .filter((s) => s.observation?.uiTree)
        .map((s) => ({ tree: JSON.parse(store.getBlob(s.observation!.uiTree!).toString('utf8')) as UiTree }));
    });
  } finally {
    await browser.close();
  }
}, 600_000);

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('perceptual rewards from two demonstrations of a sandbox task', () => {
  it('a new run climbs through every key step; the same run cut short stops below 1', () => {
    expect(runs.every((r) => r.length >= 4)).toBe(true);
    const k = 3;
    const m = learnFromGuiDemos(runs.slice(0, 2), { steps: k, features: 8 });
    const full = guiProgressRewards(m, runs[2]);
    expect(full.at(-1)!.reached).toBe(k);
    for (let i = 1; i < full.length; i++) expect(full[i].reached).toBeGreaterThanOrEqual(full[i - 1].reached);
    const cut = guiProgressRewards(m, runs[2].slice(0, 2));
    expect(cut.at(-1)!.reached).toBeLessThan(k);
    expect(cut.at(-1)!.reward).toBeLessThan(full.at(-1)!.reward);
  });
});
