/**
 * JSONL items for `stepwise judge`: one JSON object a line, in any of these shapes
 *   {"id", "prompt", "response", "reference"?, "principle"?, "images"?: [path | data URL]}
 *   {"id", "trajectory": "<id in the store>", "step"?: n, "reference"?, "principle"?}
 *   {"id", "target": {...JudgeTarget}, ...}                      (the library's JudgeItem)
 * A bad line is reported with its number and does not stop the others.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StepwiseError, errorMessage } from '../core/errors.js';
import type { Trajectory } from '../core/trajectory.js';
import type { JudgeItem } from './types.js';

export type ParsedLine = { line: number; item: JudgeItem } | { line: number; error: string };

export interface ItemSources {
  /** A stored trajectory by id (the CLI opens the store only when a line names one). */
  trajectory?: (id: string) => Trajectory;
  /** Folder image paths are relative to. */
  baseDir?: string;
}

function image(v: unknown, baseDir: string): Buffer {
  if (typeof v !== 'string' || v === '') throw new Error('images: expected file paths or data URLs');
  const m = /^data:[^;,]+;base64,(.*)$/s.exec(v);
  if (m) return Buffer.from(m[1], 'base64');
  try {
    return readFileSync(resolve(baseDir, v));
  } catch (e) {
    throw new Error(`image ${v}: ${errorMessage(e)}`);
  }
}

const optStr = (o: Record<string, unknown>, k: string): string | undefined => {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Error(`${k}: expected a string`);
  return v;
};

export function itemFrom(o: unknown, src: ItemSources = {}): JudgeItem {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error('expected a JSON object');
  const r = o as Record<string, unknown>;
  const common: Partial<JudgeItem> = {
    ...(r.id !== undefined && { id: String(r.id) }),
    ...(optStr(r, 'reference') !== undefined && { reference: optStr(r, 'reference') }),
    ...(optStr(r, 'principle') !== undefined && { principle: optStr(r, 'principle') }),
    ...(r.meta !== undefined && { meta: r.meta as Record<string, unknown> }),
  };
  if (r.target !== undefined) {
    const t = r.target as { kind?: string };
    if (!t || !['text', 'trajectory', 'step'].includes(String(t.kind))) throw new Error('target.kind: expected text, trajectory or step');
    return { ...common, target: r.target as JudgeItem['target'] };
  }
  if (r.trajectory !== undefined) {
    if (!src.trajectory) throw new Error('trajectory items need a store (--store)');
    const traj = typeof r.trajectory === 'string' ? src.trajectory(r.trajectory) : (r.trajectory as Trajectory);
    if (!traj || !Array.isArray(traj.steps)) throw new Error('trajectory: expected a stored trajectory id');
    if (r.step !== undefined) {
      if (!Number.isInteger(r.step)) throw new Error('step: expected an integer');
      return { id: traj.id, ...common, target: { kind: 'step', trajectory: traj, index: r.step as number } };
    }
    return { id: traj.id, ...common, target: { kind: 'trajectory', trajectory: traj } };
  }
  const prompt = optStr(r, 'prompt');
  const response = optStr(r, 'response');
  if (prompt === undefined || response === undefined) throw new Error('expected prompt and response, or trajectory, or target');
  if (r.images !== undefined && !Array.isArray(r.images)) throw new Error('images: expected a list');
  const images = (r.images as unknown[] | undefined)?.map((v) => image(v, src.baseDir ?? process.cwd()));
  return { ...common, target: { kind: 'text', prompt, response, ...(images?.length && { images }) } };
}

export function parseItems(text: string, src: ItemSources = {}): ParsedLine[] {
  const out: ParsedLine[] = [];
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      out.push({ line: i + 1, item: itemFrom(JSON.parse(l), src) });
    } catch (e) {
      out.push({ line: i + 1, error: e instanceof SyntaxError ? `not JSON: ${e.message}` : errorMessage(e) });
    }
  });
  return out;
}

export function readItems(path: string, src: ItemSources = {}): ParsedLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read items file ${path}: ${errorMessage(e)}`, 'pass a JSONL file with --in');
  }
  return parseItems(text, { baseDir: dirname(resolve(path)), ...src });
}
