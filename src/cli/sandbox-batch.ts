/**
 * What `stepwise run` and `stepwise demo` share: build the task list (sampled sandbox templates
 * or a JSONL task file), open the devices, run the tasks through the device pool with a policy,
 * store trajectories with verifier outcomes, and print a summary. `--continue` resumes one
 * trajectory that stopped with needs_reply.
 */
import { existsSync, statSync } from 'node:fs';
import { StepwiseError } from '../core/errors.js';
import type { Device } from '../core/device.js';
import type { Trajectory } from '../core/trajectory.js';
import { DemoPolicy } from '../agent/demo-policy.js';
import { openAIPolicyFromFlags } from '../agent/openai/index.js';
import type { ModelFlags } from '../config/resolve.js';
import type { Policy } from '../agent/policy.js';
import { runPool, type PoolRun } from '../agent/pool.js';
import { ReplayPolicy, TaskReplayPolicy } from '../agent/replay-policy.js';
import { runTask } from '../agent/runner.js';
import { instanceFromRef, runSummary, sandboxTask, solutionFor } from '../agent/sandbox-suite.js';
import { runOne, summarize, type SuiteTask } from '../agent/suite.js';
import { isSandboxTask, readTaskFile, type TaskFileError } from '../agent/task-file.js';
import { openDevices, parseDeviceSpec } from '../devices/registry.js';
import { SandboxDevice } from '../devices/sandbox/index.js';
import { APPS } from '../sandbox/apps/index.js';
import { sampleInstances, selectTemplates } from '../sandbox/tasks/instance.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import { openStore, resolveStoreDir, type Store } from '../store/index.js';
import { checkInfoMode, infoHandler, type InfoMode } from './info-modes.js';
import { progressBar } from './progress.js';

export interface BatchOptions {
  device: string;
  devices: number;
  policy: string;
  tasks: string;
  sample: number;
  seed: number;
  noise: number;
  maxSteps: number;
  store?: string;
  progress: boolean;
  /** Print a human summary on stderr. */
  report: boolean;
  /** Flags of the openai policy. */
  model?: ModelFlags;
  /** Replay policy: the trajectory to replay (default: the newest one of the same task id). */
  replay?: string;
  /** INFO handling (default auto). */
  onInfo?: string;
  /** Fixed reply for --on-info auto, and the reply for --continue. */
  reply?: string;
  /** Continue this needs_reply trajectory. */
  continueId?: string;
  /** Extra labels on every trajectory of the run (e.g. the evolve round). */
  meta?: Record<string, unknown>;
}

/** Annotation kind holding the sandbox phone state at a needs_reply stop, for --continue. */
export const SANDBOX_STATE = 'sandbox_state';

function makePolicy(name: string, o: BatchOptions, store: Store): Policy {
  if (name === 'demo') return new DemoPolicy({ noise: o.noise, seed: o.seed, solutionFor });
  if (name === 'openai') return openAIPolicyFromFlags(o.model ?? {});
  if (name === 'replay') return o.replay ? new ReplayPolicy(store.getTrajectory(o.replay)) : new TaskReplayPolicy(store);
  throw new StepwiseError('config_error', `unknown policy "${name}"`, 'use --policy demo, openai or replay');
}

function checkNumber(name: string, v: number, min: number, max: number): void {
  if (!Number.isFinite(v) || v < min || v > max) throw new StepwiseError('config_error', `--${name} ${v} is out of range`, `use a number from ${min} to ${max}`);
}

/** "sandbox" with --devices K means sandbox*K; anything else goes to the device registry as is. */
function deviceSpec(spec: string, k: number, tasks: number): string {
  const m = /^\s*sandbox(?:\*(\d+))?\s*$/.exec(spec);
  if (!m) return spec;
  checkNumber('devices', k, 1, 16);
  return `sandbox*${Math.max(1, Math.min(m[1] ? Number(m[1]) : k, tasks))}`;
}

function isTaskFile(spec: string): boolean {
  return /\.jsonl?$/i.test(spec) || (existsSync(spec) && statSync(spec).isFile());
}

