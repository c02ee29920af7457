/**
 * A dataset format, declared once: its zod schema (what a record must hold) and how a valid
 * record becomes evaluation items. Loading, validation messages, auto-detection and the
 * `--list-formats` help are all generated from these declarations.
 */
import type { z } from 'zod';
import type { EvalItem } from '../items.js';

export interface FormatContext {
  /** 1-based line or record number. */
  line: number;
  /** File name without folder and extension (ProcessBench names its split by file). */
  stem: string;
}

/** Items from one record, or why a valid record is not used. */
export type Converted = EvalItem[] | { skip: string };

export interface FormatDef<S extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for help: the benchmark and its metric. */
  description: string;
  /** The public field names, for docs and error hints. */
  fields: string;
  schema: S;
  toItems(rec: z.infer<S>, ctx: FormatContext): Converted;
}

export function defineFormat<S extends z.ZodType>(def: FormatDef<S>): FormatDef<S> {
  return def;
}

/** Record id or a stable fallback from the line number. */
export function idOf(v: string | number | undefined, ctx: FormatContext): string {
  return v === undefined ? `${ctx.stem}:${ctx.line}` : String(v);
}
