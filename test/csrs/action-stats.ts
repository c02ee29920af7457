/** Action-data precision/recall of a CSRS output against the demo policy's injected-mistake labels. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from '../../src/csrs/index.js';
import type { Store } from '../../src/store/index.js';

export const readSamples = (out: string) => readFileSync(join(out, 'samples.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Sample);

/** Precision: share of action samples that are not injected mistakes; recall: share of correct steps of successes kept. */
export function actionStats(store: Store, samples: Sample[]) {
  const success = store.listTrajectories({ verdict: 'success' }).map((s) => store.getTrajectory(s.id));
  const injected = new Set<string>();
  let correct = 0;
  for (const t of success) for (const s of t.steps) {
    if (s.meta?.injected) injected.add(`${t.id}#${s.index}`);
    else if (s.action) correct++;
  }
  const acts = samples.filter((s) => s.category === 'action_prediction');
  const bad = acts.filter((s) => injected.has(`${s.trajectoryId}#${s.stepIndex}`)).length;
  return { samples: acts.length, injected: injected.size, leaked: bad, precision: (acts.length - bad) / acts.length, recall: (acts.length - bad) / correct };
}
