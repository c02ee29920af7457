/**
 * JSON dialect: our own action schema, for models driven by OpenAI function/tool calling.
 * Accepts {thought?, summary?, action: {...}}, a bare action object, a chat-completions
 * `tool_calls` array, a single tool call ({name, arguments}) or a whole assistant message /
 * completion. Tools are generated from the registry by `toolsForOpenAI`.
 */
import { z } from 'zod';
import { ACTIONS, ACTION_TYPES, actionsFor, canonicalize, stripMeta, type Action, type ActionType, type Platform } from '../core/actions.js';
import type { Frame } from '../core/coords.js';
import { ParseError } from '../core/errors.js';
import { finishAction, guardParse, short, unsupported } from './common.js';
import { isRecord, readJson } from './jsontext.js';
import { actionSpace, actionSpaceText, chat, checkInstruction, hintsText, historyText, repliesText } from './prompt.js';
import type { Dialect, ParsedOutput, ParseOptions, PromptContext, RenderOptions, RenderStep } from './types.js';

const NAME = 'json';
const EXPECTED = '{"thought": "...", "action": {"type": "click", "point": [x, y]}, "summary": "..."} or an OpenAI tool call';
const RESERVED = new Set(['thought', 'action', 'summary']);

interface Found {
  action: unknown;
  thought?: unknown;
  summary?: unknown;
  extras: Record<string, unknown>;
}

function fromToolCall(call: unknown): Found {
  const fn = isRecord(call) && isRecord(call.function) ? call.function : call;
  if (!isRecord(fn) || typeof fn.name !== 'string') throw new ParseError(`${NAME}: tool call ${short(call)} has no function name`, EXPECTED);
  const args = typeof fn.arguments === 'string' ? readJson(NAME, fn.arguments, 'the tool arguments as a JSON object') : fn.arguments ?? {};
  if (!isRecord(args)) throw new ParseError(`${NAME}: the arguments of ${fn.name} are ${short(args)}`, 'a JSON object of action fields');
  const { thought, summary, ...fields } = args;
  return { action: { type: fn.name, ...fields }, thought, summary, extras: {} };
}

function toolCalls(dialectValue: unknown[]): Found {
  if (dialectValue.length !== 1) throw new ParseError(`${NAME}: found ${dialectValue.length} tool calls`, 'exactly one tool call');
  return fromToolCall(dialectValue[0]);
}

/** Find the action in any of the accepted shapes. */
function locate(v: unknown): Found {
  if (Array.isArray(v)) return toolCalls(v);
  if (!isRecord(v)) throw new ParseError(`${NAME}: found ${short(v)}`, EXPECTED);
  if (Array.isArray(v.choices)) {
    const msg = isRecord(v.choices[0]) ? v.choices[0].message : undefined;
    return locate(msg);
  }
  if (Array.isArray(v.tool_calls)) {
    const found = toolCalls(v.tool_calls);
    // In a chat message the reasoning is the text content next to the tool call.
    if (found.thought === undefined && typeof v.content === 'string' && v.content.trim()) found.thought = v.content.trim();
    return found;
  }
  if ('action' in v) {
    const { action, thought, summary, ...extras } = v;
    return { action, thought, summary, extras };
  }
  if (typeof v.type === 'string' && v.type in ACTIONS) return { action: v, extras: {} };
  if (typeof v.name === 'string' || isRecord(v.function)) return fromToolCall(v);
  throw new ParseError(`${NAME}: ${short(v)} holds no action`, EXPECTED);
}

function optionalText(v: unknown, what: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ParseError(`${NAME}: ${what} is ${short(v)}`, `${what} as a string`);
  return v;
}

