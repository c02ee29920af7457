/**
 * DPO preference pairs: a success and a failure of the same task that stood on the same
 * screen (equal signatures) and acted differently there; chosen = the success's action.
 */
import { createHash } from 'node:crypto';
import type { IndexRecord } from './index-record.js';
import { imagePath } from './formats.js';

export interface PreferencePair {
  id: string;
  taskId?: string;
  instruction: string;
  images: string[];
  history: number;
  chosen: unknown;
  rejected: unknown;
  chosenFrom: string;
  rejectedFrom: string;
}

export function preferencePairs(records: IndexRecord[], maxPerTask = 20): PreferencePair[] {
  const byTask = new Map<string, IndexRecord[]>();
  for (const r of records) if (r.taskId) (byTask.get(r.taskId) ?? byTask.set(r.taskId, []).get(r.taskId)!).push(r);
  const out: PreferencePair[] = [];
  for (const [taskId, group] of byTask) {
    const wins = group.filter((r) => r.verdict === 'success');
    const losses = group.filter((r) => r.verdict === 'failure');
    let n = 0;
    pairs: for (const w of wins) {
      for (const l of losses) {
        if (n >= maxPerTask) break pairs;
        const pair = firstFork(w, l);
        if (!pair) continue;
        const [i, j] = pair;
        const id = createHash('sha256').update(`${w.id}|${i}|${l.id}|${j}`).digest('hex').slice(0, 32);
        out.push({ id, taskId, instruction: w.instruction, images: w.steps[i].image ? [imagePath(w.steps[i].image!)] : [], history: i, chosen: w.steps[i].action, rejected: l.steps[j].action, chosenFrom: w.id, rejectedFrom: l.id });
        n++;
      }
    }
  }
  return out;
}

/** Where two runs first stand on the same screen but act differently (success's step must be useful). */
function firstFork(w: IndexRecord, l: IndexRecord): [number, number] | undefined {
  const m = Math.min(w.steps.length, l.steps.length);
  for (let i = 0; i < m; i++) {
    const a = w.steps[i], b = l.steps[i];
    if (!a.sig || a.sig !== b.sig) return undefined; // the runs went apart without a shared state
    if (JSON.stringify(a.action) !== JSON.stringify(b.action)) return a.waste || !a.action || !b.action ? undefined : [i, i];
  }
  return undefined;
}
