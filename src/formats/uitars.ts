/**
 * UI-TARS dialects:
 *   Thought: ...
 *   Action: click(start_box='(x,y)')
 * `uitars` reads points on the 0-1000 grid (UI-TARS 1.0); `uitars-1.5` reads absolute pixels
 * of the resized image the model saw (UI-TARS-1.5). Also accepted: <|box_start|>(x,y)<|box_end|>,
 * boxes [x1,y1,x2,y2] (their centre), <point>x y</point>, Reflection:/Action_Summary: sections.
 */
import { KEYS, type Action, type ActionType, type Platform } from '../core/actions.js';
import { ParseError } from '../core/errors.js';
import { finishAction, guardParse, keyAlias, pointCodec, readCoords, refuseFields, refuseType, short, unsupported, type PointCodec } from './common.js';
import { actionSpace, actionSpaceText, chat, checkInstruction, hintsText, historyText, promptImageSize, repliesText } from './prompt.js';
import { parseCall, renderCall } from './pycall.js';
import { hasThinkTag, readsAsThought, splitThink } from './think.js';
import type { CoordinateConvention, Dialect, ParsedOutput, ParseOptions, PromptContext, RenderOptions, RenderStep } from './types.js';

const ACTION_MARK = /(?:^|\n)[ \t]*Action[ \t]*[:：]/gi;
const PAYLOAD = /(?:^|\n)[ \t]*Action[ \t]*[:：]/i;
const SECTION_MARK = /(?:^|\n)[ \t]*(Thought|Reflection|Action_Summary)[ \t]*[:：]/gi;
// A line that would start a new section if it appeared inside a rendered section.
const LINE_MARK = /\n[ \t]*(?:Thought|Reflection|Action_Summary|Action)[ \t]*[:：]/i;

/** UI-TARS waits a fixed 5 s; other durations have no spelling. */
const WAIT_SECONDS = 5;
const POINTER: readonly Platform[] = ['web', 'desktop'];

interface Sections {
  thought?: string;
  reflection?: string;
  summary?: string;
  action: string;
}

