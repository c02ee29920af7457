/**
 * The rollout -> CSRS -> train -> serve loop (Step-GUI's self-evolving pipeline). Each round
 * runs a task batch with the current policy, turns every stored trajectory into data with CSRS
 * (one cumulative, resumable dataset), runs the user's train command on it, then the user's
 * serve command so the next round's rollout reaches the new model. Progress is a state file
 * written after every phase, so a crashed or failed loop resumes at the phase that did not
 * finish; success per round goes to a chart.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StepwiseError } from '../core/errors.js';
import { lineChart } from '../report/charts.js';
import { htmlPage, htmlTable, markdownTable } from '../report/html.js';
import type { CsrsSummary } from './pipeline.js';

export const PHASES = ['rollout', 'csrs', 'train', 'serve'] as const;
export type Phase = (typeof PHASES)[number];

export interface RoundState {
  round: number;
  /** Phases finished, in order. */
  done: Phase[];
  run?: string;
  tasks?: number;
  success_rate?: number;
  samples?: number;
  train_seconds?: number;
}

export interface EvolveState {
  rounds: RoundState[];
}

export interface RolloutResult { run: string; tasks: number; success_rate: number }

export interface EvolveOptions {
  workdir: string;
  rounds: number;
  rollout: (round: number) => Promise<RolloutResult>;
  csrs: (round: number, dataset: string) => Promise<CsrsSummary>;
  trainCmd?: string;
  serveCmd?: string;
  /** Extra environment for the user's commands. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

const stateFile = (dir: string) => join(dir, 'evolve.json');

export function readState(dir: string): EvolveState {
  const f = stateFile(dir);
  if (!existsSync(f)) return { rounds: [] };
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as EvolveState;
  } catch (e) {
    throw new StepwiseError('invalid_input', `${f} is not a readable evolve state: ${(e as Error).message}`, 'restore it or start over with another --workdir');
  }
}

function writeState(dir: string, s: EvolveState): void {
  const f = stateFile(dir);
  writeFileSync(`${f}.tmp`, JSON.stringify(s, null, 2) + '\n');
  renameSync(`${f}.tmp`, f); // atomic: a crash never leaves half a state
}

/** Runs a user command through the shell with the round's environment; rejects with its exit code. */
export function runUserCommand(kind: string, cmd: string, env: Record<string, string>, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, { shell: true, cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (e) => reject(new StepwiseError('config_error', `the ${kind} command could not start: ${e.message}`, `check --${kind}-cmd`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new StepwiseError('config_error', `the ${kind} command failed (${signal ? `signal ${signal}` : `exit ${code}`}): ${cmd}`, `fix it and run stepwise evolve again with the same --workdir: the loop resumes at this ${kind} step`));
    });
  });
}

export async function evolve(o: EvolveOptions): Promise<EvolveState> {
  if (!Number.isInteger(o.rounds) || o.rounds < 1 || o.rounds > 1000) throw new StepwiseError('invalid_input', `--rounds ${o.rounds} is out of range`, 'use a whole number from 1 to 1000');
  mkdirSync(o.workdir, { recursive: true });
  const dataset = join(o.workdir, 'dataset');
  const state = readState(o.workdir);
  const log = o.log ?? (() => {});
  for (let r = 1; r <= o.rounds; r++) {
    let rs = state.rounds.find((x) => x.round === r);
    if (!rs) { rs = { round: r, done: [] }; state.rounds.push(rs); }
    const finish = (p: Phase) => { rs.done.push(p); writeState(o.workdir, state); writeReport(o.workdir, state); };
    const env = {
      ...o.env,
      STEPWISE_ROUND: String(r),
      STEPWISE_DATASET: dataset,
      STEPWISE_WORKDIR: o.workdir,
      STEPWISE_CHECKPOINT: join(o.workdir, `round-${r}`, 'checkpoint'),
    };
    if (!rs.done.includes('rollout')) {
      log(`round ${r}: rollout`);
      const res = await o.rollout(r);
      Object.assign(rs, { run: res.run, tasks: res.tasks, success_rate: res.success_rate });
      finish('rollout');
    }
    if (!rs.done.includes('csrs')) {
      log(`round ${r}: CSRS -> ${dataset}`);
      const s = await o.csrs(r, dataset);
      rs.samples = Object.values(s.samples_by_category).reduce((a, b) => a + b, 0);
      finish('csrs');
    }
    if (r === o.rounds) break; // the last round measures; training after it would feed nothing
    if (!rs.done.includes('train')) {
      if (o.trainCmd) {
        log(`round ${r}: train`);
        mkdirSync(join(o.workdir, `round-${r}`), { recursive: true });
        const t0 = Date.now();
        await runUserCommand('train', o.trainCmd, env, o.workdir);
        rs.train_seconds = (Date.now() - t0) / 1000;
      }
      finish('train');
    }
    if (!rs.done.includes('serve')) {
      if (o.serveCmd) {
        log(`round ${r}: serve`);
        await runUserCommand('serve', o.serveCmd, env, o.workdir);
      }
      finish('serve');
    }
  }
  writeReport(o.workdir, state);
  return state;
}

/** evolve.md and evolve.html: success per round as a table and a chart. */
export function writeReport(dir: string, s: EvolveState): void {
  const rows = s.rounds.map((r) => [r.round, r.tasks ?? null, r.success_rate ?? null, r.samples ?? null, r.done.join(' ')]);
  const headers = ['round', 'tasks', 'success rate', 'samples (cumulative)', 'phases done'];
  const chart = lineChart({
    title: 'Success rate per round',
    series: [{ name: 'success rate', points: s.rounds.filter((r) => r.success_rate !== undefined).map((r) => [r.round, r.success_rate!]) }],
    xLabel: 'round', yMax: 1,
  });
  writeFileSync(join(dir, 'evolve.svg'), chart);
  writeFileSync(join(dir, 'evolve.md'), `# stepwise evolve\n\n![success per round](evolve.svg)\n\n${markdownTable(headers, rows)}\n`);
  writeFileSync(join(dir, 'evolve.html'), htmlPage({ title: 'stepwise evolve', subtitle: 'rollout -> CSRS -> train -> serve', body: `${chart}${htmlTable(headers, rows)}` }));
}

