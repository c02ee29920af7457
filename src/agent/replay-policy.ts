/**
 * The replay policy re-executes a stored trajectory's actions in order: regression runs (does
 * the same action sequence still reach the same verdict?) and static evaluation of recorded
 * runs. Steps that carried no action (unparseable outputs, policy errors) are skipped, since
 * they never touched the device.
 */
import type { Action } from '../core/actions.js';
import { StepwiseError } from '../core/errors.js';
import type { TaskRef, Trajectory } from '../core/trajectory.js';
import type { Store } from '../store/index.js';
import type { Decision, Policy, PolicyContext } from './policy.js';

export class ReplayPolicy implements Policy {
  readonly name = 'replay';
  private readonly actions: Action[];

  constructor(private readonly source: Trajectory) {
    this.actions = source.steps.flatMap((s) => (s.action ? [s.action] : []));
    if (!this.actions.length) {
      throw new StepwiseError('invalid_input', `trajectory ${source.id} has no recorded actions to replay`, 'pick a trajectory with steps (stepwise traj list)');
    }
  }

  describe(): Record<string, unknown> {
    return { replayOf: this.source.id, actions: this.actions.length };
  }

  async decide(ctx: PolicyContext): Promise<Decision> {
    // Position from the history, not from memory, so a continued (resumed) session picks up where it was.
    const i = ctx.history.filter((s) => s.action).length;
    const recorded = this.actions[i];
    if (!recorded) {
      // The recording ended without complete/abort (max_steps, needs_reply...): stop the same way a stuck agent would.
      return { action: { type: 'abort', reason: `replay of ${this.source.id} ran out of recorded actions` }, meta: { replayIndex: i } };
    }
    // Coordinates were computed on the recorded frame; the replayed screen is a new frame of the same state.
    const action = 'frameId' in recorded && recorded.frameId ? ({ ...recorded, frameId: ctx.observation.frame.id } as Action) : recorded;
    return { action, raw: JSON.stringify(recorded), meta: { replayIndex: i } };
  }
}

/**
 * The trajectory to replay for a task: an explicit id, or else the newest finished
 * trajectory of the same task id in the store (excluding replays, so regression runs do not
 * replay themselves).
 */
export function replaySource(store: Store, opts: { trajectoryId?: string; task?: TaskRef }): Trajectory {
  if (opts.trajectoryId) return store.getTrajectory(opts.trajectoryId);
  const taskId = opts.task?.id;
  if (!taskId) throw new StepwiseError('invalid_input', 'replay needs a trajectory id or a task with an id', 'pass --replay <trajectory-id>, or give tasks ids');
  for (const s of store.iterate({ task: taskId, status: 'finished' })) {
    const t = store.getTrajectory(s.id);
    if (t.policy?.name !== 'replay' && t.steps.some((x) => x.action)) return t;
  }
  throw new StepwiseError('not_found', `no recorded trajectory of task ${taskId} to replay`, 'run the task once with another policy into the same --store first');
}

/** A policy that picks the trajectory per task (replay by task id across a whole suite). */
export class TaskReplayPolicy implements Policy {
  readonly name = 'replay';
  private readonly cache = new Map<string, ReplayPolicy>();
  constructor(private readonly store: Store) {}
  describe(): Record<string, unknown> {
    return { replayBy: 'task' };
  }
  async decide(ctx: PolicyContext): Promise<Decision> {
    const key = ctx.task.id ?? ctx.task.instruction;
    let p = this.cache.get(key);
    if (!p) {
      p = new ReplayPolicy(replaySource(this.store, { task: ctx.task }));
      this.cache.set(key, p);
    }
    const d = await p.decide(ctx);
    return { ...d, meta: { ...d.meta, replayOf: p.describe().replayOf } };
  }
}
