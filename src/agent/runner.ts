/**
 * The runner loop: observe -> decide -> act, one step at a time, each step persisted before
 * the next begins, so a crash leaves the trajectory intact up to the last step.
 */
import type { Device, Observation, ObserveOptions } from '../core/device.js';
import { errorMessage, isStepwiseError, StepwiseError } from '../core/errors.js';
import type { ObservationRef, Step, StopReason, TaskRef, Trajectory } from '../core/trajectory.js';
import type { Store } from '../store/index.js';
import type { Decision, Policy } from './policy.js';

export interface RunOptions {
  device: Device;
  policy: Policy;
  task: TaskRef;
  store?: Store;
  maxSteps?: number;
  /** Limit for one policy decision (model call), ms. */
  stepTimeoutMs?: number;
  /** Consecutive unparseable outputs tolerated before stopping with `error`. */
  maxParseFailures?: number;
  signal?: AbortSignal;
  observe?: ObserveOptions;
  meta?: Record<string, unknown>;
  /** Answers an `info` question; undefined means nobody can answer now (stop with needs_reply). */
  onInfo?: (question: string) => Promise<string | undefined>;
  onStep?: (step: Step, observation: Observation) => void;
  /**
   * Continue a trajectory that stopped with needs_reply: its steps become the history, the
   * reply answers its last question, and new steps are appended to it (maxSteps counts new steps).
   */
  resume?: { trajectory: Trajectory; reply: string };
}

export interface RunResult {
  trajectoryId?: string;
  stopReason: StopReason;
  answer?: string;
  /** The pending question when stopReason is needs_reply. */
  question?: string;
  error?: string;
  /** Error code when stopReason is error (device_error, device_gone, timeout...). */
  errorCode?: string;
  steps: Step[];
  lastObservation?: Observation;
}

const DEFAULTS = { maxSteps: 30, stepTimeoutMs: 120_000, maxParseFailures: 3 };

export async function runTask(opts: RunOptions): Promise<RunResult> {
  const { device, policy, task, store } = opts;
  const maxSteps = opts.maxSteps ?? DEFAULTS.maxSteps;
  const steps: Step[] = [...(opts.resume?.trajectory.steps ?? [])];
  const first = steps.length;
  const memory: Record<string, unknown> = {};
  let traj: Trajectory | undefined;
  if (opts.resume) {
    traj = opts.resume.trajectory;
    if (store) store.reopenTrajectory(traj.id);
  } else if (store) {
    traj = store.createTrajectory({ task, device: await device.info(), policy: { name: policy.name, ...policy.describe() }, meta: opts.meta });
  }
  let reply: string | undefined = opts.resume?.reply;
  let parseFailures = 0;
  let last: Observation | undefined;

  const record = (step: Step) => {
    steps.push(step);
    if (store && traj) store.appendStep(traj.id, step);
    if (last) opts.onStep?.(step, last);
  };
  const finish = (stopReason: StopReason, extra: Partial<RunResult> = {}): RunResult => {
    if (store && traj) store.finishTrajectory(traj.id, { stopReason, answer: extra.answer });
    return { trajectoryId: traj?.id, stopReason, steps, lastObservation: last, ...extra };
  };

  for (let index = first; index < first + maxSteps; index++) {
    if (opts.signal?.aborted) return finish('cancelled');
    const startedAt = Date.now();
    try {
      last = await device.observe({ ...opts.observe, signal: opts.signal });
    } catch (e) {
      return finish(opts.signal?.aborted ? 'cancelled' : 'error', { error: `observing the device failed: ${errorMessage(e)}`, errorCode: isStepwiseError(e) ? e.code : 'device_error' });
    }
    const observation = refFor(last, store);
    let decision: Decision;
    try {
      decision = await withTimeout(
        policy.decide({ task, stepIndex: index, observation: last, history: steps, reply, memory, signal: opts.signal }),
        opts.stepTimeoutMs ?? DEFAULTS.stepTimeoutMs,
        opts.signal,
      );
    } catch (e) {
      const cancelled = opts.signal?.aborted;
      record({ index, observation, startedAt, durationMs: Date.now() - startedAt, result: failure(e) });
      return finish(cancelled ? 'cancelled' : 'error', { error: errorMessage(e) });
    }
    reply = undefined;
    const step: Step = { index, observation, startedAt, model: modelOutput(decision) };
    if (decision.meta) step.meta = decision.meta;
    const action = decision.action;
    if (!action) {
      parseFailures++;
      record({ ...step, durationMs: Date.now() - startedAt, result: { ok: false, errorCode: 'parse_error', error: decision.parseError ?? 'no action' } });
      if (parseFailures >= (opts.maxParseFailures ?? DEFAULTS.maxParseFailures)) {
        return finish('error', { error: `the policy produced ${parseFailures} unparseable outputs in a row: ${decision.parseError ?? ''}` });
      }
      continue;
    }
    parseFailures = 0;
    step.action = action;
    if (action.type === 'complete' || action.type === 'abort') {
      record({ ...step, durationMs: Date.now() - startedAt, result: { ok: true } });
      return action.type === 'complete' ? finish('completed', { answer: action.answer }) : finish('aborted', { answer: action.reason });
    }
    if (action.type === 'info') {
      record({ ...step, durationMs: Date.now() - startedAt, result: { ok: true } });
      reply = opts.onInfo ? await opts.onInfo(action.question) : undefined;
      if (reply === undefined) return finish('needs_reply', { question: action.question });
      continue;
    }
    try {
      const r = await device.act(action, { signal: opts.signal });
      const result = r.ok ? { ok: true, details: r.details } : { ok: false, error: r.error?.message, errorCode: r.error?.code, details: r.details };
      record({ ...step, durationMs: Date.now() - startedAt, result });
    } catch (e) {
      record({ ...step, durationMs: Date.now() - startedAt, result: failure(e) });
      if (isStepwiseError(e) && e.code === 'device_gone') return finish('error', { error: errorMessage(e), errorCode: 'device_gone' });
      if (opts.signal?.aborted) return finish('cancelled');
    }
  }
  return finish('max_steps');
}

function refFor(obs: Observation, store?: Store): ObservationRef {
  if (store) return store.putObservation(obs);
  return { frameId: obs.frame.id, format: obs.image.format, width: obs.frame.width, height: obs.frame.height, app: obs.app, at: obs.at };
}

function modelOutput(d: Decision): Step['model'] {
  const m: NonNullable<Step['model']> = { raw: d.raw ?? (d.action ? JSON.stringify(d.action) : '') };
  if (d.thought) m.thought = d.thought;
  if (d.summary) m.summary = d.summary;
  if (d.action) m.action = d.action;
  if (d.parseError) m.parseError = d.parseError;
  if (d.extras && Object.keys(d.extras).length) m.extras = d.extras;
  if (d.tokens) m.tokens = d.tokens;
  if (d.latencyMs !== undefined) m.latencyMs = d.latencyMs;
  if (d.costUsd !== undefined) m.costUsd = d.costUsd;
  return m;
}

function failure(e: unknown): Step['result'] {
  return { ok: false, error: errorMessage(e), errorCode: isStepwiseError(e) ? e.code : 'error' };
}

async function withTimeout<T>(p: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepwiseError('timeout', `the policy did not answer within ${ms} ms`, 'raise --step-timeout or check the model endpoint')), ms);
    onAbort = () => reject(new StepwiseError('cancelled', 'the run was cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([p, guard]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
