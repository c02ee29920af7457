/**
 * Natural-language ablation (after "What Are Step-Level Reward Models Rewarding?"): remove or
 * shuffle the step descriptions and keep the actions. A judge whose verdicts move a lot
 * depends on narration (which an agent can write to please it); one that does not move reads
 * the actions. Report-only: which one is wanted depends on the judge's job.
 */
import type { Trajectory } from '../../../core/trajectory.js';
import type { Judge } from '../../types.js';
import type { LabelledTrajectory } from '../gui-set.js';
import { fmt, judgeTrajectories, type ProbeOptions, type ProbeResult } from './common.js';

export const ABLATIONS = ['no-narration', 'shuffled-narration'] as const;

export function ablate(t: Trajectory, kind: (typeof ABLATIONS)[number]): Trajectory {
  const thoughts = t.steps.map((s) => s.model?.thought ?? '');
  const rotated = thoughts.map((_, i) => thoughts[(i + 1) % thoughts.length]);
  return {
    ...t, id: `${t.id}+${kind}`,
    steps: t.steps.map((s, i) => (s.model
      ? { ...s, model: { ...s.model, raw: '', summary: undefined, thought: kind === 'no-narration' ? undefined : rotated[i] } }
      : s)),
  };
}

export async function ablationProbe(judge: Judge, set: readonly LabelledTrajectory[], o: ProbeOptions = {}): Promise<ProbeResult> {
  const gold = set.map((x) => x.success);
  const acc = (p: number[]) => p.filter((q, i) => Number.isFinite(q) && q >= 0.5 === gold[i]).length / Math.max(1, p.length);
  const base = await judgeTrajectories(judge, set.map((x) => x.trajectory), o);
  const metrics: Record<string, number> = { accuracy: acc(base) };
  const rows: ProbeResult['rows'] = [{ label: 'original', values: { accuracy: acc(base), meanAbsDelta: 0 } }];
  for (const kind of ABLATIONS) {
    const p = await judgeTrajectories(judge, set.map((x) => ablate(x.trajectory, kind)), o);
    const d = p.map((q, i) => Math.abs(q - base[i])).filter(Number.isFinite);
    const mad = d.length ? d.reduce((a, b) => a + b, 0) / d.length : 0;
    metrics[`${kind}.accuracy`] = acc(p);
    metrics[`${kind}.meanAbsDelta`] = mad;
    rows.push({ label: kind, values: { accuracy: acc(p), meanAbsDelta: mad } });
  }
  const drop = metrics.accuracy - metrics['no-narration.accuracy'];
  return {
    probe: 'ablation', judge: judge.protocol, flagged: null,
    finding: `without step descriptions accuracy goes ${fmt(metrics.accuracy)} -> ${fmt(metrics['no-narration.accuracy'])} (mean |change| ${fmt(metrics['no-narration.meanAbsDelta'], 3)}); ${Math.abs(drop) > 0.1 ? 'the judge relies on the narration' : 'the judge reads the actions more than the narration'}`,
    metrics, rows,
  };
}
