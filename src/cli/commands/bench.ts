import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import sharp from 'sharp';
import { DemoPolicy } from '../../agent/demo-policy.js';
import { openAIPolicyFromFlags } from '../../agent/openai/index.js';
import type { Policy } from '../../agent/policy.js';
import { TaskReplayPolicy } from '../../agent/replay-policy.js';
import { openSandboxDevices, solutionFor } from '../../agent/sandbox-suite.js';
import { addModelOptions, modelFlags } from '../../config/flags.js';
import { StepwiseError } from '../../core/errors.js';
import { parseChain, type ChainOptions } from '../../csrs/calibrate/chain.js';
import { openDevices, parseDeviceSpec } from '../../devices/registry.js';
import { isSandboxTask } from '../../agent/task-file.js';
import { openStore, resolveStoreDir, type Store } from '../../store/index.js';
import { buildFromAndroidControl } from '../../benchmarks/build-androidcontrol.js';
import { buildFromGelab } from '../../benchmarks/build-gelab.js';
import { buildFromStore } from '../../benchmarks/build-store.js';
import { BUILTIN_NAME, ensureBuiltinSet } from '../../benchmarks/builtin.js';
import { runE2e, suiteTasks } from '../../benchmarks/e2e.js';
import { typeCounts } from '../../benchmarks/quota.js';
import type { BenchReport, StaticReport } from '../../benchmarks/report-types.js';
import { compareReports, reportMarkdown } from '../../benchmarks/render.js';
import { loadReportFile, saveReport } from '../../benchmarks/save.js';
import { SCORING } from '../../benchmarks/scoring.js';
import { readStaticSet, screenshotPath, writeStaticSet, type StaticSet } from '../../benchmarks/static-format.js';
import { runStatic } from '../../benchmarks/static-eval.js';
import { staticPolicy } from '../../benchmarks/static-policies.js';
import { progressBar } from '../progress.js';

type Opts = Record<string, string | boolean | undefined>;

function int(name: string, v: unknown, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new StepwiseError('config_error', `--${name} ${String(v)} is out of range`, `use an integer from ${min} to ${max}`);
  return n;
}

function num(name: string, v: unknown, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new StepwiseError('config_error', `--${name} ${String(v)} is out of range`, `use a number from ${min} to ${max}`);
  return n;
}

/** The static set --data names: a JSONL file, or the built-in sandbox set (built and cached on first use). */
async function staticSet(o: Opts, storeDir: string): Promise<{ set: StaticSet; name: string }> {
  const data = typeof o.data === 'string' ? o.data : 'builtin';
  if (data !== 'builtin') {
    const set = readStaticSet(data, { skipBad: o.skipBad === true });
    for (const e of set.errors) process.stderr.write(`${data}:${e.line}: skipped: ${e.message}\n`);
    return { set, name: set.path };
  }
  let bar: ReturnType<typeof progressBar> | undefined;
  const built = await ensureBuiltinSet({
    storeDir, devices: int('devices', o.devices ?? 2, 1, 16),
    onTask: (_done, total, label) => {
      // Only a first use builds (minutes on the sandbox); later runs read the cache.
      bar ??= progressBar(total, `building the built-in static set under ${storeDir} (first use, cached)`, o.progress !== false);
      bar.tick(label);
    },
  });
  bar?.stop();
  return { set: readStaticSet(built.path), name: BUILTIN_NAME };
}

async function thumbsFor(set: StaticSet, report: StaticReport): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byId = new Map(set.rows.map((r) => [r.id, r]));
  for (const s of report.steps.filter((x) => !x.exact_ok).slice(0, 24)) {
    try {
      const jpg = await sharp(screenshotPath(set, byId.get(s.id)!)).resize({ width: 90 }).jpeg({ quality: 60 }).toBuffer();
      out.set(s.id, `data:image/jpeg;base64,${jpg.toString('base64')}`);
    } catch { /* no thumbnail for an unreadable image; the step itself was scored */ }
  }
  return out;
}

