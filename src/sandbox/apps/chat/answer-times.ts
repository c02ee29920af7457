/** Clock times written in answers ("3:30 pm", "15:30", "下午3点半"), as minutes after midnight. */

export function clockMinutes(h: number, m: number): number {
  return h * 60 + m;
}

const RE = /(上午|早上|中午|下午|晚上)?\s*(\d{1,2})\s*(?:[:：.]\s*(\d{2})|点\s*(半|\d{1,2})?\s*分?|(?=\s*(?:am|pm|a\.m\.|p\.m\.)))\s*(am|pm|a\.m\.|p\.m\.)?/gi;

/**
 * Every time of day the text could mean. A time without am/pm (or 上午/下午) counts both ways,
 * since "3:30" for a 15:30 meeting is what people say.
 */
export function timesIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.normalize('NFKC').matchAll(RE)) {
    const h = Number(m[2]);
    const min = m[3] !== undefined ? Number(m[3]) : m[4] === '半' ? 30 : m[4] ? Number(m[4]) : 0;
    if (h > 24 || min > 59) continue;
    const suffix = (m[5] ?? '').toLowerCase();
    const pm = suffix.startsWith('p') || m[1] === '下午' || m[1] === '晚上' || (m[1] === '中午' && h < 3);
    const am = suffix.startsWith('a') || m[1] === '上午' || m[1] === '早上';
    if (pm) out.push(clockMinutes((h % 12) + 12, min));
    else if (am) out.push(clockMinutes(h % 12, min));
    else {
      out.push(clockMinutes(h % 24, min));
      if (h < 12) out.push(clockMinutes(h + 12, min));
    }
  }
  return out;
}
