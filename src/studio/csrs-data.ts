/**
 * CSRS results for the viewer. The store keeps only the review routing (annotations); the
 * per-step data lives in a `stepwise csrs --out DIR` folder: samples.jsonl (the seven category
 * targets per step), prm.jsonl (useful/wasted label per step) and rewards.jsonl (step rewards).
 * Indexed by trajectory, reloaded when a file changes; a missing folder or file is just empty.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface StepCsrs {
  /** category -> target, as CSRS wrote it. */
  categories: Record<string, unknown>;
  /** 1 useful step of a success, 0 wasted, null unknown. */
  label?: number | null;
  waste?: string;
  reward?: number;
}

export interface TrajectoryCsrs {
  rewardMethod?: string;
  outcome?: number;
  steps: Record<number, StepCsrs>;
}

const FILES = ['samples.jsonl', 'prm.jsonl', 'rewards.jsonl'] as const;

export class CsrsData {
  private stamp = '';
  private byTraj = new Map<string, TrajectoryCsrs>();

  constructor(readonly dir: string | undefined) {}

  get(id: string): TrajectoryCsrs | undefined {
    this.refresh();
    return this.byTraj.get(id);
  }

  private refresh(): void {
    if (!this.dir) return;
    const stamp = FILES.map((f) => { const p = join(this.dir!, f); return existsSync(p) ? `${statSync(p).mtimeMs}:${statSync(p).size}` : '-'; }).join('|');
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    const m = new Map<string, TrajectoryCsrs>();
    const at = (id: string, step: number) => {
      let t = m.get(id);
      if (!t) m.set(id, (t = { steps: {} }));
      return (t.steps[step] ??= { categories: {} });
    };
    for (const s of lines(join(this.dir, 'samples.jsonl'))) {
      if (typeof s.trajectoryId === 'string' && Number.isInteger(s.stepIndex) && typeof s.category === 'string') at(s.trajectoryId, s.stepIndex as number).categories[s.category] = s.target;
    }
    for (const p of lines(join(this.dir, 'prm.jsonl'))) {
      if (typeof p.trajectoryId !== 'string' || !Number.isInteger(p.step)) continue;
      const st = at(p.trajectoryId, p.step as number);
      st.label = p.label as number | null;
      if (typeof p.waste === 'string') st.waste = p.waste;
    }
    for (const r of lines(join(this.dir, 'rewards.jsonl'))) {
      if (typeof r.trajectoryId !== 'string' || !Array.isArray(r.rewards)) continue;
      (r.rewards as number[]).forEach((v, i) => { at(r.trajectoryId as string, i).reward = v; });
      const t = m.get(r.trajectoryId)!;
      t.rewardMethod = String(r.method ?? '');
      if (typeof r.outcome === 'number') t.outcome = r.outcome;
    }
    this.byTraj = m;
  }
}

/** JSON objects of a JSONL file; unreadable lines are skipped (CSRS truncates on resume). */
function lines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try { const v = JSON.parse(line); if (v && typeof v === 'object') out.push(v); } catch { /* skip a partial line */ }
  }
  return out;
}
