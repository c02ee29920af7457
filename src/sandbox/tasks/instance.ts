/**
 * Task instances: a template plus a seed gives parameters, an instruction and the initial
 * phone state, all deterministic. Sampling picks instances across templates reproducibly.
 */
import { Rng } from '../../core/random.js';
import { StepwiseError } from '../../core/errors.js';
import type { TaskRef } from '../../core/trajectory.js';
import type { AppDef, PhoneState, TaskTemplate, VerifyResult } from '../framework.js';
import { clonePhone, createPhone } from '../phone.js';

export interface TaskInstance {
  /** "<templateId>#<seed>" */
  id: string;
  template: TaskTemplate;
  seed: number;
  params: unknown;
  instruction: string;
  initial: PhoneState;
}

export function instantiate(template: TaskTemplate, seed: number, apps: readonly AppDef[]): TaskInstance {
  const phone = createPhone(seed, apps);
  const params = template.params(new Rng(`task/${template.id}/${seed}`), phone);
  template.setup?.(phone, params);
  return { id: `${template.id}#${seed}`, template, seed, params, instruction: template.instruction(params), initial: phone };
}

export function verifyInstance(inst: TaskInstance, final: PhoneState, answer: string | undefined): VerifyResult {
  try {
    return inst.template.verify(final, answer, inst.params, inst.initial);
  } catch (e) {
    return { ok: false, reason: `verifier failed on this end state: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** What the store keeps about the task (enough to rebuild the instance). */
export function taskRef(inst: TaskInstance): TaskRef {
  const t = inst.template;
  return {
    id: inst.id,
    instruction: inst.instruction,
    app: t.app,
    params: inst.params as Record<string, unknown>,
    meta: { template: t.id, seed: inst.seed, scenario: t.scenario, type: t.type, complexity: t.complexity, ambiguity: t.ambiguity, lang: t.lang, expect: t.expect },
  };
}

export function selectTemplates(all: readonly TaskTemplate[], spec: string): TaskTemplate[] {
  if (spec === 'all') return all.slice();
  const wanted = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const out: TaskTemplate[] = [];
  for (const w of wanted) {
    const hits = all.filter((t) => t.id === w || t.app === w || t.scenario === w || (w.endsWith('*') && t.id.startsWith(w.slice(0, -1))));
    if (!hits.length) {
      throw new StepwiseError('not_found', `no task template matches "${w}"`, 'use a template id, an app id, a scenario, a prefix ending in *, or "all"; see `stepwise tasks list`');
    }
    for (const h of hits) if (!out.includes(h)) out.push(h);
  }
  return out;
}

/**
 * N instances spread evenly over the templates (round-robin over a seeded shuffle), each with
 * its own instance seed; with N < templates, a seeded subset of templates.
 */
export function sampleInstances(templates: readonly TaskTemplate[], n: number, seed: number, apps: readonly AppDef[]): TaskInstance[] {
  const rng = new Rng(`sample/${seed}`);
  const order = rng.shuffle(templates);
  const out: TaskInstance[] = [];
  for (let i = 0; i < n; i++) {
    const t = order[i % order.length];
    out.push(instantiate(t, rng.int(1, 1_000_000), apps));
  }
  return out;
}

export { clonePhone };
