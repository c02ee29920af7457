/** Calendar app state (phone.apps.calendar): events, holidays and the event editor draft. */
import type { Rng } from '../../../core/random.js';
import { DEFAULT_CLOCK } from '../../phone.js';
import { addDays, dateOf, hhmm, minutesOf, weekday } from '../settings/kit.js';

export const CALENDARS = ['Personal', 'Work', 'Family'] as const;
export type CalendarName = (typeof CALENDARS)[number];
export const CAL_COLOR: Record<CalendarName, string> = { Personal: '#1a73e8', Work: '#e8710a', Family: '#0b8043' };

/** Reminder choices in minutes before the start (null = none). */
export const REMINDERS: { label: string; value: number | null }[] = [
  { label: 'No reminder', value: null }, { label: 'At time of event', value: 0 }, { label: '5 minutes before', value: 5 },
  { label: '10 minutes before', value: 10 }, { label: '15 minutes before', value: 15 }, { label: '30 minutes before', value: 30 },
  { label: '1 hour before', value: 60 }, { label: '1 day before', value: 1440 },
];

export interface CalEvent {
  id: string;
  title: string;
  /** "YYYY-MM-DD". */
  date: string;
  /** "HH:MM"; both null for all-day events. */
  start: string | null;
  end: string | null;
  location: string;
  reminder: number | null;
  calendar: CalendarName;
  notes: string;
}

export interface Draft {
  id: string | null;
  date: string;
  start: string | null;
  end: string | null;
  reminder: number | null;
  calendar: CalendarName;
  /** Month shown by the date picker. */
  pickYm: string;
}

export interface CalendarState {
  events: CalEvent[];
  nextId: number;
  /** Month shown and selected day; null = the phone's today. */
  view: { ym: string; sel: string } | null;
  draft: Draft | null;
}

/** Public holidays and festivals shown on the month grid (not events: they cannot be edited). */
export const HOLIDAYS: Record<string, string> = {
  '2026-01-01': '元旦', '2026-02-17': '春节', '2026-03-03': '元宵节', '2026-04-05': '清明节', '2026-05-01': '劳动节',
  '2026-06-19': '端午节', '2026-08-19': '七夕', '2026-09-25': '中秋节', '2026-10-01': '国庆节', '2026-10-18': '重阳节',
  '2026-11-11': '双十一', '2026-11-26': 'Thanksgiving', '2026-12-22': '冬至', '2026-12-24': '平安夜', '2026-12-25': '圣诞节',
  '2027-01-01': '元旦', '2027-02-06': '春节', '2027-02-14': '情人节',
};

interface Pool { title: string; location: string; calendar: CalendarName; allDay?: boolean; minutes?: number }
export const EVENT_POOL: Pool[] = [
  { title: 'Dentist appointment', location: 'Smile Dental, 南京西路 1266号', calendar: 'Personal', minutes: 60 },
  { title: '妈妈生日', location: '', calendar: 'Family', allDay: true },
  { title: 'Dinner with Alex', location: '外婆家 (来福士店)', calendar: 'Personal', minutes: 120 },
  { title: '项目评审 Project review', location: 'Room 3F-Orion', calendar: 'Work', minutes: 90 },
  { title: 'Flight MU5101 to Beijing', location: '虹桥机场 T2', calendar: 'Personal', minutes: 150 },
  { title: 'Haircut', location: 'Tony&Guy 静安店', calendar: 'Personal', minutes: 45 },
  { title: '家长会', location: '育才小学 三楼', calendar: 'Family', minutes: 90 },
  { title: 'Car service', location: '大众4S店 (浦东)', calendar: 'Personal', minutes: 120 },
  { title: 'Movie night: Dune 3', location: '万达影城 五角场', calendar: 'Personal', minutes: 150 },
  { title: 'Lunch with Li Na', location: '绿茶餐厅 (静安寺)', calendar: 'Personal', minutes: 60 },
  { title: 'Quarterly planning', location: 'Zoom', calendar: 'Work', minutes: 120 },
  { title: '疫苗接种', location: '社区卫生服务中心', calendar: 'Family', minutes: 30 },
  { title: '羽毛球 Badminton', location: '徐汇体育中心', calendar: 'Personal', minutes: 90 },
  { title: 'Chen & Liu wedding', location: '和平饭店', calendar: 'Family', allDay: true },
  { title: 'Interview: frontend candidate', location: 'Room 5F-Vega', calendar: 'Work', minutes: 60 },
  { title: '读书会 Book club', location: '钟书阁 (泰晤士小镇)', calendar: 'Personal', minutes: 120 },
  { title: '交房租', location: '', calendar: 'Personal', allDay: true },
  { title: 'Concert: Shanghai Symphony', location: '上海大剧院', calendar: 'Personal', minutes: 120 },
  { title: 'Visa appointment', location: 'US Consulate, 南京西路 1038号', calendar: 'Personal', minutes: 60 },
  { title: 'Design sync', location: 'Feishu meeting', calendar: 'Work', minutes: 30 },
  { title: 'Client demo: Acme', location: 'Acme HQ, 陆家嘴', calendar: 'Work', minutes: 60 },
  { title: 'Piano recital 钢琴演出', location: '音乐厅', calendar: 'Family', minutes: 90 },
  { title: 'Team lunch', location: '鼎泰丰 (新天地)', calendar: 'Work', minutes: 90 },
  { title: 'Physiotherapy', location: '华山医院 康复科', calendar: 'Personal', minutes: 45 },
  { title: 'Coffee with Mei', location: 'Manner Coffee', calendar: 'Personal', minutes: 45 },
  { title: 'Grandma visit 看奶奶', location: '嘉定', calendar: 'Family', minutes: 180 },
];

