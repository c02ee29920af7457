/** Clock app state (phone.apps.clock): alarms, world clock, timer and stopwatch. */
import type { Rng } from '../../../core/random.js';

export interface Alarm {
  id: string;
  hour: number;
  minute: number;
  /** Repeat weekdays, 0 = Sunday; empty = rings once. */
  days: number[];
  label: string;
  enabled: boolean;
  vibrate: boolean;
}

export interface City {
  id: string;
  name: string;
  zh: string;
  country: string;
  /** UTC offset in hours in late November (DST where it applies then). */
  offset: number;
}

/** The phone's own zone (Beijing / Shanghai time). */
export const HOME_OFFSET = 8;

export const CITIES: City[] = [
  { id: 'london', name: 'London', zh: '伦敦', country: 'United Kingdom', offset: 0 },
  { id: 'paris', name: 'Paris', zh: '巴黎', country: 'France', offset: 1 },
  { id: 'berlin', name: 'Berlin', zh: '柏林', country: 'Germany', offset: 1 },
  { id: 'moscow', name: 'Moscow', zh: '莫斯科', country: 'Russia', offset: 3 },
  { id: 'dubai', name: 'Dubai', zh: '迪拜', country: 'United Arab Emirates', offset: 4 },
  { id: 'delhi', name: 'New Delhi', zh: '新德里', country: 'India', offset: 5.5 },
  { id: 'bangkok', name: 'Bangkok', zh: '曼谷', country: 'Thailand', offset: 7 },
  { id: 'singapore', name: 'Singapore', zh: '新加坡', country: 'Singapore', offset: 8 },
  { id: 'hongkong', name: 'Hong Kong', zh: '香港', country: 'China', offset: 8 },
  { id: 'taipei', name: 'Taipei', zh: '台北', country: 'China', offset: 8 },
  { id: 'tokyo', name: 'Tokyo', zh: '东京', country: 'Japan', offset: 9 },
  { id: 'seoul', name: 'Seoul', zh: '首尔', country: 'South Korea', offset: 9 },
  { id: 'sydney', name: 'Sydney', zh: '悉尼', country: 'Australia', offset: 11 },
  { id: 'auckland', name: 'Auckland', zh: '奥克兰', country: 'New Zealand', offset: 13 },
  { id: 'honolulu', name: 'Honolulu', zh: '檀香山', country: 'United States', offset: -10 },
  { id: 'la', name: 'Los Angeles', zh: '洛杉矶', country: 'United States', offset: -8 },
  { id: 'vancouver', name: 'Vancouver', zh: '温哥华', country: 'Canada', offset: -8 },
  { id: 'denver', name: 'Denver', zh: '丹佛', country: 'United States', offset: -7 },
  { id: 'chicago', name: 'Chicago', zh: '芝加哥', country: 'United States', offset: -6 },
  { id: 'newyork', name: 'New York', zh: '纽约', country: 'United States', offset: -5 },
  { id: 'toronto', name: 'Toronto', zh: '多伦多', country: 'Canada', offset: -5 },
  { id: 'saopaulo', name: 'São Paulo', zh: '圣保罗', country: 'Brazil', offset: -3 },
  { id: 'cairo', name: 'Cairo', zh: '开罗', country: 'Egypt', offset: 2 },
  { id: 'istanbul', name: 'Istanbul', zh: '伊斯坦布尔', country: 'Türkiye', offset: 3 },
  { id: 'madrid', name: 'Madrid', zh: '马德里', country: 'Spain', offset: 1 },
  { id: 'rome', name: 'Rome', zh: '罗马', country: 'Italy', offset: 1 },
  { id: 'jakarta', name: 'Jakarta', zh: '雅加达', country: 'Indonesia', offset: 7 },
  { id: 'kl', name: 'Kuala Lumpur', zh: '吉隆坡', country: 'Malaysia', offset: 8 },
  { id: 'mexico', name: 'Mexico City', zh: '墨西哥城', country: 'Mexico', offset: -6 },
  { id: 'nairobi', name: 'Nairobi', zh: '内罗毕', country: 'Kenya', offset: 3 },
];

