/**
 * Trajectories as recorded by the runner and kept by the store. Images are referenced by
 * content hash (sha256 hex) into the blob store, never inlined.
 */
import type { Action } from './actions.js';
import type { DeviceInfo, ImageFormat } from './device.js';
import type { Rotation } from './coords.js';

export const STOP_REASONS = ['completed', 'aborted', 'max_steps', 'needs_reply', 'error', 'cancelled', 'interrupted'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export type Verdict = 'success' | 'failure';
export type VerdictSource = 'verifier' | 'rule' | 'judge' | 'human' | 'import';

export interface Outcome {
  verdict: Verdict;
  /** Probability that the verdict is right, 0-1. */
  confidence: number;
  source: VerdictSource;
  reason?: string;
  /** Who or what gave it: verifier name, judge model, reviewer. */
  by?: string;
  at?: number;
  cost?: { tokens?: number; usd?: number; ms?: number };
}

export interface TaskRef {
  /** Task template or external task id. */
  id?: string;
  instruction: string;
  app?: string;
  params?: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

export interface ObservationRef {
  frameId: string;
  /** sha256 of the image bytes in the blob store. */
  image?: string;
  format?: ImageFormat;
  width: number;
  height: number;
  rotation?: Rotation;
  /** sha256 of the UI tree JSON in the blob store. */
  uiTree?: string;
  app?: string;
  at?: number;
}

export interface ModelOutput {
  raw: string;
  thought?: string;
  summary?: string;
  /** The parsed action (canonical), absent when the output did not parse. */
  action?: Action;
  parseError?: string;
  extras?: Record<string, unknown>;
  tokens?: { prompt?: number; completion?: number };
  latencyMs?: number;
  costUsd?: number;
}

export interface StepResult {
  ok: boolean;
  error?: string;
  errorCode?: string;
  details?: Record<string, unknown>;
}

export interface Step {
  index: number;
  observation?: ObservationRef;
  model?: ModelOutput;
  /** The action actually sent to the device (canonical). */
  action?: Action;
  result?: StepResult;
  startedAt?: number;
  durationMs?: number;
  meta?: Record<string, unknown>;
}

export interface Trajectory {
  id: string;
  task: TaskRef;
  device?: DeviceInfo;
  policy?: { name: string; model?: string; dialect?: string; [k: string]: unknown };
  status: 'running' | 'finished' | 'interrupted';
  stopReason?: StopReason;
  answer?: string;
  startedAt: number;
  endedAt?: number;
  steps: Step[];
  outcome?: Outcome;
  /** Free-form labels: run id, round, tags, source of an import. */
  meta?: Record<string, unknown>;
}

/** The latest outcome of the most trusted source present (gold labels: a human's over a verifier's). */
export function goldOutcome(outcomes: readonly Outcome[], trusted: readonly VerdictSource[] = ['human', 'verifier']): Outcome | undefined {
  for (const src of trusted) {
    for (let i = outcomes.length - 1; i >= 0; i--) if (outcomes[i].source === src) return outcomes[i];
  }
  return undefined;
}