function parse(raw: string, opts: ParseOptions = {}): ParsedOutput {
  return guardParse(NAME, raw, (text) => {
    const start = text.search(/[[{]/);
    if (start < 0) throw new ParseError(`${NAME}: no JSON in ${short(text.trim())}`, EXPECTED);
    const found = locate(readJson(NAME, text.slice(start), EXPECTED));
    if (!isRecord(found.action)) throw new ParseError(`${NAME}: "action" is ${short(found.action)}`, 'an action object with a "type"');
    const validated = finishAction(NAME, found.action);
    // Points may come in another space (norm1, image pixels); canonicalize converts and rounds them.
    const size = opts.imageSize ?? { width: 1000, height: 1000 };
    const frame: Frame = { id: validated.frameId ?? 'parse', width: size.width, height: size.height, rotation: 0, image: opts.imageSize };
    if (validated.space === 'device') throw new ParseError(`${NAME}: device-pixel points cannot be converted here`, 'norm1000 points, or "space": "image" with --image-size');
    const action = stripMeta(canonicalize(validated, frame));
    const thought = optionalText(found.thought, 'thought');
    const summary = optionalText(found.summary, 'summary');
    return { ...(thought !== undefined && { thought }), action, ...(summary !== undefined && { summary }), extras: found.extras };
  });
}

function render(step: RenderStep, opts: RenderOptions = {}): string {
  const out: Record<string, unknown> = {};
  if (step.thought !== undefined) out.thought = step.thought;
  out.action = JSON.parse(renderAction(step.action, opts));
  if (step.summary !== undefined) out.summary = step.summary;
  for (const [k, v] of Object.entries(step.extras ?? {})) {
    if (RESERVED.has(k)) {
      if (opts.lossy) continue;
      throw unsupported(NAME, `the extra field "${k}": it would be read back as the step's own ${k}`);
    }
    out[k] = v;
  }
  return JSON.stringify(out);
}

function renderAction(action: Action, _opts: RenderOptions = {}): string {
  return JSON.stringify(stripMeta(action));
}

/** Replace JSON-Schema tuples (prefixItems) by arrays of fixed length, which tool APIs accept. */
function plainTuples(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plainTuples);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    if (k === 'prefixItems' && Array.isArray(v)) out.items = plainTuples(v[0]);
    else if (!(k === 'items' && 'prefixItems' in node)) out[k] = plainTuples(v);
  }
  return out;
}

export interface OpenAITool {
  type: 'function';
  function: { name: ActionType; description: string; parameters: Record<string, unknown> };
}

/** The `tools` array for chat completions: one function per action type of the platform. */
export function toolsForOpenAI(platform?: Platform): OpenAITool[] {
  const types = platform ? actionsFor(platform) : ACTION_TYPES;
  return types.map((t) => {
    const schema = (ACTIONS[t].schema as unknown as z.ZodObject<z.ZodRawShape>).omit({ type: true, frameId: true, space: true });
    return {
      type: 'function',
      function: { name: t, description: ACTIONS[t].description, parameters: plainTuples(z.toJSONSchema(schema)) as Record<string, unknown> },
    };
  });
}

function buildPrompt(ctx: PromptContext) {
  checkInstruction(ctx);
  const space = actionSpaceText(actionSpace(json, ctx.platform ?? 'phone'));
  const system =
    'You are a GUI agent. You get a task, the history of your steps and the current screenshot; you choose the next action.\n' +
    'Points are [x, y] integers from 0 to 1000 on the screenshot, origin top-left.\n\n' +
    `## Actions\n${space}\n\n` +
    '## Output\nAnswer with one JSON object and nothing else:\n' +
    '{"thought": "your reasoning", "action": {...one action...}, "summary": "what has been done so far, including this step"}' +
    hintsText(ctx.hints);
  const user = `Task: ${ctx.instruction}\nHistory:\n${historyText(ctx.history, 'list')}\n${repliesText(ctx.userReplies)}Current screenshot:`;
  return chat(system, user, ctx);
}

export const json: Dialect = {
  name: NAME,
  coordinates: 'norm1000',
  description: 'our action schema as JSON or OpenAI tool calls, 0-1000 points',
  actions: ACTION_TYPES,
  parse,
  render,
  renderAction,
  buildPrompt,
};
