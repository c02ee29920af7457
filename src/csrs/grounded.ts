/**
 * The `grounded` engine: builds category targets only from what each step shows (trees
 * before and after, the element under the action, the executed action and its result, the
 * trajectory verdict). No model, so nothing can be invented.
 */
import { createHash } from 'node:crypto';
import { stripMeta, type Action } from '../core/actions.js';
import type { Trajectory, Verdict } from '../core/trajectory.js';
import { actionText } from '../store/format.js';
import { validateTarget, type Category, type Sample, type Target } from './categories.js';
import { elementName, keyboardOpen, type Screen } from './screen.js';
import type { StepSignals } from './signals.js';

const MAX_TEXTS = 12;

export interface StepContext {
  t: Trajectory;
  verdict: Verdict;
  signals: StepSignals[];
}

/** What one step did, in a few words, grounded in the element it touched. */
export function stepText(action: Action | undefined, sig: StepSignals | undefined): string {
  if (!action) return 'no valid action';
  switch (action.type) {
    case 'click': return `tap ${elementName(sig?.element)}`;
    case 'long_press': return `long-press ${elementName(sig?.element)}`;
    case 'type': return `type "${action.text}"${sig?.element ? ` into ${elementName(sig.element)}` : ''}`;
    case 'open_app': return `open ${action.app}`;
    case 'key': return `press ${action.key}`;
    case 'scroll': return `scroll ${action.direction}`;
    default: return actionText(stripMeta(action));
  }
}

