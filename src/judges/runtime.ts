/**
 * What a protocol builder gets besides its config: the endpoint (when it has one), the shared
 * budget meter, the caller's context (where screenshots and UI trees come from), a seeded RNG
 * and a way to build member judges (ensembles, calibrated wrappers).
 */
import type { Rng } from '../core/random.js';
import type { BudgetMeter } from './budget.js';
import type { CommonConfig, JudgeConfig } from './config.js';
import type { JudgeEndpoint } from './endpoint.js';
import type { Judge } from './types.js';

export interface JudgeContext {
  /** Screenshot bytes by sha256 (the store's blobs); needed to show screens to a VLM judge. */
  loadImage?: (sha: string) => Buffer;
  /** UI tree JSON by sha256 (the store's blobs); Themis' UI-tree tools read it. */
  loadUiTree?: (sha: string) => unknown;
  /** OCR of a screenshot; absent when no OCR engine is available. */
  ocr?: (image: Buffer) => Promise<string>;
  /** Store directory, for the judge cache file. */
  storeDir?: string;
  env?: NodeJS.ProcessEnv;
}

export interface JudgeRuntime {
  cfg: CommonConfig;
  endpoint?: JudgeEndpoint;
  budget: BudgetMeter;
  ctx: JudgeContext;
  rng: Rng;
  /** Build another judge sharing this one's budget and context. */
  member(config: JudgeConfig): Judge;
}

/** The endpoint, or a clear error for protocols that cannot run without one. */
export function needEndpoint(rt: JudgeRuntime): JudgeEndpoint {
  if (!rt.endpoint) throw new Error(`protocol ${rt.cfg.protocol} was built without an endpoint`);
  return rt.endpoint;
}
