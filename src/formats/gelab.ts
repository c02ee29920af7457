/**
 * GELab-Zero / Step-GUI dialect:
 *   <THINK> reasoning </THINK>
 *   explain:...<TAB>action:CLICK<TAB>point:x,y<TAB>summary:...
 * Points are integers on the 0-1000 grid. The parser is lenient in the ways real outputs vary
 * (tag spelling, spaces instead of tabs, full-width colons, point notation, lowercase verbs);
 * the renderer is strict and writes exactly the training-target form.
 */
import type { Action, ActionType } from '../core/actions.js';
import { KEYS } from '../core/actions.js';
import { ParseError } from '../core/errors.js';
import { finishAction, guardParse, keyAlias, pointCodec, readCoords, readNumber, refuseFields, refuseType, short, unsupported } from './common.js';
import { actionSpace, actionSpaceText, chat, checkInstruction, hintsText, historyText, repliesText } from './prompt.js';
import { hasThinkTag, readsAsThought, splitThink } from './think.js';
import type { Dialect, ParsedOutput, PromptContext, RenderOptions, RenderStep } from './types.js';

const NAME = 'gelab';

// Keys recognised even when a model separates fields with spaces or newlines instead of tabs.
const KNOWN_KEYS = ['explain', 'action', 'action_type', 'point', 'point1', 'point2', 'value', 'return', 'summary', 'verify', 'note', 'direction'];
const MARKER = new RegExp(
  `(?:^|[\\t\\n])[ \\u3000]*([A-Za-z_][A-Za-z0-9_]*)[ \\u3000]*[:：]|\\s(${KNOWN_KEYS.join('|')})[ \\u3000]*[:：]`,
  'gi',
);

/** Where the action text starts, so a "</think>" inside a value is not read as reasoning. */
const PAYLOAD = /(?:^|\s)action(?:_type)?[ \u3000]*[:：]/i;

type Fields = Map<string, string>;

/** Split "k:v<TAB>k:v ..." into an ordered map; text before the first key is kept as `preamble`. */
function splitFields(text: string): Fields {
  const fields: Fields = new Map();
  const marks = [...text.matchAll(MARKER)];
  const lead = text.slice(0, marks.length ? marks[0].index : text.length).trim();
  if (lead) fields.set('preamble', lead);
  marks.forEach((m, i) => {
    const key = (m[1] ?? m[2]).toLowerCase();
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
    const value = text.slice(m.index! + m[0].length, end).trim();
    if (key === 'action' && fields.has('action')) {
      throw new ParseError(`${NAME}: found two action fields (${short(fields.get('action'))} and ${short(value)})`, 'exactly one action per output');
    }
    fields.set(key === 'action_type' ? 'action' : key, value);
  });
  return fields;
}

function take(f: Fields, ...keys: string[]): string | undefined {
  for (const k of keys) {
    if (f.has(k)) {
      const v = f.get(k)!;
      f.delete(k);
      return v;
    }
  }
  return undefined;
}

function need(f: Fields, verb: string, ...keys: string[]): string {
  const v = take(f, ...keys);
  if (v === undefined) throw new ParseError(`${NAME}: ${verb} has no ${keys[0]} field`, `action:${verb}\\t${keys[0]}:...`);
  return v;
}

const codec = pointCodec(NAME, 'norm1000', undefined, true);
const point = (f: Fields, verb: string, key = 'point') => codec.toCanonical(readCoords(NAME, need(f, verb, key), key, false));

function seconds(text: string): number {
  const m = /^\s*([^\s秒a-zA-Z]+)\s*(?:s|sec|secs|seconds?|秒)?\s*$/.exec(text);
  return readNumber(NAME, m ? m[1] : text, 'WAIT value (seconds)');
}

function key(text: string): string {
  const k = keyAlias(text);
  if (!(KEYS as readonly string[]).includes(k)) {
    throw new ParseError(`${NAME}: unknown key ${short(text)}`, `one of ${KEYS.join(', ')}`);
  }
  return k;
}

