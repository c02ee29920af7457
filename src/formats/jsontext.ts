/**
 * JSON in model outputs: tolerant reading (code fences, trailing prose, almost-JSON repaired
 * by jsonrepair) and Python-style writing (json.dumps spacing), which is what Qwen chat
 * templates put in training targets.
 */
import { jsonrepair } from 'jsonrepair';
import { ParseError } from '../core/errors.js';
import { short } from './common.js';

/** Parse JSON text; repair almost-JSON; a ParseError says what could not be read. */
export function readJson(dialect: string, text: string, expected: string): unknown {
  const body = text.trim().replace(/^```(?:json)?\s*\n?/i, '').replace(/\n?```\s*$/, '').trim();
  if (body === '') throw new ParseError(`${dialect}: found no JSON`, expected);
  try {
    return JSON.parse(body);
  } catch {
    // Models drop quotes, leave trailing commas or truncate; jsonrepair fixes what it can.
  }
  try {
    return JSON.parse(jsonrepair(body));
  } catch (e) {
    throw new ParseError(`${dialect}: ${short(body)} is not JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, expected);
  }
}

/** Plain object test for parsed JSON. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with Python's json.dumps separators (", " and ": "), non-ASCII kept as is. */
export function pyJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pyJson).join(', ')}]`;
  if (isRecord(v)) {
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
