/**
 * Times in free-text answers: "06:30", "6:30 am", "6.30pm", "18点30分", "下午六点半", "七点一刻".
 * Returns minutes since midnight for each time found, so verifiers can compare with the truth.
 */
import { parseChineseNumber } from '../../tasks/answers.js';

function num(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseNumber(s);
}

const PM = /(pm|p\.m\.|下午|晚上|傍晚|夜里|中午)/i;
const AM = /(am|a\.m\.|上午|早上|凌晨|清晨|早晨)/i;

function to24(h: number, marker: string): number {
  if (PM.test(marker) && h < 12) return h + 12;
  if (/中午/.test(marker) && h >= 11) return h;
  if (AM.test(marker) && h === 12) return 0;
  return h;
}

export function timesIn(answer: string | undefined): number[] {
  if (!answer) return [];
  const text = answer.normalize('NFKC');
  const out: number[] = [];
  const latin = /(上午|下午|早上|晚上|凌晨|中午|傍晚)?\s*(\d{1,2})\s*[:.]\s*(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?/gi;
  for (const m of text.matchAll(latin)) {
    const h = Number(m[2]), mi = Number(m[3]);
    if (h > 23 || mi > 59) continue;
    out.push(to24(h, `${m[1] ?? ''}${m[4] ?? ''}`) * 60 + mi);
  }
  const zh = /(上午|下午|早上|晚上|凌晨|中午|傍晚|清晨|早晨)?\s*([\d零〇一二两三四五六七八九十]+)\s*[点點时](?:\s*(半|一刻|三刻|([\d零〇一二两三四五六七八九十]+)\s*分?))?/g;
  for (const m of text.matchAll(zh)) {
    const h = num(m[2]);
    if (h === null || h > 23) continue;
    let mi = 0;
    if (m[3] === '半') mi = 30;
    else if (m[3] === '一刻') mi = 15;
    else if (m[3] === '三刻') mi = 45;
    else if (m[4]) mi = num(m[4]) ?? 0;
    if (mi > 59) continue;
    out.push(to24(h, m[1] ?? '') * 60 + mi);
  }
  const simple = /\b(\d{1,2})\s*(am|pm)\b/gi;
  for (const m of text.matchAll(simple)) {
    const h = Number(m[1]);
    if (h >= 1 && h <= 12) out.push(to24(h, m[2]) * 60);
  }
  return out;
}

/** Whether the answer states this time of day. */
export function hasTime(answer: string | undefined, hour: number, minute: number): boolean {
  return timesIn(answer).includes(hour * 60 + minute);
}

const ZH_HOURS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** "早上七点半", "晚上九点" style Chinese time for instructions (hour 0-23, minute 0/15/30/45 or digits). */
export function zhTime(hour: number, minute: number): string {
  const part = hour < 5 ? '凌晨' : hour < 12 ? '早上' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上';
  const h12 = hour > 12 ? hour - 12 : hour;
  const h = h12 === 2 ? '两' : ZH_HOURS[h12];
  const m = minute === 0 ? '' : minute === 30 ? '半' : minute === 15 ? '一刻' : `${minute}分`;
  return `${part}${h}点${m}`;
}
