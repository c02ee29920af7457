/**
 * The shape of a registered reward method and the zod atoms the input schemas share.
 * Input field names follow REWARDS.md symbols in camelCase; each field's description names
 * the symbol it stands for.
 */
import { z } from 'zod';
import { RewardInputError } from '../util.js';

export type Tag = 'code' | 'paper' | 'summary' | 'OURS';

export interface RewardMethod {
  /** kebab-case name used by the CLI and the server routes. */
  name: string;
  /** REWARDS.md section and paper, e.g. "REWARDS.md 1; arXiv 2504.15275". */
  citation: string;
  tag: Tag;
  description: string;
  input: z.ZodType;
  run(input: unknown): unknown;
}

/** Typed at definition, erased in the registry: run() only ever sees schema-parsed input. */
export function defineMethod<S extends z.ZodType>(m: {
  name: string;
  citation: string;
  tag: Tag;
  description: string;
  input: S;
  run: (input: z.infer<S>) => unknown;
}): RewardMethod {
  return m as RewardMethod;
}

export const num = z.number();
export const nums = z.array(z.number());
export const prob = z.number().min(0).max(1);
export const probs = z.array(prob);
export const bools = z.array(z.boolean());
export const box = z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[x1, y1, x2, y2] on the 0-1000 grid');
export const point = z.tuple([z.number(), z.number()]).describe('[x, y] on the 0-1000 grid');
export const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]);
export const stdKind = z.enum(['sample', 'population']).describe("'sample' (n-1, default, as torch.std) or 'population' (n)");

/** Readable path like `batch[2].gt.point`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let s = prefix;
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(input)';
}

/** Parse with a schema; the first issue becomes a RewardInputError naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new RewardInputError(formatPath(issue.path, prefix), issue.message, 'see `stepwise reward --list` for the input schema');
}