const RANGE_START = '2026-11-01';
const RANGE_DAYS = 92;

export function seedCalendar(rng: Rng): CalendarState {
  const events: Omit<CalEvent, 'id'>[] = [];
  const add = (e: Omit<CalEvent, 'id' | 'notes' | 'reminder'> & { reminder?: number | null }) => events.push({ reminder: 10, notes: '', ...e });
  const syncDay = rng.pick([1, 2]);
  const yogaDay = rng.pick([3, 4]);
  for (let i = 0; i < RANGE_DAYS; i++) {
    const date = addDays(RANGE_START, i);
    const wd = weekday(date);
    if (wd === syncDay && !HOLIDAYS[date]) add({ title: '周会 Weekly sync', date, start: '10:00', end: '11:00', location: 'Room 3F-Orion', calendar: 'Work' });
    if (wd === yogaDay && rng.chance(0.8)) add({ title: 'Yoga', date, start: '19:00', end: '20:00', location: 'Pure Yoga 嘉里中心', calendar: 'Personal', reminder: 30 });
    if (wd === 5 && i % 14 < 7) add({ title: '1:1 with Wei Zhang', date, start: '15:00', end: '15:30', location: 'Feishu meeting', calendar: 'Work' });
  }
  for (const p of rng.shuffle(EVENT_POOL)) {
    const n = rng.int(1, 2);
    for (let k = 0; k < n; k++) {
      const date = addDays(RANGE_START, rng.int(0, RANGE_DAYS - 1));
      if (p.allDay) { add({ title: p.title, date, start: null, end: null, location: p.location, calendar: p.calendar, reminder: 1440 }); continue; }
      const startMin = rng.int(16, 40) * 30;
      add({ title: p.title, date, start: hhmm(startMin), end: hhmm(Math.min(startMin + (p.minutes ?? 60), 23 * 60 + 59)), location: p.location, calendar: p.calendar, reminder: rng.pick([null, 10, 15, 30, 60]) });
    }
  }
  events.sort(compareEvents);
  return { events: events.map((e, i) => ({ ...e, id: `e${i + 1}` })), nextId: events.length + 1, view: null, draft: null };
}

export function compareEvents(a: Pick<CalEvent, 'date' | 'start'>, b: Pick<CalEvent, 'date' | 'start'>): number {
  return a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? '');
}

export function eventsOn(s: CalendarState, date: string): CalEvent[] {
  return s.events.filter((e) => e.date === date).sort(compareEvents);
}

/** Today per the phone clock. */
export function today(clock: string): string {
  return dateOf(clock);
}

/** The date the seed data is built around (events span Nov 2026 - Jan 2027). */
export const SEED_TODAY = dateOf(DEFAULT_CLOCK);

export function endAfter(start: string, minutes = 60): string {
  return hhmm(Math.min(minutesOf(start) + minutes, 23 * 60 + 59));
}

export function reminderLabel(v: number | null): string {
  return REMINDERS.find((r) => r.value === v)?.label ?? `${v} minutes before`;
}
