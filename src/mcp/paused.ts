/**
 * execute_task runs that stopped on a question (needs_reply), kept in memory with their
 * policy, its memory and the steps so far, so `execute_task(session_id, reply)` continues the
 * same trajectory where it stopped.
 * A paused run keeps its device lease until it is continued or expires.
 */
import type { Policy } from '../agent/policy.js';
import type { Step, TaskRef, Trajectory } from '../core/trajectory.js';
import type { Store } from '../store/index.js';
import { StepwiseError } from '../core/errors.js';

export interface PausedTask {
  id: string;
  /** The lease owner (the MCP session that started the run). */
  owner: string;
  deviceId: string;
  task: TaskRef;
  policy: Policy;
  memory: Record<string, unknown>;
  history: Step[];
  question: string;
  /** The stored trajectory the run appends to (absent without a store). */
  trajectoryId?: string;
  startedAt: number;
  /** Epoch ms after which the run is dropped and its device released. */
  expires: number;
  instanceId?: string;
}

export class PausedTasks {
  private readonly byId = new Map<string, PausedTask>();
  constructor(private readonly ttlMs: number, private readonly onExpire: (p: PausedTask) => void) {}

  get ttl(): number { return this.ttlMs; }

  put(p: Omit<PausedTask, 'expires'>): PausedTask {
    this.sweep();
    const rec = { ...p, expires: Date.now() + this.ttlMs };
    this.byId.set(p.id, rec);
    return rec;
  }

  /** Removes and returns a paused run; a typed error says what to do when there is none. */
  take(id: string): PausedTask {
    this.sweep();
    const p = this.byId.get(id);
    if (!p) {
      throw new StepwiseError('not_found', `no paused task with session_id "${id}"`, 'session_id comes from an execute_task result with stop_reason needs_reply; paused tasks expire after ' + Math.round(this.ttlMs / 60000) + ' min; start the task again');
    }
    this.byId.delete(id);
    return p;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, p] of this.byId) if (p.expires < now) { this.byId.delete(id); this.onExpire(p); }
  }
}

/** The policy with one memory object that outlives a single run (kept across a pause). */
export function withMemory(inner: Policy, memory: Record<string, unknown>): Policy {
  return {
    name: inner.name,
    describe: () => inner.describe(),
    decide: (ctx) => inner.decide({ ...ctx, memory }),
  };
}

/**
 * The trajectory a continuation appends to: the stored one (the runner reopens it), or without
 * a store the in-memory steps under a placeholder (nothing is persisted then).
 */
export function pausedTrajectory(p: PausedTask, store: Store | undefined): Trajectory {
  if (store && p.trajectoryId) return store.getTrajectory(p.trajectoryId);
  return { id: '', task: p.task, status: 'finished', stopReason: 'needs_reply', startedAt: p.startedAt, steps: p.history };
}
