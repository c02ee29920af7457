/**
 * On the real sandbox phone (Chromium): a small built-in set built end to end, and a small
 * end-to-end run. Kept small: the machine is shared.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import type { Policy } from '../../src/agent/policy.js';
import { openSandboxDevices, solutionFor } from '../../src/agent/sandbox-suite.js';
import type { SuiteTask } from '../../src/agent/suite.js';
import { benchTypeOf } from '../../src/benchmarks/bench-types.js';
import { ensureBuiltinSet, FULL_PLAN, type BuiltinPlan } from '../../src/benchmarks/builtin.js';
import { runE2e, suiteTasks } from '../../src/benchmarks/e2e.js';
import { E2eReportSchema } from '../../src/benchmarks/report-types.js';
import { loadReportFile, saveReport } from '../../src/benchmarks/save.js';
import { readStaticSet } from '../../src/benchmarks/static-format.js';
import { runStatic } from '../../src/benchmarks/static-eval.js';
import { CenterPolicy, staticPolicy } from '../../src/benchmarks/static-policies.js';
import type { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

// A tap, a long press, an INFO question, a search scroll and an abort among them.
const PLAN: BuiltinPlan = { ...FULL_PLAN, templates: 'chat.pin-chat,clock.move-alarm-later-ask,settings.connect-wifi-out-of-range', infoRounds: 0, target: 200 };

describe('built-in static set (small plan, same builder)', () => {
  let storeDir: string;
  let built: Awaited<ReturnType<typeof ensureBuiltinSet>>;
  beforeAll(async () => {
    storeDir = tempDir();
    built = await ensureBuiltinSet({ storeDir, plan: PLAN, devices: 1 });
  }, 240_000);

  it('is built from verified runs, cached, and every click has a box around its point', async () => {
    expect(built.built).toBe(true);
    expect(built.info.failed).toEqual([]);
    const set = readStaticSet(built.path);
    expect(set.rows.length).toBe(built.info.steps);
    const types = new Set(set.rows.map((r) => benchTypeOf(r.gt)));
    for (const t of ['AWAKE', 'CLICK', 'LONGPRESS', 'INFO', 'COMPLETE']) expect(types).toContain(t);
    // Quota sampling drops OTHER (key, abort): AndroidDaily has no column for them.
    expect(types).not.toContain('OTHER');
    for (const r of set.rows.filter((x) => x.gt.type === 'click' || x.gt.type === 'long_press')) {
      const p = (r.gt as { point: [number, number] }).point;
      expect(r.boxes?.some((b) => b[0] <= p[0] && p[0] <= b[2] && b[1] <= p[1] && p[1] <= b[3])).toBe(true);
    }
    expect(set.rows.find((r) => r.gt.type === 'open_app')?.app_names).toEqual(expect.arrayContaining(['chat']));
    const again = await ensureBuiltinSet({ storeDir, plan: PLAN, devices: 1 });
    expect(again).toMatchObject({ built: false, path: built.path });
  });

  it('replay scores 100%, the centre tap scores what counting its boxes says', async () => {
    const set = readStaticSet(built.path);
    expect((await runStatic(set, staticPolicy('replay', set.rows))).avg).toBe(1);
    const clicks = set.rows.filter((r) => r.gt.type === 'click' || r.gt.type === 'double_click');
    const hits = clicks.filter((r) => (r.boxes ?? []).some((b) => b[0] <= 500 && 500 <= b[2] && b[1] <= 500 && 500 <= b[3])).length;
    const center = await runStatic(set, new CenterPolicy());
    expect(center.per_type.CLICK).toEqual({ n: clicks.length, type_acc: 1, exact_acc: hits / clicks.length });
    expect(center.avg).toBeCloseTo(hits / set.rows.length, 12);
  });
});

describe('end to end on the sandbox', () => {
  let browser: SandboxBrowser;
  let devices: SandboxDevice[];
  let store: Store;
  let storeDir: string;
  beforeAll(async () => {
    ({ browser, devices } = await openSandboxDevices(1));
    storeDir = tempDir();
    store = openStore(storeDir);
  }, 120_000);
  afterAll(async () => { store?.close(); await browser?.close(); });

  it('the demo policy without noise succeeds on every sampled task; the report is saved with thumbnails', async () => {
    const tasks = suiteTasks({ suite: 'sandbox', sample: 3, seed: 5 });
    const report = await runE2e({ tasks, suiteName: 'sandbox', sample: 3, seed: 5, k: 1, policy: new DemoPolicy({ noise: 0, solutionFor }), devices, store });
    expect(report.success_rate).toBe(1);
    expect(report.pass_at_k).toBe(1);
    expect(Object.values(report.by_scenario).reduce((a, b) => a + b.n, 0)).toBe(3);
    expect(Object.keys(report.by_scenario).sort()).toEqual([...new Set(tasks.map((t) => String(t.ref.meta?.scenario)))].sort());
    expect(report.tasks.every((t) => t.attempts[0].verdict_source === 'verifier' && t.attempts[0].thumbnail?.startsWith('data:image/jpeg'))).toBe(true);
    expect(E2eReportSchema.safeParse(report).success).toBe(true);
    const saved = saveReport(report, storeDir);
    expect(existsSync(saved.html)).toBe(true);
    expect(loadReportFile(saved.json).success_rate).toBe(1);
    expect(saved.json.startsWith(join(storeDir, 'reports', 'bench-e2e-'))).toBe(true);
  }, 180_000);

  it('a task without a verifier gets its verdict from the CSRS chain; k attempts give pass@k', async () => {
    const giveUp: Policy = { name: 'give-up', describe: () => ({}), decide: async () => ({ action: { type: 'complete', answer: 'I could not find the setting' } }) };
    const task: SuiteTask = { ref: { id: 'free-1', instruction: 'Turn on dark mode', meta: { scenario: 'system' } }, prepare: async () => {} };
    const report = await runE2e({ tasks: [task], suiteName: 'file', sample: 1, seed: 1, k: 2, policy: giveUp, devices, store, thumbnails: false });
    expect(report.tasks[0].attempts).toHaveLength(2);
    expect(report.tasks[0].attempts.every((a) => !a.success && a.verdict_source === 'rule' && /admits failure/.test(a.reason ?? ''))).toBe(true);
    expect(report).toMatchObject({ success_rate: 0, pass_at_k: 0, k: 2, by_scenario: { system: { n: 1, rate: 0, pass_at_k: 0 } } });
    expect(report.tasks[0].attempts.map((a) => a.trajectory_id)).toHaveLength(2);
    expect(store.getTrajectory(report.tasks[0].attempts[1].trajectory_id!).task.id).toBe('free-1~2');
  }, 60_000);

  it("a user's own check script decides tasks without a verifier", async () => {
    const done: Policy = { name: 'done', describe: () => ({}), decide: async () => ({ action: { type: 'complete', answer: 'dark mode is on' } }) };
    const task: SuiteTask = { ref: { id: 'free-2', instruction: 'Turn on dark mode' }, prepare: async () => {} };
    // The script reads the trajectory on stdin and passes it when the answer says "on".
    const script = `${JSON.stringify(process.execPath)} -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const t=JSON.parse(s);console.log(JSON.stringify({verdict:/ on$/.test(t.answer)?'success':'failure',confidence:1,reason:'answer checked'}))})"`;
    const report = await runE2e({ tasks: [task], suiteName: 'file', sample: 1, seed: 1, k: 1, policy: done, devices, store, thumbnails: false, chain: { chain: ['human', 'script', 'rules'], script } });
    expect(report.success_rate).toBe(1);
    expect(report.tasks[0].attempts[0]).toMatchObject({ success: true, reason: 'answer checked' });
    expect(report.by_scenario).toEqual({ unknown: { n: 1, rate: 1, pass_at_k: 1 } });
  }, 60_000);
});
