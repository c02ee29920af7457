/** What the viewer and the live view get from the API, assembled from the Store API. */
import { StepwiseError } from '../core/errors.js';
import type { Outcome, Step, Trajectory } from '../core/trajectory.js';
import type { Annotation, Store } from '../store/index.js';
import type { TrajectoryCsrs } from './csrs-data.js';

export interface TrajectoryView {
  trajectory: Trajectory;
  outcomes: Outcome[];
  annotations: Annotation[];
  csrs?: TrajectoryCsrs;
}

export function trajectoryView(store: Store, id: string, csrs?: TrajectoryCsrs): TrajectoryView {
  if (!store.hasTrajectory(id)) throw new StepwiseError('not_found', `no trajectory ${JSON.stringify(id)}`, 'pick one from the browser (/api/trajectories)');
  return { trajectory: store.getTrajectory(id), outcomes: store.getOutcomes(id), annotations: store.getAnnotations(id), ...(csrs ? { csrs } : {}) };
}

export interface LiveRun {
  id: string;
  instruction: string;
  taskId?: string;
  device?: string;
  status: Trajectory['status'];
  stopReason?: string;
  startedAt: number;
  endedAt?: number;
  steps: number;
  last?: Pick<Step, 'index' | 'observation' | 'action' | 'durationMs'> & { thought?: string };
  outcome?: Outcome;
}

/** Running trajectories plus those that ended in the last `recentMs` (so a run's end shows). */
export function liveRuns(store: Store, recentMs = 120_000, now = Date.now()): LiveRun[] {
  const running = store.listTrajectories({ status: 'running' });
  const recent = store.listTrajectories({ since: now - 6 * 3600_000, limit: 200 }).filter((s) => s.status !== 'running' && (s.endedAt ?? 0) >= now - recentMs);
  return [...running, ...recent].map((s) => {
    const t = store.getTrajectory(s.id);
    const last = t.steps.at(-1);
    return {
      id: t.id, instruction: t.task.instruction, taskId: t.task.id, device: t.device?.id, status: t.status, stopReason: t.stopReason,
      startedAt: t.startedAt, endedAt: t.endedAt, steps: t.steps.length, outcome: t.outcome,
      last: last && { index: last.index, observation: last.observation, action: last.action ?? last.model?.action, durationMs: last.durationMs, thought: last.model?.thought },
    };
  });
}
