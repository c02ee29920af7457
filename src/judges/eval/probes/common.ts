/** What every probe reports, and scoring trajectories with a judge as probabilities. */
import pLimit from 'p-limit';
import type { Trajectory } from '../../../core/trajectory.js';
import type { Judge } from '../../types.js';
import { probabilityOf } from '../metrics/calibration.js';

export interface ProbeResult {
  probe: 'consistency' | 'hacking' | 'noise' | 'starc' | 'ablation';
  judge: string;
  /** True when the probe found the failure mode; null for report-only probes. */
  flagged: boolean | null;
  /** One sentence a user reads first. */
  finding: string;
  metrics: Record<string, number>;
  /** Chart-ready rows (label -> values), probe-specific. */
  rows: { label: string; values: Record<string, number> }[];
  examples?: string[];
}

export interface ProbeOptions {
  concurrency?: number;
  signal?: AbortSignal;
  onCall?: () => void;
}

/** P(success) of each trajectory; a failed judge call is NaN (the probe says how many). */
export async function judgeTrajectories(judge: Judge, ts: readonly Trajectory[], o: ProbeOptions = {}): Promise<number[]> {
  const limit = pLimit(Math.max(1, o.concurrency ?? 4));
  return Promise.all(ts.map((t) => limit(async () => {
    try {
      const { outcome: _gold, ...bare } = t;
      void _gold;
      return probabilityOf(await judge.score({ id: t.id, target: { kind: 'trajectory', trajectory: bare } }, { signal: o.signal }));
    } catch {
      return NaN;
    } finally {
      o.onCall?.();
    }
  })));
}

export const fmt = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
