/**
 * What judge evaluation works on: every public format is loaded into one of four item kinds,
 * so metrics, scoring and reports never look at a dataset's own field names.
 */
import type { Trajectory } from '../../core/trajectory.js';

/** A prompt with known-good and known-bad responses (pairs, best-of-4, 1 vs 9, Ties). */
export interface ChoiceItem {
  kind: 'choice';
  id: string;
  subset: string;
  prompt: string;
  chosen: string[];
  rejected: string[];
  /** RewardBench 2 Ties: "ref" (one correct answer) or "tied" (several), paired by `group`. */
  ties?: { type: 'ref' | 'tied'; group: string };
}

/** One response (or GUI trajectory) with a gold binary label: is it correct / did the task succeed. */
export interface LabelItem {
  kind: 'label';
  id: string;
  subset: string;
  prompt: string;
  response: string;
  reference?: string;
  correct: boolean;
  trajectory?: Trajectory;
}

/** A step-by-step solution with the index of its first wrong step (-1: all steps correct). */
export interface ProcessItem {
  kind: 'process';
  id: string;
  subset: string;
  problem: string;
  steps: string[];
  firstError: number;
}

/** A response with human ratings (HelpSteer2): judged by agreement of order within a prompt. */
export interface RatedItem {
  kind: 'rated';
  id: string;
  subset: string;
  prompt: string;
  response: string;
  /** Rating the metric ranks by (HelpSteer2: helpfulness). */
  rating: number;
  aspects: Record<string, number>;
}

export type EvalItem = ChoiceItem | LabelItem | ProcessItem | RatedItem;

/** A record the loader could not use, with where it is and what is wrong. */
export interface BadRecord {
  /** 1-based line (JSONL) or 1-based record number (JSON array). */
  line: number;
  message: string;
}

export interface LoadedSet {
  /** Format name (see FORMATS). */
  format: string;
  /** Where it came from: a file path, "store", or "sample:<name>". */
  source: string;
  items: EvalItem[];
  bad: BadRecord[];
  /** Records that are valid but deliberately not used (e.g. PRM800K give_up), with why. */
  skipped: { line: number; reason: string }[];
}
