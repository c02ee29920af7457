/**
 * Synthesized verifiers as files and as a verdict source for CSRS's calibration chain.
 * A verifier file is plain JavaScript whose first line is a header comment with its metadata:
 *   // stepwise-verifier {"task":"...","template":"notes.delete-note-about","accepted":true}
 */
import { StepwiseError } from '../core/errors.js';
import type { Outcome, Trajectory } from '../core/trajectory.js';
import { APPS } from '../sandbox/apps/index.js';
import type { PhoneState } from '../sandbox/framework.js';
import { instantiate } from '../sandbox/tasks/instance.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import { readVerdict } from './critic.js';
import { finalTree, matchesTask, screenTask } from './screens.js';
import { runSandboxed, type SandboxLimits } from './sandbox.js';

export interface VerifierMeta {
  task?: string;
  template?: string;
  accepted?: boolean;
  checked?: boolean;
  model?: string;
  /** What verify() reads: the sandbox app state (default) or the last recorded UI tree. */
  over?: 'state' | 'uitree';
}

export interface SynthesizedVerifier {
  source: string;
  meta: VerifierMeta;
}

const HEADER = '// stepwise-verifier ';

export function formatVerifierFile(v: SynthesizedVerifier): string {
  return `${HEADER}${JSON.stringify(v.meta)}\n${v.source.trim()}\n`;
}

/** A verifier file, with or without the header line (a hand-written one is fine too). */
export function parseVerifierFile(text: string, file = 'the verifier file'): SynthesizedVerifier {
  if (!text.startsWith(HEADER)) return { source: text, meta: {} };
  const nl = text.indexOf('\n');
  const head = text.slice(HEADER.length, nl < 0 ? undefined : nl);
  try {
    return { source: nl < 0 ? '' : text.slice(nl + 1), meta: JSON.parse(head) as VerifierMeta };
  } catch (e) {
    throw new StepwiseError('invalid_input', `${file}: the header line is not JSON: ${(e as Error).message}`, `the first line is "${HEADER}{...}"; fix it or delete the line`);
  }
}

export interface VerifierSourceOptions {
  /** The sandbox phone state at the end of the trajectory; default: trajectory.meta.finalState. */
  finalState?: (t: Trajectory) => PhoneState | undefined | Promise<PhoneState | undefined>;
  /** Verifiers over UI trees: reads a blob (the store's getBlob). */
  loadBlob?: (sha: string) => Buffer;
  /** Confidence given to its verdicts (default 0.9: below a hand-written verifier's 1). */
  confidence?: number;
  limits?: Partial<SandboxLimits>;
}

/**
 * A CSRS verdict source: for trajectories of the verifier's template (task.meta.template and
 * meta.seed, as the sandbox suite records them) with a known final state, the verifier's verdict
 * as an Outcome; undefined for any other trajectory. A verifier that errors throws, so the
 * chain records it as that source's error rather than as a failure of the agent.
 */
export function synthesizedVerifierSource(v: SynthesizedVerifier, opts: VerifierSourceOptions = {}): (t: Trajectory) => Promise<Outcome | undefined> {
  if (v.meta.over === 'uitree') return screenVerifierSource(v, opts);
  const template = TEMPLATES.find((x) => x.id === v.meta.template);
  if (!template) {
    throw new StepwiseError('invalid_input', `the verifier's template ${JSON.stringify(v.meta.template)} is not a sandbox template`, 'synthesize it with --template ID (see `stepwise tasks list`)');
  }
  if (v.meta.accepted !== true) {
    throw new StepwiseError('invalid_input', `the verifier for ${template.id} was not accepted by the critic`, 'run `stepwise verifier check FILE --template ID` and use only accepted verifiers');
  }
  const finalOf = opts.finalState ?? ((t: Trajectory) => t.meta?.finalState as PhoneState | undefined);
  return async (t) => {
    if (t.task.meta?.template !== template.id || typeof t.task.meta?.seed !== 'number') return undefined;
    const final = await finalOf(t);
    if (!final) return undefined;
    const started = Date.now();
    const by = `synthesized:${template.id}`;
    const stoppedRight = template.expect === 'abort' ? t.stopReason === 'aborted' : t.stopReason === 'completed';
    const base = { source: 'verifier' as const, by, confidence: opts.confidence ?? 0.9 };
    if (!stoppedRight) return { ...base, verdict: 'failure', reason: `expected the agent to ${template.expect}, it stopped with ${t.stopReason ?? t.status}`, cost: { ms: 0, tokens: 0 } };
    const inst = instantiate(template, t.task.meta.seed, APPS);
    const [o] = await runSandboxed(v.source, [{ fn: 'verify', args: [final, t.answer ?? null, inst.params, inst.initial] }], opts.limits);
    const r = readVerdict(o);
    if (r.ok === undefined) throw new StepwiseError('invalid_input', `the synthesized verifier for ${template.id} failed on ${t.id}: ${r.error}`, 'check it with `stepwise verifier check`');
    return { ...base, verdict: r.ok ? 'success' : 'failure', reason: r.reason, cost: { ms: Date.now() - started, tokens: 0 } };
  };
}

