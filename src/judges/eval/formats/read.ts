/**
 * Reads a dataset file as records with their position: JSONL (one object per line) or a JSON
 * array. A line that is not JSON becomes a bad record; the rest of the file still loads.
 */
import { readFileSync } from 'node:fs';
import { StepwiseError } from '../../../core/errors.js';
import type { BadRecord } from '../items.js';

export interface RawRecord {
  line: number;
  value: unknown;
}

export function parseRecords(text: string): { records: RawRecord[]; bad: BadRecord[] } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let arr: unknown;
    try {
      arr = JSON.parse(trimmed);
    } catch (e) {
      // A broken JSON array has no record boundaries to recover; say so rather than guess.
      return { records: [], bad: [{ line: 1, message: `not valid JSON: ${(e as Error).message}; use JSONL to keep the good records of a damaged file` }] };
    }
    return { records: (arr as unknown[]).map((value, i) => ({ line: i + 1, value })), bad: [] };
  }
  const records: RawRecord[] = [];
  const bad: BadRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const s = raw.trim();
    if (!s) return;
    try {
      records.push({ line: i + 1, value: JSON.parse(s) });
    } catch (e) {
      bad.push({ line: i + 1, message: `not valid JSON: ${(e as Error).message}` });
    }
  });
  return { records, bad };
}

export function readRecords(path: string): { records: RawRecord[]; bad: BadRecord[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StepwiseError('not_found', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'give a JSONL or JSON file in one of the formats of `stepwise judge-eval --list-formats`');
  }
  return parseRecords(text);
}