interface TaskList {
  tasks: SuiteTask[];
  skipped: TaskFileError[];
}

function buildTasks(o: BatchOptions): TaskList {
  if (isTaskFile(o.tasks)) {
    const { tasks, errors } = readTaskFile(o.tasks);
    for (const e of errors) process.stderr.write(`${o.tasks}:${e.line}: skipped: ${e.message}\n`);
    if (!tasks.length) throw new StepwiseError('invalid_input', `task file ${o.tasks} has no usable task lines (${errors.length} bad)`, 'one JSON object per line: {"instruction": "..."} or {"template": "<id>", "seed": N}');
    return { tasks, skipped: errors };
  }
  checkNumber('sample', o.sample, 1, 100_000);
  return { tasks: sampleInstances(selectTemplates(TEMPLATES, o.tasks), o.sample, o.seed, APPS).map(sandboxTask), skipped: [] };
}

function checkDevicesFit(spec: string, tasks: SuiteTask[]): void {
  const nonSandbox = spec.split(',').map((s) => s.trim()).filter(Boolean).some((s) => parseDeviceSpec(s).backend !== 'sandbox');
  const bad = tasks.find(isSandboxTask);
  if (nonSandbox && bad) {
    throw new StepwiseError('config_error', `task ${bad.ref.id} is a sandbox task, but --device ${spec} includes non-sandbox devices`, 'run sandbox template tasks with --device sandbox*K; use free-text {"instruction": ...} lines for adb/browser devices');
  }
}

/** Keeps the sandbox phone state of a needs_reply stop, so --continue can restore it in another process. */
function saveStateForContinue(store: Store) {
  return async (_task: SuiteTask, device: Device, result: { stopReason: string; trajectoryId?: string }) => {
    if (result.stopReason !== 'needs_reply' || !result.trajectoryId || !(device instanceof SandboxDevice)) return;
    store.addAnnotation({ trajectoryId: result.trajectoryId, kind: SANDBOX_STATE, value: await device.state(), author: 'stepwise run' });
  };
}

export async function runSandboxBatch(o: BatchOptions) {
  checkNumber('noise', o.noise, 0, 1);
  checkNumber('max-steps', o.maxSteps, 1, 500);
  const mode = checkInfoMode(o.onInfo ?? 'auto');
  const storeDir = resolveStoreDir(o.store);
  const store = openStore(storeDir);
  try {
    if (o.continueId) return await continueRun(o, store, storeDir, mode);
    const { tasks, skipped } = buildTasks(o);
    const spec = deviceSpec(o.device, o.devices, tasks.length);
    checkDevicesFit(spec, tasks);
    const policy = makePolicy(o.policy, o, store);
    const onInfo = infoHandler(mode, o.reply);
    const opened = await openDevices(spec);
    const bar = progressBar(tasks.length, `running ${tasks.length} tasks on ${opened.devices.length} device(s)`, o.progress);
    const runId = `run-${Date.now().toString(36)}`;
    let runs: PoolRun[] = [];
    try {
      runs = await runPool({
        tasks,
        devices: opened.devices,
        policy,
        store,
        maxSteps: o.maxSteps,
        meta: { ...o.meta, run: runId, noise: o.noise, seed: o.seed },
        onInfo,
        onStopped: saveStateForContinue(store),
        onDeviceFailed: (d, err) => process.stderr.write(`device ${d} failed and leaves the pool: ${err}\n`),
        onDone: (r) => bar.tick(`${r.task.ref.id ?? ''} ${r.outcome ? (r.outcome.verdict === 'success' ? 'ok' : 'fail') : r.result.stopReason}`),
      });
    } finally {
      bar.stop();
      await opened.close();
    }
    const summary = {
      ...withQuestions(runSummary(runs), runs),
      by_scenario: summarize(runs, (r) => String(r.task.ref.meta?.scenario)),
      store: storeDir,
      run: runId,
      ...(skipped.length ? { skipped_lines: skipped } : {}),
    };
    if (o.report) printReport(summary.by_scenario, summary.success_rate, runs.length, storeDir);
    return summary;
  } finally {
    store.close();
  }
}

