/**
 * Qwen2.5-VL / Qwen3-VL `mobile_use` function calls:
 *   Thought: ...
 *   Action: ...            (a one-line description; read as the summary)
 *   <tool_call>
 *   {"name": "mobile_use", "arguments": {"action": "click", "coordinate": [x, y]}}
 *   </tool_call>
 * Coordinates are absolute pixels of the image the model saw, so parse and render need
 * its size. (Qwen3-VL works on a 0-1000 grid: give the size 1000x1000.)
 */
import { KEYS, type Action, type ActionType } from '../core/actions.js';
import { roundHalfUp } from '../core/coords.js';
import { ParseError } from '../core/errors.js';
import { finishAction, guardParse, keyAlias, pointCodec, readCoords, readNumber, refuseFields, refuseType, short, unsupported, type PointCodec } from './common.js';
import { isRecord, pyJson, readJson } from './jsontext.js';
import { actionSpace, chat, checkInstruction, hintsText, historyText, promptImageSize, repliesText } from './prompt.js';
import { hasThinkTag, readsAsThought, splitThink } from './think.js';
import type { Dialect, ParsedOutput, ParseOptions, PromptContext, RenderOptions, RenderStep } from './types.js';

const NAME = 'qwen';
const FUNCTION = 'mobile_use';
const EXPECTED = `<tool_call>{"name": "${FUNCTION}", "arguments": {"action": "click", "coordinate": [x, y]}}</tool_call>`;
const PAYLOAD = /<tool_call>|\{/i;
const SECTION_MARK = /(?:^|\n)[ \t]*(Thought|Action)[ \t]*[:：]/gi;
const LINE_MARK = /\n[ \t]*(?:Thought|Action)[ \t]*[:：]/i;

/** Argument names each mobile_use action reads; anything else is kept in extras. */
const ARG_KEYS: Record<string, readonly string[]> = {
  click: ['coordinate'], long_press: ['coordinate', 'time'], swipe: ['coordinate', 'coordinate2'], type: ['text'],
  system_button: ['button'], open: ['text'], wait: ['time'], terminate: ['status'], key: ['text'], answer: ['text'],
};
const BUTTONS: Record<string, string> = { back: 'Back', home: 'Home', menu: 'Menu', enter: 'Enter' };

function splitOutput(text: string): { header: string; call: string } {
  const opens = text.match(/<tool_call>/gi)?.length ?? 0;
  if (opens > 1) throw new ParseError(`${NAME}: found ${opens} tool calls`, 'exactly one <tool_call> per output');
  const open = /<tool_call>/i.exec(text);
  if (open) {
    const after = text.slice(open.index + open[0].length);
    const close = /<\/tool_call>/i.exec(after);
    return { header: text.slice(0, open.index), call: close ? after.slice(0, close.index) : after };
  }
  const brace = text.indexOf('{');
  if (brace < 0) throw new ParseError(`${NAME}: no tool call in ${short(text.trim())}`, EXPECTED);
  return { header: text.slice(0, brace), call: text.slice(brace) };
}

function argumentsOf(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new ParseError(`${NAME}: the tool call is ${short(value)}`, EXPECTED);
  if ('arguments' in value || 'name' in value) {
    if (value.name !== FUNCTION) throw new ParseError(`${NAME}: the tool call names ${short(value.name)}`, `the function "${FUNCTION}"`);
    const args = typeof value.arguments === 'string' ? readJson(NAME, value.arguments, EXPECTED) : value.arguments;
    if (!isRecord(args)) throw new ParseError(`${NAME}: the arguments are ${short(args)}`, 'an arguments object with an "action"');
    return args;
  }
  return value;
}

function makeBuilder(args: Record<string, unknown>, codec: PointCodec) {
  const text = (k: string) => {
    const v = args[k];
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    throw new ParseError(`${NAME}: "${k}" is ${short(v)}`, `a string "${k}" for action ${short(args.action)}`);
  };
  const coord = (k: string) => {
    const v = args[k];
    const xy = Array.isArray(v) && v.length === 2 ? ([readNumber(NAME, v[0], k), readNumber(NAME, v[1], k)] as [number, number])
      : typeof v === 'string' ? readCoords(NAME, v, k, false)
      : undefined;
    if (!xy) throw new ParseError(`${NAME}: "${k}" is ${short(v)}`, `"${k}": [x, y] in pixels`);
    return codec.toCanonical(xy);
  };
  const key = (v: string) => {
    const k = keyAlias(v);
    if (!(KEYS as readonly string[]).includes(k)) throw new ParseError(`${NAME}: unknown key ${short(v)}`, `one of ${KEYS.join(', ')}`);
    return k;
  };
  return (verb: string): Record<string, unknown> => {
    switch (verb) {
      case 'click': return { type: 'click', point: coord('coordinate') };
      case 'long_press': {
        const a: Record<string, unknown> = { type: 'long_press', point: coord('coordinate') };
        if (args.time !== undefined && args.time !== null) a.duration_ms = roundHalfUp(readNumber(NAME, args.time, 'time') * 1000);
        return a;
      }
      case 'swipe': return { type: 'swipe', from: coord('coordinate'), to: coord('coordinate2') };
      case 'type': return { type: 'type', text: text('text') };
      case 'system_button': return { type: 'key', key: key(text('button')) };
      case 'key': return { type: 'key', key: key(text('text')) };
      case 'open': return { type: 'open_app', app: text('text') };
      case 'wait': return { type: 'wait', seconds: readNumber(NAME, args.time, 'time') };
      case 'answer': return { type: 'complete', answer: text('text') };
      case 'terminate': {
        const status = text('status').trim().toLowerCase();
        if (status === 'success') return { type: 'complete', answer: '' };
        if (['failure', 'fail', 'failed'].includes(status)) return { type: 'abort', reason: '' };
        throw new ParseError(`${NAME}: terminate status ${short(args.status)}`, '"status": "success" or "failure"');
      }
      default:
        throw new ParseError(`${NAME}: unknown mobile_use action ${short(args.action)}`, `one of ${Object.keys(ARG_KEYS).join(', ')}`);
    }
  };
}

function parse(raw: string, opts: ParseOptions = {}): ParsedOutput {
  return guardParse(NAME, raw, (input) => {
    const codec = pointCodec(NAME, 'pixels', opts.imageSize, true);
    const { thought: tagged, rest } = splitThink(NAME, input.replace(/\r\n?/g, '\n'), PAYLOAD);
    const { header, call } = splitOutput(rest);
    const args = argumentsOf(readJson(NAME, call, EXPECTED));
    if (typeof args.action !== 'string') throw new ParseError(`${NAME}: "action" is ${short(args.action)}`, EXPECTED);
    const verb = args.action.trim().toLowerCase();
    const action = finishAction(NAME, makeBuilder(args, codec)(verb));
    const extras: Record<string, unknown> = {};
    const used = new Set(['action', ...(ARG_KEYS[verb] ?? [])]);
    for (const [k, v] of Object.entries(args)) if (!used.has(k)) extras[k] = v;
    let thought = tagged;
    let summary: string | undefined;
    const marks = [...header.matchAll(SECTION_MARK)];
    const lead = header.slice(0, marks.length ? marks[0].index : header.length).trim();
    marks.forEach((m, i) => {
      const body = header.slice(m.index! + m[0].length, i + 1 < marks.length ? marks[i + 1].index : header.length).trim();
      if (m[1].toLowerCase() === 'thought') thought ??= body;
      else summary = body;
    });
    if (thought === undefined && lead) thought = lead;
    return { ...(thought !== undefined && { thought }), action, ...(summary !== undefined && { summary }), extras };
  });
}

const EXPRESSIBLE: readonly ActionType[] = ['click', 'long_press', 'swipe', 'type', 'key', 'open_app', 'wait', 'complete', 'abort'];

function argsFor(action: Action, codec: PointCodec, lossy: boolean | undefined): Record<string, unknown> {
  const xy = (p: readonly [number, number]) => codec.fromCanonical(p);
  switch (action.type) {
    case 'click': return { action: 'click', coordinate: xy(action.point) };
    case 'long_press': return { action: 'long_press', coordinate: xy(action.point), ...(action.duration_ms !== undefined && { time: action.duration_ms / 1000 }) };
    case 'swipe':
      refuseFields(NAME, action, ['duration_ms'], lossy);
      return { action: 'swipe', coordinate: xy(action.from), coordinate2: xy(action.to) };
    case 'type':
      refuseFields(NAME, action, ['point'], lossy);
      return { action: 'type', text: action.text };
    case 'key': return BUTTONS[action.key] ? { action: 'system_button', button: BUTTONS[action.key] } : { action: 'key', text: action.key };
    case 'open_app': return { action: 'open', text: action.app };
    case 'wait': return { action: 'wait', time: action.seconds };
    case 'complete': return action.answer === '' ? { action: 'terminate', status: 'success' } : { action: 'answer', text: action.answer };
    case 'abort':
      if (action.reason !== '' && !lossy) throw unsupported(NAME, 'an abort reason: terminate takes only a status');
      return { action: 'terminate', status: 'failure' };
    default: return refuseType(NAME, action, EXPRESSIBLE);
  }
}

/** The call's JSON; a tool_call tag inside a string is written as \u003c so it cannot end the call. */
function callJson(value: unknown): string {
  return pyJson(value).replace(/<(\/?tool_call>)/gi, '\\u003c$1');
}

function renderAction(action: Action, opts: RenderOptions = {}): string {
  return callJson({ name: FUNCTION, arguments: argsFor(action, pointCodec(NAME, 'pixels', opts.imageSize, false), opts.lossy) });
}

function header(label: string, text: string, lossy: boolean | undefined): string {
  if (!lossy && (text !== text.trim() || text.includes('\r') || LINE_MARK.test(text) || /<\/?tool_call>/i.test(text) || hasThinkTag(text))) {
    throw unsupported(NAME, `the ${label} ${short(text)}: it must be trimmed and hold no carriage returns, "Thought:"/"Action:" lines, tool_call or think tags`);
  }
  return `${label === 'thought' ? 'Thought' : 'Action'}: ${text}\n`;
}

function render(step: RenderStep, opts: RenderOptions = {}): string {
  const args = argsFor(step.action, pointCodec(NAME, 'pixels', opts.imageSize, false), opts.lossy);
  const reserved = new Set(['action', ...(ARG_KEYS[args.action as string] ?? [])]);
  for (const [k, v] of Object.entries(step.extras ?? {})) {
    if (reserved.has(k) || v === undefined) {
      if (opts.lossy) continue;
      throw unsupported(NAME, `the extra argument ${short(k)}: ${args.action} already reads it`);
    }
    args[k] = v;
  }
  const thought = step.thought !== undefined ? header('thought', step.thought, opts.lossy) : '';
  const summary = step.summary !== undefined ? header('summary', step.summary, opts.lossy) : '';
  const out = `${thought}${summary}<tool_call>\n${callJson({ name: FUNCTION, arguments: args })}\n</tool_call>`;
  if (step.thought === undefined && !opts.lossy && readsAsThought(NAME, out, PAYLOAD)) {
    throw unsupported(NAME, 'a step without thought that reads as if it had one');
  }
  return out;
}

function buildPrompt(ctx: PromptContext) {
  checkInstruction(ctx);
  const size = promptImageSize(NAME, ctx);
  const lines = actionSpace(qwen, ctx.platform ?? 'phone', { imageSize: size });
  const verbs = [...new Set(lines.map((l) => (JSON.parse(l.text) as { arguments: { action: string } }).arguments.action))];
  const description =
    `Use a touchscreen to interact with a mobile device, and take screenshots.\n* The screen's resolution is ${size.width}x${size.height}.\n` +
    `* Coordinates are pixels (x, y) on the screenshot, origin top-left.\n* The actions:\n` +
    lines.map((l) => `  - ${pyJson((JSON.parse(l.text) as { arguments: unknown }).arguments)}: ${l.description}`).join('\n');
  const tool = {
    type: 'function',
    function: {
      name: FUNCTION,
      description,
      parameters: {
        type: 'object',
        properties: {
          action: { type: 'string', enum: verbs },
          coordinate: { type: 'array', description: '(x, y) pixels: the point to act on, or where a swipe starts' },
          coordinate2: { type: 'array', description: '(x, y) pixels where a swipe ends' },
          text: { type: 'string', description: 'for type, open, key and answer' },
          time: { type: 'number', description: 'seconds, for wait and long_press' },
          button: { type: 'string', enum: Object.values(BUTTONS), description: 'for system_button' },
          status: { type: 'string', enum: ['success', 'failure'], description: 'for terminate' },
        },
        required: ['action'],
      },
    },
  };
  const system =
    'You are a helpful assistant.\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\n' +
    `You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n${pyJson(tool)}\n</tools>\n\n` +
    'For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n' +
    '<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>\n\n' +
    'Before the call write "Thought: " with your reasoning and "Action: " with a one-line description of the action.' +
    hintsText(ctx.hints);
  const user = `The user query: ${ctx.instruction}\nTask progress (you have done the following operations on the current device):\n${historyText(ctx.history, 'list')}\n${repliesText(ctx.userReplies)}`;
  return chat(system, user, ctx);
}

export const qwen: Dialect = {
  name: NAME,
  coordinates: 'pixels',
  description: 'Qwen2.5-VL / Qwen3-VL mobile_use tool calls in <tool_call> tags, pixel coordinates',
  actions: EXPRESSIBLE,
  parse,
  render,
  renderAction,
  buildPrompt,
};
