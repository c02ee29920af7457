/**
 * End states a candidate verifier is checked on, for one sandbox task instance: the reference
 * solution's end state, the template's hand-made wrong ends, and generated ones (nothing done,
 * the last effective step skipped, the task done for other parameters). Each case is labelled
 * by the hand-written verifier, so a generated "wrong" end that is in fact fine counts as a
 * case the candidate must accept.
 */
import { Rng } from '../core/random.js';
import { errorMessage } from '../core/errors.js';
import type { AppDef, PhoneState, SemanticStep, TaskTemplate } from '../sandbox/framework.js';
import { runHeadless } from '../sandbox/headless.js';
import { clonePhone, instantiate, verifyInstance, type TaskInstance } from '../sandbox/tasks/instance.js';

export type CaseOrigin = 'reference' | 'hand-made' | 'nothing-done' | 'skip-last' | 'other-params';

export interface EndCase {
  name: string;
  origin: CaseOrigin;
  final: PhoneState;
  answer?: string;
  /** The hand-written verifier's verdict: what a synthesized one must agree with. */
  expected: boolean;
  expectedReason: string;
}

export interface InstanceCases {
  instance: TaskInstance;
  cases: EndCase[];
  /** Why a generated case could not be built (a solution that fails headlessly, ...). */
  skipped: string[];
}

/** Steps that change nothing on their own; skipping one of them is not a wrong end. */
const INERT = new Set<SemanticStep['do']>(['wait', 'scroll', 'swipe', 'info', 'complete', 'abort']);

function play(inst: TaskInstance, apps: readonly AppDef[], steps: SemanticStep[]) {
  return runHeadless(clonePhone(inst.initial), apps, steps);
}

function labelled(inst: TaskInstance, name: string, origin: CaseOrigin, final: PhoneState, answer: string | undefined): EndCase {
  const v = verifyInstance(inst, final, answer);
  return { name, origin, final, ...(answer !== undefined && { answer }), expected: v.ok, expectedReason: v.reason };
}

export function buildCases(template: TaskTemplate, seed: number, apps: readonly AppDef[], opts: { otherParams?: number } = {}): InstanceCases {
  const inst = instantiate(template, seed, apps);
  const skipped: string[] = [];
  const steps = template.solution(inst.params, clonePhone(inst.initial));
  const ref = play(inst, apps, steps);
  const cases: EndCase[] = [labelled(inst, 'reference solution', 'reference', ref.phone, ref.answer)];
  for (const w of template.wrongEnds(inst.params)) {
    const ph = clonePhone(ref.phone);
    w.mutate?.(ph);
    cases.push(labelled(inst, w.name, 'hand-made', ph, w.answer !== undefined ? w.answer : ref.answer));
  }
  cases.push(labelled(inst, 'nothing done', 'nothing-done', clonePhone(inst.initial), undefined));
  const last = steps.map((s) => s.do).findLastIndex((d) => !INERT.has(d));
  if (last >= 0) {
    try {
      const r = play(inst, apps, steps.filter((_, i) => i !== last));
      cases.push(labelled(inst, `skipped step ${last + 1} (${steps[last].do})`, 'skip-last', r.phone, r.answer ?? ref.answer));
    } catch (e) {
      skipped.push(`skip-last: ${errorMessage(e)}`);
    }
  }
  const seen = new Set([JSON.stringify(inst.params)]);
  for (let k = 0; k < 8 && seen.size <= (opts.otherParams ?? 1); k++) {
    const p = template.params(new Rng(`verifier-cases/${template.id}/${seed}/${k}`), clonePhone(inst.initial));
    if (seen.has(JSON.stringify(p))) continue;
    seen.add(JSON.stringify(p));
    try {
      const start = clonePhone(inst.initial);
      const r = runHeadless(start, apps, template.solution(p, clonePhone(inst.initial)));
      cases.push(labelled(inst, `solved for other params ${JSON.stringify(p).slice(0, 80)}`, 'other-params', r.phone, r.answer));
    } catch (e) {
      skipped.push(`other-params: ${errorMessage(e)}`);
    }
  }
  return { instance: inst, cases, skipped };
}