/** Adds the pending question (needs_reply) and retry facts to each summary row. */
function withQuestions(s: ReturnType<typeof runSummary>, runs: PoolRun[]) {
  return {
    ...s,
    runs: s.runs.map((row, i) => {
      const r = runs[i];
      return {
        ...row,
        ...(r.result.question !== undefined ? { question: r.result.question } : {}),
        ...(r.attempts > 1 ? { attempts: r.attempts, failed_on: r.failedOn } : {}),
        device: r.device,
      };
    }),
  };
}

/** `--continue <id> --reply TEXT`: the same task, the same trajectory, picking up after the question. */
async function continueRun(o: BatchOptions, store: Store, storeDir: string, mode: InfoMode) {
  if (o.reply === undefined) throw new StepwiseError('invalid_input', '--continue needs --reply TEXT (the answer to the pending question)', 'e.g. stepwise run --continue <id> --reply "the blue one"');
  const traj = store.getTrajectory(o.continueId!);
  if (traj.status !== 'finished' || traj.stopReason !== 'needs_reply') {
    throw new StepwiseError('invalid_input', `trajectory ${traj.id} stopped with ${traj.stopReason ?? traj.status}, not needs_reply`, 'only a run that stopped with needs_reply can be continued');
  }
  const task = continueTask(store, traj);
  const policy = makePolicy(o.policy, o, store);
  const spec = deviceSpec(o.device, 1, 1);
  checkDevicesFit(spec, [task]);
  const opened = await openDevices(spec);
  try {
    const device = opened.devices[0];
    const run = await runOne(task, device, (await device.info()).id, {
      tasks: [task], devices: [device], policy, store, maxSteps: o.maxSteps,
      onInfo: infoHandler(mode, undefined),
      onStopped: saveStateForContinue(store),
      resume: { trajectory: traj, reply: o.reply },
    });
    const pool: PoolRun = { ...run, attempts: 1 };
    return { ...withQuestions(runSummary([pool]), [pool]), store: storeDir, continued: traj.id };
  } finally {
    await opened.close();
  }
}

/** The suite task of a stored trajectory; a sandbox task restarts from the phone state saved at the question. */
function continueTask(store: Store, traj: Trajectory): SuiteTask {
  if (typeof traj.task.meta?.template !== 'string') return { ref: traj.task, prepare: async () => {} };
  const task = sandboxTask(instanceFromRef(traj.task));
  task.ref = traj.task;
  const saved = store.getAnnotations(traj.id).filter((a) => a.kind === SANDBOX_STATE).at(-1);
  if (!saved) throw new StepwiseError('not_found', `trajectory ${traj.id} has no saved sandbox state to continue from`, 'it was stopped by a run that did not save the phone state; start the task again');
  task.prepare = async (device) => {
    if (!(device instanceof SandboxDevice)) throw new StepwiseError('unsupported_action', 'sandbox tasks need a sandbox device', 'run them with --device sandbox');
    await device.reset(saved.value);
  };
  return task;
}

function printReport(by: Record<string, { n: number; success: number; rate: number }>, rate: number, n: number, storeDir: string): void {
  const w = process.stderr;
  w.write('\nsuccess by scenario\n');
  for (const [k, v] of Object.entries(by).sort()) {
    const bar = '#'.repeat(Math.round(v.rate * 20)).padEnd(20, '.');
    w.write(`  ${k.padEnd(16)} ${bar} ${(100 * v.rate).toFixed(0).padStart(3)}%  (${v.success}/${v.n})\n`);
  }
  w.write(`  ${'all'.padEnd(16)} ${'#'.repeat(Math.round(rate * 20)).padEnd(20, '.')} ${(100 * rate).toFixed(0).padStart(3)}%  (${n} tasks)\n`);
  w.write(`\ntrajectories stored in ${storeDir} (see: stepwise traj list --store ${storeDir})\n`);
}
