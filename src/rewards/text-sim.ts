/**
 * Text similarity for TYPE / INFO / COMPLETE values (OURS: the Step-GUI report uses an LLM
 * scorer and publishes no rule). Mean of a normalised edit similarity (character level,
 * catches typos) and token F1 (word order and extra words). CJK characters count as tokens,
 * so Chinese text without spaces is compared fairly.
 */
import { distance } from 'fastest-levenshtein';

const ASCII = /^[\x00-\x7f]*$/;

/** NFKC, lower case, trimmed, internal whitespace collapsed. */
export function normalizeText(s: string): string {
  // ASCII text is already NFKC; skipping normalize() keeps batch scoring fast.
  return (ASCII.test(s) ? s : s.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;
const ASCII_TOKEN = /[a-z0-9]+/g;

/** Tokens of already-normalised text. */
function tokensOfNormalized(n: string): string[] {
  return n.match(ASCII.test(n) ? ASCII_TOKEN : TOKEN) ?? [];
}

export function tokens(s: string): string[] {
  return tokensOfNormalized(normalizeText(s));
}

function editSimilarityNormalized(x: string, y: string): number {
  const m = Math.max(x.length, y.length);
  return m === 0 ? 1 : 1 - distance(x, y) / m;
}

/** 1 - lev(a, b) / max(|a|, |b|) on normalised text; two empty strings are identical. */
export function editSimilarity(a: string, b: string): number {
  return editSimilarityNormalized(normalizeText(a), normalizeText(b));
}

/** Multiset token F1; two empty token lists agree (1), one empty list scores 0. */
export function tokenF1(a: string, b: string): number {
  return tokenF1Of(tokens(a), tokens(b));
}

function tokenF1Of(ta: string[], tb: string[]): number {
  if (ta.length === 0 && tb.length === 0) return 1;
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const c = counts.get(t) ?? 0;
    if (c > 0) { common++; counts.set(t, c - 1); }
  }
  if (common === 0) return 0;
  const p = common / ta.length, r = common / tb.length;
  return (2 * p * r) / (p + r);
}

/** 0.5 editSimilarity + 0.5 tokenF1, in [0, 1]. */
export function textSimilarity(a: string, b: string): number {
  const x = normalizeText(a), y = normalizeText(b);
  return 0.5 * editSimilarityNormalized(x, y) + 0.5 * tokenF1Of(tokensOfNormalized(x), tokensOfNormalized(y));
}
