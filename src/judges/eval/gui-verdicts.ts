/**
 * GUI verdict sets from the trajectory store: finished trajectories whose gold label is a
 * verifier's or a person's outcome. The judge under test sees the trajectory; the gold label
 * is the latest trusted outcome (human over verifier).
 */
import { goldOutcome, type Outcome, type Trajectory, type VerdictSource } from '../../core/trajectory.js';
import type { Store } from '../../store/index.js';
import type { LabelItem, LoadedSet } from './items.js';

export interface GuiVerdictOptions {
  /** Outcome sources trusted as gold, most trusted first. Default human, verifier. */
  gold?: readonly VerdictSource[];
  limit?: number;
  app?: string;
}

export { goldOutcome };

/** A trajectory as text for text-only judges: instruction, each step's action and note, answer. */
export function trajectoryAsText(t: Trajectory): string {
  const lines = t.steps.map((s, i) => {
    const a = s.action ?? s.model?.action;
    const note = s.model?.summary ?? s.model?.thought;
    return `${i + 1}. ${a ? JSON.stringify(a) : '(no action)'}${note ? ` - ${note}` : ''}`;
  });
  return [...lines, t.answer !== undefined ? `answer: ${t.answer}` : ''].filter(Boolean).join('\n');
}

export function guiItem(t: Trajectory, correct: boolean, subset = t.task.app ?? 'gui'): LabelItem {
  // The judge must not see the gold label: the trajectory goes in without its outcome.
  const { outcome: _hidden, ...bare } = t;
  void _hidden;
  return { kind: 'label', id: t.id, subset, prompt: t.task.instruction, response: trajectoryAsText(t), correct, trajectory: bare };
}

export function loadGuiVerdicts(store: Store, opts: GuiVerdictOptions = {}): LoadedSet {
  const out: LoadedSet = { format: 'gui', source: 'store', items: [], bad: [], skipped: [] };
  let n = 0;
  for (const s of store.iterate({ status: 'finished', app: opts.app, limit: opts.limit })) {
    n++;
    const g = goldOutcome(store.getOutcomes(s.id), opts.gold);
    if (!g) { out.skipped.push({ line: n, reason: `${s.id}: no ${(opts.gold ?? ['human', 'verifier']).join(' or ')} outcome` }); continue; }
    out.items.push(guiItem(store.getTrajectory(s.id), g.verdict === 'success'));
  }
  return out;
}
