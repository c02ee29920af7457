/**
 * A full Judge from a pointwise scoring function: compare and rank follow from the scores.
 * The built-in reference judges and the tests' fake judges are made this way.
 */
import type { Judge, JudgeCost, JudgeItem, JudgeResult } from '../../types.js';

export interface Scoring {
  score: number;
  confidence?: number;
  stepScores?: number[];
  rationale?: string;
}

const FREE: JudgeCost = { calls: 0, promptTokens: 0, completionTokens: 0, latencyMs: 0 };

export function judgeFromScorer(protocol: string, fn: (item: JudgeItem) => Scoring | Promise<Scoring>): Judge {
  const score = async (item: JudgeItem): Promise<JudgeResult> => {
    const s = await fn(item);
    const p = s.confidence ?? (s.score >= 0 && s.score <= 1 ? s.score : undefined);
    return {
      id: item.id, protocol, score: s.score, ...(s.confidence !== undefined ? { confidence: s.confidence } : {}),
      ...(p !== undefined ? { verdict: p >= 0.5 ? 'success' as const : 'failure' as const } : {}),
      ...(s.stepScores ? { stepScores: s.stepScores } : {}), ...(s.rationale ? { rationale: s.rationale } : {}),
      raw: [], cost: { ...FREE },
    };
  };
  return {
    protocol,
    score,
    async compare(a, b) {
      const [ra, rb] = await Promise.all([score(a), score(b)]);
      return { protocol, preferred: ra.score === rb.score ? 'tie' : ra.score > rb.score ? 'a' : 'b', raw: [], cost: { ...FREE } };
    },
    async rank(items) {
      const scores = (await Promise.all(items.map(score))).map((r) => r.score);
      return { protocol, order: scores.map((_, i) => i).sort((i, j) => scores[j] - scores[i] || i - j), scores, raw: [], cost: { ...FREE } };
    },
  };
}
