/**
 * The built-in static set: the sandbox's reference solutions run by the demo policy (noise 0)
 * on sandbox phones, recorded into a scratch store, verified, turned into static rows (boxes
 * from the UI tree), and quota-sampled to AndroidDaily's type distribution. Deterministic
 * (seeded instances, seeded sampling), so it is built on first use and cached under
 * `<store dir>/bench/<version>/`; screenshots are never committed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoPolicy } from '../agent/demo-policy.js';
import { runPool } from '../agent/pool.js';
import { openSandboxDevices, sandboxTask, solutionFor } from '../agent/sandbox-suite.js';
import { StepwiseError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import { APPS } from '../sandbox/apps/index.js';
import { instantiate, selectTemplates, type TaskInstance } from '../sandbox/tasks/instance.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import { openStore } from '../store/index.js';
import { buildFromStore } from './build-store.js';
import { quotaSample, targetShares, typeCounts } from './quota.js';
import { appKey } from './scoring.js';
import { writeStaticSet } from './static-format.js';

export const BUILTIN_VERSION = 'sandbox-static-v1';
export const BUILTIN_NAME = 'builtin:sandbox';

export interface BuiltinPlan {
  /** Template selection (as `stepwise tasks list --filter`). */
  templates: string;
  /** Instances of every selected template. */
  rounds: number;
  /** Extra instances of each selected template whose solution asks the user (INFO is rare otherwise). */
  infoRounds: number;
  /** Steps to aim for before quota sampling. */
  target: number;
  /** Screenshot width in the set (JPEG); boxes are on the 0-1000 grid, so any size scores the same. */
  imageWidth: number;
  seed: number;
}

export const FULL_PLAN: BuiltinPlan = { templates: 'all', rounds: 1, infoRounds: 12, target: 1100, imageWidth: 540, seed: 1 };

export interface BuildInfo {
  version: string;
  plan: BuiltinPlan;
  tasks: number;
  verified: number;
  failed: string[];
  pool: Record<string, number>;
  counts: Record<string, number>;
  androiddaily_shares: Record<string, number>;
  steps: number;
  seconds: number;
}

export interface BuiltinOptions {
  storeDir: string;
  plan?: BuiltinPlan;
  devices?: number;
  rebuild?: boolean;
  onTask?: (done: number, total: number, label: string) => void;
}

const asksUser = (t: (typeof TEMPLATES)[number]) => {
  const inst = instantiate(t, 1, APPS);
  return t.solution(inst.params, inst.initial).some((s) => s.do === 'info');
};

/** The task instances a plan runs, in a fixed order. */
export function planInstances(plan: BuiltinPlan): TaskInstance[] {
  const templates = selectTemplates(TEMPLATES, plan.templates);
  const rng = new Rng(`bench/builtin/${plan.seed}`);
  const out: TaskInstance[] = [];
  for (let r = 0; r < plan.rounds; r++) for (const t of templates) out.push(instantiate(t, rng.int(1, 1_000_000), APPS));
  const info = templates.filter(asksUser);
  for (let r = 0; r < plan.infoRounds; r++) for (const t of info) out.push(instantiate(t, rng.int(1, 1_000_000), APPS));
  return out;
}

export function builtinDir(storeDir: string, plan: BuiltinPlan = FULL_PLAN): string {
  const same = JSON.stringify(plan) === JSON.stringify(FULL_PLAN);
  const suffix = same ? '' : `-${new Rng(JSON.stringify(plan)).int(0, 0xffffff).toString(16)}`;
  return join(storeDir, 'bench', BUILTIN_VERSION + suffix);
}

/** Names open_app accepts for a sandbox app (label, aliases, id). */
export function sandboxAppNames(app: string): string[] | undefined {
  const k = appKey(app);
  const def = APPS.find((a) => [a.id, a.label, ...(a.aliases ?? [])].some((n) => appKey(n) === k));
  return def ? [def.label, ...(def.aliases ?? []), def.id] : undefined;
}

/** Path of the built-in set's JSONL, building it first when it is not cached. */
export async function ensureBuiltinSet(opts: BuiltinOptions): Promise<{ path: string; built: boolean; info: BuildInfo }> {
  const plan = opts.plan ?? FULL_PLAN;
  const dir = builtinDir(opts.storeDir, plan);
  const path = join(dir, 'steps.jsonl');
  const infoPath = join(dir, 'build.json');
  if (!opts.rebuild && existsSync(path) && existsSync(infoPath)) {
    return { path, built: false, info: JSON.parse(readFileSync(infoPath, 'utf8')) as BuildInfo };
  }
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const scratch = join(dir, '.build-store');
  const instances = planInstances(plan);
  const store = openStore(scratch);
  const failed: string[] = [];
  let pool: Record<string, number> = {};
  let rows;
  try {
    const { browser, devices } = await openSandboxDevices(Math.max(1, Math.min(opts.devices ?? 2, instances.length)));
    let done = 0;
    try {
      const runs = await runPool({
        tasks: instances.map(sandboxTask),
        devices,
        policy: new DemoPolicy({ noise: 0, seed: plan.seed, solutionFor }),
        store,
        maxSteps: 40,
        // JPEG is about half the capture time of PNG; the set re-encodes to JPEG anyway.
        observe: { format: 'jpeg', quality: 90 },
        meta: { bench: BUILTIN_VERSION },
        onDone: (r) => opts.onTask?.(++done, instances.length, `${r.task.ref.id} ${r.outcome?.verdict ?? r.result.stopReason}`),
      });
      for (const r of runs) if (r.outcome?.verdict !== 'success') failed.push(`${r.task.ref.id}: ${r.outcome?.reason ?? r.result.error ?? r.result.stopReason}`);
    } finally {
      await browser.close();
    }
    rows = await buildFromStore(store, {
      outDir: dir,
      imageWidth: plan.imageWidth,
      appNames: sandboxAppNames,
      select: (all) => { pool = typeCounts(all); return quotaSample(all, plan.target, plan.seed); },
    });
  } finally {
    store.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!rows.length) throw new StepwiseError('device_error', 'the built-in static set came out empty: no sandbox run was verified', `failures: ${failed.slice(0, 3).join('; ')}`);
  writeStaticSet(path, rows);
  const info: BuildInfo = {
    version: BUILTIN_VERSION, plan, tasks: instances.length, verified: instances.length - failed.length, failed,
    pool, counts: typeCounts(rows), androiddaily_shares: targetShares(), steps: rows.length, seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(infoPath, JSON.stringify(info, null, 2) + '\n');
  return { path, built: true, info };
}