function emit(report: BenchReport, saved: { json: string; html: string }, json: boolean): void {
  if (json) process.stdout.write(JSON.stringify({ ...report, saved }) + '\n');
  else process.stdout.write(`${reportMarkdown(report)}\nreport: ${saved.json}\nhtml:   ${saved.html}\n`);
}

function e2ePolicy(name: string, o: Opts, store: Store): Policy {
  if (name === 'demo') return new DemoPolicy({ noise: num('noise', o.noise ?? 0, 0, 1), seed: int('seed', o.seed ?? 1, 0, 2 ** 31), solutionFor });
  if (name === 'openai') return openAIPolicyFromFlags(modelFlags(o));
  if (name === 'replay') return new TaskReplayPolicy(store);
  throw new StepwiseError('config_error', `unknown policy "${name}" for bench e2e`, 'use --policy demo, openai or replay');
}

function chainOptions(o: Opts): ChainOptions {
  const chain = parseChain(String(o.chain ?? (o.verifyScript ? 'human,script,rules,judge' : 'human,rules,judge')));
  const script = o.verifyScript ? { script: String(o.verifyScript) } : {};
  if (!o.judgeBaseUrl) return { chain, ...script };
  return { chain, ...script, judge: { baseURL: String(o.judgeBaseUrl), model: String(o.judgeModel ?? 'judge'), apiKey: String(o.judgeApiKey ?? process.env.OPENAI_API_KEY ?? 'none') } };
}