/** GELab verbs (upper-cased) -> canonical action builders. */
const VERBS: Record<string, (f: Fields, verb: string) => Record<string, unknown>> = {
  CLICK: (f, v) => ({ type: 'click', point: point(f, v) }),
  DOUBLE_CLICK: (f, v) => ({ type: 'double_click', point: point(f, v) }),
  LONGPRESS: (f, v) => ({ type: 'long_press', point: point(f, v) }),
  TYPE: (f, v) => {
    const text = need(f, v, 'value', 'text');
    return f.has('point') ? { type: 'type', text, point: point(f, v) } : { type: 'type', text };
  },
  SLIDE: (f, v) => ({ type: 'swipe', from: point(f, v, 'point1'), to: point(f, v, 'point2') }),
  SCROLL: (f, v) => {
    const direction = need(f, v, 'direction', 'value').toLowerCase();
    return f.has('point') ? { type: 'scroll', direction, point: point(f, v) } : { type: 'scroll', direction };
  },
  COMPLETE: (f) => ({ type: 'complete', answer: take(f, 'return', 'value') ?? '' }),
  WAIT: (f, v) => ({ type: 'wait', seconds: seconds(need(f, v, 'value')) }),
  AWAKE: (f, v) => ({ type: 'open_app', app: need(f, v, 'value', 'app') }),
  INFO: (f) => ({ type: 'info', question: take(f, 'value') ?? '' }),
  ABORT: (f) => ({ type: 'abort', reason: take(f, 'value', 'reason') ?? '' }),
  BACK: () => ({ type: 'key', key: 'back' }),
  HOME: () => ({ type: 'key', key: 'home' }),
  ENTER: () => ({ type: 'key', key: 'enter' }),
  HOT_KEY: (f, v) => ({ type: 'key', key: key(need(f, v, 'value', 'key')) }),
};
const ALIASES: Record<string, string> = {
  TAP: 'CLICK', DOUBLECLICK: 'DOUBLE_CLICK', DOUBLE_TAP: 'DOUBLE_CLICK', LONG_PRESS: 'LONGPRESS',
  INPUT: 'TYPE', SWIPE: 'SLIDE', FINISH: 'COMPLETE', DONE: 'COMPLETE', OPEN: 'AWAKE', OPEN_APP: 'AWAKE',
  LAUNCH: 'AWAKE', ASK: 'INFO', HOTKEY: 'HOT_KEY', KEY: 'HOT_KEY', PRESS: 'HOT_KEY',
};

function parse(raw: string): ParsedOutput {
  return guardParse(NAME, raw, (text) => {
    const { thought, rest } = splitThink(NAME, text.replace(/\r\n?/g, '\n'), PAYLOAD);
    const f = splitFields(rest);
    const verbText = take(f, 'action');
    if (verbText === undefined) {
      throw new ParseError(`${NAME}: no action field in ${short(rest.trim())}`, 'explain:...\\taction:CLICK\\tpoint:x,y\\tsummary:...');
    }
    const upper = verbText.trim().toUpperCase().replace(/[\s-]+/g, '_');
    const verb = ALIASES[upper] ?? upper;
    const build = VERBS[verb];
    if (!build) throw new ParseError(`${NAME}: unknown action ${short(verbText)}`, `one of ${Object.keys(VERBS).join(', ')}`);
    const action = finishAction(NAME, build(f, verb));
    const summary = take(f, 'summary');
    const extras: Record<string, unknown> = Object.fromEntries(f);
    return { ...(thought !== undefined && { thought }), action, ...(summary !== undefined && { summary }), extras };
  });
}

const EXPRESSIBLE: readonly ActionType[] = [
  'click', 'double_click', 'long_press', 'type', 'swipe', 'scroll', 'key', 'open_app', 'wait', 'info', 'complete', 'abort',
];
// Names the parser may read as action parameters; extras cannot use them.
const PARAM_KEYS = new Set(['action', 'action_type', 'summary', 'point', 'point1', 'point2', 'value', 'text', 'return', 'direction', 'app', 'key', 'reason']);
const KEY_VERBS: Record<string, string> = { back: 'BACK', home: 'HOME', enter: 'ENTER' };
const SPLITS_FIELD = new RegExp(`\\s(?:${KNOWN_KEYS.join('|')})[ \\u3000]*[:：]`, 'i');

/** A value must read back unchanged: no tabs/newlines, no padding, nothing that looks like a key. */
function safe(field: string, v: string, lossy: boolean | undefined): string {
  if (!lossy) {
    if (/[\t\n\r]/.test(v) || v !== v.trim() || SPLITS_FIELD.test(v)) {
      throw unsupported(NAME, `the ${field} ${short(v)}: values cannot hold tabs, newlines, edge spaces or " key:" text`);
    }
    return v;
  }
  // Lossy: flatten whitespace and glue " key:" so it no longer starts a field.
  return v.replace(/[\t\n\r]+/g, ' ').trim().replace(new RegExp(`\\s+(?=(?:${KNOWN_KEYS.join('|')})[ \\u3000]*[:：])`, 'gi'), '_');
}

