/**
 * Deterministic stand-ins for what a model server computes: a token split that concatenates
 * back to the text, token logprobs, usage counts and hash embeddings. Same input, same output,
 * so tests can assert on them.
 */

/** FNV-1a 32-bit. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whitespace runs and up to 4 other code points per token; joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|\S{1,4}/gu) ?? [];
}

export interface TokenLogprob {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: { token: string; logprob: number; bytes: number[] }[];
}

const bytesOf = (s: string) => [...Buffer.from(s, 'utf8')];

/** Logprob of a token in (-1, 0], from a hash of the token and its position. */
export function tokenLogprob(token: string, position: number): number {
  return -(fnv1a(`${position}:${token}`) % 1000) / 1000;
}

export function logprobsFor(tokens: string[], top: number, offset = 0): TokenLogprob[] {
  return tokens.map((token, i) => {
    const lp = tokenLogprob(token, offset + i);
    const alts = [token, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(), `${token} `, `_${token}`, `${token}.`];
    const topList = [];
    for (let k = 0; k < top; k++) {
      const t = k < alts.length ? alts[k] : `${token}#${k}`;
      // The chosen token first, then alternatives each 1.5 nats less likely.
      topList.push({ token: t, logprob: lp - 1.5 * k, bytes: bytesOf(t) });
    }
    return { token, logprob: lp, bytes: bytesOf(token), top_logprobs: topList };
  });
}

/** Prompt tokens: ~4 characters a token, images as 28x28-pixel patches, 4 per message. */
export function estimatePromptTokens(text: string, images: { width?: number; height?: number }[], messages: number): number {
  const imageTokens = images.reduce((a, im) => a + (im.width && im.height ? Math.ceil((im.width * im.height) / (28 * 28)) : 85), 0);
  return Math.ceil(text.length / 4) + imageTokens + 4 * messages;
}

/**
 * Feature-hashed bag of words and character trigrams, L2-normalized: texts that share words
 * get a higher cosine, which is enough for retrieval tests.
 */
export function hashEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  const lower = text.toLowerCase();
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dims] += (h & 0x80000000 ? -1 : 1) * weight;
  };
  for (const w of lower.match(/[\p{L}\p{N}]+/gu) ?? []) {
    add(`w:${w}`, 1);
    for (let i = 0; i + 3 <= w.length; i++) add(`c:${w.slice(i, i + 3)}`, 0.3);
  }
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  if (norm === 0) {
    v[0] = 1;
    return v;
  }
  return v.map((x) => x / norm);
}