function actionables(s: Screen): string[] {
  const out: string[] = [];
  for (const n of s.tree) {
    if (!n.clickable || n.package === 'com.android.systemui') continue;
    const name = n.text || n.desc || n.resourceId.replace(/^.*:id\//, '');
    if (name && !out.includes(name)) out.push(name);
    if (out.length >= MAX_TEXTS) break;
  }
  return out;
}

/** Texts on the screen that name one of the task's parameters (what shows the task is done). */
function evidence(t: Trajectory, s: Screen): string[] {
  const params = Object.values(t.task.params ?? {}).filter((v): v is string => typeof v === 'string' && v.length > 1).map((v) => v.toLowerCase());
  return s.texts.filter((x) => params.some((p) => x.toLowerCase().includes(p))).slice(0, MAX_TEXTS);
}

export type Built = { [C in Category]?: { input?: Record<string, unknown>; target: Target<C> } };

/** Targets of every category the step can support (selection happens later). */
export function groundedTargets(ctx: StepContext, i: number): Built {
  const { t, verdict, signals } = ctx;
  const step = t.steps[i];
  const sig = signals[i];
  const action = step.action;
  const out: Built = {};
  const done = signals.slice(0, i).filter((s) => !s.waste).map((s) => stepText(t.steps[s.index]?.action, s));
  const did = stepText(action, sig);
  const success = verdict === 'success';
  const last = i === t.steps.length - 1;

  out.progress_tracking = {
    target: {
      step: i,
      done,
      ...(success && !sig.waste ? { next: did } : {}),
      reasoning: `${done.length} effective step(s) so far${done.length ? `, last: ${done[done.length - 1]}` : ''}.` +
        (success ? (sig.waste ? ' This step was wasted, so no next step is claimed.' : ` The successful run continued with: ${did}.`) : ' The run failed, so the next step is not claimed.'),
    },
  };
  const before = sig.before;
  if (before) {
    const kb = keyboardOpen(before);
    const texts = before.texts.slice(0, MAX_TEXTS);
    out.state_summary = {
      target: {
        app: before.app ?? '',
        keyboard_open: kb,
        key_texts: texts,
        actionable: actionables(before),
        reasoning: `The screen belongs to ${before.app ?? 'an unknown app'}${kb ? ' with the keyboard open' : ''}; it shows ${before.texts.length} distinct text(s).`,
      },
    };
    const ev = evidence(t, before);
    const complete = success && last && action?.type === 'complete';
    out.state_verification = {
      target: {
        task_complete: complete,
        evidence: ev,
        reasoning: complete
          ? `The task was verified as done and the agent finished here${ev.length ? `; the screen shows ${ev.slice(0, 3).join(', ')}` : ''}.`
          : success ? 'The run went on after this screen, so the task was not done yet.' : 'The run was judged a failure, so this screen does not complete the task.',
      },
    };
  }
  if (action && sig.diff && before && sig.after) {
    const d = sig.diff;
    out.effect_prediction = {
      input: { action: stripMeta(action) },
      target: {
        action: did,
        target: elementName(sig.element),
        app_changed: d.appChanged,
        screen_changed: d.changed,
        appeared: d.appeared.slice(0, MAX_TEXTS),
        disappeared: d.disappeared.slice(0, MAX_TEXTS),
        reasoning: !d.changed ? `After "${did}" the screen stayed the same.`
          : d.appChanged ? `After "${did}" the app changed from ${before.app} to ${sig.after.app}.`
          : `After "${did}" ${d.appeared.length} text(s) appeared and ${d.disappeared.length} disappeared.`,
      },
    };
  }
  if (action) out.self_reflection = { input: { action: stripMeta(action) }, target: reflection(did, sig, action, success, last) };
  if (action && sig.ok && !['complete', 'abort', 'info'].includes(action.type) && (sig.element || !('point' in action && action.point))) {
    const intent = did.charAt(0).toUpperCase() + did.slice(1);
    out.intent_execution = {
      input: { intent },
      target: {
        intent,
        action: stripMeta(action),
        ...(sig.element ? { element: { text: sig.element.text, desc: sig.element.desc, resourceId: sig.element.resourceId, class: sig.element.class } } : {}),
        reasoning: sig.element ? `${intent}: the element's bounds contain the action point.` : `${intent} needs no screen position.`,
      },
    };
  }
  // Built for every step with an action; selection (select.ts) decides who may use it.
  if (action) {
    out.action_prediction = {
      input: { history: done },
      target: { thought: step.model?.thought ?? '', action: stripMeta(action), reasoning: `${success ? 'In the successful run' : 'In this run'} this step did: ${did}${sig.diff?.changed ? ', and the screen changed' : ''}.` },
    };
  }
  return out;
}

function reflection(did: string, sig: StepSignals, action: Action, success: boolean, last: boolean): Target<'self_reflection'> {
  if (action.type === 'complete' || action.type === 'abort') {
    const right = success && last;
    return { action: did, assessment: right ? 'right_end' : 'wrong_end', should_repeat: right, reasoning: right ? 'Ending here was verified as right.' : 'The run was judged a failure, so ending here was wrong.' };
  }
  const why: Record<string, string> = {
    no_effect: 'the screen did not change',
    detour: 'its effect was undone by the next step',
    detour_undo: 'it only undid the previous step',
    loop: 'the agent came back to an earlier screen',
    dead_end: 'only ineffective steps followed it before the end',
    mistyped: 'the typed text misses the task\'s text by a letter or two',
    off_task: 'it picked an item the task does not name while the item the task names was beside it',
    failed_action: 'the device rejected the action',
    unparsed: 'the output had no valid action',
  };
  if (sig.waste) {
    const assessment = sig.waste === 'detour_undo' ? 'undo' : sig.waste;
    return { action: did, assessment, should_repeat: false, reasoning: `Not useful: ${why[sig.waste]}.` };
  }
  return {
    action: did,
    assessment: 'useful',
    should_repeat: success,
    reasoning: success ? 'The step changed the screen and is part of a successful run.' : 'The step changed the screen, but the run failed, so it is not endorsed.',
  };
}

/** Validated samples of the chosen categories for one step. */
export function toSamples(ctx: StepContext, i: number, built: Built, keep: readonly Category[]): Sample[] {
  const { t, verdict } = ctx;
  const step = t.steps[i];
  const out: Sample[] = [];
  for (const c of keep) {
    const b = built[c];
    if (!b) continue;
    const target = validateTarget(c, b.target);
    const id = createHash('sha256').update(`${t.id}|${i}|${c}|${JSON.stringify(target)}`).digest('hex').slice(0, 32);
    out.push({
      id, category: c, trajectoryId: t.id, stepIndex: i, taskId: t.task.id, instruction: t.task.instruction, app: t.task.app, verdict,
      images: step.observation?.image ? [step.observation.image] : [],
      input: b.input ?? {},
      target,
    });
  }
  return out;
}
