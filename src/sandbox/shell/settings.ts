/**
 * The system settings the shell reads (written by the settings app, if one is registered).
 * Missing data falls back to defaults so the shell works without a settings app.
 */
import type { PhoneState } from '../framework.js';

export interface ShellSettings {
  wifi: boolean;
  bluetooth: boolean;
  airplane: boolean;
  /** 0-100. Like a real panel's backlight it never shows in screenshots. */
  brightness: number;
  darkMode: boolean;
}

export const DEFAULT_SETTINGS: ShellSettings = { wifi: true, bluetooth: false, airplane: false, brightness: 100, darkMode: false };

export function readSettings(phone: PhoneState): ShellSettings {
  const s = (phone.apps.settings ?? {}) as Partial<Record<keyof ShellSettings, unknown>>;
  const bool = (k: 'wifi' | 'bluetooth' | 'airplane' | 'darkMode') => (typeof s[k] === 'boolean' ? (s[k] as boolean) : DEFAULT_SETTINGS[k]);
  const b = typeof s.brightness === 'number' && Number.isFinite(s.brightness) ? Math.max(0, Math.min(100, s.brightness)) : 100;
  return { wifi: bool('wifi'), bluetooth: bool('bluetooth'), airplane: bool('airplane'), brightness: b, darkMode: bool('darkMode') };
}

/** "2026-11-26T09:41" -> parts, without Date's time zone (deterministic everywhere). */
export function clockParts(clock: string): { hh: string; mm: string; month: number; day: number; weekday: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(clock);
  if (!m) return { hh: '00', mm: '00', month: 1, day: 1, weekday: 4 };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return { hh: m[4], mm: m[5], month: mo, day: d, weekday };
}
