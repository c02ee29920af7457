/**
 * The static benchmark's JSONL format: one step per line. Read with line-numbered errors (a
 * broken line is reported, never silently dropped); written by the builders.
 *
 *   {"id":"ep1/3","episode":"ep1","step":3,"task":"Book a ride to ...","screenshot":"images/ep1-3.jpg",
 *    "width":540,"height":1200,"history":[{"action":{...},"summary":"..."}],
 *    "gt":{"type":"click","point":[512,300]},"boxes":[[420,270,600,330]],"meta":{...}}
 *
 * `gt` is a registry action on the 0-1000 grid: its type is the ground-truth type and its
 * fields are the value (point, text, app, from/to, direction...). `screenshot` is relative to
 * the JSONL file's folder (or absolute).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { validateAction, type Action } from '../core/actions.js';
import { errorMessage, StepwiseError } from '../core/errors.js';

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]).refine((b) => b[0] <= b[2] && b[1] <= b[3] && b.every((v) => v >= 0 && v <= 1000), 'a box is [x1, y1, x2, y2] on the 0-1000 grid with x1 <= x2 and y1 <= y2');

export const HistoryItemSchema = z.object({
  action: z.unknown().optional(),
  summary: z.string().optional(),
  thought: z.string().optional(),
}).strict();

export const StaticRowSchema = z.object({
  id: z.string().min(1),
  episode: z.string().min(1),
  step: z.number().int().nonnegative(),
  task: z.string().min(1),
  app: z.string().optional(),
  screenshot: z.string().min(1),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  history: z.array(HistoryItemSchema).default([]),
  gt: z.unknown(),
  /** Valid targets for click / long_press (any hit counts). */
  boxes: z.array(box).optional(),
  /** Names accepted for open_app besides gt.app (aliases, package). */
  app_names: z.array(z.string()).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
}).strict();

export interface StaticHistoryItem { action?: Action; summary?: string; thought?: string }

export interface StaticRow extends Omit<z.infer<typeof StaticRowSchema>, 'gt' | 'history'> {
  gt: Action;
  history: StaticHistoryItem[];
}

export interface StaticSet {
  path: string;
  /** Folder screenshots are relative to. */
  dir: string;
  rows: StaticRow[];
}

export interface LineError { line: number; message: string }

function checkRow(value: unknown): StaticRow {
  const r = StaticRowSchema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`${i.path.join('.') || '(row)'}: ${i.message}`);
  }
  const gt = validateAction(r.data.gt);
  const history = r.data.history.map((h, k) => {
    try {
      return { ...h, action: h.action === undefined ? undefined : validateAction(h.action) };
    } catch (e) {
      throw new Error(`history.${k}.action: ${errorMessage(e)}`);
    }
  });
  return { ...r.data, gt, history };
}

/** Parses JSONL text; bad lines are collected with their line numbers. */
export function parseStaticJsonl(text: string): { rows: StaticRow[]; errors: LineError[] } {
  const rows: StaticRow[] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    let v: unknown;
    try { v = JSON.parse(line); } catch (e) { errors.push({ line: i + 1, message: `not valid JSON: ${errorMessage(e)}` }); return; }
    try {
      const row = checkRow(v);
      if (seen.has(row.id)) throw new Error(`duplicate id "${row.id}"`);
      seen.add(row.id);
      rows.push(row);
    } catch (e) {
      errors.push({ line: i + 1, message: errorMessage(e) });
    }
  });
  return { rows, errors };
}

const FORMAT_HINT = 'one JSON object per line: {id, episode, step, task, screenshot, history, gt, boxes?}; see docs/BENCH.md';

/**
 * Reads a static set. Any bad line is an error unless `skipBad` (then the lines are returned in
 * `errors` for the caller to report): a benchmark that silently scores fewer steps misleads.
 */
export function readStaticSet(path: string, opts: { skipBad?: boolean } = {}): StaticSet & { errors: LineError[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read static set ${path}: ${errorMessage(e)}`, 'pass an existing JSONL file to --data (or omit --data for the built-in sandbox set)');
  }
  const { rows, errors } = parseStaticJsonl(text);
  if (errors.length && !opts.skipBad) {
    const shown = errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join('; ');
    throw new StepwiseError('invalid_input', `${path} has ${errors.length} bad line(s): ${shown}`, `fix them, or pass --skip-bad to score the ${rows.length} good lines; ${FORMAT_HINT}`, { errors });
  }
  if (!rows.length) throw new StepwiseError('invalid_input', `${path} has no steps`, FORMAT_HINT);
  return { path: resolve(path), dir: dirname(resolve(path)), rows, errors };
}

export function screenshotPath(set: Pick<StaticSet, 'dir'>, row: Pick<StaticRow, 'screenshot'>): string {
  return isAbsolute(row.screenshot) ? row.screenshot : resolve(set.dir, row.screenshot);
}

/** Screenshots the rows name that are not on disk (checked before a run starts). */
export function missingScreenshots(set: StaticSet): StaticRow[] {
  return set.rows.filter((r) => !existsSync(screenshotPath(set, r)));
}

export function rowJson(r: StaticRow): string {
  return JSON.stringify(r);
}

export function writeStaticSet(path: string, rows: readonly StaticRow[]): void {
  writeFileSync(path, rows.map(rowJson).join('\n') + '\n');
}
