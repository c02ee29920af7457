/**
 * PII redaction for text that leaves the device at the `summary` and `private` privacy
 * levels. Detectors run most-specific first (ID numbers, then bank cards, then phones, then
 * emails) and each match is replaced by a label, e.g. "[PHONE]". Checksums (ISO 7064 for
 * Chinese ID numbers, Luhn for cards) keep order numbers and prices from being redacted.
 */
export type PiiKind = 'id' | 'card' | 'phone' | 'email';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

const LABEL: Record<PiiKind, string> = { id: '[ID]', card: '[CARD]', phone: '[PHONE]', email: '[EMAIL]' };

// Digits must not touch other digits, letters or '@' (a run inside a longer number is not PII on its own).
const NB = '(?<![\\w@+])';
const NA = '(?![\\w@])';

const ID_RE = new RegExp(`${NB}(\\d{6})((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(\\d{3})([\\dXx])${NA}`, 'g');
// 13-19 digits, plain or in groups of 4 (last group 1-4 digits) separated by one space or dash.
const CARD_RE = new RegExp(`${NB}\\d{4}(?:[ -]\\d{4}){2,3}(?:[ -]\\d{1,4})?${NA}|${NB}\\d{13,19}${NA}`, 'g');
const PHONE_RES: RegExp[] = [
  // Chinese mobile, optional +86 / 0086 / (+86), grouped 3-4-4 with spaces or dashes or not at all.
  new RegExp(`(?:(?:\\+|00)86[ -]?|\\(\\+?86\\)[ -]?)?${NB}1[3-9]\\d(?:[ -]?\\d{4}){2}${NA}`, 'g'),
  // Chinese landline: area code 0XX or 0XXX, 7-8 digit number.
  new RegExp(`${NB}(?:\\(0\\d{2,3}\\)|0\\d{2,3})[ -]\\d{3,4}[ -]?\\d{4}${NA}`, 'g'),
  // International with a + country code: +CC then 7-13 more digits in groups.
  new RegExp(`\\+\\d{1,3}(?:[ -]?\\(?\\d{1,4}\\)?){2,5}${NA}`, 'g'),
  // North American: (555) 123-4567, 555-123-4567, 555.123.4567.
  new RegExp(`${NB}(?:\\(\\d{3}\\) ?|\\d{3}[-.])\\d{3}[-.]\\d{4}${NA}`, 'g'),
];
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 checksum (ISO 7064 MOD 11-2) of an 18-character Chinese resident ID number. */
export function validChineseId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

/** Luhn checksum over the digits of a card number. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/** Every PII match in a text, non-overlapping, in order. */
export function findPii(text: string): PiiMatch[] {
  const taken: PiiMatch[] = [];
  const free = (s: number, e: number) => taken.every((m) => e <= m.start || s >= m.end);
  const scan = (re: RegExp, kind: PiiKind, ok: (s: string) => boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m.index, e = s + m[0].length;
      if (ok(m[0]) && free(s, e)) taken.push({ kind, start: s, end: e, text: m[0] });
    }
  };
  scan(ID_RE, 'id', validChineseId);
  scan(CARD_RE, 'card', (s) => { const d = s.replace(/\D/g, ''); return d.length >= 13 && d.length <= 19 && luhn(d); });
  for (const re of PHONE_RES) scan(re, 'phone', (s) => { const n = digitCount(s); return n >= 7 && n <= 15; });
  scan(EMAIL_RE, 'email', () => true);
  return taken.sort((a, b) => a.start - b.start);
}

/** The text with every PII match replaced by its label. */
export function redact(text: string): string {
  const ms = findPii(text);
  if (!ms.length) return text;
  let out = '';
  let at = 0;
  for (const m of ms) {
    out += text.slice(at, m.start) + LABEL[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}

/** Redacts every string inside a JSON-like value (keys are kept: they are ours, not the screen's). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}
