/**
 * A device pool for task lists: one worker per device pulls from a shared queue while holding
 * the device's lease, so a device runs one task at a time. A device that fails before the task
 * took a step (prepare throws, or the run stops with a device error before any step) is taken
 * out of the pool and the task is retried once on another device.
 */
import type { Device } from '../core/device.js';
import { LeaseManager } from '../devices/leases.js';
import type { RunResult } from './runner.js';
import { runOne, type SuiteOptions, type SuiteRun, type SuiteTask } from './suite.js';

export interface PoolOptions extends SuiteOptions {
  leases?: LeaseManager;
  /** Attempts per task when devices fail (default 2: the first try and one retry). */
  maxAttempts?: number;
  onDeviceFailed?: (device: string, error: string, task: SuiteTask) => void;
}

export interface PoolRun extends SuiteRun {
  attempts: number;
  /** Devices the task failed on before this run. */
  failedOn?: string[];
}

const DEVICE_CODES = new Set(['device_error', 'device_gone']);

/** A failure that says the device is broken, not the agent: no step was taken. */
export function isDeviceFailure(r: RunResult, prepareFailed: boolean): boolean {
  if (prepareFailed) return true;
  return r.stopReason === 'error' && r.steps.length === 0 && DEVICE_CODES.has(r.errorCode ?? '');
}

export async function runPool(opts: PoolOptions): Promise<PoolRun[]> {
  const leases = opts.leases ?? new LeaseManager();
  const maxAttempts = opts.maxAttempts ?? 2;
  const queue = opts.tasks.map((task, i) => ({ task, i, attempts: 0, failedOn: [] as string[] }));
  const out: PoolRun[] = new Array(opts.tasks.length);
  const session = `pool-${process.pid}-${Date.now().toString(36)}`;
  const worker = async (device: Device) => {
    let id: string;
    try {
      id = (await device.info()).id;
    } catch {
      return; // A device that cannot even describe itself takes no tasks.
    }
    const lease = await leases.acquire(id, session, { wait: true, signal: opts.signal });
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (opts.signal?.aborted) { queue.unshift(next); break; }
        next.attempts++;
        opts.onStart?.(next.task, id);
        const run = await runOne(next.task, device, id, opts);
        if (isDeviceFailure(run.result, run.prepareFailed === true)) {
          const error = run.result.error ?? 'device failure';
          opts.onDeviceFailed?.(id, error, next.task);
          next.failedOn.push(id);
          if (next.attempts < maxAttempts) {
            queue.unshift(next); // Another device picks it up; this one leaves the pool.
            return;
          }
          out[next.i] = { ...run, attempts: next.attempts, failedOn: next.failedOn };
          opts.onDone?.(out[next.i]);
          return;
        }
        out[next.i] = { ...run, attempts: next.attempts, ...(next.failedOn.length ? { failedOn: next.failedOn } : {}) };
        opts.onDone?.(out[next.i]);
      }
    } finally {
      lease.release();
    }
  };
  await Promise.all(opts.devices.map((d) => worker(d).catch(() => {})));
  // Tasks left when every device failed (or the run was cancelled) are reported, not dropped.
  for (const left of queue) {
    const cancelled = opts.signal?.aborted === true;
    const error = cancelled ? 'the run was cancelled before this task started' : `no working device left (failed on: ${left.failedOn.join(', ') || 'none'})`;
    out[left.i] = { task: left.task, device: left.failedOn.at(-1) ?? '', result: { stopReason: cancelled ? 'cancelled' : 'error', error, steps: [] }, attempts: left.attempts, failedOn: left.failedOn };
    opts.onDone?.(out[left.i]);
  }
  return out.filter(Boolean);
}