export function register(program: Command): void {
  const bench = program.command('bench').description('AndroidDaily-style benchmarks: static (per-step action accuracy) and end-to-end (task success)');

  const st = bench
    .command('static')
    .description('score a policy on a static step set; prints per-type accuracy in AndroidDaily\'s layout')
    .option('--data <file>', 'static JSONL set (default: the built-in sandbox set, built and cached on first use)')
    .option('--policy <name>', 'replay (ground truth; must score 100%), center (always taps the screen centre) or openai (any OpenAI-compatible model)', 'replay')
    .option('--concurrency <n>', 'parallel policy calls (model endpoints)', '1')
    .option('--click-distance <n>', 'click tolerance in 0-1000 grid units when a step has no boxes', String(SCORING.clickDistance))
    .option('--skip-bad', 'score the good lines of a JSONL file that has bad ones (reported on stderr)')
    .option('--devices <k>', 'sandbox phones used to build the built-in set', '2')
    .option('--label <text>', 'name of this run in reports and comparisons')
    .option('--store <dir>', 'store folder: built-in set cache and reports/ (default .stepwise or $STEPWISE_STORE)')
    .option('--studio-url <url>', 'Studio address that report links open', 'http://127.0.0.1:7860')
    .option('--json', 'print the report as one JSON object')
    .option('--no-progress', 'no progress bar');
  addModelOptions(st).action(async (o: Opts) => {
    const storeDir = resolveStoreDir(o.store as string | undefined);
    const { set, name } = await staticSet(o, storeDir);
    const policy = staticPolicy(String(o.policy), set.rows, modelFlags(o));
    const bar = progressBar(set.rows.length, `scoring ${set.rows.length} steps with ${policy.name}`, o.progress !== false);
    const report = await runStatic(set, policy, {
      concurrency: int('concurrency', o.concurrency, 1, 64),
      rules: { ...SCORING, clickDistance: num('click-distance', o.clickDistance, 0, 1000) },
      label: o.label as string | undefined,
      dataName: name,
      onStep: (s) => bar.tick(s.exact_ok ? '' : s.id),
    });
    bar.stop();
    const saved = saveReport(report, storeDir, { thumbs: await thumbsFor(set, report), studioUrl: String(o.studioUrl) });
    emit(report, saved, o.json === true);
  });

  const e2e = bench
    .command('e2e')
    .description('run a task suite end to end: success rate, pass@k, by scenario / type / complexity / ambiguity')
    .option('--suite <name>', 'sandbox, or a JSONL task file ({"instruction"...} or {"template", "seed"} per line)', 'sandbox')
    .option('--templates <spec>', 'sandbox suite: template ids, apps, scenarios or prefix*', 'all')
    .option('--policy <name>', 'demo (reference solutions, synthetic), openai or replay', 'demo')
    .option('--sample <n>', 'sandbox suite: task instances to sample', '20')
    .option('--seed <n>', 'sampling and noise seed', '1')
    .option('--k <n>', 'attempts per task (pass@k)', '1')
    .option('--noise <p>', 'demo policy: probability of an injected mistake per step', '0')
    .option('--device <spec>', 'devices for a task file: sandbox*K, adb:SERIAL, browser:URL (comma-separated)')
    .option('--devices <k>', 'sandbox phones in parallel', '2')
    .option('--max-steps <n>', 'steps per attempt', '40')
    .option('--chain <list>', 'verdict sources for tasks without a verifier (real devices): human,script,rules,judge (default human,rules,judge; with --verify-script human,script,rules,judge)')
    .option('--verify-script <cmd>', 'your own check for tasks without a verifier: reads the trajectory JSON on stdin, prints {"verdict","confidence","reason"}')
    .option('--judge-base-url <url>', 'OpenAI-compatible endpoint of the LLM judge in the verdict chain')
    .option('--judge-model <name>', 'judge model', 'judge')
    .option('--judge-api-key <key>', 'judge API key (default $OPENAI_API_KEY)')
    .option('--label <text>', 'name of this run in reports and comparisons')
    .option('--store <dir>', 'store folder: trajectories and reports/ (default .stepwise or $STEPWISE_STORE)')
    .option('--studio-url <url>', 'Studio address that report links open', 'http://127.0.0.1:7860')
    .option('--json', 'print the report as one JSON object')
    .option('--no-progress', 'no progress bar');
  addModelOptions(e2e).action(async (o: Opts) => {
    const seed = int('seed', o.seed, 0, 2 ** 31);
    const sample = int('sample', o.sample, 1, 100_000);
    const k = int('k', o.k, 1, 20);
    const tasks = suiteTasks({ suite: String(o.suite), templates: String(o.templates), sample, seed });
    const storeDir = resolveStoreDir(o.store as string | undefined);
    const store = openStore(storeDir);
    try {
      const policy = e2ePolicy(String(o.policy), o, store);
      const offSandbox = o.device ? String(o.device).split(',').map((x) => x.trim()).filter(Boolean).some((x) => parseDeviceSpec(x).backend !== 'sandbox') : false;
      const sandboxOnly = tasks.find(isSandboxTask);
      if (offSandbox && sandboxOnly) {
        throw new StepwiseError('config_error', `task ${sandboxOnly.ref.id} is a sandbox task, but --device ${String(o.device)} is not a sandbox phone`, 'run sandbox tasks without --device (or --device sandbox*K); use a task file of free-text {"instruction": ...} lines on real devices');
      }
      const opened = o.device
        ? await openDevices(String(o.device))
        : await openSandboxDevices(Math.min(int('devices', o.devices, 1, 16), tasks.length * k)).then(({ browser, devices }) => ({ devices, close: () => browser.close() }));
      const bar = progressBar(tasks.length * k, `running ${tasks.length} tasks x ${k} on ${opened.devices.length} device(s)`, o.progress !== false);
      let report;
      try {
        report = await runE2e({
          tasks, suiteName: String(o.suite), sample, seed, k, policy, devices: opened.devices, store,
          maxSteps: int('max-steps', o.maxSteps, 1, 500), chain: chainOptions(o), label: o.label as string | undefined,
          onDone: (_d, _t, label) => bar.tick(label),
        });
      } finally {
        bar.stop();
        await opened.close();
      }
      emit(report, saveReport(report, storeDir, { studioUrl: String(o.studioUrl) }), o.json === true);
    } finally {
      store.close();
    }
  });

  bench
    .command('build <source> [path]')
    .description('write a static JSONL set: source sandbox (the built-in set), store (verified trajectories of --store), gelab PATH (GELab-Zero logs) or androidcontrol FILE (episodes JSON)')
    .requiredOption('--out <dir>', 'folder for steps.jsonl and images/')
    .option('--store <dir>', 'store folder (default .stepwise or $STEPWISE_STORE)')
    .option('--any-verdict', 'store/gelab: also take trajectories without a success verdict')
    .option('--verified-only', 'gelab: only sessions with a success verdict (logs rarely carry one)')
    .option('--task <id>', 'store: only trajectories of this task id')
    .option('--image-width <px>', 'store/gelab: re-encode screenshots as JPEG this wide')
    .option('--image-dir <dir>', 'gelab: extra folder to look for screenshots in')
    .option('--skip-bad', 'androidcontrol: skip bad episodes (reported) instead of failing')
    .option('--devices <k>', 'sandbox: phones used to build', '2')
    .option('--rebuild', 'sandbox: rebuild even when cached')
    .option('--json', 'print {path, steps, counts} as JSON')
    .action(async (source: string, path: string | undefined, o: Opts) => {
      const out = resolve(String(o.out));
      mkdirSync(out, { recursive: true });
      const file = join(out, 'steps.jsonl');
      const width = o.imageWidth ? int('image-width', o.imageWidth, 16, 8000) : undefined;
      const needPath = () => { if (!path) throw new StepwiseError('invalid_input', `bench build ${source} needs a PATH`, `e.g. stepwise bench build ${source} ./logs --out ./set`); return path; };
      let rows;
      if (source === 'sandbox') {
        const built = await ensureBuiltinSet({ storeDir: resolveStoreDir(o.store as string | undefined), devices: int('devices', o.devices, 1, 16), rebuild: o.rebuild === true, onTask: (d, t, l) => { if (d % 10 === 0 || d === t) process.stderr.write(`built-in set: ${d}/${t} tasks (${l})\n`); } });
        const set = readStaticSet(built.path);
        rows = set.rows.map((r) => ({ ...r, screenshot: screenshotPath(set, r) }));
      } else if (source === 'store') {
        const store = openStore(resolveStoreDir(o.store as string | undefined), { create: false });
        try { rows = await buildFromStore(store, { outDir: out, anyVerdict: o.anyVerdict === true, imageWidth: width, ...(o.task ? { filter: { task: String(o.task) } } : {}) }); } finally { store.close(); }
        if (!rows.length) throw new StepwiseError('not_found', 'no verified steps in the store', 'record runs with a verifier, set verdicts with stepwise csrs, or pass --any-verdict');
      } else if (source === 'gelab') {
        const r = await buildFromGelab(needPath(), { outDir: out, imageDirs: o.imageDir ? [String(o.imageDir)] : undefined, verifiedOnly: o.verifiedOnly === true, imageWidth: width });
        for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
        rows = r.rows;
      } else if (source === 'androidcontrol') {
        const r = buildFromAndroidControl(needPath(), out, { skipBad: o.skipBad === true });
        for (const e of r.errors) process.stderr.write(`skipped: ${e}\n`);
        rows = r.rows;
      } else {
        throw new StepwiseError('invalid_input', `unknown source "${source}"`, 'use sandbox, store, gelab PATH or androidcontrol FILE');
      }
      writeStaticSet(file, rows);
      const summary = { path: file, steps: rows.length, counts: typeCounts(rows) };
      process.stdout.write(o.json ? JSON.stringify(summary) + '\n' : `${rows.length} steps -> ${file}\n${JSON.stringify(summary.counts)}\n`);
    });

  bench
    .command('compare <reports...>')
    .description('several bench reports (JSON) side by side: Markdown on stdout, HTML with --html')
    .option('--html <file>', 'also write a self-contained HTML comparison here')
    .action((files: string[], o: Opts) => {
      if (files.length < 2) throw new StepwiseError('invalid_input', 'compare needs at least two reports', 'e.g. stepwise bench compare .stepwise/reports/bench-static-A.json .stepwise/reports/bench-static-B.json');
      const reports = files.map(loadReportFile);
      const kinds = new Set(reports.map((r) => r.kind));
      if (kinds.size > 1) throw new StepwiseError('invalid_input', 'cannot compare static and e2e reports together', 'compare reports of one kind');
      const c = compareReports(reports);
      if (o.html) writeFileSync(String(o.html), c.html);
      process.stdout.write(c.md);
    });
}
