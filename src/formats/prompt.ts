/**
 * Prompt pieces shared by the dialects. The action-space listing is generated: for every
 * action type in the registry that the platform offers and the dialect can express, a sample
 * action is built from the zod schema and written with the dialect's own renderer, so the
 * prompt can never disagree with the parser.
 */
import type { z } from 'zod';
import { ACTIONS, ACTION_TYPES, actionsFor, stripMeta, type Action, type ActionType, type Platform } from '../core/actions.js';
import { StepwiseError } from '../core/errors.js';
import type { ChatMessage, ContentPart, Dialect, HistoryEntry, PromptContext, RenderOptions } from './types.js';

const META_FIELDS = new Set(['type', 'frameId', 'space']);

// Sample values by field role; the fallback covers fields added to the registry later.
const SAMPLE_POINTS: Record<string, [number, number]> = { point: [500, 500], from: [500, 800], to: [500, 200] };

function sampleValue(field: string, schema: z.ZodType): unknown {
  const def = (schema as unknown as { def: { type: string } }).def;
  switch (def.type) {
    case 'tuple': return SAMPLE_POINTS[field] ?? [500, 500];
    case 'enum': {
      const options = (schema as unknown as { options: string[] }).options;
      if (field === 'direction' && options.includes('down')) return 'down';
      return options[0];
    }
    // 5 s is UI-TARS's fixed wait, so every dialect can show the sample.
    case 'number': return field === 'duration_ms' ? 800 : field === 'seconds' ? 5 : 1;
    case 'array': return ['ctrl', 'c'];
    case 'string': return field === 'url' ? 'https://example.com' : `<${field}>`;
    default: return `<${field}>`;
  }
}

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  const def = (schema as unknown as { def: { type: string } }).def;
  if (def.type === 'optional') return { inner: (schema as unknown as z.ZodOptional<z.ZodType>).unwrap(), optional: true };
  return { inner: schema, optional: false };
}

/**
 * A sample action of a type: required fields, plus the optional fields named. `blankText`
 * leaves text fields empty, for dialects that cannot carry the text (UI-TARS call_user()).
 */
export function sampleAction(t: ActionType, optional: readonly string[] = [], blankText = false): Action {
  const shape = ACTIONS[t].schema.shape as Record<string, z.ZodType>;
  const out: Record<string, unknown> = { type: t };
  for (const [field, schema] of Object.entries(shape)) {
    if (META_FIELDS.has(field)) continue;
    const { inner, optional: isOpt } = unwrap(schema);
    if (!isOpt || optional.includes(field)) {
      const v = sampleValue(field, inner);
      out[field] = blankText && typeof v === 'string' && v.startsWith('<') ? '' : v;
    }
  }
  return out as Action;
}

/** The dialect's text for an action, or undefined when the dialect cannot express it. */
function tryRender(dialect: Pick<Dialect, 'renderAction'>, action: Action, opts: RenderOptions): string | undefined {
  try {
    return dialect.renderAction(action, { ...opts, lossy: false });
  } catch (e) {
    if (e instanceof StepwiseError) return undefined;
    throw e;
  }
}

function optionalFields(t: ActionType): string[] {
  const shape = ACTIONS[t].schema.shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((f) => !META_FIELDS.has(f) && unwrap(shape[f]).optional);
}

export interface ActionSpaceLine {
  type: ActionType;
  /** The sample action in the dialect's notation. */
  text: string;
  description: string;
  /** Optional fields the dialect can express for this action. */
  optional: string[];
}

/** The action space of a platform in a dialect's notation. */
export function actionSpace(dialect: Pick<Dialect, 'actions' | 'renderAction'>, platform: Platform, opts: RenderOptions = {}): ActionSpaceLine[] {
  const offered = new Set(actionsFor(platform));
  const lines: ActionSpaceLine[] = [];
  for (const t of ACTION_TYPES) {
    if (!offered.has(t) || !dialect.actions.includes(t)) continue;
    const o = { ...opts, platform };
    const blank = tryRender(dialect, sampleAction(t), o) === undefined;
    // Keep the optional fields this dialect can write; the others would make render throw.
    const optional = optionalFields(t).filter((f) => tryRender(dialect, sampleAction(t, [f], blank), o) !== undefined);
    const text = tryRender(dialect, sampleAction(t, optional, blank), o);
    if (text !== undefined) lines.push({ type: t, text, description: ACTIONS[t].description, optional });
  }
  return lines;
}

/** "- <text>\n  <description> (optional: ...)" per action. */
export function actionSpaceText(lines: readonly ActionSpaceLine[]): string {
  return lines
    .map((l) => `- ${l.text}\n  ${l.description}${l.optional.length ? ` Optional: ${l.optional.join(', ')}.` : ''}`)
    .join('\n');
}

/** Earlier steps: the last summary (GELab style) or a numbered list. */
export function historyText(history: readonly HistoryEntry[] | undefined, mode: 'last-summary' | 'list'): string {
  const h = history ?? [];
  if (h.length === 0) return '(none yet)';
  if (mode === 'last-summary') {
    const last = [...h].reverse().find((e) => e.summary !== undefined && e.summary.trim() !== '');
    if (last) return last.summary!;
  }
  return h
    .map((e, i) => `${i + 1}. ${e.summary && e.summary.trim() ? e.summary : e.action ? JSON.stringify(stripMeta(e.action)) : '(no record)'}`)
    .join('\n');
}

export function repliesText(replies: readonly string[] | undefined): string {
  if (!replies || replies.length === 0) return '';
  return `\nThe user answered your earlier questions:\n${replies.map((r) => `- ${r}`).join('\n')}\nFollow the latest answer.\n`;
}

/** System text + a user message with the task, history and the screenshot. */
export function chat(system: string, userText: string, ctx: PromptContext): ChatMessage[] {
  const content: ContentPart[] = [{ type: 'text', text: userText }];
  if (ctx.image) content.push({ type: 'image_url', image_url: { url: ctx.image.dataUrl } });
  return [
    { role: 'system', content: system },
    { role: 'user', content },
  ];
}

export function hintsText(hints: readonly string[] | undefined): string {
  return hints && hints.length ? `\n\n## Hints\n${hints.map((h) => `- ${h}`).join('\n')}` : '';
}

/** Image size for a pixel dialect's prompt; the coordinates refer to it. */
export function promptImageSize(dialect: string, ctx: PromptContext): { width: number; height: number } {
  if (!ctx.image) {
    throw new StepwiseError('config_error', `${dialect} prompts need the screenshot: its coordinates are pixels of that image`, 'pass ctx.image with dataUrl, width and height');
  }
  return { width: ctx.image.width, height: ctx.image.height };
}

export function checkInstruction(ctx: PromptContext): void {
  if (typeof ctx.instruction !== 'string' || ctx.instruction.trim() === '') {
    throw new StepwiseError('config_error', 'the prompt needs a task instruction', 'pass ctx.instruction, e.g. "Open Settings and turn on Wi-Fi"');
  }
}
