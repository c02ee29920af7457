/**
 * Targets as text for prompts: a trajectory becomes its task (prompt) and its numbered action
 * log with stop reason and final answer (response); a step becomes the task, the actions
 * before it, and that step; plain text stays as given. Solution steps for step-level
 * protocols come from trajectory steps or from the response's paragraphs.
 */
import { dataUri } from '../report/html.js';
import { StepwiseError } from '../core/errors.js';
import type { Step, Trajectory } from '../core/trajectory.js';
import { actionText } from '../store/format.js';
import type { JudgeContext } from './runtime.js';
import type { JudgeItem, JudgeTarget } from './types.js';

function stepLine(s: Step): string {
  const thought = s.model?.thought ? ` (thought: ${s.model.thought.replace(/\s+/g, ' ').slice(0, 200)})` : '';
  const failed = s.result && !s.result.ok ? ` [failed: ${s.result.error ?? 'error'}]` : '';
  return `${s.index}. ${actionText(s.action ?? s.model?.action)}${thought}${failed}`;
}

function ending(t: Trajectory): string {
  return `Stopped: ${t.stopReason ?? t.status}${t.answer ? `\nFinal answer: ${t.answer}` : ''}`;
}

export function promptOf(target: JudgeTarget): string {
  if (target.kind === 'text') return target.prompt;
  const t = target.trajectory;
  return `Task${t.task.app ? ` (app: ${t.task.app})` : ''}: ${t.task.instruction}`;
}

export function responseOf(target: JudgeTarget): string {
  if (target.kind === 'text') return target.response;
  const t = target.trajectory;
  if (target.kind === 'trajectory') return `Actions:\n${t.steps.map(stepLine).join('\n') || '(none)'}\n${ending(t)}`;
  const step = stepAt(target);
  const before = t.steps.filter((s) => s.index < step.index);
  return `${before.length ? `Earlier actions:\n${before.map(stepLine).join('\n')}\n` : ''}Action to judge:\n${stepLine(step)}`;
}

export function stepAt(target: Extract<JudgeTarget, { kind: 'step' }>): Step {
  const step = target.trajectory.steps.find((s) => s.index === target.index) ?? target.trajectory.steps[target.index];
  if (!step) throw new StepwiseError('invalid_input', `step ${target.index} is not in trajectory ${target.trajectory.id} (${target.trajectory.steps.length} steps)`, 'index a recorded step');
  return step;
}

/** The steps of a solution: trajectory steps, or the response's paragraphs ("Step k:" lines or blank-line blocks). */
export function solutionSteps(target: JudgeTarget): string[] {
  if (target.kind !== 'text') return target.trajectory.steps.map(stepLine).concat(target.kind === 'trajectory' ? [ending(target.trajectory)] : []);
  const r = target.response.trim();
  const byMarker = r.split(/\n(?=\s*Step\s*\d+\s*[:.])/i);
  const parts = byMarker.length > 1 ? byMarker : r.split(/\n\s*\n/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Screenshot shas of a target, last `n`. */
function shas(target: JudgeTarget): string[] {
  if (target.kind === 'text') return [];
  const steps = target.kind === 'step' ? target.trajectory.steps.filter((s) => s.index <= target.index) : target.trajectory.steps;
  return steps.map((s) => s.observation?.image).filter((x): x is string => !!x);
}

export function dataUrl(b: Buffer): string {
  return dataUri(b);
}

/** The last `n` images of a target as data URLs (screenshots need ctx.loadImage). */
export function imagesOf(target: JudgeTarget, ctx: JudgeContext, n: number): string[] {
  if (n <= 0) return [];
  if (target.kind === 'text') return (target.images ?? []).slice(-n).map(dataUrl);
  const want = shas(target).slice(-n);
  if (want.length === 0 || !ctx.loadImage) return [];
  return want.map((s) => dataUrl(ctx.loadImage!(s)));
}

/** A user message: text plus images (OpenAI content parts). */
export function userMessage(text: string, images: string[] = []): { role: 'user'; content: string | unknown[] } {
  if (images.length === 0) return { role: 'user', content: text };
  return { role: 'user', content: [{ type: 'text', text }, ...images.map((url) => ({ type: 'image_url', image_url: { url } }))] };
}

/** Fill {name} slots; unknown slots are an error (a typo in a custom template). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    if (!(k in values)) throw new StepwiseError('config_error', `template slot {${k}} is unknown`, `available: ${Object.keys(values).map((x) => `{${x}}`).join(', ')}`);
    return values[k];
  });
}

export function needReference(item: JudgeItem, protocol: string): string {
  if (item.reference === undefined || item.reference === '') {
    throw new StepwiseError('invalid_input', `${protocol} needs a reference for item ${item.id ?? '(no id)'}`, 'give each item a "reference" (reference answer or reference trajectory summary)');
  }
  return item.reference;
}
