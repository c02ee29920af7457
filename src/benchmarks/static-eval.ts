/**
 * Runs a policy over a static set: per step, load the screenshot, give the policy what a live
 * run would (task, observation, history), score its action, then aggregate in AndroidDaily's
 * per-type layout.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { errorMessage, StepwiseError } from '../core/errors.js';
import type { ImageFormat, Observation } from '../core/device.js';
import type { Step } from '../core/trajectory.js';
import type { Policy } from '../agent/policy.js';
import { BENCH_TYPES, benchTypeOf } from './bench-types.js';
import { REPORT_SCHEMA, type BenchType, type StaticReport, type StaticStepResult, type TypeRow } from './report-types.js';
import { STATIC_REFERENCE } from './reference.js';
import { scoreStep, SCORING, type ScoringRules } from './scoring.js';
import { missingScreenshots, screenshotPath, type StaticRow, type StaticSet } from './static-format.js';

export interface StaticRunOptions {
  /** Parallel policy calls (model endpoints); default 1. */
  concurrency?: number;
  rules?: ScoringRules;
  onStep?: (r: StaticStepResult) => void;
  signal?: AbortSignal;
  label?: string;
  /** Shown as data.path (e.g. "builtin:sandbox"). */
  dataName?: string;
}

function formatOf(path: string): ImageFormat {
  const e = extname(path).toLowerCase();
  if (e === '.png') return 'png';
  if (e === '.jpg' || e === '.jpeg') return 'jpeg';
  throw new StepwiseError('invalid_input', `screenshot ${path} is neither PNG nor JPEG`, 'static sets use .png or .jpg screenshots');
}

/** The observation a live run would have had at this step, from the row's screenshot. */
export async function observationOf(set: Pick<StaticSet, 'dir'>, row: StaticRow): Promise<Observation> {
  const path = screenshotPath(set, row);
  let data: Buffer;
  try { data = await readFile(path); } catch (e) {
    throw new StepwiseError('not_found', `screenshot of step ${row.id} is missing: ${errorMessage(e)}`, 'rebuild the set, or fix the "screenshot" path (relative to the JSONL file)');
  }
  let { width, height } = row;
  if (!width || !height) {
    const m = await sharp(data).metadata();
    width = m.width; height = m.height;
  }
  const format = formatOf(path);
  return { frame: { id: row.id, width: width!, height: height!, rotation: 0 }, image: { data, format, width: width!, height: height! }, at: 0 };
}

export function historySteps(row: StaticRow): Step[] {
  return row.history.map((h, index) => ({
    index,
    ...(h.action ? { action: h.action } : {}),
    model: { raw: '', ...(h.action ? { action: h.action } : {}), ...(h.summary !== undefined ? { summary: h.summary } : {}), ...(h.thought !== undefined ? { thought: h.thought } : {}) },
  }));
}

/** Predicts and scores one row. Policy errors become a scored miss, not a crashed run. */
export async function evalRow(set: Pick<StaticSet, 'dir'>, row: StaticRow, policy: Policy, rules: ScoringRules = SCORING, signal?: AbortSignal) {
  const observation = await observationOf(set, row);
  const t0 = performance.now();
  let decision;
  let policyError: string | undefined;
  try {
    decision = await policy.decide({ task: { id: row.episode, instruction: row.task, ...(row.app ? { app: row.app } : {}) }, stepIndex: row.step, observation, history: historySteps(row), memory: {}, signal });
  } catch (e) {
    policyError = errorMessage(e);
  }
  const latency = performance.now() - t0;
  const pred = decision?.action;
  const s = scoreStep(pred, row, rules);
  const result: StaticStepResult = {
    id: row.id, task: row.task, step: row.step, gt_type: benchTypeOf(row.gt), pred_type: pred ? benchTypeOf(pred) : null, pred: pred ?? null,
    type_ok: s.type_ok, exact_ok: s.exact_ok, rule: s.rule, latency_ms: latency, screenshot: row.screenshot,
    ...(policyError ? { note: `policy error: ${policyError}` } : !pred && decision?.parseError ? { note: `no action: ${decision.parseError}` } : s.note ? { note: s.note } : {}),
  };
  return { result, tokens: decision?.tokens, policyError: policyError !== undefined };
}

function rowOf(steps: StaticStepResult[]): TypeRow {
  const n = steps.length;
  return { n, type_acc: n ? steps.filter((s) => s.type_ok).length / n : 0, exact_acc: n ? steps.filter((s) => s.exact_ok).length / n : 0 };
}

/** Per-type rows (all of AndroidDaily's columns, OTHER only when present) and the averages. */
export function aggregate(steps: StaticStepResult[]) {
  const per_type = {} as Record<BenchType, TypeRow>;
  const types: BenchType[] = [...BENCH_TYPES, ...(steps.some((s) => s.gt_type === 'OTHER') ? (['OTHER'] as const) : [])];
  for (const t of types) per_type[t] = rowOf(steps.filter((s) => s.gt_type === t));
  const all = rowOf(steps);
  const present = types.filter((t) => per_type[t].n > 0);
  const macro = present.length ? present.reduce((a, t) => a + per_type[t].exact_acc, 0) / present.length : 0;
  return { per_type, avg: all.exact_acc, avg_type: all.type_acc, macro_avg: macro };
}

export async function runStatic(set: StaticSet, policy: Policy, opts: StaticRunOptions = {}): Promise<StaticReport> {
  const missing = missingScreenshots(set);
  if (missing.length) {
    throw new StepwiseError('not_found', `${missing.length} screenshot(s) named in ${set.path} are missing, e.g. ${screenshotPath(set, missing[0])} (step ${missing[0].id})`, 'rebuild the set (stepwise bench build ...) or fix the "screenshot" paths, which are relative to the JSONL file');
  }
  const started = Date.now();
  const limit = pLimit(Math.max(1, opts.concurrency ?? 1));
  const tokens = { prompt: 0, completion: 0 };
  let policyErrors = 0;
  const steps = await Promise.all(set.rows.map((row) => limit(async () => {
    if (opts.signal?.aborted) throw new StepwiseError('cancelled', 'the static run was cancelled');
    const r = await evalRow(set, row, policy, opts.rules ?? SCORING, opts.signal);
    tokens.prompt += r.tokens?.prompt ?? 0;
    tokens.completion += r.tokens?.completion ?? 0;
    if (r.policyError) policyErrors++;
    opts.onStep?.(r.result);
    return r.result;
  })));
  const seconds = (Date.now() - started) / 1000;
  const created = new Date(started);
  return {
    schema: REPORT_SCHEMA,
    kind: 'static',
    id: `bench-static-${stamp(created)}`,
    created_at: created.toISOString(),
    ...(opts.label ? { label: opts.label } : {}),
    policy: { name: policy.name, ...policy.describe() },
    reference: [...STATIC_REFERENCE],
    seconds,
    tokens,
    data: { path: opts.dataName ?? set.path, steps: set.rows.length, tasks: new Set(set.rows.map((r) => r.episode)).size },
    ...aggregate(steps),
    errors: { no_action: steps.filter((s) => s.pred === null).length - policyErrors, policy_error: policyErrors },
    per_step_ms: steps.length ? (1000 * seconds) / steps.length : 0,
    steps,
  };
}

/** Timestamp for report ids and file names: 20261126T164455Z-123 (ms keep two runs apart). */
export function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, 'Z-$1');
}
