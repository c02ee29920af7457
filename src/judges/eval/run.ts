/**
 * One judge-eval run: every judge over every dataset and every probe, into one report that
 * compares judges side by side. The CLI only parses flags and writes files.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, statSync } from 'node:fs';
import type { TaskTemplate } from '../../sandbox/framework.js';
import { evaluate, type DatasetResult, type EvaluateOptions } from './evaluate.js';
import { loadDataset } from './formats/index.js';
import { contrastPairs, labelledFromPairs, type ContrastPair, type LabelledTrajectory } from './gui-set.js';
import { guiItem } from './gui-verdicts.js';
import type { LoadedSet } from './items.js';
import type { NamedJudge } from './judges/resolve.js';
import { ablationProbe } from './probes/ablation.js';
import type { ProbeResult } from './probes/common.js';
import { consistencyProbe } from './probes/consistency.js';
import { hackingProbe } from './probes/hacking.js';
import { noiseProbe } from './probes/noise.js';
import { starcProbe } from './probes/starc.js';
import { scoreItems } from './score.js';

export const PROBES = ['consistency', 'hacking', 'noise', 'starc', 'ablation'] as const;
export type ProbeName = (typeof PROBES)[number];

export const REPORT_VERSION = 1;

export interface JudgeEvalReport {
  version: number;
  createdAt: string;
  judges: { name: string; protocol: string; description: string }[];
  datasets: (DatasetResult & { judgeName: string })[];
  probes: (ProbeResult & { judgeName: string })[];
  /** What the probes ran on. */
  probeSet?: { templates: number; pairs: number; trajectories: number; seed: number };
  notes: string[];
}

export interface RunOptions extends EvaluateOptions {
  judges: readonly NamedJudge[];
  datasets: readonly LoadedSet[];
  probes?: readonly ProbeName[];
  probeTemplates?: readonly TaskTemplate[];
  /** Contrast pairs for the probes (default 12). */
  pairs?: number;
  seed?: number;
  concurrency?: number;
  stepThreshold?: number;
  /** Phase name and progress within it. */
  onProgress?: (phase: string, done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The built-in sample files (data/judge-eval, shipped with the package). */
export function sampleDir(): string {
  return fileURLToPath(new URL('../../../data/judge-eval/', import.meta.url));
}

export function sampleDatasets(): LoadedSet[] {
  const dir = sampleDir();
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.jsonl')) files.push(p);
    }
  };
  walk(dir);
  return files.map((f) => ({ ...loadDataset(f), source: `sample:${f.slice(dir.length)}` }));
}

/** The sandbox GUI verdict set (verifier labels) as a dataset. */
export function guiSampleSet(set: readonly LabelledTrajectory[]): LoadedSet {
  return { format: 'gui', source: 'sample:sandbox', items: set.map((x) => guiItem(x.trajectory, x.success, x.kind)), bad: [], skipped: [] };
}

export interface ProbeSet { pairs: ContrastPair[]; labelled: LabelledTrajectory[] }

export function buildProbeSet(templates: readonly TaskTemplate[], pairs: number, seed: number): ProbeSet {
  const cp = contrastPairs(templates, pairs, seed);
  return { pairs: cp, labelled: labelledFromPairs(cp) };
}

export async function runJudgeEval(o: RunOptions, probeSet?: ProbeSet): Promise<JudgeEvalReport> {
  const report: JudgeEvalReport = {
    version: REPORT_VERSION, createdAt: new Date().toISOString(),
    judges: o.judges.map((j) => ({ name: j.name, protocol: j.judge.protocol, description: j.description })),
    datasets: [], probes: [], notes: [],
  };
  for (const j of o.judges) {
    for (const set of o.datasets) {
      if (j.accepts && !j.accepts(set.format)) { report.notes.push(`${j.name} skipped ${set.source}: it does not judge ${set.format} items`); continue; }
      const phase = `${j.name} on ${set.source}`;
      const scored = await scoreItems(j.judge, set.items, { concurrency: o.concurrency, stepThreshold: o.stepThreshold, signal: o.signal, onItem: (d, t) => o.onProgress?.(phase, d, t) });
      report.datasets.push({ ...evaluate(set, scored, j.judge.protocol, o), judgeName: j.name });
    }
  }
  const probes = o.probes ?? [];
  if (probes.length && probeSet) {
    const { pairs, labelled } = probeSet;
    report.probeSet = { templates: new Set(pairs.map((p) => p.template)).size, pairs: pairs.length, trajectories: labelled.length, seed: o.seed ?? 1 };
    const po = { concurrency: o.concurrency, signal: o.signal };
    for (const j of o.judges) {
      const tick = (i: number) => o.onProgress?.(`probes for ${j.name}`, i, probes.length);
      let i = 0;
      for (const p of probes) {
        if (p === 'starc') continue; // across judges, below
        const r = p === 'consistency' ? await consistencyProbe(j.judge, pairs, po)
          : p === 'hacking' ? await hackingProbe(j.judge, labelled, po)
          : p === 'noise' ? await noiseProbe(j.judge, labelled, { ...po, seed: o.seed })
          : await ablationProbe(j.judge, labelled, po);
        report.probes.push({ ...r, judgeName: j.name });
        tick(++i);
      }
    }
    if (probes.includes('starc')) {
      const rs = await starcProbe(o.judges.map((j) => j.judge), pairs, po);
      rs.forEach((r, k) => report.probes.push({ ...r, judgeName: o.judges[k].name }));
    }
  } else if (probes.length) {
    report.notes.push('probes were requested but no sandbox probe set was built');
  }
  return report;
}

/** Several reports (other judges, other days) as one, for side-by-side comparison. */
export function mergeReports(reports: readonly JudgeEvalReport[]): JudgeEvalReport {
  const out: JudgeEvalReport = { version: REPORT_VERSION, createdAt: new Date().toISOString(), judges: [], datasets: [], probes: [], notes: [] };
  for (const r of reports) {
    for (const j of r.judges) if (!out.judges.some((x) => x.name === j.name)) out.judges.push(j);
    out.datasets.push(...r.datasets);
    out.probes.push(...r.probes);
    out.notes.push(...r.notes);
    out.probeSet ??= r.probeSet;
  }
  return out;
}
