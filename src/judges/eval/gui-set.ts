/**
 * Sandbox task variants and the labelled trajectory sets the probes and the built-in GUI
 * sample are made of. Two variants of a template share one phone (same seed) and differ only
 * in their sampled parameters, so their instructions are lexically close and a trajectory of
 * one can be replayed, step for step, as an attempt at the other.
 */
import { Rng } from '../../core/random.js';
import { StepwiseError } from '../../core/errors.js';
import type { Trajectory } from '../../core/trajectory.js';
import { APPS } from '../../sandbox/apps/index.js';
import type { PhoneState, TaskTemplate } from '../../sandbox/framework.js';
import { clonePhone, createPhone } from '../../sandbox/phone.js';
import { TEMPLATES } from '../../sandbox/tasks/index.js';
import type { TaskInstance } from '../../sandbox/tasks/instance.js';
import { referenceSteps, synthTrajectory, truncatedSteps, type SynthResult } from './synth.js';

export interface VariantRef { template: string; phoneSeed: number; variant: number }

/** Seeded phones are pure functions of the seed: build each once, hand out copies. */
const phones = new Map<number, PhoneState>();
function phoneFor(seed: number): PhoneState {
  let p = phones.get(seed);
  if (!p) {
    if (phones.size >= 64) phones.delete(phones.keys().next().value!);
    p = createPhone(seed, APPS);
    phones.set(seed, p);
  }
  return clonePhone(p);
}

/** Template + phone seed + variant number -> an instance (variant 0 has the template's own parameters). */
export function instantiateVariant(ref: VariantRef): TaskInstance {
  const template = TEMPLATES.find((t) => t.id === ref.template);
  if (!template) throw new StepwiseError('not_found', `no task template "${ref.template}"`, 'see `stepwise tasks list`');
  const phone = phoneFor(ref.phoneSeed);
  const rng = new Rng(ref.variant === 0 ? `task/${template.id}/${ref.phoneSeed}` : `variant/${template.id}/${ref.phoneSeed}/${ref.variant}`);
  const params = template.params(rng, phone);
  template.setup?.(phone, params);
  return { id: `${template.id}#${ref.phoneSeed}.${ref.variant}`, template, seed: ref.phoneSeed, params, instruction: template.instruction(params), initial: phone };
}

