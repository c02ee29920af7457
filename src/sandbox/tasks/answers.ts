/**
 * Answer normalisation for query tasks: verifiers compare what the agent reported with the truth
 * without caring about case, spacing, currency signs or Chinese vs Arabic numerals.
 */
import type { VerifyResult } from '../framework.js';

export function pass(reason: string): VerifyResult {
  return { ok: true, reason };
}

export function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}

/** Lower case, full-width folded, no whitespace, no punctuation or currency signs. */
export function normText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** A run of Chinese numerals ("三十五", "一百零八", "十二") as a number. */
export function parseChineseNumber(s: string): number | null {
  if (!s || ![...s].every((c) => c in DIGIT || c in UNIT)) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in DIGIT) {
      digit = DIGIT[c];
      continue;
    }
    const unit = UNIT[c];
    if (unit === 10000) {
      total = (total + section + Math.max(digit, 0)) * unit;
      section = 0;
    } else {
      // "十二" means 12: a unit with no digit before it counts once.
      section += (digit < 0 ? 1 : digit) * unit;
    }
    digit = -1;
  }
  return total + section + Math.max(digit, 0);
}

/** Every number written in the answer, Arabic ("¥1,280.50") or Chinese ("三十五"). */
export function numbersIn(answer: string): number[] {
  const text = answer.normalize('NFKC');
  const out: number[] = [];
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const v = Number(m[0].replace(/,/g, ''));
    if (Number.isFinite(v)) out.push(v);
  }
  for (const m of text.matchAll(/[零〇一二两三四五六七八九十百千万]+/g)) {
    const v = parseChineseNumber(m[0]);
    if (v !== null) out.push(v);
  }
  return out;
}

/** Whether the answer states the number `n` (within `tol`, for prices with cents). */
export function hasNumber(answer: string | undefined, n: number, tol = 0.005): boolean {
  if (!answer) return false;
  return numbersIn(answer).some((v) => Math.abs(v - n) <= tol);
}

/** Whether the answer mentions any of the names (Chinese or English spelling of one thing). */
export function mentions(answer: string | undefined, names: readonly string[]): boolean {
  if (!answer) return false;
  const a = normText(answer);
  return names.some((n) => normText(n).length > 0 && a.includes(normText(n)));
}

/** "¥23.5" style price for instructions and answers. */
export function yuan(n: number): string {
  return `¥${Number.isInteger(n) ? n : n.toFixed(2).replace(/0$/, '')}`;
}
