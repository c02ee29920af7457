/**
 * CSRS on real sandbox runs: `stepwise run --noise 0.3` code (runSandboxBatch) on 3 phones,
 * plus a second rollout of the same tasks with another noise seed (for preference pairs and
 * group rewards); then the `stepwise csrs --json` contract, selective learning, and action
 * data precision/recall against the demo policy's labels, side by side with the paper's
 * baseline (every step of a success).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { instanceFromRef, openSandboxDevices, sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { runSuite } from '../../src/agent/suite.js';
import { runSandboxBatch } from '../../src/cli/sandbox-batch.js';
import { CATEGORIES, runCsrs } from '../../src/csrs/index.js';
import { actionStats, readSamples } from './action-stats.js';
import { openStore, type Store } from '../../src/store/index.js';

const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'csrs-sandbox-'));
const storeDir = join(dir, 'store');
let store: Store;

beforeAll(async () => {
  await runSandboxBatch({ device: 'sandbox', devices: 3, policy: 'demo', tasks: 'all', sample: 30, seed: 7, noise: 0.3, maxSteps: 40, store: storeDir, progress: false, report: false });
  store = openStore(storeDir);
  // Second rollout of the same task instances with another noise seed.
  const refs = store.listTrajectories().map((s) => store.getTrajectory(s.id).task);
  const { browser, devices } = await openSandboxDevices(3);
  try {
    await runSuite({ tasks: refs.map((r) => sandboxTask(instanceFromRef(r))), devices, policy: new DemoPolicy({ noise: 0.3, seed: 99, solutionFor }), store, maxSteps: 40 });
  } finally {
    await browser.close();
  }
}, 1_200_000);

afterAll(() => store?.close());

describe('csrs on sandbox runs with injected mistakes', () => {
  it('meets the CLI contract and keeps failures out of action data', () => {
    const out = join(dir, 'out');
    const run = () => JSON.parse(execFileSync('node', [main, 'csrs', '--store', storeDir, '--out', out, '--engine', 'grounded', '--json'], { encoding: 'utf8' }));
    const s = run();
    const n = store.listTrajectories().length;
    expect(s.trajectories).toBe(n);
    expect(s.successes + s.failures).toBe(n);
    expect(s.successes).toBeGreaterThan(5);
    expect(s.failures).toBeGreaterThan(5);
    expect(Object.keys(s.samples_by_category).sort()).toEqual([...CATEGORIES].sort());
    for (const c of CATEGORIES) expect(s.samples_by_category[c]).toBeGreaterThan(0);
    expect(s.action_samples_from_failures).toBe(0);
    const samples = readSamples(out);
    expect(samples.filter((x) => x.category === 'action_prediction' && x.verdict === 'failure')).toHaveLength(0);
    expect(samples.length).toBe(Object.values(s.samples_by_category as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(s.pairs).toBeGreaterThan(0);
    // Idempotent: a second run adds nothing.
    const again = run();
    expect(again.processed_now).toBe(0);
    expect(again.samples_by_category).toEqual(s.samples_by_category);
    expect(readSamples(out)).toHaveLength(samples.length);
  }, 300_000);

  // 99% is asserted on a 200-task set (precision-200.test.ts); on these 104 samples 3 wrong
  // taps stay that no screen signal tells apart from right ones (docs/CSRS.md section 6).
  it('reaches >= 96% action precision and >= 95% recall of correct steps, beside the keep-everything baseline', async () => {
    const csrs = await runCsrs({ store, out: join(dir, 'csrs'), queueReviews: false });
    const base = await runCsrs({ store, out: join(dir, 'baseline'), filterWaste: false, queueReviews: false });
    const ours = actionStats(store, readSamples(csrs.out));
    const paper = actionStats(store, readSamples(base.out));
    console.log(`action data on ${store.listTrajectories().length} sandbox runs (noise 0.3): ` +
      `CSRS precision ${(100 * ours.precision).toFixed(1)}% recall ${(100 * ours.recall).toFixed(1)}% (${ours.samples} samples); ` +
      `baseline precision ${(100 * paper.precision).toFixed(1)}% recall ${(100 * paper.recall).toFixed(1)}% (${paper.samples} samples); injected steps in successes: ${ours.injected}`);
    expect(ours.injected).toBeGreaterThan(0); // the measurement needs mistakes inside successes
    expect(paper.precision).toBeLessThan(1);
    expect(ours.precision).toBeGreaterThanOrEqual(0.96);
    expect(ours.precision).toBeGreaterThan(paper.precision);
    expect(ours.recall).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});
