/**
 * End-to-end evaluation: a task suite run k times per task through the agent runtime's device
 * pool (runPool), verdicts from the sandbox verifiers or, for tasks without one (real devices,
 * free-text task files), from the CSRS calibration chain; then success rate, pass@k and
 * AndroidDaily's breakdowns (scenario, type, complexity, ambiguity), steps, latency, tokens.
 */
import sharp from 'sharp';
import type { Policy } from '../agent/policy.js';
import { runPool, type PoolRun } from '../agent/pool.js';
import { sandboxTask } from '../agent/sandbox-suite.js';
import type { SuiteTask } from '../agent/suite.js';
import { readTaskFile } from '../agent/task-file.js';
import type { Device } from '../core/device.js';
import { errorMessage, StepwiseError } from '../core/errors.js';
import type { Outcome } from '../core/trajectory.js';
import { calibrate, type ChainOptions } from '../csrs/calibrate/chain.js';
import { APPS } from '../sandbox/apps/index.js';
import { sampleInstances, selectTemplates } from '../sandbox/tasks/instance.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import type { Store } from '../store/index.js';
import { E2E_REFERENCE } from './reference.js';
import { REPORT_SCHEMA, type Attempt, type Bucket, type E2eReport, type E2eTaskResult } from './report-types.js';
import { stamp } from './static-eval.js';

export const BREAKDOWNS = ['scenario', 'type', 'complexity', 'ambiguity'] as const;
type Breakdown = (typeof BREAKDOWNS)[number];

export interface SuiteSpec {
  /** "sandbox" or a JSONL task file. */
  suite: string;
  /** Sandbox template filter (default all). */
  templates?: string;
  sample: number;
  seed: number;
}

/** The tasks of a suite; a task file's bad lines are errors (a benchmark must not shrink silently). */
export function suiteTasks(spec: SuiteSpec): SuiteTask[] {
  if (spec.suite === 'sandbox') {
    if (!Number.isInteger(spec.sample) || spec.sample < 1) throw new StepwiseError('config_error', `--sample ${spec.sample} is not a positive integer`, 'e.g. --sample 20');
    return sampleInstances(selectTemplates(TEMPLATES, spec.templates ?? 'all'), spec.sample, spec.seed, APPS).map(sandboxTask);
  }
  const { tasks, errors } = readTaskFile(spec.suite);
  if (errors.length) {
    throw new StepwiseError('invalid_input', `${spec.suite} has ${errors.length} bad line(s): ${errors.slice(0, 3).map((e) => `line ${e.line}: ${e.message}`).join('; ')}`, 'fix them; each line is {"instruction": ..., "meta": {"scenario": ...}} or {"template": ..., "seed": N}');
  }
  if (!tasks.length) throw new StepwiseError('invalid_input', `${spec.suite} has no tasks`, 'one JSON task per line');
  return tasks;
}

/** Attempt `a` of a task: a copy with its own id, so seeded policies draw fresh noise per attempt. */
function attemptOf(task: SuiteTask, a: number): SuiteTask {
  if (a === 0) return task;
  const id = `${task.ref.id ?? task.ref.instruction}~${a + 1}`;
  return { ...task, ref: { ...task.ref, id, meta: { ...task.ref.meta, attempt: a + 1 } } };
}

export interface E2eOptions {
  tasks: SuiteTask[];
  suiteName: string;
  sample: number;
  seed: number;
  k: number;
  policy: Policy;
  devices: Device[];
  store?: Store;
  maxSteps?: number;
  /** Verdicts for tasks without a verifier (default: human, then rules; add a judge in `chain.judge`). */
  chain?: ChainOptions;
  thumbnails?: boolean;
  label?: string;
  signal?: AbortSignal;
  onDone?: (done: number, total: number, label: string) => void;
}

/** The verdict of a run without a task verifier: the CSRS calibration chain over the stored trajectory. */
async function chainVerdict(store: Store | undefined, trajectoryId: string | undefined, chain: ChainOptions): Promise<Outcome | undefined> {
  if (!store || !trajectoryId) return undefined;
  const t = store.getTrajectory(trajectoryId);
  const c = await calibrate(t, store.getOutcomes(trajectoryId), chain, (sha) => store.getBlob(sha));
  if (c.final) store.setOutcome(trajectoryId, { ...c.final, at: c.final.at ?? Date.now() });
  return c.final ?? { verdict: 'failure', confidence: 0, source: 'rule', reason: `no verdict source answered${c.review ? ` (${c.review})` : ''}; review it with stepwise csrs` };
}

async function thumbnailOf(store: Store | undefined, trajectoryId: string | undefined): Promise<string | undefined> {
  if (!store || !trajectoryId) return undefined;
  try {
    const t = store.getTrajectory(trajectoryId);
    const last = [...t.steps].reverse().find((s) => s.observation?.image);
    if (!last) return undefined;
    const jpg = await sharp(store.getBlob(last.observation!.image!)).resize({ width: 90 }).jpeg({ quality: 60 }).toBuffer();
    return `data:image/jpeg;base64,${jpg.toString('base64')}`;
  } catch {
    return undefined; // a thumbnail is decoration; its absence never fails a benchmark
  }
}

