/**
 * The designer: a prompt that gives a model the task, its parameters and the shape of the app's
 * state, and asks for a verifier in plain JavaScript; and the extraction of that code from the
 * reply. On a redesign round the prompt also carries the previous code and the analyzer's
 * account of where it went wrong (Auto MC-Reward's design -> critique -> analyze loop).
 */
import { StepwiseError } from '../core/errors.js';
import type { UiTree } from '../core/uitree.js';
import type { PhoneState } from '../sandbox/framework.js';
import { screenSketch } from './screens.js';

export const VERIFIER_CONTRACT = `Write JavaScript (no modules, no async) defining:
  function verify(final, answer, params, initial) { ... return { ok: true|false, reason: "one sentence" }; }
- final: the phone state after the agent finished; initial: the state before it started.
  Both are plain JSON: { system: {...}, apps: { <appId>: <that app's data> } }.
- answer: the agent's final answer text (a string, or null when it gave none).
- params: the task's parameters (JSON), the same values the task description was made from.
- Accept only when the task is done and nothing else the user cares about was broken;
  for questions, check the answer contains the right value.
- Read only the arguments: no require, import, process, globalThis, eval, timers or I/O.
- Optionally define function progress(before, after, params) returning a number:
  > 0 when 'after' is closer to done than 'before', < 0 when further, 0 when no change.
Reply with one \`\`\`js code block.`;

export const DESIGNER_SYSTEM = 'You write programmatic verifiers for tasks on a sandboxed phone. ' +
  'A verifier is a pure JavaScript function over the app state. ' + VERIFIER_CONTRACT;

export const SCREEN_CONTRACT = `Write JavaScript (no modules, no async) defining:
  function verify(screen, answer, task) { ... return { ok: true|false, reason: "one sentence" }; }
- screen: the last recorded screen, an array of UI nodes in document order, each
  { index, class, text, desc, resourceId, bounds: [left, top, right, bottom], clickable, checkable,
    checked, selected, focused, enabled, parent, package }.
- answer: the agent's final answer text (a string, or null); task: { instruction, params, stopReason }.
- Accept only when the screen shows the task done (for questions: the answer has the right value).
- Read only the arguments: no require, import, process, globalThis, eval, timers or I/O.
Reply with one \`\`\`js code block.`;

export const SCREEN_DESIGNER_SYSTEM = 'You write programmatic verifiers for phone tasks from the final screen\'s UI tree. ' + SCREEN_CONTRACT;

/** A compact look at large state: arrays cut to a few items, long strings shortened. */
export function stateSketch(value: unknown, opts: { items?: number; chars?: number; depth?: number } = {}): unknown {
  const items = opts.items ?? 3, chars = opts.chars ?? 80, depth = opts.depth ?? 6;
  const walk = (v: unknown, d: number): unknown => {
    if (typeof v === 'string') return v.length > chars ? `${v.slice(0, chars)}…` : v;
    if (v === null || typeof v !== 'object') return v;
    if (d >= depth) return Array.isArray(v) ? `[${v.length} items]` : '{…}';
    if (Array.isArray(v)) {
      const head = v.slice(0, items).map((x) => walk(x, d + 1));
      return v.length > items ? [...head, `… ${v.length - items} more`] : head;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, d + 1)]));
  };
  return walk(value, 0);
}

export interface DesignContext {
  task: string;
  templateId?: string;
  app?: string;
  params?: unknown;
  /** The initial phone state (the app's data is sketched into the prompt). */
  initial?: PhoneState;
  /** Expected end: complete the task, or recognise it cannot be done and abort. */
  expect?: 'complete' | 'abort';
  /** For verifiers over UI trees: the final screen of a successful recorded run. */
  screen?: UiTree;
}

export interface Redesign {
  previous: string;
  analysis: string;
}

export function designPrompt(ctx: DesignContext, redo?: Redesign): string {
  const lines = [`Task: ${ctx.task}`];
  if (ctx.templateId) lines.push(`Template: ${ctx.templateId}`);
  if (ctx.app) lines.push(`Main app: ${ctx.app}`);
  if (ctx.expect === 'abort') lines.push('The right outcome is that the agent recognises the task cannot be done and changes nothing.');
  lines.push(`Params: ${JSON.stringify(ctx.params ?? {})}`);
  if (ctx.initial) {
    lines.push(`System state keys: ${Object.keys(ctx.initial.system).join(', ')}`);
    lines.push(`Apps in state.apps: ${Object.keys(ctx.initial.apps).join(', ')}`);
    if (ctx.app && ctx.initial.apps[ctx.app] !== undefined) {
      lines.push(`Sketch of initial.apps.${ctx.app} (arrays cut to 3 items):`, JSON.stringify(stateSketch(ctx.initial.apps[ctx.app]), null, 1));
    }
  }
  if (ctx.screen) lines.push('Final screen of a successful run (index class id text desc flags):', screenSketch(ctx.screen));
  if (redo) {
    lines.push('', 'Your previous verifier:', '```js', redo.previous, '```', 'It was rejected. What went wrong:', redo.analysis, 'Write a corrected verifier.');
  }
  return lines.join('\n');
}

/** The code of the reply's first ```js (or plain ```) block; the whole reply when it has none. */
export function extractCode(reply: string): string {
  const m = /```(?:js|javascript|ts|typescript)?[ \t]*\n([\s\S]*?)```/i.exec(reply);
  const code = (m ? m[1] : reply).trim();
  if (code === '') throw new StepwiseError('model_error', 'the designer model replied without code', 'the prompt asks for one ```js block; check the model and its max tokens');
  return code;
}
