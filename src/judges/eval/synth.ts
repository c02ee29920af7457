/**
 * Synthetic GUI trajectories without Chromium: a task instance's steps (its reference
 * solution, a sibling instance's solution, a truncated one) are executed headlessly in Node
 * (src/sandbox/headless.ts) one at a time, each step recorded with the action it stands for and
 * a description naming what was on screen; the template's verifier gives the gold outcome.
 */
import type { Action } from '../../core/actions.js';
import type { Outcome, Step, Trajectory } from '../../core/trajectory.js';
import { APPS } from '../../sandbox/apps/index.js';
import type { AppDef, SemanticStep, Target } from '../../sandbox/framework.js';
import { matchTargets, parseHtml, runHeadless, screenMarkup, textContent } from '../../sandbox/headless.js';
import { clonePhone, taskRef, verifyInstance, type TaskInstance } from '../../sandbox/tasks/instance.js';

export interface SynthOptions {
  id: string;
  policy?: string;
  apps?: readonly AppDef[];
}

/** Where a target is, on a screen with no pixels: the centre of the grid (points are not judged). */
const NOWHERE: [number, number] = [500, 500];

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** What a person would call the element: its visible text, else its id. */
function visibleName(inst: { phone: TaskInstance['initial'] }, apps: readonly AppDef[], t: Target): string {
  const hits = matchTargets(parseHtml(screenMarkup(inst.phone, apps).html), t);
  const n = hits[t.nth ?? 0];
  const text = n ? textContent(n) : '';
  return text ? `"${clip(text)}"` : t.text ? `"${t.text}"` : t.contains ? `"${t.contains}"` : `#${t.id ?? '?'}`;
}

/** The canonical action a semantic step stands for, and how a narrating agent would describe it. */
export function actionFor(step: SemanticStep, name: string): { action: Action; thought: string } {
  switch (step.do) {
    case 'open_app': return { action: { type: 'open_app', app: step.app }, thought: `Open ${step.app}.` };
    case 'tap': return { action: { type: 'click', point: NOWHERE }, thought: `Tap ${name}.` };
    case 'long_press': return { action: { type: 'long_press', point: NOWHERE }, thought: `Long-press ${name}.` };
    case 'type': return { action: { type: 'type', text: step.text }, thought: `Type "${step.text}"${step.into ? ` into ${name}` : ''}.` };
    case 'key': return { action: { type: 'key', key: step.key }, thought: `Press ${step.key}.` };
    case 'scroll': return { action: { type: 'scroll', direction: step.direction }, thought: `Scroll ${step.direction}.` };
    case 'swipe': return { action: { type: 'swipe', from: step.from, to: step.to }, thought: 'Swipe.' };
    case 'wait': return { action: { type: 'wait', seconds: step.seconds }, thought: 'Wait for the screen.' };
    case 'info': return { action: { type: 'info', question: step.question }, thought: 'I need the user to decide.' };
    case 'complete': return { action: { type: 'complete', answer: step.answer ?? '' }, thought: 'The task is done.' };
    case 'abort': return { action: { type: 'abort', reason: step.reason }, thought: 'This cannot be done.' };
  }
}

export interface SynthResult {
  trajectory: Trajectory;
  /** The verifier's verdict (the gold label). */
  outcome: Outcome;
}

/** Run `steps` on a copy of the instance's start state and record them as a finished trajectory. */
export function synthTrajectory(inst: TaskInstance, steps: readonly SemanticStep[], o: SynthOptions): SynthResult {
  const apps = o.apps ?? APPS;
  const phone = clonePhone(inst.initial);
  const out: Step[] = [];
  let answer: string | undefined, aborted: string | undefined, error: string | undefined;
  for (const s of steps) {
    const target = s.do === 'tap' || s.do === 'long_press' ? s : s.do === 'type' ? s.into : undefined;
    const name = target ? visibleName({ phone }, apps, target) : '';
    const { action, thought } = actionFor(s, name);
    const step: Step = { index: out.length, action, model: { raw: JSON.stringify({ thought, action }), thought, action }, meta: { semantic: s } };
    out.push(step);
    try {
      const r = runHeadless(phone, apps, [s]);
      if (r.answer !== undefined) answer = r.answer;
      if (r.aborted !== undefined) aborted = r.aborted;
      step.result = { ok: true };
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      step.result = { ok: false, error };
      break;
    }
    if (s.do === 'complete' || s.do === 'abort') break;
  }
  const stopReason = error ? 'error' : aborted !== undefined ? 'aborted' : answer !== undefined || steps.at(-1)?.do === 'complete' ? 'completed' : 'max_steps';
  const expected = inst.template.expect;
  const stoppedRight = expected === 'abort' ? stopReason === 'aborted' : stopReason === 'completed';
  const v = stoppedRight ? verifyInstance(inst, phone, stopReason === 'aborted' ? aborted : answer ?? '') : { ok: false, reason: `stopped with ${stopReason}${error ? `: ${error}` : ''}; expected ${expected}` };
  const outcome: Outcome = { verdict: v.ok ? 'success' : 'failure', confidence: 1, source: 'verifier', by: inst.template.id, reason: v.reason };
  const trajectory: Trajectory = {
    id: o.id, task: taskRef(inst), policy: { name: o.policy ?? 'synthetic' }, status: 'finished', stopReason,
    ...(answer !== undefined ? { answer } : aborted !== undefined ? { answer: aborted } : {}),
    startedAt: 0, endedAt: 0, steps: out, meta: { synthetic: true },
  };
  return { trajectory, outcome };
}

/** The instance's reference solution. */
export function referenceSteps(inst: TaskInstance): SemanticStep[] {
  return inst.template.solution(inst.params, clonePhone(inst.initial));
}

/** A premature stop: the first step, then complete (what an over-eager agent does). */
export function truncatedSteps(inst: TaskInstance): SemanticStep[] {
  const ref = referenceSteps(inst);
  return [...ref.slice(0, 1), { do: 'complete', answer: '' }];
}