async function attemptOfRun(run: PoolRun, outcome: Outcome | undefined, opts: E2eOptions): Promise<Attempt> {
  const steps = run.result.steps;
  const policyMs = steps.reduce((a, s) => a + (s.model?.latencyMs ?? 0), 0);
  const ms = steps.reduce((a, s) => a + (s.durationMs ?? 0), 0);
  const thumb = opts.thumbnails === false ? undefined : await thumbnailOf(opts.store, run.result.trajectoryId);
  return {
    success: outcome?.verdict === 'success',
    steps: steps.length,
    stop_reason: run.result.stopReason,
    ...(run.result.trajectoryId ? { trajectory_id: run.result.trajectoryId } : {}),
    ...(outcome ? { verdict_source: outcome.source } : {}),
    ...(outcome?.reason ? { reason: outcome.reason } : {}),
    ms,
    policy_ms_per_step: steps.length ? policyMs / steps.length : 0,
    tokens: {
      prompt: steps.reduce((a, s) => a + (s.model?.tokens?.prompt ?? 0), 0),
      completion: steps.reduce((a, s) => a + (s.model?.tokens?.completion ?? 0), 0),
    },
    ...(run.result.error ? { error: run.result.error } : {}),
    ...(thumb ? { thumbnail: thumb } : {}),
  };
}

const tag = (task: SuiteTask, k: Breakdown): string => {
  const v = task.ref.meta?.[k];
  return typeof v === 'string' && v ? v : 'unknown';
};

export function bucketize(tasks: E2eTaskResult[], key: (t: E2eTaskResult) => string): Record<string, Bucket> {
  const groups = new Map<string, E2eTaskResult[]>();
  for (const t of tasks) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  const out: Record<string, Bucket> = {};
  for (const [k, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) out[k] = bucket(list);
  return out;
}

function bucket(list: E2eTaskResult[]): Bucket {
  const attempts = list.flatMap((t) => t.attempts);
  return {
    n: list.length,
    rate: attempts.length ? attempts.filter((a) => a.success).length / attempts.length : 0,
    pass_at_k: list.length ? list.filter((t) => t.pass).length / list.length : 0,
  };
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function runE2e(opts: E2eOptions): Promise<E2eReport> {
  if (!Number.isInteger(opts.k) || opts.k < 1 || opts.k > 20) throw new StepwiseError('config_error', `--k ${opts.k} is out of range`, 'use 1 to 20 attempts per task');
  if (!opts.devices.length) throw new StepwiseError('config_error', 'no devices to run on', 'use --device sandbox*2 or an adb serial');
  const started = Date.now();
  const copies = opts.tasks.flatMap((task, i) => Array.from({ length: opts.k }, (_, a) => ({ task: attemptOf(task, a), i })));
  let done = 0;
  const runs = await runPool({
    tasks: copies.map((c) => c.task),
    devices: opts.devices,
    policy: opts.policy,
    store: opts.store,
    maxSteps: opts.maxSteps ?? 40,
    signal: opts.signal,
    meta: { bench: 'e2e', k: opts.k },
    onDone: (r) => opts.onDone?.(++done, copies.length, `${r.task.ref.id ?? ''} ${r.outcome?.verdict ?? r.result.stopReason}`),
  });
  const chain: ChainOptions = opts.chain ?? { chain: ['human', 'rules', 'judge'] };
  const byTask: Attempt[][] = opts.tasks.map(() => []);
  for (const run of runs) {
    const i = copies.findIndex((c) => c.task === run.task);
    let outcome = run.outcome;
    if (!outcome && run.result.stopReason !== 'needs_reply' && !run.task.verify) {
      try { outcome = await chainVerdict(opts.store, run.result.trajectoryId, chain); } catch (e) {
        outcome = { verdict: 'failure', confidence: 0, source: 'rule', reason: `verdict chain failed: ${errorMessage(e)}` };
      }
    }
    byTask[copies[i].i].push(await attemptOfRun(run, outcome, opts));
  }
  const tasks: E2eTaskResult[] = opts.tasks.map((task, i) => ({
    id: task.ref.id ?? `task-${i + 1}`,
    instruction: task.ref.instruction,
    ...(typeof task.ref.meta?.template === 'string' ? { template: task.ref.meta.template } : {}),
    scenario: tag(task, 'scenario'), type: tag(task, 'type'), complexity: tag(task, 'complexity'), ambiguity: tag(task, 'ambiguity'),
    attempts: byTask[i],
    pass: byTask[i].some((a) => a.success),
  }));
  const attempts = tasks.flatMap((t) => t.attempts);
  const all = bucket(tasks);
  const created = new Date(started);
  return {
    schema: REPORT_SCHEMA,
    kind: 'e2e',
    id: `bench-e2e-${stamp(created)}`,
    created_at: created.toISOString(),
    ...(opts.label ? { label: opts.label } : {}),
    policy: { name: opts.policy.name, ...opts.policy.describe() },
    reference: [...E2E_REFERENCE],
    seconds: (Date.now() - started) / 1000,
    tokens: { prompt: attempts.reduce((a, x) => a + x.tokens.prompt, 0), completion: attempts.reduce((a, x) => a + x.tokens.completion, 0) },
    suite: { name: opts.suiteName, tasks: tasks.length, seed: opts.seed, sample: opts.sample, devices: await Promise.all(opts.devices.map(async (d) => (await d.info()).id)) },
    k: opts.k,
    success_rate: all.rate,
    pass_at_k: all.pass_at_k,
    by_scenario: bucketize(tasks, (t) => t.scenario),
    by_type: bucketize(tasks, (t) => t.type),
    by_complexity: bucketize(tasks, (t) => t.complexity),
    by_ambiguity: bucketize(tasks, (t) => t.ambiguity),
    steps: { mean: attempts.length ? attempts.reduce((a, x) => a + x.steps, 0) / attempts.length : 0, median: median(attempts.map((x) => x.steps)), max: Math.max(0, ...attempts.map((x) => x.steps)) },
    latency_ms: {
      per_task_mean: attempts.length ? attempts.reduce((a, x) => a + x.ms, 0) / attempts.length : 0,
      policy_per_step_mean: attempts.length ? attempts.reduce((a, x) => a + x.policy_ms_per_step, 0) / attempts.length : 0,
    },
    tasks,
  };
}
