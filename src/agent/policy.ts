/**
 * A policy decides the next action from what the runner gives it. Policies are stateless
 * between calls except for `memory`, a per-run scratch object the runner carries for them.
 */
import type { Action } from '../core/actions.js';
import type { Observation } from '../core/device.js';
import type { Step, TaskRef } from '../core/trajectory.js';

export interface PolicyContext {
  task: TaskRef;
  stepIndex: number;
  observation: Observation;
  /** Steps so far, oldest first. */
  history: readonly Step[];
  /** The user's reply to the previous `info` action, if any. */
  reply?: string;
  memory: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface Decision {
  /** Canonical action; absent when the model output could not be parsed (see parseError). */
  action?: Action;
  raw?: string;
  thought?: string;
  summary?: string;
  parseError?: string;
  /** Dialect fields with no canonical home (GELab explain/verify, UI-TARS reflection...). */
  extras?: Record<string, unknown>;
  tokens?: { prompt?: number; completion?: number };
  latencyMs?: number;
  costUsd?: number;
  /** Policy facts recorded with the step, e.g. `injected` error labels of the demo policy. */
  meta?: Record<string, unknown>;
}

export interface Policy {
  name: string;
  /** Recorded with the trajectory (model, dialect, noise...). */
  describe(): Record<string, unknown>;
  decide(ctx: PolicyContext): Promise<Decision>;
}
