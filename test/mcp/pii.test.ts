import { describe, expect, it } from 'vitest';
import { findPii, luhn, redact, validChineseId } from '../../src/mcp/pii.js';
import { CORPUS, parseLine } from './pii-corpus.js';

/** Precision/recall over exact spans (kind and text must both match). */
export function score() {
  let tp = 0, fp = 0, fn = 0;
  const misses: string[] = [];
  for (const line of CORPUS) {
    const { text, spans } = parseLine(line);
    const found = findPii(text).map((m) => `${m.kind}:${m.text}`);
    const want = spans.map((s) => `${s.kind}:${s.text}`);
    for (const f of found) if (want.includes(f)) tp++; else { fp++; misses.push(`FP ${f} in "${text}"`); }
    for (const w of want) if (!found.includes(w)) { fn++; misses.push(`FN ${w} in "${text}"`); }
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}

describe('PII redactor', () => {
  it('reaches precision and recall >= 0.9 on the labelled corpus', () => {
    const s = score();
    console.log(`PII corpus: ${CORPUS.length} lines, tp=${s.tp} fp=${s.fp} fn=${s.fn} precision=${s.precision.toFixed(3)} recall=${s.recall.toFixed(3)}`);
    for (const m of s.misses) console.log('  ' + m);
    expect(s.tp).toBeGreaterThan(25);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('replaces each match by its label and leaves the rest alone', () => {
    expect(redact('Anna 138 1234 5678, anna@x.io')).toBe('Anna [PHONE], [EMAIL]');
    expect(redact('Total ¥1,299.00 on 2024-05-01')).toBe('Total ¥1,299.00 on 2024-05-01');
  });

  it('checks ID and card checksums', () => {
    expect(validChineseId('11010519491231002X')).toBe(true);
    expect(validChineseId('110105194912310021')).toBe(false);
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
  });
});
