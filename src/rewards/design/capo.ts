/**
 * CAPO: step and token rewards from K generative critiques that list the wrong steps.
 * arXiv 2508.02298 (REWARDS-2.md 4, summary; W_whole = 2 and W_process = 1 are unverified,
 * so both are parameters). The critiques are inputs: calling the critic model is the caller's job.
 */
import { RewardInputError } from '../util.js';

export type Vote = 'majority' | 'intersection' | 'average';

export interface CapoOptions {
  /** majority: flagged by more than half; intersection: by all; average: penalty scaled by the share flagging. */
  vote?: Vote;
  wholeWeight?: number;
  processWeight?: number;
}

/**
 * Per-step weight of the process penalty in [0, 1] after voting. flags[k] lists the 1-based
 * step numbers critique k marks wrong (as a critique writes "step 2").
 */
export function voteFlags(steps: number, flags: readonly (readonly number[])[], vote: Vote = 'majority'): number[] {
  const counts = new Array<number>(steps).fill(0);
  flags.forEach((f, k) => {
    for (const s of new Set(f)) {
      if (!Number.isInteger(s) || s < 1 || s > steps) throw new RewardInputError(`flags[${k}]`, `step ${s} is not in 1..${steps}`, 'flag steps by their 1-based number');
      counts[s - 1]++;
    }
  });
  const K = flags.length;
  if (K === 0) return counts;
  return counts.map((c) => (vote === 'average' ? c / K : vote === 'intersection' ? (c === K ? 1 : 0) : c > K / 2 ? 1 : 0));
}

/** Step reward r_v W_whole - penalty_s W_process, r_v = 1 for a verified-correct answer else 0. */
export function capoStepRewards(steps: number, flags: readonly (readonly number[])[], correct: boolean, opts: CapoOptions = {}): { flagged: number[]; rewards: number[] } {
  const flagged = voteFlags(steps, flags, opts.vote);
  const whole = (correct ? 1 : 0) * (opts.wholeWeight ?? 2);
  return { flagged, rewards: flagged.map((p) => whole - p * (opts.processWeight ?? 1)) };
}

/** Expand step rewards to tokens: every token of a step gets that step's reward. */
export function expandToTokens(stepRewards: readonly number[], tokensPerStep: readonly number[]): number[] {
  if (tokensPerStep.length !== stepRewards.length) throw new RewardInputError('tokensPerStep', `has ${tokensPerStep.length} entries for ${stepRewards.length} steps`, 'give one token count per step');
  return stepRewards.flatMap((r, i) => new Array<number>(tokensPerStep[i]).fill(r));
}

export type CritiqueFormat = 'line' | 'mentions';

/**
 * Wrong-step numbers from one critique text.
 * 'line' (default): the critic ends with a line "Wrong steps: 2, 3" (or "Wrong steps: none");
 *   the last such line counts, so a critique may revise itself. A critique without it is an error,
 *   since silently reading it as "no errors" would reward the answer.
 * 'mentions': every "step N" / "steps N and M" mentioned anywhere (for critics that cannot be
 *   prompted into a format; noisier, since praise mentions steps too).
 */
export function parseCritique(text: string, format: CritiqueFormat = 'line', field = 'critique'): number[] {
  if (format === 'mentions') {
    const out = new Set<number>();
    for (const m of text.matchAll(/\bsteps?\s+((?:\d+\s*(?:,|and|&|-|to)?\s*)+)/gi)) {
      // "2-4" and "2 to 4" are ranges; commas and "and" separate single steps.
      for (const part of m[1].split(/,|and|&/i)) {
        const [a, b] = (part.match(/\d+/g) ?? []).map(Number);
        if (a === undefined) continue;
        for (let k = a; k <= (b !== undefined && b >= a && b - a < 1000 ? b : a); k++) out.add(k);
      }
    }
    return [...out].sort((a, b) => a - b);
  }
  const lines = [...text.matchAll(/^\s*\**\s*wrong[ _-]?steps?\s*\**\s*[:=]\s*\**\s*(.*)$/gim)];
  if (lines.length === 0) throw new RewardInputError(field, 'has no "Wrong steps:" line', 'ask the critic to end with "Wrong steps: 2, 3" (or "Wrong steps: none"), or use critiqueFormat "mentions"');
  const value = lines[lines.length - 1][1].trim();
  if (/^(none|no|\[\s*\]|-|n\/a)\b/i.test(value) || value === '') return [];
  const nums = value.match(/\d+/g);
  if (!nums) throw new RewardInputError(field, `"Wrong steps: ${value}" lists no step numbers`, 'write step numbers, e.g. "Wrong steps: 2, 3", or "none"');
  return [...new Set(nums.map(Number))].sort((a, b) => a - b);
}
