/**
 * The critic: static checks, then the candidate runs in the sandbox on every labelled end state
 * of one or more task instances; it is accepted only when it parses, stays inside the contract
 * and agrees with the hand-written verifier on every case (reference and wrong ends). Without
 * cases (a new task with no template) only the static checks and a smoke run are possible, and
 * the critique says the verifier is unchecked.
 */
import type { PhoneState } from '../sandbox/framework.js';
import type { EndCase, InstanceCases } from './cases.js';
import type { ScreenCase } from './screens.js';
import { runSandboxed, type CallOutcome, type SandboxLimits } from './sandbox.js';
import { staticCheck, type StaticFinding } from './static.js';

export interface CaseVerdict {
  instance: string;
  name: string;
  origin: EndCase['origin'] | 'recorded';
  expected: boolean;
  expectedReason: string;
  /** The candidate's verdict; undefined when it errored, timed out or returned garbage. */
  got?: boolean;
  reason?: string;
  error?: string;
  agree: boolean;
}

export interface Critique {
  accepted: boolean;
  /** False when there were no labelled end states to check against. */
  checked: boolean;
  static: StaticFinding[];
  cases: CaseVerdict[];
  /** Share of cases where the candidate agrees with the hand-written verifier. */
  agreement: number;
  /** One line per problem, for the trajectory analyzer and the CLI. */
  problems: string[];
}

/** A verifier's return value, checked: {ok: boolean, reason: string}. */
export function readVerdict(o: CallOutcome): { ok?: boolean; reason?: string; error?: string } {
  if (!o.ok) return { error: `${o.kind}: ${o.error}` };
  const v = o.value as { ok?: unknown; reason?: unknown } | null;
  if (!v || typeof v !== 'object' || typeof v.ok !== 'boolean') {
    return { error: `returned ${JSON.stringify(o.value)?.slice(0, 80)}, not {ok: boolean, reason: string}` };
  }
  return { ok: v.ok, reason: typeof v.reason === 'string' ? v.reason : '' };
}

export interface CritiqueOptions {
  limits?: Partial<SandboxLimits>;
  /** A state to smoke-run on when there are no cases (a fresh phone). */
  smokeState?: PhoneState;
}

export async function critique(source: string, sets: InstanceCases[], opts: CritiqueOptions = {}): Promise<Critique> {
  const findings = staticCheck(source);
  if (findings.length) {
    return { accepted: false, checked: false, static: findings, cases: [], agreement: 0, problems: findings.map((f) => `static check ${f.rule}: ${f.message}`) };
  }
  const flat = sets.flatMap((s) => s.cases.map((c) => ({ inst: s.instance, c })));
  if (flat.length === 0) {
    const state = opts.smokeState;
    const [o] = await runSandboxed(source, [{ fn: 'verify', args: [state ?? null, '', {}, state ?? null] }], opts.limits);
    const v = readVerdict(o);
    const problems = v.error ? [`smoke run on a fresh phone: ${v.error}`] : [];
    return { accepted: problems.length === 0, checked: false, static: [], cases: [], agreement: 0, problems };
  }
  return judge(source, flat.map(({ inst, c }) => ({
    instance: inst.id, name: c.name, origin: c.origin, expected: c.expected, expectedReason: c.expectedReason,
    args: [c.final, c.answer ?? null, inst.params, inst.initial],
  })), opts.limits);
}

/** The critic for verifiers over recorded UI trees: verify(screen, answer, task) on labelled trajectories. */
export async function critiqueScreens(source: string, cases: ScreenCase[], opts: CritiqueOptions = {}): Promise<Critique> {
  const findings = staticCheck(source);
  if (findings.length) {
    return { accepted: false, checked: false, static: findings, cases: [], agreement: 0, problems: findings.map((f) => `static check ${f.rule}: ${f.message}`) };
  }
  if (cases.length === 0) {
    return { accepted: false, checked: false, static: [], cases: [], agreement: 0, problems: ['no recorded trajectory of this task has a UI tree and a sure outcome to check against'] };
  }
  return judge(source, cases.map((c) => ({
    instance: c.trajectoryId, name: `trajectory ${c.trajectoryId}`, origin: 'recorded' as const, expected: c.expected, expectedReason: c.expectedReason,
    args: [c.final, c.answer ?? null, c.task],
  })), opts.limits);
}

type Labelled = Omit<CaseVerdict, 'got' | 'reason' | 'error' | 'agree'> & { args: unknown[] };

async function judge(source: string, items: Labelled[], limits?: Partial<SandboxLimits>): Promise<Critique> {
  const outs = await runSandboxed(source, items.map((x) => ({ fn: 'verify', args: x.args })), limits);
  const cases: CaseVerdict[] = items.map(({ args: _args, ...c }, i) => {
    const v = readVerdict(outs[i]);
    return { ...c, ...(v.ok !== undefined && { got: v.ok, reason: v.reason }), ...(v.error && { error: v.error }), agree: v.ok === c.expected };
  });
  const problems = cases.filter((c) => !c.agree).map((c) => c.error
    ? `${c.instance} "${c.name}": the verifier failed: ${c.error}`
    : `${c.instance} "${c.name}": should ${c.expected ? 'accept' : 'reject'} (${c.expectedReason}) but ${c.got ? 'accepts' : 'rejects'}: ${c.reason}`);
  const agreement = cases.filter((c) => c.agree).length / cases.length;
  return { accepted: problems.length === 0, checked: true, static: [], cases, agreement, problems };
}