/**
 * The same for a verifier over UI trees: trajectories of its template (or, without one, with its
 * exact task instruction) get verify(last recorded UI tree, answer, task).
 */
function screenVerifierSource(v: SynthesizedVerifier, opts: VerifierSourceOptions): (t: Trajectory) => Promise<Outcome | undefined> {
  const match = v.meta.template !== undefined ? { template: v.meta.template } : { instruction: v.meta.task };
  if (match.template === undefined && !match.instruction) throw new StepwiseError('invalid_input', 'the UI-tree verifier names neither a template nor a task', 'its header needs "template" or "task"');
  if (v.meta.accepted !== true) throw new StepwiseError('invalid_input', `the UI-tree verifier for ${match.template ?? JSON.stringify(match.instruction)} was not accepted by the critic`, 'check it with `stepwise verifier check FILE --over uitree --store DIR` and use only accepted verifiers');
  const load = opts.loadBlob;
  if (!load) throw new StepwiseError('invalid_input', 'a UI-tree verifier needs loadBlob to read recorded screens', 'pass { loadBlob: (sha) => store.getBlob(sha) }');
  const by = `synthesized-uitree:${match.template ?? match.instruction!.slice(0, 40)}`;
  return async (t) => {
    if (!matchesTask(t, match)) return undefined;
    const tree = finalTree(t, load);
    if (!tree) return undefined;
    const started = Date.now();
    const [o] = await runSandboxed(v.source, [{ fn: 'verify', args: [tree, t.answer ?? null, screenTask(t)] }], opts.limits);
    const r = readVerdict(o);
    if (r.ok === undefined) throw new StepwiseError('invalid_input', `the UI-tree verifier failed on ${t.id}: ${r.error}`, 'check it with `stepwise verifier check`');
    return { source: 'verifier', by, confidence: opts.confidence ?? 0.9, verdict: r.ok ? 'success' : 'failure', reason: r.reason, cost: { ms: Date.now() - started, tokens: 0 } };
  };
}

/**
 * Auto MC-Reward's combination of a sparse and a dense signal: sgn(sparse) * 1 + sgn(dense) * 0.1.
 * For GUI steps (OURS): sparse is 1 on the last step when the verifier accepts, else 0; dense is
 * the verifier's progress(before, after, params).
 */
export function autoMcReward(sparse: number, dense: number): number {
  return Math.sign(sparse) * 1 + Math.sign(dense) * 0.1;
}

/** Step rewards over a sequence of states (states[0] = initial) with a verifier's verify and progress. */
export async function verifierStepRewards(source: string, states: PhoneState[], answer: string | undefined, params: unknown, limits?: Partial<SandboxLimits>): Promise<number[]> {
  if (states.length < 2) throw new StepwiseError('invalid_input', 'step rewards need the initial state and at least one state after it', 'pass [initial, after step 1, ...]');
  const calls = states.slice(1).map((s, i) => ({ fn: 'progress', args: [states[i], s, params] }));
  calls.push({ fn: 'verify', args: [states[states.length - 1], answer ?? null, params, states[0]] });
  const outs = await runSandboxed(source, calls, limits);
  const dense = outs.slice(0, -1).map((o, i) => {
    if (!o.ok || typeof o.value !== 'number' || !Number.isFinite(o.value)) {
      throw new StepwiseError('invalid_input', `progress() failed at step ${i + 1}: ${o.ok ? `returned ${JSON.stringify(o.value)}` : o.error}`, 'the verifier must define progress(before, after, params) returning a number');
    }
    return o.value;
  });
  const v = readVerdict(outs[outs.length - 1]);
  if (v.ok === undefined) throw new StepwiseError('invalid_input', `verify() failed on the last state: ${v.error}`, 'check the verifier with `stepwise verifier check`');
  return dense.map((d, i) => autoMcReward(i === dense.length - 1 && v.ok ? 1 : 0, d));
}
