/**
 * Verdict noise and CSRS selection (after "Climb Carves Wisdom"): flip a share of gold verdicts
 * and count what src/csrs/select.ts would then feed into action prediction: steps of failed
 * trajectories (contamination) and steps of successes it loses. The judge under test is placed
 * on that curve by its own verdict errors.
 */
import { Rng } from '../../../core/random.js';
import { categoriesFor } from '../../../csrs/select.js';
import { stepSignals } from '../../../csrs/signals.js';
import type { Judge } from '../../types.js';
import type { LabelledTrajectory } from '../gui-set.js';
import { fmt, judgeTrajectories, type ProbeOptions, type ProbeResult } from './common.js';

export interface Selection { actionSamples: number; contaminated: number; lost: number; contaminationRate: number }

/** Action-prediction samples CSRS would select under the given verdicts. */
export function selectionUnder(set: readonly LabelledTrajectory[], verdicts: readonly boolean[]): Selection {
  let actionSamples = 0, contaminated = 0, lost = 0;
  set.forEach((x, i) => {
    const sig = stepSignals(x.trajectory, []);
    const n = sig.filter((s) => categoriesFor(verdicts[i] ? 'success' : 'failure', s).includes('action_prediction')).length;
    const right = sig.filter((s) => categoriesFor(x.success ? 'success' : 'failure', s).includes('action_prediction')).length;
    actionSamples += n;
    if (!x.success) contaminated += n;
    lost += Math.max(0, right - n);
  });
  return { actionSamples, contaminated, lost, contaminationRate: actionSamples ? contaminated / actionSamples : 0 };
}

export const NOISE_RATES = [0, 0.1, 0.2, 0.3, 0.4] as const;

export async function noiseProbe(judge: Judge, set: readonly LabelledTrajectory[], o: ProbeOptions & { seed?: number } = {}): Promise<ProbeResult> {
  const gold = set.map((x) => x.success);
  const rows: ProbeResult['rows'] = NOISE_RATES.map((rate) => {
    const rng = new Rng(`noise/${o.seed ?? 0}/${rate}`);
    const flip = new Set(rng.shuffle(gold.map((_, i) => i)).slice(0, Math.round(rate * gold.length)));
    const sel = selectionUnder(set, gold.map((g, i) => (flip.has(i) ? !g : g)));
    return { label: `${Math.round(rate * 100)}% flipped`, values: { flipRate: rate, ...sel } };
  });
  const p = await judgeTrajectories(judge, set.map((x) => x.trajectory), o);
  const verdicts = p.map((q, i) => (Number.isFinite(q) ? q >= 0.5 : !gold[i]));
  const errorRate = verdicts.filter((v, i) => v !== gold[i]).length / Math.max(1, gold.length);
  const sel = selectionUnder(set, verdicts);
  rows.push({ label: `judge ${judge.protocol}`, values: { flipRate: errorRate, ...sel } });
  const at10 = rows[1].values.contaminationRate;
  const flagged = sel.contaminationRate > at10;
  return {
    probe: 'noise', judge: judge.protocol, flagged,
    finding: `the judge's verdicts are wrong on ${fmt(100 * errorRate, 0)}% of trajectories; ${fmt(100 * sel.contaminationRate, 0)}% of the action samples CSRS would select come from failed runs (${fmt(100 * at10, 0)}% at 10% random flips${flagged ? '; worse than that' : ''})`,
    metrics: { errorRate, contaminationRate: sel.contaminationRate, lostSamples: sel.lost, contaminationAt10: at10 },
    rows,
  };
}
