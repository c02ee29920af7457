import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { clockApp } from '../../src/sandbox/apps/clock/index.js';
import { CITIES, cityTime, entrySeconds, repeatText, secondsEntry, seedClock, type ClockState } from '../../src/sandbox/apps/clock/data.js';
import { hasTime, timesIn, zhTime } from '../../src/sandbox/apps/clock/answers.js';
import { minutesUntil } from '../../src/sandbox/apps/clock/screens.js';
import { checkTemplate, runHeadless } from '../../src/sandbox/headless.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { CLOCK_TASKS } from '../../src/sandbox/tasks/clock.js';
import type { PhoneState } from '../../src/sandbox/framework.js';

const APPS = [clockApp];
const C = (p: PhoneState) => p.apps.clock as ClockState;
const fresh = (seed: number) => { const p = createPhone(seed, APPS); openApp(p, 'clock'); return p; };

describe('clock data', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(seedClock(new Rng('a'))).toEqual(seedClock(new Rng('a')));
    expect(seedClock(new Rng('a'))).not.toEqual(seedClock(new Rng('b')));
  });
  it('seeds a realistic alarm list sorted by time, with unique ids', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = seedClock(new Rng(seed));
      expect(s.alarms.length).toBeGreaterThanOrEqual(6);
      expect(new Set(s.alarms.map((a) => a.id)).size).toBe(s.alarms.length);
      const mins = s.alarms.map((a) => a.hour * 60 + a.minute);
      expect(mins).toEqual([...mins].sort((a, b) => a - b));
      expect(s.world.length).toBeGreaterThanOrEqual(2);
    }
  });
  it('describes repeat days and converts timer entries', () => {
    expect(repeatText([])).toBe('Once');
    expect(repeatText([5, 1, 2, 3, 4])).toBe('Weekdays');
    expect(repeatText([0, 6])).toBe('Weekends');
    expect(repeatText([0, 3, 1])).toBe('Mon, Wed, Sun');
    expect(entrySeconds('2500')).toBe(1500);
    expect(entrySeconds('13000')).toBe(5400);
    expect(secondsEntry(5400)).toBe('13000');
    expect(secondsEntry(90)).toBe('130');
  });
  it('computes city times across midnight', () => {
    const ny = CITIES.find((c) => c.id === 'newyork')!;
    expect(cityTime('2026-11-26T09:41', ny)).toBe('20:41');
    const delhi = CITIES.find((c) => c.id === 'delhi')!;
    expect(cityTime('2026-11-26T09:41', delhi)).toBe('07:11');
  });
});

describe('time answers', () => {
  it('reads clock times in English and Chinese', () => {
    expect(hasTime('It is 6:30 pm there', 18, 30)).toBe(true);
    expect(hasTime('6:30', 18, 30)).toBe(false);
    expect(hasTime('下午六点半', 18, 30)).toBe(true);
    expect(hasTime('七点一刻', 7, 15)).toBe(true);
    expect(hasTime('18点05分', 18, 5)).toBe(true);
    expect(hasTime('12:10 am', 0, 10)).toBe(true);
    expect(hasTime('at 9 PM', 21, 0)).toBe(true);
    expect(timesIn('no time here')).toEqual([]);
    expect(zhTime(7, 30)).toBe('早上七点半');
    expect(zhTime(14, 0)).toBe('下午两点');
  });
});

