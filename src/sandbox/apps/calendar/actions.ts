/** Calendar actions: navigate months, select days, create/edit/delete events through a draft. */
import type { ActCtx } from '../../framework.js';
import { addMonths, applyTimeTap, hhmm, minutesOf } from '../settings/kit.js';
import { CALENDARS, REMINDERS, compareEvents, endAfter, type CalendarName, type CalendarState } from './data.js';
import { viewOf } from './screens.js';

type A = ActCtx<CalendarState>;

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export const actions: Record<string, (c: A, arg: string) => void> = {
  back: (c) => c.pop(),
  month: (c, arg) => {
    const v = viewOf(c);
    const ym = addMonths(v.ym, Number(arg) || 0);
    c.s.view = { ym, sel: v.sel.slice(0, 7) === ym ? v.sel : `${ym}-01` };
  },
  goToday: (c) => { c.s.view = null; },
  selectDay: (c, date) => { if (isDate(date)) c.s.view = { ym: date.slice(0, 7), sel: date }; },
  openEvent: (c, id) => c.push('event', { id }),

  newEvent: (c) => {
    const { sel } = viewOf(c);
    c.s.draft = { id: null, date: sel, start: '09:00', end: '10:00', reminder: 10, calendar: 'Personal', pickYm: sel.slice(0, 7) };
    c.setField('title', '');
    c.setField('location', '');
    c.push('edit');
  },
  editEvent: (c, id) => {
    const e = c.s.events.find((x) => x.id === id);
    if (!e) return;
    c.s.draft = { id: e.id, date: e.date, start: e.start, end: e.end, reminder: e.reminder, calendar: e.calendar, pickYm: e.date.slice(0, 7) };
    c.setField('title', e.title);
    c.setField('location', e.location);
    c.push('edit');
  },
  toggleAllDay: (c) => {
    const d = c.s.draft;
    if (!d) return;
    if (d.start === null) { d.start = '09:00'; d.end = '10:00'; } else { d.start = null; d.end = null; }
  },
  pickDate: (c) => { if (c.s.draft) { c.s.draft.pickYm = c.s.draft.date.slice(0, 7); c.push('pick-date'); } },
  pickMonth: (c, arg) => { if (c.s.draft) c.s.draft.pickYm = addMonths(c.s.draft.pickYm, Number(arg) || 0); },
  setDate: (c, date) => { if (c.s.draft && isDate(date)) { c.s.draft.date = date; c.pop(); } },
  pickTimeScreen: (c, which) => c.push('pick-time', { which: which === 'end' ? 'end' : 'start' }),
  pickTime: (c, arg) => {
    const d = c.s.draft;
    if (!d || d.start === null) return;
    const which = c.screen.params?.which === 'end' ? 'end' : 'start';
    const m = minutesOf(d[which] ?? '09:00');
    const t = { hour: Math.floor(m / 60), minute: m % 60 };
    applyTimeTap(t, arg);
    const duration = d.end !== null ? minutesOf(d.end) - minutesOf(d.start) : 60;
    d[which] = hhmm(t.hour * 60 + t.minute);
    // like common calendar apps: moving the start keeps the duration
    if (which === 'start') d.end = endAfter(d.start, duration > 0 ? duration : 60);
  },
  timeDone: (c) => c.pop(),
  reminderMenu: (c) => c.menu(REMINDERS.map((r) => ({ label: r.label, action: 'setReminder', arg: String(r.value) })), 'Reminder'),
  setReminder: (c, v) => { if (c.s.draft) c.s.draft.reminder = v === 'null' ? null : Number(v); },
  calendarMenu: (c) => c.menu(CALENDARS.map((k) => ({ label: k, action: 'setCalendar', arg: k })), 'Calendar'),
  setCalendar: (c, k) => { if (c.s.draft && (CALENDARS as readonly string[]).includes(k)) c.s.draft.calendar = k as CalendarName; },
  saveEvent: (c) => {
    const d = c.s.draft;
    if (!d) return;
    const title = c.field('title').trim();
    if (!title) { c.toast('Add a title first'); return; }
    if (d.start !== null && d.end !== null && minutesOf(d.end) <= minutesOf(d.start)) { c.toast('End time must be after the start time'); return; }
    const data = { title, date: d.date, start: d.start, end: d.end, location: c.field('location').trim(), reminder: d.reminder, calendar: d.calendar };
    const existing = d.id ? c.s.events.find((x) => x.id === d.id) : undefined;
    if (existing) Object.assign(existing, data);
    else c.s.events.push({ id: `e${c.s.nextId++}`, notes: '', ...data });
    c.s.events.sort(compareEvents);
    c.s.draft = null;
    c.s.view = { ym: d.date.slice(0, 7), sel: d.date };
    c.setField('title', '');
    c.setField('location', '');
    c.focus(null);
    c.resetTo('month');
    c.toast(existing ? 'Event updated' : 'Event saved');
  },
  askDelete: (c, id) => {
    const e = c.s.events.find((x) => x.id === id);
    if (e) c.dialog('Delete this event?', `"${e.title}" will be removed from your calendar.`, [{ label: 'Cancel' }, { label: 'Delete', action: 'deleteEvent', arg: id, style: 'danger' }]);
  },
  deleteEvent: (c, id) => {
    c.s.events = c.s.events.filter((x) => x.id !== id);
    c.resetTo('month');
    c.toast('Event deleted');
  },
};
