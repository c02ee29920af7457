/**
 * What `stepwise run` and `stepwise demo` share: sample sandbox task instances, open K phones,
 * run them with a policy, store trajectories with verifier outcomes, print a summary.
 */
import { StepwiseError } from '../core/errors.js';
import { DemoPolicy } from '../agent/demo-policy.js';
import { openAIPolicyFromFlags } from '../agent/openai/index.js';
import type { ModelFlags } from '../config/resolve.js';
import type { Policy } from '../agent/policy.js';
import { openSandboxDevices, runSummary, sandboxTask, solutionFor } from '../agent/sandbox-suite.js';
import { runSuite, summarize, type SuiteRun } from '../agent/suite.js';
import { APPS } from '../sandbox/apps/index.js';
import { sampleInstances, selectTemplates } from '../sandbox/tasks/instance.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import { openStore, resolveStoreDir } from '../store/index.js';
import { progressBar } from './progress.js';

export interface BatchOptions {
  device: string;
  devices: number;
  policy: string;
  tasks: string;
  sample: number;
  seed: number;
  noise: number;
  maxSteps: number;
  store?: string;
  progress: boolean;
  /** Print a human summary on stderr. */
  report: boolean;
  /** Flags of the openai policy. */
  model?: ModelFlags;
}

function parseDeviceSpec(spec: string, k: number): number {
  const m = /^sandbox(?:\*(\d+))?$/.exec(spec);
  if (!m) throw new StepwiseError('config_error', `unknown device "${spec}"`, 'use sandbox or sandbox*K');
  return m[1] ? Number(m[1]) : k;
}

function makePolicy(name: string, o: BatchOptions): Policy {
  if (name === 'demo') return new DemoPolicy({ noise: o.noise, seed: o.seed, solutionFor });
  if (name === 'openai') return openAIPolicyFromFlags(o.model ?? {});
  throw new StepwiseError('config_error', `unknown policy "${name}"`, 'use --policy demo or --policy openai');
}

function checkNumber(name: string, v: number, min: number, max: number): void {
  if (!Number.isFinite(v) || v < min || v > max) throw new StepwiseError('config_error', `--${name} ${v} is out of range`, `use a number from ${min} to ${max}`);
}

export async function runSandboxBatch(o: BatchOptions) {
  checkNumber('sample', o.sample, 1, 100_000);
  checkNumber('noise', o.noise, 0, 1);
  checkNumber('max-steps', o.maxSteps, 1, 500);
  const k = parseDeviceSpec(o.device, o.devices);
  const policy = makePolicy(o.policy, o);
  const instances = sampleInstances(selectTemplates(TEMPLATES, o.tasks), o.sample, o.seed, APPS);
  const storeDir = resolveStoreDir(o.store);
  const store = openStore(storeDir);
  const { browser, devices } = await openSandboxDevices(Math.min(k, instances.length));
  const bar = progressBar(instances.length, `running ${instances.length} tasks on ${devices.length} phone(s)`, o.progress);
  const runId = `run-${Date.now().toString(36)}`;
  let runs: SuiteRun[] = [];
  try {
    runs = await runSuite({
      tasks: instances.map(sandboxTask),
      devices,
      policy,
      store,
      maxSteps: o.maxSteps,
      meta: { run: runId, noise: o.noise, seed: o.seed },
      onDone: (r) => bar.tick(`${r.task.ref.meta?.template} ${r.outcome?.verdict === 'success' ? 'ok' : 'fail'}`),
    });
  } finally {
    bar.stop();
    await browser.close();
    store.close();
  }
  const summary = { ...runSummary(runs), by_scenario: summarize(runs, (r) => String(r.task.ref.meta?.scenario)), store: storeDir, run: runId };
  if (o.report) printReport(summary.by_scenario, summary.success_rate, runs.length, storeDir);
  return summary;
}

function printReport(by: Record<string, { n: number; success: number; rate: number }>, rate: number, n: number, storeDir: string): void {
  const w = process.stderr;
  w.write('\nsuccess by scenario\n');
  for (const [k, v] of Object.entries(by).sort()) {
    const bar = '#'.repeat(Math.round(v.rate * 20)).padEnd(20, '.');
    w.write(`  ${k.padEnd(16)} ${bar} ${(100 * v.rate).toFixed(0).padStart(3)}%  (${v.success}/${v.n})\n`);
  }
  w.write(`  ${'all'.padEnd(16)} ${'#'.repeat(Math.round(rate * 20)).padEnd(20, '.')} ${(100 * rate).toFixed(0).padStart(3)}%  (${n} tasks)\n`);
  w.write(`\ntrajectories stored in ${storeDir} (see: stepwise traj list --store ${storeDir})\n`);
}