export interface ClockState {
  alarms: Alarm[];
  nextId: number;
  /** City ids shown on the world clock tab. */
  world: string[];
  timer: { entry: string; seconds: number; state: 'idle' | 'running' | 'paused' };
  stopwatch: { state: 'idle' | 'running' | 'paused'; elapsedCs: number; laps: number[] };
  /** The alarm being edited (label lives in the "label" text field). */
  draft: { id: string | null; hour: number; minute: number; days: number[]; vibrate: boolean } | null;
}

export const WEEKDAYS = [1, 2, 3, 4, 5];
export const WEEKEND = [0, 6];
const LABELS: [string, number, number, number[]][] = [
  ['起床', 7, 0, WEEKDAYS], ['Gym', 6, 30, [1, 3, 5]], ['吃药 Meds', 8, 15, [0, 1, 2, 3, 4, 5, 6]], ['Standup', 9, 50, WEEKDAYS],
  ['午睡', 13, 30, []], ['Pick up kids', 16, 45, WEEKDAYS], ['Yoga', 19, 0, [2, 4]], ['倒垃圾', 20, 30, [0]],
  ['Weekend run', 8, 0, WEEKEND], ['Sleep 睡觉', 23, 0, [0, 1, 2, 3, 4, 5, 6]], ['Flight check-in', 5, 40, []], ['Piano lesson', 10, 0, [6]],
  ['早班地铁', 6, 50, WEEKDAYS], ['Water plants', 18, 10, [3, 6]],
];

export function seedClock(rng: Rng): ClockState {
  const picked = rng.shuffle(LABELS).slice(0, rng.int(6, 9));
  const alarms: Alarm[] = picked.map(([label, h, m, days], i) => ({
    id: `a${i + 1}`, hour: h, minute: (m + (rng.chance(0.3) ? 5 : 0)) % 60, days: days.slice(), label, enabled: rng.chance(0.6), vibrate: rng.chance(0.7),
  }));
  alarms.sort((a, b) => a.hour * 60 + a.minute - (b.hour * 60 + b.minute));
  const world = rng.shuffle(CITIES.filter((c) => c.offset !== HOME_OFFSET)).slice(0, rng.int(2, 4)).map((c) => c.id);
  return {
    alarms, nextId: alarms.length + 1, world,
    timer: { entry: '', seconds: 0, state: 'idle' },
    stopwatch: { state: 'idle', elapsedCs: 0, laps: [] },
    draft: null,
  };
}

const DAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Weekdays", "Weekends", "Every day", "Mon, Wed, Fri" or "Once". */
export function repeatText(days: readonly number[]): string {
  const d = [...new Set(days)].sort();
  if (!d.length) return 'Once';
  if (d.length === 7) return 'Every day';
  if (d.join() === WEEKDAYS.join()) return 'Weekdays';
  if (d.join() === WEEKEND.join()) return 'Weekends';
  return [1, 2, 3, 4, 5, 6, 0].filter((x) => d.includes(x)).map((x) => DAY_SHORT[x]).join(', ');
}

export function sameDays(a: readonly number[], b: readonly number[]): boolean {
  return [...new Set(a)].sort().join() === [...new Set(b)].sort().join();
}

/** Timer keypad digits ("2500") as seconds: digits fill HHMMSS from the right, like Android. */
export function entrySeconds(entry: string): number {
  const d = entry.padStart(6, '0').slice(-6);
  return Number(d.slice(0, 2)) * 3600 + Number(d.slice(2, 4)) * 60 + Number(d.slice(4, 6));
}

/** The keypad digits a user types for a duration (no leading zeros). */
export function secondsEntry(total: number): string {
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  return String(h * 10000 + m * 100 + s);
}

export function cityTime(clock: string, city: City): string {
  const [h, m] = clock.slice(11, 16).split(':').map(Number);
  const t = h * 60 + m + Math.round((city.offset - HOME_OFFSET) * 60);
  const mm = ((t % 1440) + 1440) % 1440;
  return `${String(Math.floor(mm / 60)).padStart(2, '0')}:${String(mm % 60).padStart(2, '0')}`;
}

/** -1, 0, +1: the city's calendar day relative to the phone's. */
export function cityDayShift(clock: string, city: City): number {
  const [h, m] = clock.slice(11, 16).split(':').map(Number);
  const t = h * 60 + m + Math.round((city.offset - HOME_OFFSET) * 60);
  return Math.floor(t / 1440);
}
