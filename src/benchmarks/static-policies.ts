/**
 * Policies for static evaluation. Any runtime Policy works (it sees the screenshot, the task
 * and the history, and returns an action); these two exist only for the static benchmark:
 * `replay` answers each step with its own ground truth (the harness's self-check: it must score
 * 100%), `center` always taps the middle of the screen (a floor any model must beat).
 */
import type { Action } from '../core/actions.js';
import { StepwiseError } from '../core/errors.js';
import type { Decision, Policy, PolicyContext } from '../agent/policy.js';
import { openAIPolicyFromFlags } from '../agent/openai/index.js';
import type { ModelFlags } from '../config/resolve.js';
import type { StaticRow } from './static-format.js';

export const STATIC_POLICIES = ['replay', 'center', 'openai'] as const;

/** The screen-centre point every `center` prediction taps. */
export const CENTER: [number, number] = [500, 500];

export class CenterPolicy implements Policy {
  readonly name = 'center';
  describe() { return { point: CENTER }; }
  async decide(): Promise<Decision> {
    return { action: { type: 'click', point: [...CENTER] as [number, number] } };
  }
}

/** Looks the step up by the observation's frame id, which the static runner sets to the row id. */
export class StaticReplayPolicy implements Policy {
  readonly name = 'replay';
  private readonly byId: Map<string, Action>;
  constructor(rows: readonly StaticRow[]) {
    this.byId = new Map(rows.map((r) => [r.id, r.gt]));
  }
  describe() { return { source: 'ground truth of each row' }; }
  async decide(ctx: PolicyContext): Promise<Decision> {
    const gt = this.byId.get(ctx.observation.frame.id);
    if (!gt) throw new StepwiseError('not_found', `replay has no ground truth for step ${ctx.observation.frame.id}`, 'replay only scores the data set it was built from');
    return { action: gt, raw: JSON.stringify(gt) };
  }
}

export function staticPolicy(name: string, rows: readonly StaticRow[], model: ModelFlags = {}): Policy {
  if (name === 'replay') return new StaticReplayPolicy(rows);
  if (name === 'center') return new CenterPolicy();
  if (name === 'openai') return openAIPolicyFromFlags(model);
  if (name === 'demo') {
    throw new StepwiseError('not_implemented', 'the demo policy follows a live phone (UI tree and its own plan) and cannot score isolated static steps', 'use --policy replay, center or openai for `bench static`; the demo policy runs in `bench e2e`');
  }
  throw new StepwiseError('config_error', `unknown policy "${name}" for bench static`, `use --policy ${STATIC_POLICIES.join(', ')}`);
}
