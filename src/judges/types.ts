/**
 * One interface for every kind of reward model and LLM judge (docs/JUDGES.md).
 * Protocols (scalar heads, log-prob probes, generative verdicts, likelihoods, sidecars)
 * implement `Judge`; CSRS, the benchmarks, the reward server and judge evaluation only
 * ever see these types.
 */
import type { Trajectory } from '../core/trajectory.js';

/** What is being judged. Images are PNG/JPEG bytes; trajectories reference the store's blobs. */
export type JudgeTarget =
  | { kind: 'trajectory'; trajectory: Trajectory }
  | { kind: 'step'; trajectory: Trajectory; index: number }
  | { kind: 'text'; prompt: string; response: string; images?: Buffer[] };

export interface JudgeItem {
  /** Caller's id, echoed in results and used in reports. */
  id?: string;
  target: JudgeTarget;
  /** Optional reference answer / trajectory summary for reference-based protocols. */
  reference?: string;
  /** Principle or rubric text for principle-based protocols. */
  principle?: string;
  meta?: Record<string, unknown>;
}

export interface JudgeCost {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  /** True when served from the content-hash cache (no tokens spent). */
  cached?: boolean;
}

export interface ToolTraceEntry {
  tool: string;
  args: unknown;
  result: unknown;
}

export interface JudgeResult {
  id?: string;
  protocol: string;
  /** Protocol's score, higher is better; its scale is documented per protocol. */
  score: number;
  /** Probability that the target is good/correct, where the protocol gives one. */
  confidence?: number;
  verdict?: 'success' | 'failure';
  /** Per-step scores for step-level protocols (PRMs), aligned with trajectory steps. */
  stepScores?: number[];
  /** Named sub-scores for multi-aspect protocols. */
  aspects?: Record<string, number>;
  rationale?: string;
  /** Raw model outputs, one per call. */
  raw: string[];
  /** Tool calls made by tool-augmented judges, in order. */
  trace?: ToolTraceEntry[];
  /** Samples that failed (unparseable text, a failed request) and were left out of the score. */
  errors?: string[];
  cost: JudgeCost;
}

export interface PairResult {
  protocol: string;
  preferred: 'a' | 'b' | 'tie';
  /** P(a better than b) where the protocol gives one. */
  probability?: number;
  rationale?: string;
  raw: string[];
  cost: JudgeCost;
}

export interface RankResult {
  protocol: string;
  /** Indices of items, best first. */
  order: number[];
  scores: number[];
  raw: string[];
  cost: JudgeCost;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Judge {
  readonly protocol: string;
  score(item: JudgeItem, opts?: CallOptions): Promise<JudgeResult>;
  compare(a: JudgeItem, b: JudgeItem, opts?: CallOptions): Promise<PairResult>;
  rank(items: JudgeItem[], opts?: CallOptions): Promise<RankResult>;
}
