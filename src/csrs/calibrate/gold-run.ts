/**
 * `stepwise csrs gold`: judge every finished trajectory of a store, fit the judge's
 * calibrator on the ones with a gold verdict (human review or a verifier), and save it so
 * later CSRS runs apply it to the judge's confidence (`--judge-calibrator FILE`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { StepwiseError, errorMessage } from '../../core/errors.js';
import { goldOutcome, type Outcome } from '../../core/trajectory.js';
import type { IsotonicModel } from '../../rewards/index.js';
import type { Store } from '../../store/index.js';
import { calibrateOnGold, type GoldReport, type JudgedItem } from './gold.js';
import { judgeTrajectory, type JudgeSettings } from './judge.js';

export const CALIBRATOR_KIND = 'stepwise-judge-calibrator';

export interface GoldRun {
  report: GoldReport;
  judged: number;
  tokens: number;
  errors: string[];
}

/** The gold verdict of a trajectory: a human's if any, else a verifier's. */
export function goldOf(outcomes: Outcome[]): Outcome['verdict'] | undefined {
  return goldOutcome(outcomes)?.verdict;
}

export async function goldCalibration(store: Store, judge: JudgeSettings, o: { limit?: number; level?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<GoldRun> {
  const ids = store.listTrajectories().filter((s) => s.status === 'finished').map((s) => s.id).slice(0, o.limit ?? Infinity);
  const items: JudgedItem[] = [];
  const errors: string[] = [];
  let tokens = 0;
  for (const [k, id] of ids.entries()) {
    const t = store.getTrajectory(id);
    try {
      const j = await judgeTrajectory(t, judge, (sha) => store.getBlob(sha));
      tokens += j.cost?.tokens ?? 0;
      items.push({ verdict: j.verdict, confidence: j.confidence, gold: goldOf(store.getOutcomes(id)) });
    } catch (e) {
      errors.push(`${id}: ${errorMessage(e)}`);
    }
    o.onProgress?.(k + 1, ids.length);
  }
  return { report: calibrateOnGold(items, o.level), judged: items.length, tokens, errors };
}

const CalibratorFile = z.object({
  kind: z.literal(CALIBRATOR_KIND),
  model: z.string(),
  calibrator: z.object({ xs: z.array(z.number()), ys: z.array(z.number()) }).refine((c) => c.xs.length === c.ys.length && c.xs.length > 0, 'xs and ys must be non-empty and of equal length'),
});

export function saveCalibrator(path: string, model: string, run: GoldRun): void {
  writeFileSync(path, JSON.stringify({ kind: CALIBRATOR_KIND, model, calibrator: run.report.calibrator, report: { ...run.report, calibrator: undefined }, judged: run.judged, tokens: run.tokens }, null, 2) + '\n');
}

export function loadCalibrator(path: string): { model: string; calibrator: IsotonicModel } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read the judge calibrator ${path}: ${errorMessage(e)}`, 'make one with: stepwise csrs gold --judge-base-url URL --save FILE');
  }
  const p = CalibratorFile.safeParse(raw);
  if (!p.success) throw new StepwiseError('invalid_input', `${path} is not a judge calibrator`, 'make one with: stepwise csrs gold --judge-base-url URL --save FILE');
  return { model: p.data.model, calibrator: p.data.calibrator };
}
