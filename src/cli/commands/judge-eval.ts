import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { FORMATS, loadDataset } from '../../judges/eval/formats/index.js';
import { selectTemplateIds } from '../../judges/eval/gui-set.js';
import { loadGuiVerdicts } from '../../judges/eval/gui-verdicts.js';
import type { LoadedSet } from '../../judges/eval/items.js';
import { BUILTIN_JUDGES, resolveJudge } from '../../judges/eval/judges/resolve.js';
import { renderHtml, renderMarkdown } from '../../judges/eval/report.js';
import { buildProbeSet, guiSampleSet, mergeReports, PROBES, runJudgeEval, sampleDatasets, type JudgeEvalReport, type ProbeName } from '../../judges/eval/run.js';
import { openStore, resolveStoreDir } from '../../store/index.js';
import { progressBar, type Progress } from '../progress.js';

const collect = (v: string, prev: string[]) => [...prev, v];

function num(name: string, v: string | undefined, min: number, max: number, int = false): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n))) throw new StepwiseError('invalid_input', `--${name} ${v} is out of range`, `use ${int ? 'an integer' : 'a number'} from ${min} to ${max}`);
  return n;
}

/** FILE or FILE:FORMAT (a trailing :name that is a known format). */
function parseData(spec: string): LoadedSet {
  const i = spec.lastIndexOf(':');
  const fmt = i > 0 ? spec.slice(i + 1) : '';
  if (fmt && FORMATS.some((f) => f.name === fmt)) return loadDataset(spec.slice(0, i), fmt);
  return loadDataset(spec);
}

function parseProbes(v: string): ProbeName[] {
  if (v === 'none') return [];
  if (v === 'all') return [...PROBES];
  return v.split(',').map((s) => s.trim()).filter(Boolean).map((p) => {
    if (!(PROBES as readonly string[]).includes(p)) throw new StepwiseError('invalid_input', `unknown probe "${p}"`, `use all, none or a list of: ${PROBES.join(', ')}`);
    return p as ProbeName;
  });
}

