/**
 * Tools a Themis-style judge may call about a GUI trajectory, declared once (name, purpose,
 * JSON-schema parameters, implementation): UI-tree search and listing from the store's
 * recorded trees, the recorded app state of a step, OCR of a step's screenshot (only when an
 * OCR engine is available), and a calculator. The function-calling schema is generated from
 * this table.
 */
import { StepwiseError, errorMessage } from '../core/errors.js';
import type { Step, Trajectory } from '../core/trajectory.js';
import { findNodes, type UiNode, type UiTree } from '../core/uitree.js';
import type { JudgeContext } from './runtime.js';

export interface ToolEnv {
  trajectory?: Trajectory;
  ctx: JudgeContext;
}

export interface JudgeTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  /** Offered only when this holds (e.g. OCR needs an engine, UI tools a trajectory). */
  available(env: ToolEnv): boolean;
  run(args: Record<string, unknown>, env: ToolEnv): Promise<unknown>;
}

function stepOf(env: ToolEnv, args: Record<string, unknown>): Step {
  const t = env.trajectory!;
  const raw = args.step;
  const i = raw === undefined || raw === 'last' ? t.steps.length - 1 : Number(raw);
  const s = t.steps.find((x) => x.index === i);
  if (!s) throw new StepwiseError('invalid_input', `no step ${String(raw)}; steps are 0..${t.steps.length - 1}`, 'pass an existing step index');
  return s;
}

function treeOf(env: ToolEnv, s: Step): UiTree {
  const sha = s.observation?.uiTree;
  if (!sha) throw new StepwiseError('not_found', `step ${s.index} has no recorded UI tree`, 'use the screenshot tools');
  if (!env.ctx.loadUiTree) throw new StepwiseError('not_found', 'UI trees are not available to this judge', 'score trajectories from a store');
  return env.ctx.loadUiTree(sha) as UiTree;
}

const brief = (n: UiNode) => ({ text: n.text || undefined, desc: n.desc || undefined, id: n.resourceId || undefined, class: n.class.split('.').pop(), bounds: n.bounds, ...(n.clickable && { clickable: true }), ...(n.checked && { checked: true }), ...(n.selected && { selected: true }), ...(n.focused && { focused: true }), ...(!n.enabled && { enabled: false }) });

/** + - * / % ^ and parentheses over numbers; anything else is refused (no eval). */
export function calculate(expr: string): number {
  const toks = expr.match(/\d+(?:\.\d+)?|[-+*/%^()]|\S/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const take = () => toks[i++];
  const primary = (): number => {
    const t = take();
    if (t === '(') { const v = sum(); if (take() !== ')') throw new Error('missing )'); return v; }
    if (t === '-') return -primary();
    if (t !== undefined && /^\d/.test(t)) return Number(t);
    throw new Error(`unexpected ${t ?? 'end'}`);
  };
  const power = (): number => { const b = primary(); return peek() === '^' ? (take(), b ** power()) : b; };
  const product = (): number => { let v = power(); while (['*', '/', '%'].includes(peek())) { const op = take(); const r = power(); v = op === '*' ? v * r : op === '/' ? v / r : v % r; } return v; };
  const sum = (): number => { let v = product(); while (peek() === '+' || peek() === '-') { const op = take(); const r = product(); v = op === '+' ? v + r : v - r; } return v; };
  const v = sum();
  if (i !== toks.length) throw new Error(`unexpected ${toks[i]}`);
  return v;
}

const hasTraj = (env: ToolEnv) => env.trajectory !== undefined;
const stepParam = { step: { type: 'integer', description: 'step index (default: the last step)' } };

export const JUDGE_TOOLS: readonly JudgeTool[] = [
  {
    name: 'ui_tree_search',
    description: 'Search the recorded UI tree of a step for elements whose text, description or id contains the query; returns matching elements with state (checked, selected, focused).',
    parameters: { type: 'object', properties: { ...stepParam, query: { type: 'string' } }, required: ['query'] },
    available: hasTraj,
    run: async (a, env) => {
      const s = stepOf(env, a);
      const hits = findNodes(treeOf(env, s), String(a.query ?? ''));
      return { step: s.index, matches: hits.slice(0, 20).map(brief), total: hits.length };
    },
  },
  {
    name: 'ui_tree_texts',
    description: 'List the visible texts and clickable elements of a step\'s recorded UI tree (the screen as text).',
    parameters: { type: 'object', properties: stepParam },
    available: hasTraj,
    run: async (a, env) => {
      const s = stepOf(env, a);
      const nodes = treeOf(env, s).filter((n) => n.text || n.desc || n.clickable);
      return { step: s.index, elements: nodes.slice(0, 60).map(brief), total: nodes.length };
    },
  },
  {
    name: 'app_state',
    description: 'The recorded state around a step: foreground app, screen size, the action taken, whether it succeeded, and the run\'s stop reason and final answer.',
    parameters: { type: 'object', properties: stepParam },
    available: hasTraj,
    run: async (a, env) => {
      const s = stepOf(env, a);
      const t = env.trajectory!;
      return { step: s.index, app: s.observation?.app, screen: s.observation && [s.observation.width, s.observation.height], action: s.action, result: s.result, stopReason: t.stopReason, answer: t.answer, steps: t.steps.length };
    },
  },
  {
    name: 'ocr_screen',
    description: 'Read the text on a step\'s screenshot with on-device OCR (lines top to bottom).',
    parameters: { type: 'object', properties: stepParam },
    available: (env) => hasTraj(env) && env.ctx.ocr !== undefined && env.ctx.loadImage !== undefined,
    run: async (a, env) => {
      const s = stepOf(env, a);
      if (!s.observation?.image) throw new StepwiseError('not_found', `step ${s.index} has no screenshot`, 'use ui_tree_texts');
      return { step: s.index, text: await env.ctx.ocr!(env.ctx.loadImage!(s.observation.image)) };
    },
  },
  {
    name: 'calculator',
    description: 'Evaluate an arithmetic expression (+ - * / % ^ and parentheses), e.g. to check totals shown on screen.',
    parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
    available: () => true,
    run: async (a) => ({ value: calculate(String(a.expression ?? '')) }),
  },
];

export function toolSchemas(tools: readonly JudgeTool[]) {
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
}

/** Run one call; bad arguments and tool errors become results the model can read (the trace keeps them). */
export async function runTool(tools: readonly JudgeTool[], name: string, argText: string, env: ToolEnv): Promise<unknown> {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return { error: `unknown tool ${name}; available: ${tools.map((t) => t.name).join(', ')}` };
  let args: Record<string, unknown>;
  try {
    args = argText.trim() ? JSON.parse(argText) : {};
  } catch (e) {
    return { error: `arguments are not JSON: ${errorMessage(e)}` };
  }
  try {
    return await tool.run(args, env);
  } catch (e) {
    return { error: errorMessage(e) };
  }
}