function sections(name: string, text: string): Sections {
  const { thought: tagged, rest } = splitThink(name, text.replace(/\r\n?/g, '\n'), PAYLOAD);
  const marks = [...rest.matchAll(ACTION_MARK)];
  let header = '';
  let action = rest;
  if (marks.length) {
    const last = marks[marks.length - 1];
    header = rest.slice(0, last.index);
    action = rest.slice(last.index! + last[0].length);
  } else if (!/^\s*[A-Za-z_]\w*\s*\(/.test(rest)) {
    throw new ParseError(`${name}: no "Action:" line in ${short(rest.trim())}`, "Thought: ...\\nAction: click(start_box='(x,y)')");
  }
  const out: Sections = { action: action.trim() };
  const heads = [...header.matchAll(SECTION_MARK)];
  const lead = header.slice(0, heads.length ? heads[0].index : header.length).trim();
  heads.forEach((m, i) => {
    const end = i + 1 < heads.length ? heads[i + 1].index : header.length;
    const body = header.slice(m.index! + m[0].length, end).trim();
    const kind = m[1].toLowerCase();
    if (kind === 'thought') out.thought = body;
    else if (kind === 'reflection') out.reflection = body;
    else out.summary = body;
  });
  // Text before any section (or inside <think>) is the reasoning when there is no Thought: line.
  if (out.thought === undefined) {
    if (tagged !== undefined) out.thought = tagged;
    else if (lead) out.thought = lead;
  }
  return out;
}

function makeParse(name: string, coords: CoordinateConvention) {
  return (raw: string, opts: ParseOptions = {}): ParsedOutput =>
    guardParse(name, raw, (text) => {
      const codec = pointCodec(name, coords, opts.imageSize, true);
      const s = sections(name, text);
      const call = parseCall(name, s.action);
      if (call.rest.trim()) {
        throw new ParseError(`${name}: found more after ${call.name}(...): ${short(call.rest.trim())}`, 'exactly one action');
      }
      const args = { ...call.args };
      const take = (...keys: string[]) => {
        for (const k of keys) {
          if (k in args) {
            const v = args[k];
            delete args[k];
            return v;
          }
        }
        return undefined;
      };
      const pt = (what: string, ...keys: string[]) => {
        const v = take(...keys);
        if (v === undefined || v.trim() === '') {
          throw new ParseError(`${name}: ${call.name}(...) has no ${keys[0]}`, `${call.name}(${keys[0]}='(x,y)')`);
        }
        return codec.toCanonical(readCoords(name, v, what));
      };
      const has = (k: string) => k in args && args[k].trim() !== '';
      const action = finishAction(name, build(name, call.name.toLowerCase(), { pt, take, has }, opts.platform ?? 'phone'));
      const extras: Record<string, unknown> = {};
      if (s.reflection !== undefined) extras.reflection = s.reflection;
      for (const [k, v] of Object.entries(args)) if (v !== '') extras[k] = v;
      return {
        ...(s.thought !== undefined && { thought: s.thought }),
        action,
        ...(s.summary !== undefined && { summary: s.summary }),
        extras,
      };
    });
}

interface Args {
  /** Read and consume the first present argument. */
  take(...keys: string[]): string | undefined;
  /** Read, consume and convert a point argument (required). */
  pt(what: string, ...keys: string[]): [number, number];
  has(key: string): boolean;
}

function build(name: string, verb: string, { take, pt, has }: Args, platform: Platform): Record<string, unknown> {
  const start = () => pt('start_box', 'start_box', 'point', 'start_point');
  switch (verb) {
    case 'click': case 'left_single': case 'tap': return { type: 'click', point: start() };
    case 'left_double': case 'double_click': return { type: 'double_click', point: start() };
    case 'right_single': return { type: 'right_click', point: start() };
    case 'long_press': return { type: 'long_press', point: start() };
    case 'hover': return { type: 'hover', point: start() };
    case 'type': return { type: 'type', text: take('content', 'text') ?? '' };
    case 'scroll': {
      const direction = (take('direction') ?? '').trim().toLowerCase();
      return ['start_box', 'point', 'start_point'].some(has) ? { type: 'scroll', direction, point: start() } : { type: 'scroll', direction };
    }
    case 'drag': case 'select': case 'swipe': {
      const from = start();
      const to = pt('end_box', 'end_box', 'end_point');
      return { type: POINTER.includes(platform) ? 'drag' : 'swipe', from, to };
    }
    case 'hotkey': case 'press': case 'key': {
      const spec = (take('key', 'hotkey') ?? '').trim();
      const keys = spec.split(/[\s+]+/).filter(Boolean);
      const single = keys.length === 1 ? keyAlias(keys[0]) : '';
      if ((KEYS as readonly string[]).includes(single)) return { type: 'key', key: single };
      return { type: 'hotkey', keys };
    }
    case 'press_home': return { type: 'key', key: 'home' };
    case 'press_back': return { type: 'key', key: 'back' };
    case 'wait': return { type: 'wait', seconds: WAIT_SECONDS };
    case 'finished': return { type: 'complete', answer: take('content') ?? '' };
    case 'call_user': return { type: 'info', question: take('content') ?? '' };
    case 'open_app': return { type: 'open_app', app: take('app_name', 'app') ?? '' };
    default:
      throw new ParseError(`${name}: unknown UI-TARS action ${short(verb)}`, 'click, left_double, right_single, long_press, type, scroll, drag, hotkey, press_home, press_back, wait, finished, call_user or open_app');
  }
}

const EXPRESSIBLE: readonly ActionType[] = [
  'click', 'double_click', 'right_click', 'long_press', 'hover', 'type', 'scroll', 'swipe', 'drag', 'key', 'hotkey', 'wait', 'complete', 'info', 'open_app',
];

function callFor(name: string, action: Action, codec: PointCodec, lossy: boolean | undefined): string {
  const box = (p: readonly [number, number]): string => `(${codec.fromCanonical(p).join(',')})`;
  switch (action.type) {
    case 'click': return renderCall('click', [['start_box', box(action.point)]]);
    case 'double_click': return renderCall('left_double', [['start_box', box(action.point)]]);
    case 'right_click': return renderCall('right_single', [['start_box', box(action.point)]]);
    case 'hover': return renderCall('hover', [['start_box', box(action.point)]]);
    case 'long_press':
      refuseFields(name, action, ['duration_ms'], lossy);
      return renderCall('long_press', [['start_box', box(action.point)]]);
    case 'type':
      refuseFields(name, action, ['point'], lossy);
      return renderCall('type', [['content', action.text]]);
    case 'scroll':
      refuseFields(name, action, ['amount'], lossy);
      return renderCall('scroll', [...(action.point ? [['start_box', box(action.point)] as [string, string]] : []), ['direction', action.direction]]);
    case 'swipe':
      refuseFields(name, action, ['duration_ms'], lossy);
      return renderCall('drag', [['start_box', box(action.from)], ['end_box', box(action.to)]]);
    case 'drag': return renderCall('drag', [['start_box', box(action.from)], ['end_box', box(action.to)]]);
    case 'key':
      if (action.key === 'home') return 'press_home()';
      if (action.key === 'back') return 'press_back()';
      return renderCall('hotkey', [['key', action.key]]);
    case 'hotkey':
      if (!lossy && action.keys.some((k) => /[\s+]/.test(k) || k === '')) throw unsupported(name, `the hotkey ${short(action.keys)}: key names cannot hold spaces or "+"`);
      return renderCall('hotkey', [['key', action.keys.join(' ')]]);
    case 'wait':
      if (action.seconds !== WAIT_SECONDS && !lossy) throw unsupported(name, `wait of ${action.seconds} s: UI-TARS wait() is always ${WAIT_SECONDS} s`);
      return 'wait()';
    case 'complete': return renderCall('finished', [['content', action.answer]]);
    case 'info':
      if (action.question !== '' && !lossy) throw unsupported(name, 'an info question: call_user() takes no text');
      return 'call_user()';
    case 'open_app': return renderCall('open_app', [['app_name', action.app]]);
    default: return refuseType(name, action, EXPRESSIBLE);
  }
}

/** Section text must read back unchanged: trimmed, no section headers or think tags inside. */
function sectionText(name: string, label: string, text: string, lossy: boolean | undefined): string {
  if (!lossy && (text !== text.trim() || text.includes('\r') || LINE_MARK.test(text) || hasThinkTag(text))) {
    throw unsupported(name, `the ${label} ${short(text)}: it must be trimmed and hold no carriage returns, "Thought:"/"Action:" lines or think tags`);
  }
  return text.replace(/\r/g, '');
}

function makeRender(name: string, coords: CoordinateConvention) {
  const renderAction = (action: Action, opts: RenderOptions = {}) => callFor(name, action, pointCodec(name, coords, opts.imageSize, false), opts.lossy);
  const render = (step: RenderStep, opts: RenderOptions = {}): string => {
    const lines: string[] = [];
    for (const k of Object.keys(step.extras ?? {})) {
      if (k !== 'reflection' && !opts.lossy) throw unsupported(name, `the extra field ${short(k)}: only "reflection" has a place`);
    }
    const reflection = step.extras?.reflection;
    if (reflection !== undefined && typeof reflection !== 'string' && !opts.lossy) throw unsupported(name, 'a non-text reflection');
    if (step.thought !== undefined) lines.push(`Thought: ${sectionText(name, 'thought', step.thought, opts.lossy)}`);
    if (typeof reflection === 'string') lines.push(`Reflection: ${sectionText(name, 'reflection', reflection, opts.lossy)}`);
    if (step.summary !== undefined) lines.push(`Action_Summary: ${sectionText(name, 'summary', step.summary, opts.lossy)}`);
    lines.push(`Action: ${renderAction(step.action, opts)}`);
    const out = lines.join('\n');
    if (step.thought === undefined && !opts.lossy && readsAsThought(name, out, PAYLOAD)) {
      throw unsupported(name, 'a step without thought that reads as if it had one');
    }
    return out;
  };
  return { render, renderAction };
}

function makeDialect(name: string, coords: CoordinateConvention, description: string): Dialect {
  const { render, renderAction } = makeRender(name, coords);
  const dialect: Dialect = {
    name,
    coordinates: coords,
    description,
    actions: EXPRESSIBLE,
    parse: makeParse(name, coords),
    render,
    renderAction,
    buildPrompt: (ctx: PromptContext) => {
      checkInstruction(ctx);
      const platform = ctx.platform ?? 'phone';
      const size = coords === 'pixels' ? promptImageSize(name, ctx) : undefined;
      const space = actionSpaceText(actionSpace(dialect, platform, { imageSize: size }));
      const coordNote = size
        ? `Coordinates are absolute pixels (x,y) on the ${size.width}x${size.height} screenshot, origin top-left.`
        : 'Coordinates are (x,y) integers from 0 to 1000 on the screenshot, origin top-left.';
      const system =
        'You are a GUI agent. You are given a task and your action history, with screenshots. You need to perform the next action to complete the task.\n\n' +
        '## Output Format\n```\nThought: ...\nAction: ...\n```\n\n' +
        `## Action Space\n${space}\n\n` +
        `## Note\n- ${coordNote}\n- Write a small plan and finally summarize your next action (with its target element) in one sentence in the Thought part.\n` +
        "- Use escape characters \\', \\\" and \\n in content parts." +
        hintsText(ctx.hints);
      const user = `## User Instruction\n${ctx.instruction}\n\n## History\n${historyText(ctx.history, 'list')}\n${repliesText(ctx.userReplies)}`;
      return chat(system, user, ctx);
    },
  };
  return dialect;
}

export const uitars = makeDialect('uitars', 'norm1000', 'UI-TARS 1.0: Thought:/Action: with Python-style calls, 0-1000 points');
export const uitars15 = makeDialect('uitars-1.5', 'pixels', 'UI-TARS-1.5: as uitars, with absolute pixels of the resized image the model saw');
