import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { calendarApp } from '../../src/sandbox/apps/calendar/index.js';
import { HOLIDAYS, eventsOn, seedCalendar, type CalendarState } from '../../src/sandbox/apps/calendar/data.js';
import { checkTemplate, elements, parseHtml, runHeadless } from '../../src/sandbox/headless.js';
import { weekday } from '../../src/sandbox/apps/settings/kit.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { CALENDAR_TASKS } from '../../src/sandbox/tasks/calendar.js';
import type { PhoneState } from '../../src/sandbox/framework.js';

const APPS = [calendarApp];
const K = (p: PhoneState) => p.apps.calendar as CalendarState;
const fresh = (seed: number) => { const p = createPhone(seed, APPS); openApp(p, 'calendar'); return p; };

describe('calendar data', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(seedCalendar(new Rng('a'))).toEqual(seedCalendar(new Rng('a')));
    expect(seedCalendar(new Rng('a'))).not.toEqual(seedCalendar(new Rng('b')));
  });
  it('seeds dozens of sorted events around today, with valid times', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const s = seedCalendar(new Rng(seed));
      expect(s.events.length).toBeGreaterThan(50);
      const keys = s.events.map((e) => `${e.date} ${e.start ?? ''}`);
      expect(keys).toEqual([...keys].sort());
      for (const e of s.events) {
        expect(e.date >= '2026-11-01' && e.date <= '2027-01-31').toBe(true);
        expect((e.start === null) === (e.end === null)).toBe(true);
        if (e.start) expect(e.end! > e.start).toBe(true);
      }
      expect(s.events.some((e) => /[\u4e00-\u9fff]/.test(e.title))).toBe(true);
    }
  });
  it('holidays fall on their real weekdays', () => {
    expect(weekday('2026-12-22')).toBe(2);
    expect(weekday('2027-01-01')).toBe(5);
    expect(HOLIDAYS['2027-02-06']).toBe('春节');
  });
});

describe('calendar screens', () => {
  it('every screen renders for seeded data', () => {
    for (const seed of [1, 2, 3]) {
      const p = fresh(seed);
      expect(renderScreen(p, calendarApp)).toContain('November 2026');
      dispatch(p, APPS, 'calendar', 'openEvent', K(p).events[0].id);
      expect(renderScreen(p, calendarApp)).toContain(K(p).events[0].title.replace(/&/g, '&amp;'));
      dispatch(p, APPS, 'calendar', 'editEvent', K(p).events[0].id);
      for (const [name, params] of [['edit', undefined], ['pick-date', undefined], ['pick-time', { which: 'end' }]] as const) {
        p.system.stacks.calendar.push({ name, params });
        const html = renderScreen(p, calendarApp);
        expect(html.length).toBeGreaterThan(200);
        expect(html).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    }
  });
  it('the month grid shows dots for events and the holiday names', () => {
    const p = fresh(4);
    dispatch(p, APPS, 'calendar', 'month', '+1');
    const nodes = elements(parseHtml(renderScreen(p, calendarApp)));
    const cell = nodes.find((n) => n.attrs['data-id'] === 'day-2026-12-22')!;
    expect(cell).toBeTruthy();
    expect(renderScreen(p, calendarApp)).toContain('冬至');
    const days = nodes.filter((n) => n.attrs['data-id']?.startsWith('day-2026-12-'));
    expect(days).toHaveLength(31);
    const withEvents = days.filter((n) => /event/.test(n.attrs['aria-label'] ?? ''));
    expect(withEvents.length).toBe(new Set(K(p).events.filter((e) => e.date.startsWith('2026-12')).map((e) => e.date)).size);
  });
});

describe('calendar actions', () => {
  it('creates an event through the editor and pickers', () => {
    const p = fresh(5);
    const n = K(p).events.length;
    runHeadless(p, APPS, [
      { do: 'tap', id: 'next-month' }, { do: 'tap', id: 'day-2026-12-03' }, { do: 'tap', id: 'add-event' },
      { do: 'type', text: 'Dentist', into: { id: 'title-input' } }, { do: 'tap', id: 'start-row' }, { do: 'tap', id: 'hour-15' }, { do: 'tap', id: 'min-30' }, { do: 'tap', id: 'time-done' },
      { do: 'tap', id: 'date-row' }, { do: 'tap', id: 'pick-next' }, { do: 'tap', id: 'pick-2027-01-04' },
      { do: 'tap', id: 'reminder-row' }, { do: 'tap', text: '1 day before' }, { do: 'tap', id: 'save-event' },
    ]);
    expect(K(p).events).toHaveLength(n + 1);
    const e = K(p).events.find((x) => x.title === 'Dentist')!;
    expect(e).toMatchObject({ date: '2027-01-04', start: '15:30', end: '16:30', reminder: 1440, calendar: 'Personal' });
    expect(eventsOn(K(p), '2027-01-04')).toContainEqual(e);
  });
  it('refuses to save without a title or with the end before the start', () => {
    const p = fresh(6);
    dispatch(p, APPS, 'calendar', 'newEvent');
    dispatch(p, APPS, 'calendar', 'saveEvent');
    expect(p.system.toast).toMatch(/title/);
    p.system.fields['calendar.title'] = 'X';
    K(p).draft!.end = '08:00';
    dispatch(p, APPS, 'calendar', 'saveEvent');
    expect(p.system.toast).toMatch(/End time/);
    expect(K(p).events.some((e) => e.title === 'X')).toBe(false);
  });
  it('deletes only after confirming', () => {
    const p = fresh(7);
    const e = K(p).events[3];
    dispatch(p, APPS, 'calendar', 'openEvent', e.id);
    runHeadless(p, APPS, [{ do: 'tap', id: 'delete-event' }, { do: 'tap', text: 'Cancel' }]);
    expect(K(p).events.some((x) => x.id === e.id)).toBe(true);
    runHeadless(p, APPS, [{ do: 'tap', id: 'delete-event' }, { do: 'tap', text: 'Delete' }]);
    expect(K(p).events.some((x) => x.id === e.id)).toBe(false);
  });
  it('all-day toggling clears and restores times', () => {
    const p = fresh(8);
    dispatch(p, APPS, 'calendar', 'newEvent');
    dispatch(p, APPS, 'calendar', 'toggleAllDay');
    expect(K(p).draft).toMatchObject({ start: null, end: null });
    dispatch(p, APPS, 'calendar', 'toggleAllDay');
    expect(K(p).draft).toMatchObject({ start: '09:00', end: '10:00' });
  });
});

describe('calendar task templates', () => {
  it('has at least 6 well-formed templates', () => {
    expect(CALENDAR_TASKS.length).toBeGreaterThanOrEqual(6);
    for (const t of CALENDAR_TASKS) expect(t.id.startsWith('calendar.') && t.app === 'calendar').toBe(true);
  });
  for (const t of CALENDAR_TASKS) {
    it(`${t.id}: the reference solution passes and every wrong end fails`, () => {
      const problems: string[] = [];
      for (let seed = 1; seed <= 12; seed++) problems.push(...checkTemplate(t, APPS, seed));
      expect(problems).toEqual([]);
    });
  }
});
