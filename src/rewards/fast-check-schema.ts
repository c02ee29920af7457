/**
 * A fast pre-check derived from a zod schema (no second declaration): returns true only when
 * the schema certainly accepts the value. It understands the few shapes actions use (strict
 * objects, literals, plain strings and numbers, enums, number tuples, optionals); anything else,
 * or any failure, answers false and the caller runs the real zod parse, which also writes the
 * error message. This keeps 1,000-action batches cheap without a hand-written validator.
 */
import type { z } from 'zod';

type Check = (v: unknown) => boolean;
const NEVER: Check = () => false;

interface Def {
  type: string;
  checks?: unknown[];
  innerType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export function compileCheck(schema: z.ZodType): Check {
  const def = defOf(schema);
  const plain = !def.checks || def.checks.length === 0;
  switch (def.type) {
    case 'string':
      return plain ? (v) => typeof v === 'string' : NEVER;
    case 'number':
      return plain ? (v) => typeof v === 'number' && Number.isFinite(v) : NEVER;
    case 'literal': {
      const values = def.values ?? [];
      return (v) => values.includes(v);
    }
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => allowed.has(v);
    }
    case 'optional': {
      const inner = compileCheck(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'tuple': {
      if (!plain || def.rest) return NEVER;
      const items = (def.items ?? []).map(compileCheck);
      return (v) => Array.isArray(v) && v.length === items.length && items.every((c, i) => c(v[i]));
    }
    case 'object': {
      // Only strict objects (catchall never): unknown keys must fail.
      if (!def.shape || defOf(def.catchall ?? (schema as never)).type !== 'never') return NEVER;
      const keys = Object.keys(def.shape);
      const checks = keys.map((k) => compileCheck(def.shape![k]));
      const known = new Set(keys);
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        for (const k in v) if (!known.has(k)) return false;
        for (let i = 0; i < keys.length; i++) if (!checks[i]((v as Record<string, unknown>)[keys[i]])) return false;
        return true;
      };
    }
    default:
      return NEVER;
  }
}
