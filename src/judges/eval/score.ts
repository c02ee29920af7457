/**
 * Runs a judge over loaded items. Each item kind maps to the judge calls its benchmark
 * implies; a failed call is kept as a NaN score with its message, so a flaky judge lowers its
 * result instead of aborting the run.
 */
import pLimit from 'p-limit';
import type { Judge, JudgeItem, JudgeResult } from '../types.js';
import type { ChoiceItem, EvalItem, LabelItem, ProcessItem, RatedItem } from './items.js';
import { probabilityOf } from './metrics/calibration.js';
import { firstErrorFromStepScores } from './metrics/process.js';

export interface ScoredChoice { item: ChoiceItem; scores: number[]; error?: string }
export interface ScoredLabel { item: LabelItem; p: number; verdict: boolean; score: number; error?: string }
export interface ScoredProcess { item: ProcessItem; predicted: number; stepScores?: number[]; error?: string }
export interface ScoredRated { item: RatedItem; score: number; error?: string }
export type Scored = ScoredChoice | ScoredLabel | ScoredProcess | ScoredRated;

export interface ScoreOptions {
  concurrency?: number;
  /** Step score below which a step counts as wrong (ProcessBench, PRM800K). Default 0.5. */
  stepThreshold?: number;
  signal?: AbortSignal;
  onItem?: (done: number, total: number) => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function textItem(id: string, prompt: string, response: string, extra: Partial<JudgeItem> = {}): JudgeItem {
  return { id, target: { kind: 'text', prompt, response }, ...extra };
}

async function scoreOne(judge: Judge, item: EvalItem, o: ScoreOptions): Promise<Scored> {
  const call = (ji: JudgeItem): Promise<JudgeResult> => judge.score(ji, { signal: o.signal });
  switch (item.kind) {
    case 'choice': {
      const all = [...item.chosen, ...item.rejected];
      const res = await Promise.allSettled(all.map((r, i) => call(textItem(`${item.id}/${i}`, item.prompt, r))));
      const failed = res.find((r) => r.status === 'rejected');
      return { item, scores: res.map((r) => (r.status === 'fulfilled' ? r.value.score : NaN)), ...(failed ? { error: message(failed.reason) } : {}) };
    }
    case 'label': {
      const ji: JudgeItem = item.trajectory
        ? { id: item.id, target: { kind: 'trajectory', trajectory: item.trajectory } }
        : textItem(item.id, item.prompt, item.response, item.reference !== undefined ? { reference: item.reference } : {});
      try {
        const r = await call(ji);
        const p = probabilityOf(r);
        return { item, p, score: r.score, verdict: r.verdict ? r.verdict === 'success' : p >= 0.5 };
      } catch (e) {
        // Unscored: counted wrong, left out of calibration.
        return { item, p: NaN, score: NaN, verdict: !item.correct, error: message(e) };
      }
    }
    case 'process': {
      try {
        const r = await call(textItem(item.id, item.problem, item.steps.join('\n\n'), { meta: { steps: item.steps } }));
        if (!r.stepScores || r.stepScores.length === 0) return { item, predicted: NaN, error: `${judge.protocol} gave no step scores` };
        return { item, stepScores: r.stepScores, predicted: firstErrorFromStepScores(r.stepScores.slice(0, item.steps.length), o.stepThreshold) };
      } catch (e) {
        return { item, predicted: NaN, error: message(e) };
      }
    }
    case 'rated': {
      try {
        return { item, score: (await call(textItem(item.id, item.prompt, item.response))).score };
      } catch (e) {
        return { item, score: NaN, error: message(e) };
      }
    }
  }
}

export async function scoreItems(judge: Judge, items: readonly EvalItem[], o: ScoreOptions = {}): Promise<Scored[]> {
  const limit = pLimit(Math.max(1, o.concurrency ?? 4));
  let done = 0;
  return Promise.all(items.map((it) => limit(async () => {
    const s = await scoreOne(judge, it, o);
    o.onItem?.(++done, items.length);
    return s;
  })));
}