/** A synthetic trajectory that remembers which variant it attempts (the verifier judge replays it). */
export function attempt(ref: VariantRef, stepsOf: VariantRef, id: string, how: 'solution' | 'truncated' = 'solution'): SynthResult {
  const inst = instantiateVariant(ref);
  const src = stepsOf === ref ? inst : instantiateVariant(stepsOf);
  const r = synthTrajectory(inst, how === 'solution' ? referenceSteps(src) : truncatedSteps(src), { id, policy: `synthetic:${how}` });
  r.trajectory.meta = { ...r.trajectory.meta, variant: ref };
  return r;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
export function jaccard(a: string, b: string): number {
  const A = words(a), B = words(b);
  const inter = [...A].filter((w) => B.has(w)).length;
  return inter / Math.max(1, A.size + B.size - inter);
}

export interface ContrastPair {
  template: string;
  i1: VariantRef;
  i2: VariantRef;
  instructions: [string, string];
  similarity: number;
  /** [task][trajectory]: t[0][1] = the trajectory that solves I2, presented as an attempt at I1. */
  t: [[Trajectory, Trajectory], [Trajectory, Trajectory]];
}

function sound(r: SynthResult, want: 'success' | 'failure'): boolean {
  return r.outcome.verdict === want;
}

/**
 * The most similar pair of variants of one template on one phone whose right outcomes differ:
 * each solution passes its own verifier and fails the other's. Undefined when none is found.
 */
export function contrastPair(template: TaskTemplate, phoneSeed: number, variants = 6): ContrastPair | undefined {
  const refs: VariantRef[] = [];
  const seen = new Set<string>();
  for (let v = 0; v < variants; v++) {
    const ref = { template: template.id, phoneSeed, variant: v };
    let ins: string;
    try { ins = instantiateVariant(ref).instruction; } catch { continue; }
    if (!seen.has(ins)) { seen.add(ins); refs.push(ref); }
  }
  const inst = new Map(refs.map((r) => [r, instantiateVariant(r).instruction]));
  const cands = refs.flatMap((a, i) => refs.slice(i + 1).map((b) => ({ a, b, sim: jaccard(inst.get(a)!, inst.get(b)!) }))).sort((x, y) => y.sim - x.sim);
  for (const { a, b, sim } of cands) {
    const id = `${template.id}#${phoneSeed}.${a.variant}-${b.variant}`;
    const aa = attempt(a, a, `${id}/11`), ab = attempt(a, b, `${id}/12`), bb = attempt(b, b, `${id}/22`), ba = attempt(b, a, `${id}/21`);
    if (sound(aa, 'success') && sound(bb, 'success') && sound(ab, 'failure') && sound(ba, 'failure')) {
      return { template: template.id, i1: a, i2: b, instructions: [inst.get(a)!, inst.get(b)!], similarity: sim, t: [[aa.trajectory, ab.trajectory], [ba.trajectory, bb.trajectory]] };
    }
  }
  return undefined;
}

export function selectTemplateIds(spec: string | readonly string[] | undefined): TaskTemplate[] {
  if (spec === undefined) return TEMPLATES.filter((t) => t.expect === 'complete');
  const ids = typeof spec === 'string' ? spec.split(',').map((s) => s.trim()).filter(Boolean) : spec;
  return ids.map((id) => {
    const hits = TEMPLATES.filter((t) => t.id === id || t.app === id || (id.endsWith('*') && t.id.startsWith(id.slice(0, -1))));
    if (!hits.length) throw new StepwiseError('not_found', `no task template matches "${id}"`, 'use a template id, an app id or a prefix ending in *; see `stepwise tasks list`');
    return hits;
  }).flat();
}

/**
 * Up to n contrast pairs over the templates (seeded order): one per template on phone `seed`,
 * then another round on the next phone, for at most `rounds` rounds.
 */
export function contrastPairs(templates: readonly TaskTemplate[], n: number, seed = 1, rounds = 4): ContrastPair[] {
  const out: ContrastPair[] = [];
  const order = new Rng(`contrast/${seed}`).shuffle(templates);
  for (let r = 0; r < rounds && out.length < n; r++) {
    for (const t of order) {
      if (out.length >= n) break;
      let p: ContrastPair | undefined;
      try { p = contrastPair(t, seed + r); } catch { p = undefined; } // a template whose solution cannot run headless is skipped
      if (p) out.push(p);
    }
  }
  return out;
}

export interface LabelledTrajectory { trajectory: Trajectory; success: boolean; kind: 'solution' | 'sibling' | 'truncated' }

/**
 * A labelled GUI set: for each template, the reference solution (success), a sibling variant's
 * solution (usually a failure) and a premature stop (failure); labels come from the verifier.
 */
export function labelledSet(templates: readonly TaskTemplate[], n: number, seed = 1): LabelledTrajectory[] {
  return labelledFromPairs(contrastPairs(templates, n, seed), seed);
}

export function labelledFromPairs(pairs: readonly ContrastPair[], seed = 1): LabelledTrajectory[] {
  const out: LabelledTrajectory[] = [];
  for (const p of pairs) {
    out.push({ trajectory: p.t[0][0], success: true, kind: 'solution' });
    out.push({ trajectory: p.t[0][1], success: false, kind: 'sibling' });
    const tr = attempt(p.i2, p.i2, `${p.template}#${p.i2.phoneSeed}.${p.i2.variant}/trunc`, 'truncated');
    out.push({ trajectory: tr.trajectory, success: tr.outcome.verdict === 'success', kind: 'truncated' });
  }
  void seed;
  return out;
}
