/**
 * Model-output dialects: registry and the parse entry point used by the CLI and the agent.
 */
import { stripMeta, type Action, type Platform } from '../core/actions.js';
import { parseSize, type Size } from '../core/coords.js';
import { StepwiseError } from '../core/errors.js';
import { gelab } from './gelab.js';
import { json } from './json.js';
import { qwen } from './qwen.js';
import type { Dialect } from './types.js';
import { uitars, uitars15 } from './uitars.js';

export * from './types.js';
export { gelab } from './gelab.js';
export { uitars, uitars15 } from './uitars.js';
export { qwen } from './qwen.js';
export { json, toolsForOpenAI, type OpenAITool } from './json.js';
export { actionSpace, sampleAction, type ActionSpaceLine } from './prompt.js';

export const DIALECTS: Readonly<Record<string, Dialect>> = Object.freeze({
  [gelab.name]: gelab,
  [uitars.name]: uitars,
  [uitars15.name]: uitars15,
  [qwen.name]: qwen,
  [json.name]: json,
});

export const DIALECT_NAMES: readonly string[] = Object.keys(DIALECTS);

export function getDialect(name: string): Dialect {
  const d = Object.prototype.hasOwnProperty.call(DIALECTS, name) ? DIALECTS[name] : undefined;
  if (!d) {
    throw new StepwiseError('config_error', `unknown dialect ${JSON.stringify(name)}`, `use one of: ${DIALECT_NAMES.join(', ')}`);
  }
  return d;
}

/** The `stepwise parse` result: one JSON-ready object, ok or not. */
export type ParseReport =
  | { ok: true; thought?: string; summary?: string; action: Action; extras?: Record<string, unknown> }
  | { ok: false; error: string };

/**
 * Parse one raw output for the CLI contract: canonical action without frame bookkeeping;
 * every typed error becomes {ok:false, error}. Untyped errors (bugs) are rethrown.
 */
export function parseReport(dialectName: string, raw: string, opts: { imageSize?: string | Size; platform?: Platform } = {}): ParseReport {
  try {
    const dialect = getDialect(dialectName);
    const imageSize = typeof opts.imageSize === 'string' ? parseSize(opts.imageSize) : opts.imageSize;
    const out = dialect.parse(raw, { imageSize, platform: opts.platform });
    return {
      ok: true,
      ...(out.thought !== undefined && { thought: out.thought }),
      ...(out.summary !== undefined && { summary: out.summary }),
      action: stripMeta(out.action),
      ...(Object.keys(out.extras).length > 0 && { extras: out.extras }),
    };
  } catch (e) {
    if (e instanceof StepwiseError) return { ok: false, error: e.message };
    throw e;
  }
}
