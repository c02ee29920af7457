/**
 * ONI's reward (arXiv 2410.23022): r = c_ext r_ext + c_llm r_int N_ep(msg)^-beta, where r_int is
 * the distilled LLM preference for the step's message (caption) and N_ep counts how often the
 * same message occurred so far in the episode (the current one included), so repeating a
 * rewarded screen pays less and less.
 */
export interface OniCoefficients {
  /** c_ext (default 1). */
  cExt?: number;
  /** c_llm (default 0.4). */
  cLlm?: number;
  /** beta (default 3). */
  beta?: number;
}

export function oniReward(rExt: number, rInt: number, occurrence: number, c: OniCoefficients = {}): number {
  return (c.cExt ?? 1) * rExt + (c.cLlm ?? 0.4) * rInt * Math.max(1, occurrence) ** -(c.beta ?? 3);
}

/** The normal form of a message used for counting and hash lookups. */
export function normalizeMessage(msg: string): string {
  return msg.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Rewards of one episode: messages, extrinsic rewards and intrinsic scores aligned by step. */
export function oniEpisodeRewards(messages: string[], rExt: number[], rInt: number[], c: OniCoefficients = {}): number[] {
  const seen = new Map<string, number>();
  return messages.map((m, i) => {
    const k = normalizeMessage(m);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return oniReward(rExt[i] ?? 0, rInt[i] ?? 0, n, c);
  });
}
