/**
 * Verifier synthesis (Auto MC-Reward applied to GUI tasks): design -> critique -> analyze ->
 * redesign, until the critic accepts or the rounds run out. With a template the critic has
 * labelled end states (reference and wrong ends); for a new task without one, only static
 * checks and a smoke run, and the result says it is unchecked.
 */
import { StepwiseError } from '../core/errors.js';
import { APPS } from '../sandbox/apps/index.js';
import type { AppDef, TaskTemplate } from '../sandbox/framework.js';
import { createPhone } from '../sandbox/phone.js';
import { analyzeFailures, analyzeWithModel, type RolloutEnd } from './analyzer.js';
import { buildCases, type InstanceCases } from './cases.js';
import { critique, critiqueScreens, type Critique } from './critic.js';
import type { ScreenCase } from './screens.js';
import { DESIGNER_SYSTEM, SCREEN_DESIGNER_SYSTEM, designPrompt, extractCode, type DesignContext, type Redesign } from './designer.js';
import { chat, type ChatEndpoint } from './model.js';
import type { SandboxLimits } from './sandbox.js';

export interface SynthOptions {
  task: string;
  template?: TaskTemplate;
  /**
   * Write a verifier over recorded UI trees instead of the app state, checked on these labelled
   * trajectories (screenCasesFromStore); the template, if any, only names the task.
   */
  screens?: ScreenCase[];
  /** Seeds whose end states the critic checks (default [1]). */
  seeds?: number[];
  designer: ChatEndpoint;
  /** Design rounds, the first included (default 3). */
  rounds?: number;
  /** 'rules' (default): the analyzer's report as is; 'model': the designer model condenses it first. */
  analyzer?: 'rules' | 'model';
  limits?: Partial<SandboxLimits>;
  apps?: readonly AppDef[];
  onRound?: (r: SynthRound) => void;
}

export interface SynthRound {
  round: number;
  source?: string;
  /** Why the round produced no candidate (designer failed, no code). */
  error?: string;
  critique?: Critique;
  analysis?: string;
  tokens: number;
}

export interface SynthResult {
  task: string;
  template?: string;
  /** What the verifier reads: the sandbox app state, or the last recorded UI tree. */
  over: 'state' | 'uitree';
  accepted: boolean;
  /** False when no labelled end state was available (no template). */
  checked: boolean;
  /** The accepted verifier, or the last candidate when none was accepted. */
  source?: string;
  rounds: SynthRound[];
  tokens: number;
}

function ends(sets: InstanceCases[]): RolloutEnd[] {
  return sets.flatMap((s) => s.cases.map((c) => ({ name: c.name, final: c.final, initial: s.instance.initial })));
}