describe('clock screens', () => {
  it('every screen renders for seeded data', () => {
    for (const seed of [1, 2, 3]) {
      for (const name of Object.keys(clockApp.screens)) {
        const p = fresh(seed);
        if (name === 'edit') dispatch(p, APPS, 'clock', 'editAlarm', C(p).alarms[0].id);
        else p.system.stacks.clock = [{ name }];
        const html = renderScreen(p, clockApp);
        expect(html.length, name).toBeGreaterThan(200);
        expect(html).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    }
  });
  it('counts down to the next ringing day', () => {
    // 2026-11-26 is a Thursday
    expect(minutesUntil({ id: 'x', hour: 9, minute: 0, days: [], label: '', enabled: true, vibrate: true }, '2026-11-26T09:41')).toBe(1440 - 41);
    expect(minutesUntil({ id: 'x', hour: 9, minute: 0, days: [1], label: '', enabled: true, vibrate: true }, '2026-11-26T09:41')).toBe(4 * 1440 - 41);
    expect(minutesUntil({ id: 'x', hour: 10, minute: 0, days: [4], label: '', enabled: true, vibrate: true }, '2026-11-26T09:41')).toBe(19);
  });
  it('the running timer shows its set duration and state', () => {
    const p = fresh(4);
    runHeadless(p, APPS, [{ do: 'tap', id: 'tab-timer' }, { do: 'tap', id: 'key-2' }, { do: 'tap', id: 'key-5' }, { do: 'tap', id: 'key-00' }, { do: 'tap', id: 'timer-start' }]);
    const html = renderScreen(p, clockApp);
    expect(html).toContain('00:25:00');
    expect(html).toContain('Running');
  });
});

describe('clock actions', () => {
  it('adds an alarm through the editor with picked time, days and label', () => {
    const p = fresh(5);
    const n = C(p).alarms.length;
    dispatch(p, APPS, 'clock', 'newAlarm');
    for (const a of ['h:6', 'm:25', 'm+1', 'm+1']) dispatch(p, APPS, 'clock', 'pickTime', a);
    dispatch(p, APPS, 'clock', 'toggleDay', '2');
    dispatch(p, APPS, 'clock', 'toggleDay', '4');
    dispatch(p, APPS, 'clock', 'toggleDay', '2');
    p.system.fields['clock.label'] = '  Gym ';
    dispatch(p, APPS, 'clock', 'saveAlarm');
    expect(C(p).alarms).toHaveLength(n + 1);
    expect(C(p).alarms.find((a) => a.label === 'Gym')).toMatchObject({ hour: 6, minute: 27, days: [4], enabled: true });
    expect(C(p).draft).toBeNull();
  });
  it('minute steps wrap around the hour, bad picks are ignored', () => {
    const p = fresh(6);
    dispatch(p, APPS, 'clock', 'newAlarm');
    dispatch(p, APPS, 'clock', 'pickTime', 'm-1');
    expect(C(p).draft!.minute).toBe(59);
    dispatch(p, APPS, 'clock', 'pickTime', 'h:99');
    expect(C(p).draft!.hour).toBe(23);
    dispatch(p, APPS, 'clock', 'toggleDay', '9');
    expect(C(p).draft!.days).toEqual([]);
  });
  it('editing keeps the id and deleting removes only that alarm', () => {
    const p = fresh(7);
    const [a, b] = C(p).alarms;
    dispatch(p, APPS, 'clock', 'editAlarm', a.id);
    dispatch(p, APPS, 'clock', 'pickTime', 'h:22');
    dispatch(p, APPS, 'clock', 'saveAlarm');
    expect(C(p).alarms.find((x) => x.id === a.id)!.hour).toBe(22);
    dispatch(p, APPS, 'clock', 'editAlarm', b.id);
    dispatch(p, APPS, 'clock', 'deleteAlarm', b.id);
    expect(C(p).alarms.some((x) => x.id === b.id)).toBe(false);
    expect(C(p).alarms.some((x) => x.id === a.id)).toBe(true);
  });
  it('world clock adds a searched city and removes it via long press', () => {
    const p = fresh(8);
    const city = CITIES.find((c) => !C(p).world.includes(c.id))!;
    runHeadless(p, APPS, [{ do: 'tap', id: 'tab-world' }, { do: 'tap', id: 'add-city' }, { do: 'type', text: city.zh, into: { id: 'city-search' } }, { do: 'tap', id: `city-${city.id}` }]);
    expect(C(p).world).toContain(city.id);
    runHeadless(p, APPS, [{ do: 'long_press', id: `city-row-${city.id}` }, { do: 'tap', text: 'Remove' }]);
    expect(C(p).world).not.toContain(city.id);
  });
  it('stopwatch starts, laps and resets without moving time', () => {
    const p = fresh(9);
    dispatch(p, APPS, 'clock', 'swToggle');
    dispatch(p, APPS, 'clock', 'swLap');
    expect(C(p).stopwatch).toMatchObject({ state: 'running', laps: [0] });
    dispatch(p, APPS, 'clock', 'swReset');
    expect(C(p).stopwatch).toEqual({ state: 'idle', elapsedCs: 0, laps: [] });
  });
});

describe('clock task templates', () => {
  it('has at least 6 well-formed templates', () => {
    expect(CLOCK_TASKS.length).toBeGreaterThanOrEqual(6);
    for (const t of CLOCK_TASKS) expect(t.id.startsWith('clock.') && t.app === 'clock').toBe(true);
  });
  for (const t of CLOCK_TASKS) {
    it(`${t.id}: the reference solution passes and every wrong end fails`, () => {
      const problems: string[] = [];
      for (let seed = 1; seed <= 12; seed++) problems.push(...checkTemplate(t, APPS, seed));
      expect(problems).toEqual([]);
    });
  }
});
