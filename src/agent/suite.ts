/**
 * Running many tasks on several devices: one worker per device pulls from a shared queue,
 * so a device runs one task at a time and devices never share a task.
 */
import type { Device, ObserveOptions } from '../core/device.js';
import { errorMessage } from '../core/errors.js';
import type { Outcome, TaskRef, Trajectory } from '../core/trajectory.js';
import type { Store } from '../store/index.js';
import type { Policy } from './policy.js';
import { runTask, type RunResult } from './runner.js';

export interface SuiteTask {
  ref: TaskRef;
  /** Put the device into the task's initial state. */
  prepare(device: Device): Promise<void>;
  /** Reply given to the agent's info questions (auto-reply); absent -> needs_reply. */
  reply?: string;
  /** Programmatic verdict after the run (sandbox verifiers). */
  verify?(device: Device, result: RunResult): Promise<Outcome>;
}

export interface SuiteRun {
  task: SuiteTask;
  device: string;
  result: RunResult;
  outcome?: Outcome;
  /** True when the task's prepare() threw (the device never started the task). */
  prepareFailed?: boolean;
}

export interface SuiteOptions {
  tasks: SuiteTask[];
  devices: Device[];
  policy: Policy;
  store?: Store;
  maxSteps?: number;
  /** How the runner observes (e.g. JPEG screenshots); default: the runner's. */
  observe?: ObserveOptions;
  signal?: AbortSignal;
  meta?: Record<string, unknown>;
  onStart?: (task: SuiteTask, device: string) => void;
  onDone?: (run: SuiteRun) => void;
  /** Answers info questions; default: the task's own reply (auto), else stop with needs_reply. */
  onInfo?: (question: string, task: SuiteTask) => Promise<string | undefined>;
  /** Called when a run stops; e.g. to save device state for a later --continue. */
  onStopped?: (task: SuiteTask, device: Device, result: RunResult) => Promise<void>;
  /** Continue a stored needs_reply trajectory (runOne only; see runTask's resume). */
  resume?: { trajectory: Trajectory; reply: string };
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteRun[]> {
  const queue = opts.tasks.map((task, i) => ({ task, i }));
  const out: SuiteRun[] = new Array(opts.tasks.length);
  const worker = async (device: Device) => {
    const id = (await device.info()).id;
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (opts.signal?.aborted) break;
      const { task, i } = next;
      opts.onStart?.(task, id);
      out[i] = await runOne(task, device, id, opts);
      opts.onDone?.(out[i]);
    }
  };
  await Promise.all(opts.devices.map(worker));
  return out.filter(Boolean);
}

export async function runOne(task: SuiteTask, device: Device, id: string, opts: SuiteOptions): Promise<SuiteRun> {
  try {
    await task.prepare(device);
  } catch (e) {
    return { task, device: id, prepareFailed: true, result: { stopReason: 'error', error: `preparing the device failed: ${errorMessage(e)}`, errorCode: 'device_error', steps: [] } };
  }
  const result = await runTask({
    device,
    policy: opts.policy,
    task: task.ref,
    store: opts.store,
    maxSteps: opts.maxSteps,
    observe: opts.observe,
    signal: opts.signal,
    meta: opts.meta,
    resume: opts.resume,
    onInfo: opts.onInfo ? (q) => opts.onInfo!(q, task) : async () => task.reply,
  });
  await opts.onStopped?.(task, device, result);
  let outcome: Outcome | undefined;
  // A needs_reply stop is a paused session, not an end state: it is verified when continued.
  if (task.verify && result.stopReason !== 'needs_reply') {
    try {
      outcome = await task.verify(device, result);
    } catch (e) {
      outcome = { verdict: 'failure', confidence: 1, source: 'verifier', reason: `verifier error: ${errorMessage(e)}` };
    }
    if (opts.store && result.trajectoryId) opts.store.setOutcome(result.trajectoryId, outcome);
  }
  return { task, device: id, result, outcome };
}

/** Success rate and counts per key (scenario, type...). */
export function summarize(runs: SuiteRun[], key: (r: SuiteRun) => string): Record<string, { n: number; success: number; rate: number }> {
  const out: Record<string, { n: number; success: number; rate: number }> = {};
  for (const r of runs) {
    const k = key(r);
    const row = (out[k] ??= { n: 0, success: 0, rate: 0 });
    row.n++;
    if (r.outcome?.verdict === 'success') row.success++;
    row.rate = row.success / row.n;
  }
  return out;
}