function readReport(file: string): JudgeEvalReport {
  let r: JudgeEvalReport;
  try {
    r = JSON.parse(readFileSync(file, 'utf8')) as JudgeEvalReport;
  } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read report ${file}: ${(e as Error).message}`, 'give report.json files written by `stepwise judge-eval --out DIR`');
  }
  if (!Array.isArray(r.judges) || !Array.isArray(r.datasets) || !Array.isArray(r.probes)) throw new StepwiseError('invalid_input', `${file} is not a judge-eval report`, 'give report.json files written by `stepwise judge-eval --out DIR`');
  return r;
}

function write(r: JudgeEvalReport, o: { out?: string; json?: boolean }): void {
  if (o.out) {
    mkdirSync(o.out, { recursive: true });
    writeFileSync(join(o.out, 'report.json'), JSON.stringify(r, null, 2) + '\n');
    writeFileSync(join(o.out, 'report.md'), renderMarkdown(r));
    writeFileSync(join(o.out, 'report.html'), renderHtml(r));
    process.stderr.write(`wrote ${join(o.out, 'report.json')}, report.md and report.html\n`);
  }
  if (o.json) process.stdout.write(JSON.stringify(r) + '\n');
  else if (!o.out) process.stdout.write(renderMarkdown(r));
}

/** `stepwise judge-eval`: measure judges and reward models on public sets, store verdicts and sandbox probes. */
export function register(program: Command): void {
  program
    .command('judge-eval')
    .description('evaluate judges / reward models: accuracy, calibration, consistency, hacking, noise (docs/JUDGE-EVAL.md)')
    .option('--judge <spec>', `judge to evaluate (repeatable): ${Object.keys(BUILTIN_JUDGES).join(' | ')} (built-in), a judge name from the config file, or a judge config .yaml/.json`, collect, [])
    .option('--config <file>', 'stepwise.config.yaml holding named judges')
    .option('--data <file>', 'dataset FILE or FILE:FORMAT (repeatable); format detected when omitted', collect, [])
    .option('--store <dir>', 'add the GUI verdict set from this trajectory store (verifier / human outcomes)')
    .option('--sample', 'built-in sample sets (data/judge-eval + sandbox trajectories); default judge: heuristic')
    .option('--probes <list>', `all | none | comma list of ${PROBES.join(', ')} (default: all with --sample, else none)`)
    .option('--probe-templates <spec>', 'sandbox templates for the probes: ids, app ids or prefix* (default: every template that expects completion)')
    .option('--pairs <n>', 'contrast pairs for the probes', '12')
    .option('--seed <n>', 'seed of folds, gold slices, flips and probe variants', '1')
    .option('--gold-share <p>', 'share of gold labels revealed to the CJE estimate', '0.25')
    .option('--bins <n>', 'reliability diagram bins', '10')
    .option('--h <h>', 'h of h-calibration', '0.1')
    .option('--step-threshold <t>', 'step score below which a step counts as wrong (ProcessBench, PRM800K)', '0.5')
    .option('--concurrency <n>', 'judge calls in flight', '4')
    .option('--merge <reports...>', 'merge report.json files (other judges, other runs) into one report instead of running')
    .option('--out <dir>', 'write report.json, report.md and report.html here')
    .option('--json', 'print the JSON report on stdout')
    .option('--list-formats', 'list the dataset formats and exit')
    .option('--no-progress', 'no progress bar')
    .action(async (o: Record<string, string | string[] | boolean | undefined>) => {
      if (o.listFormats) {
        process.stdout.write([...FORMATS.map((f) => `${f.name.padEnd(22)} ${f.description}\n${''.padEnd(22)} ${f.fields}`), `${'gui'.padEnd(22)} --store DIR: finished trajectories with a verifier or human outcome; verdict accuracy, calibration, CJE`].join('\n') + '\n');
        return;
      }
      if (o.merge) { write(mergeReports((o.merge as string[]).map(readReport)), o as { out?: string; json?: boolean }); return; }
      const sample = Boolean(o.sample);
      const specs = (o.judge as string[]).length ? (o.judge as string[]) : sample ? ['heuristic'] : [];
      if (!specs.length) throw new StepwiseError('invalid_input', 'judge-eval needs --judge SPEC (or --sample to use the built-in heuristic judge)', `e.g. stepwise judge-eval --sample, or --judge heuristic --data rb2.jsonl; built-in judges: ${Object.keys(BUILTIN_JUDGES).join(', ')}`);
      const judges = specs.map((s) => resolveJudge(s, { config: o.config as string | undefined }));
      const seed = num('seed', o.seed as string, 0, 1e9, true)!;
      const probes = parseProbes((o.probes as string | undefined) ?? (sample ? 'all' : 'none'));
      const datasets: LoadedSet[] = (o.data as string[]).map(parseData);
      if (o.store) {
        const store = openStore(resolveStoreDir(o.store as string), { create: false });
        try { datasets.push(loadGuiVerdicts(store)); } finally { store.close(); }
      }
      if (sample) datasets.push(...sampleDatasets());
      const wantsProbes = probes.length > 0;
      const pairs = num('pairs', o.pairs as string, 1, 1000, true)!;
      const probeSet = wantsProbes || sample ? buildProbeSet(selectTemplateIds(o.probeTemplates as string | undefined), pairs, seed) : undefined;
      if (sample && probeSet) datasets.push(guiSampleSet(probeSet.labelled));
      if (!datasets.length && !wantsProbes) throw new StepwiseError('invalid_input', 'nothing to evaluate', 'give --data FILE, --store DIR, --sample or --probes');
      let bar: Progress | undefined, phase = '';
      const report = await runJudgeEval({
        judges, datasets, probes, seed, pairs,
        concurrency: num('concurrency', o.concurrency as string, 1, 256, true),
        goldShare: num('gold-share', o.goldShare as string, 0.01, 1),
        bins: num('bins', o.bins as string, 2, 100, true),
        h: num('h', o.h as string, 0.001, 0.5),
        stepThreshold: num('step-threshold', o.stepThreshold as string, -1e9, 1e9),
        onProgress: (p, _done, total) => {
          if (p !== phase) { bar?.stop(); phase = p; bar = progressBar(total, p, o.progress !== false); }
          bar!.tick();
        },
      }, probeSet);
      bar?.stop();
      write(report, o as { out?: string; json?: boolean });
    });
}