export async function synthesizeVerifier(o: SynthOptions): Promise<SynthResult> {
  if (o.task.trim() === '') throw new StepwiseError('invalid_input', 'the task description is empty', 'pass --task "what the user asked for"');
  const apps = o.apps ?? APPS;
  const rounds = o.rounds ?? 3;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new StepwiseError('invalid_input', `rounds ${rounds} is out of range`, 'use 1 to 20');
  const over = o.screens ? 'uitree' : 'state';
  const sets = o.template && !o.screens ? (o.seeds ?? [1]).map((s) => buildCases(o.template!, s, apps)) : [];
  const first = sets[0]?.instance;
  const sample = o.screens?.find((c) => c.expected) ?? o.screens?.[0];
  const ctx: DesignContext = o.screens
    ? { task: o.task, ...(o.template && { templateId: o.template.id, app: o.template.app }), params: sample?.task.params ?? {}, ...(sample && { screen: sample.final }) }
    : first
      ? { task: o.task, templateId: o.template!.id, app: o.template!.app, params: first.params, initial: first.initial, expect: o.template!.expect }
      : { task: o.task, initial: createPhone(1, apps) };
  const check = (source: string) => (o.screens ? critiqueScreens(source, o.screens, { limits: o.limits }) : critique(source, sets, { limits: o.limits, smokeState: ctx.initial }));
  const out: SynthResult = { task: o.task, ...(o.template && { template: o.template.id }), over, accepted: false, checked: sets.length > 0 || (o.screens?.length ?? 0) > 0, rounds: [], tokens: 0 };
  let redo: Redesign | undefined;
  for (let r = 1; r <= rounds; r++) {
    const round: SynthRound = { round: r, tokens: 0 };
    out.rounds.push(round);
    try {
      const reply = await chat(o.designer, over === 'uitree' ? SCREEN_DESIGNER_SYSTEM : DESIGNER_SYSTEM, designPrompt(ctx, redo));
      round.tokens += reply.tokens;
      round.source = extractCode(reply.text);
    } catch (e) {
      // A model that answers badly gets another round; an endpoint that is down ends the run.
      if (e instanceof StepwiseError && e.code === 'model_error' && /without code/.test(e.message)) { round.error = e.message; o.onRound?.(round); continue; }
      throw e;
    }
    out.source = round.source;
    round.critique = await check(round.source);
    if (round.critique.accepted) {
      out.accepted = true;
      out.checked = round.critique.checked;
      o.onRound?.(round);
      break;
    }
    let analysis = analyzeFailures(round.critique, ends(sets));
    if (o.analyzer === 'model' && r < rounds) analysis = await analyzeWithModel(o.designer, o.task, round.source, analysis);
    round.analysis = analysis;
    redo = { previous: round.source, analysis };
    o.onRound?.(round);
  }
  out.tokens = out.rounds.reduce((a, x) => a + x.tokens, 0);
  return out;
}

export interface TemplateMeasure {
  template: string;
  accepted: boolean;
  rounds: number;
  /** Agreement with the hand-written verifier on held-out seeds (all cases agree). */
  agrees: boolean;
  heldOutAgreement: number;
  problems: string[];
}

export interface MeasureSummary {
  templates: number;
  accepted: number;
  agreeing: number;
  /** Accepted by the critic and agreeing on held-out seeds: what would join CSRS. */
  acceptedAgreeing: number;
  /** Share of templates whose synthesized verifier agrees with the hand-written one on every held-out case. */
  agreementShare: number;
  tokens: number;
  results: TemplateMeasure[];
}

/**
 * The suite measurement: synthesize a verifier per template (critic on `seeds`), then check the
 * result on held-out seeds' reference and wrong end states.
 */
export async function measureSynthesis(templates: readonly TaskTemplate[], o: Omit<SynthOptions, 'task' | 'template'> & { heldOutSeeds?: number[]; onTemplate?: (m: TemplateMeasure) => void }): Promise<MeasureSummary> {
  const apps = o.apps ?? APPS;
  const results: TemplateMeasure[] = [];
  let tokens = 0;
  for (const t of templates) {
    const seed = (o.seeds ?? [1])[0];
    const task = buildCases(t, seed, apps).instance.instruction;
    const s = await synthesizeVerifier({ ...o, task, template: t });
    tokens += s.tokens;
    let m: TemplateMeasure;
    if (!s.source) m = { template: t.id, accepted: false, rounds: s.rounds.length, agrees: false, heldOutAgreement: 0, problems: s.rounds.map((r) => r.error ?? '').filter(Boolean) };
    else {
      const held = (o.heldOutSeeds ?? [2, 3]).map((x) => buildCases(t, x, apps));
      const c = await critique(s.source, held, { limits: o.limits });
      m = { template: t.id, accepted: s.accepted, rounds: s.rounds.length, agrees: c.checked && c.cases.every((x) => x.agree), heldOutAgreement: c.agreement, problems: c.problems.slice(0, 5) };
    }
    results.push(m);
    o.onTemplate?.(m);
  }
  const agreeing = results.filter((r) => r.agrees).length;
 return { templates: results.length, accepted: results.filter((r) => r.accepted).length, agreeing, acceptedAgreeing: results.filter((r) => r.accepted && r.agrees).length, agreementShare: results.length ? agreeing / results.length : 0, tokens, results };
}
