/**
 * Clock arithmetic on the phone's ISO local times ("2026-11-26T09:41"). Times are treated as
 * UTC internally so results never depend on the host's time zone.
 */
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function toMs(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`bad phone time "${iso}" (expected YYYY-MM-DDTHH:MM)`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** The ISO time `minutes` before `iso`. */
export function minusMinutes(iso: string, minutes: number): string {
  return fromMs(toMs(iso) - minutes * 60_000);
}

export function plusMinutes(iso: string, minutes: number): string {
  return fromMs(toMs(iso) + minutes * 60_000);
}

/** "09:41" */
export function hhmm(iso: string): string {
  return iso.slice(11, 16);
}

function dayIndex(iso: string): number {
  return Math.floor(toMs(iso) / 86_400_000);
}

/** How a list shows a time: "09:12" today, "Yesterday", "Mon" this week, else "11/20". */
export function listTime(iso: string, now: string): string {
  const days = dayIndex(now) - dayIndex(iso);
  if (days <= 0) return hhmm(iso);
  if (days === 1) return 'Yesterday';
  if (days < 7) return WEEKDAYS_EN[new Date(toMs(iso)).getUTCDay()];
  return `${+iso.slice(5, 7)}/${+iso.slice(8, 10)}`;
}

/** "3h ago", "25 min ago", "2d ago": feed-style relative time. */
export function agoLabel(iso: string, now: string): string {
  const min = Math.max(0, Math.round((toMs(now) - toMs(iso)) / 60_000));
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  if (min < 24 * 60) return `${Math.floor(min / 60)}h ago`;
  return `${Math.floor(min / (24 * 60))}d ago`;
}

/** Time-separator label inside a conversation: "09:12", "Yesterday 18:30", "Mon 08:02", "11/20 10:00". */
export function separatorTime(iso: string, now: string): string {
  const days = dayIndex(now) - dayIndex(iso);
  const t = hhmm(iso);
  return days <= 0 ? t : `${listTime(iso, now)} ${t}`;
}

/** Whether two times are more than `minutes` apart (for grouping chat bubbles). */
export function gapOver(a: string, b: string, minutes: number): boolean {
  return Math.abs(toMs(b) - toMs(a)) > minutes * 60_000;
}

/** "2:05" for call durations given in seconds. */
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