function renderFields(action: Action, lossy: boolean | undefined): [string, string][] {
  const p = (q: readonly [number, number]) => codec.fromCanonical(q).join(',');
  switch (action.type) {
    case 'click': return [['action', 'CLICK'], ['point', p(action.point)]];
    case 'double_click': return [['action', 'DOUBLE_CLICK'], ['point', p(action.point)]];
    case 'long_press':
      refuseFields(NAME, action, ['duration_ms'], lossy);
      return [['action', 'LONGPRESS'], ['point', p(action.point)]];
    case 'type': {
      const out: [string, string][] = [['action', 'TYPE'], ['value', safe('text', action.text, lossy)]];
      return action.point ? [...out, ['point', p(action.point)]] : out;
    }
    case 'swipe':
      refuseFields(NAME, action, ['duration_ms'], lossy);
      return [['action', 'SLIDE'], ['point1', p(action.from)], ['point2', p(action.to)]];
    case 'scroll': {
      refuseFields(NAME, action, ['amount'], lossy);
      const out: [string, string][] = [['action', 'SCROLL'], ['direction', action.direction]];
      return action.point ? [...out, ['point', p(action.point)]] : out;
    }
    case 'key': return KEY_VERBS[action.key] ? [['action', KEY_VERBS[action.key]]] : [['action', 'HOT_KEY'], ['value', action.key]];
    case 'open_app': {
      const app = safe('app', action.app, lossy);
      if (app === '') throw unsupported(NAME, `the app ${short(action.app)}: nothing is left of it without whitespace`);
      return [['action', 'AWAKE'], ['value', app]];
    }
    case 'wait': return [['action', 'WAIT'], ['value', String(action.seconds)]];
    case 'info': return [['action', 'INFO'], ['value', safe('question', action.question, lossy)]];
    case 'complete': return [['action', 'COMPLETE'], ['return', safe('answer', action.answer, lossy)]];
    case 'abort': return [['action', 'ABORT'], ['value', safe('reason', action.reason, lossy)]];
    default: return refuseType(NAME, action, EXPRESSIBLE);
  }
}

function renderAction(action: Action, opts: RenderOptions = {}): string {
  return renderFields(action, opts.lossy).map(([k, v]) => `${k}:${v}`).join('\t');
}

function render(step: RenderStep, opts: RenderOptions = {}): string {
  const fields = renderFields(step.action, opts.lossy);
  const before: [string, string][] = [];
  const after: [string, string][] = [];
  for (const [k, v] of Object.entries(step.extras ?? {})) {
    if (!/^[a-z_][a-z0-9_]*$/.test(k) || PARAM_KEYS.has(k) || typeof v !== 'string') {
      if (opts.lossy) continue;
      throw unsupported(NAME, `the extra field ${short(k)}=${short(v)}: extras need lowercase names that are not action parameters, and string values`);
    }
    // GELab writes explain before the action; other fields follow its parameters.
    (k === 'explain' ? before : after).push([k, safe(k, v, opts.lossy)]);
  }
  const kvs = [...before, ...fields, ...after];
  if (step.summary !== undefined) kvs.push(['summary', safe('summary', step.summary, opts.lossy)]);
  let head = '';
  if (step.thought !== undefined) {
    if (!opts.lossy && (hasThinkTag(step.thought) || step.thought !== step.thought.trim() || step.thought.includes('\r'))) {
      throw unsupported(NAME, 'a thought that contains a <think> tag, a carriage return or leading/trailing whitespace');
    }
    const thought = opts.lossy ? step.thought.replace(/<\s*\/?\s*(?:think|thinking|tink)\s*>/gi, '').replace(/\r/g, '') : step.thought;
    head = `<THINK> ${thought.trim()} </THINK>\n`;
  }
  const out = `${head}${kvs.map(([k, v]) => `${k}:${v}`).join('\t')}\n`;
  if (step.thought === undefined && !opts.lossy && readsAsThought(NAME, out, PAYLOAD)) {
    throw unsupported(NAME, 'a step without thought whose fields before the action hold a </think> tag');
  }
  return out;
}

function buildPrompt(ctx: PromptContext) {
  checkInstruction(ctx);
  const platform = ctx.platform ?? 'phone';
  // GELab's own prompt shows the tab as the two characters \t.
  const lines = actionSpace(gelab, platform).map((l) => ({ ...l, text: l.text.replace(/\t/g, '\\t') }));
  const system =
    `You are a GUI agent operating a ${platform}. You get the user's task, the summary of what you did so far and the current screenshot; ` +
    'you output one action at a time.\n' +
    'Coordinates are integers from 0 to 1000 on the screenshot: origin top-left, x to the right, y downwards.\n\n' +
    `## Action space\n${actionSpaceText(lines)}\n\n` +
    '## Output format\nThink inside <THINK> and </THINK>, then write tab-separated fields: explain: why this action, ' +
    'action: with its parameters, and summary: the history summary after this step.\n' +
    '<THINK> ... </THINK>\nexplain:...\\taction:...\\tsummary:...' +
    hintsText(ctx.hints);
  const user =
    `Task: ${ctx.instruction}\nHistory: ${historyText(ctx.history, 'last-summary')}\n${repliesText(ctx.userReplies)}` +
    'Current screenshot:';
  return chat(system, user, ctx);
}

export const gelab: Dialect = {
  name: NAME,
  coordinates: 'norm1000',
  description: 'GELab-Zero / Step-GUI: <THINK>..</THINK> then tab-separated key:value fields, 0-1000 points',
  actions: EXPRESSIBLE,
  parse: (raw) => parse(raw),
  render,
  renderAction,
  buildPrompt,
};
