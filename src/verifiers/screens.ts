/**
 * Verifiers over recorded UI trees, for devices whose app state stepwise cannot read (real
 * phones, web pages): the verifier sees the last recorded screen of a trajectory. Its critic
 * cases are stored trajectories of the same task with a recorded outcome (human review, a
 * trusted verifier or judge), labelled by that outcome.
 */
import { StepwiseError } from '../core/errors.js';
import type { Trajectory } from '../core/trajectory.js';
import type { UiTree } from '../core/uitree.js';

export interface ScreenTask {
  instruction: string;
  params?: Record<string, unknown>;
  stopReason?: string;
}

export interface ScreenCase {
  trajectoryId: string;
  final: UiTree;
  answer?: string;
  task: ScreenTask;
  expected: boolean;
  expectedReason: string;
}

/** What a screen verifier is matched on: a sandbox template id, or the exact instruction. */
export interface TaskMatch {
  template?: string;
  instruction?: string;
}

export function matchesTask(t: Trajectory, m: TaskMatch): boolean {
  if (m.template !== undefined) return t.task.meta?.template === m.template;
  return m.instruction !== undefined && t.task.instruction.trim() === m.instruction.trim();
}

/** The last UI tree recorded in a trajectory, or undefined. */
export function finalTree(t: Trajectory, loadBlob: (sha: string) => Buffer): UiTree | undefined {
  for (let i = t.steps.length - 1; i >= 0; i--) {
    const sha = t.steps[i].observation?.uiTree;
    if (!sha) continue;
    try {
      return JSON.parse(loadBlob(sha).toString('utf8')) as UiTree;
    } catch (e) {
      throw new StepwiseError('store_error', `trajectory ${t.id} step ${i}: UI tree blob ${sha.slice(0, 12)} is not readable JSON: ${(e as Error).message}`, 'run `stepwise traj check` on the store');
    }
  }
  return undefined;
}

export function screenTask(t: Trajectory): ScreenTask {
  return { instruction: t.task.instruction, ...(t.task.params && { params: t.task.params }), ...(t.stopReason && { stopReason: t.stopReason }) };
}

/** The store surface this needs (a Store satisfies it). */
export interface TrajectorySource {
  listTrajectories(f: { limit?: number }): { id: string }[];
  getTrajectory(id: string): Trajectory;
  getOutcomes(id: string): { verdict: 'success' | 'failure'; confidence: number; source: string; reason?: string }[];
  getBlob(sha: string): Buffer;
}

/**
 * Labelled screen cases: finished trajectories of the task whose latest outcome is at least
 * `minConfidence` sure (default 0.9) and that recorded a UI tree.
 */
export function screenCasesFromStore(store: TrajectorySource, m: TaskMatch, o: { limit?: number; minConfidence?: number } = {}): ScreenCase[] {
  if (m.template === undefined && (m.instruction === undefined || m.instruction.trim() === '')) {
    throw new StepwiseError('invalid_input', 'no task to match trajectories on', 'give a template id or the exact task instruction');
  }
  const out: ScreenCase[] = [];
  for (const s of store.listTrajectories({ limit: o.limit ?? 10_000 })) {
    const t = store.getTrajectory(s.id);
    if (t.status !== 'finished' || !matchesTask(t, m)) continue;
    const outcome = store.getOutcomes(t.id).at(-1);
    if (!outcome || outcome.confidence < (o.minConfidence ?? 0.9)) continue;
    const final = finalTree(t, (sha) => store.getBlob(sha));
    if (!final) continue;
    out.push({
      trajectoryId: t.id, final, ...(t.answer !== undefined && { answer: t.answer }), task: screenTask(t),
      expected: outcome.verdict === 'success', expectedReason: `${outcome.source} says ${outcome.verdict}${outcome.reason ? `: ${outcome.reason}` : ''}`,
    });
  }
  return out;
}

/** A compact view of a screen for the designer prompt: one line per node that carries meaning. */
export function screenSketch(tree: UiTree, maxNodes = 60): string {
  const lines: string[] = [];
  for (const n of tree) {
    if (!n.text && !n.desc && !n.resourceId && !n.checkable) continue;
    const flags = [n.clickable && 'clickable', n.checkable && `checked=${n.checked}`, n.selected && 'selected', n.focused && 'focused'].filter(Boolean).join(' ');
    lines.push(`${n.index} ${n.class.slice(n.class.lastIndexOf('.') + 1)}${n.resourceId ? ` id=${n.resourceId}` : ''}${n.text ? ` text=${JSON.stringify(n.text.slice(0, 60))}` : ''}${n.desc ? ` desc=${JSON.stringify(n.desc.slice(0, 60))}` : ''}${flags ? ` ${flags}` : ''}`);
    if (lines.length >= maxNodes) { lines.push(`... ${tree.length} nodes in all`); break; }
  }
  return lines.join('\n');
}
