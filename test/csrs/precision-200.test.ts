/**
 * Action-data precision on a larger sample than sandbox.test.ts: 200 sandbox tasks (seed 11)
 * run by the demo policy with injected mistakes (noise 0.3) on 2 phones, the same set as
 * `N=200 SEED=11 node bench/csrs-precision.mjs`. At ~370 action samples one leak moves
 * precision by 0.3 points (on 104 samples, by 1 point), so this is where the 99% is held.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxBatch } from '../../src/cli/sandbox-batch.js';
import { runCsrs } from '../../src/csrs/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { actionStats, readSamples } from './action-stats.js';

const dir = mkdtempSync(join(tmpdir(), 'csrs-200-'));
let store: Store;

beforeAll(async () => {
  await runSandboxBatch({ device: 'sandbox', devices: 2, policy: 'demo', tasks: 'all', sample: 200, seed: 11, noise: 0.3, maxSteps: 40, store: join(dir, 'store'), progress: false, report: false });
  store = openStore(join(dir, 'store'));
}, 1_200_000);

afterAll(() => store?.close());

describe('csrs action data on 200 sandbox tasks with injected mistakes', () => {
  it('keeps >= 99% precision and >= 95% recall, beside the keep-everything baseline', async () => {
    const ours = actionStats(store, readSamples((await runCsrs({ store, out: join(dir, 'csrs'), queueReviews: false })).out));
    const paper = actionStats(store, readSamples((await runCsrs({ store, out: join(dir, 'baseline'), filterWaste: false, queueReviews: false })).out));
    console.log(`200 tasks: CSRS precision ${(100 * ours.precision).toFixed(2)}% recall ${(100 * ours.recall).toFixed(2)}% ` +
      `(${ours.samples} samples, ${ours.leaked} of ${ours.injected} injected mistakes leaked); ` +
      `baseline precision ${(100 * paper.precision).toFixed(2)}% recall ${(100 * paper.recall).toFixed(2)}% (${paper.samples} samples)`);
    expect(ours.injected).toBeGreaterThan(10);
    expect(ours.samples).toBeGreaterThan(300);
    expect(ours.precision).toBeGreaterThanOrEqual(0.99);
    expect(ours.precision).toBeGreaterThan(paper.precision);
    expect(ours.recall).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});
