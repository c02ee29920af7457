import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { ride } from '../../src/sandbox/apps/ride/index.js';
import { CLASSES, distanceKm, fare, seedRide, type RideState } from '../../src/sandbox/apps/ride/data.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { RIDE_TASKS } from '../../src/sandbox/tasks/ride.js';
import { Headless, checkTemplates } from './appsA-headless.js';

const APPS = [ride];
const S = (p: ReturnType<typeof createPhone>) => p.apps.ride as RideState;

describe('ride data', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(seedRide(new Rng('a'))).toEqual(seedRide(new Rng('a')));
    expect(seedRide(new Rng('a'))).not.toEqual(seedRide(new Rng('b')));
  });
  it('has history, drivers for every class, and fares that grow with class and distance', () => {
    const s = seedRide(new Rng(7));
    expect(s.trips.length).toBeGreaterThanOrEqual(6);
    for (const c of CLASSES) expect(s.drivers.some((d) => d.cls === c.id)).toBe(true);
    const near = fare(s, 'rmgc', 'mus', 'express');
    const far = fare(s, 'rmgc', 'pvg2', 'express');
    expect(far).toBeGreaterThan(near);
    expect(fare(s, 'rmgc', 'pvg2', 'premium')).toBeGreaterThan(far);
    expect(distanceKm(s, 'rmgc', 'pvg2')).toBeGreaterThan(30);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('ride screens and actions', () => {
  it('renders every screen for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const phone = createPhone(seed, APPS);
      openApp(phone, 'ride');
      const s = S(phone);
      const stacks: [string, Record<string, unknown>?][] = [['home'], ['search', { which: 'dest' }], ['search', { which: 'pickup' }], ['trips'], ['me'], ['assigned', { trip: s.trips[0].id }], ['confirm']];
      for (const [name, params] of stacks) {
        phone.system.stacks.ride = [{ name, params }];
        const out = renderScreen(phone, ride);
        expect(out.length, name).toBeGreaterThan(200);
      }
      s.dest = 'pvg2';
      phone.system.fields['ride.q'] = '机场';
      phone.system.stacks.ride = [{ name: 'search', params: { which: 'dest' } }];
      expect(renderScreen(phone, ride)).toContain('data-id="place-pvg2"');
      phone.system.fields['ride.q'] = 'zzzz';
      expect(renderScreen(phone, ride)).toContain('No places match');
    }
  });

  it('books, shows the driver and cancels with a reason', () => {
    const phone = createPhone(5, APPS);
    openApp(phone, 'ride');
    const s = S(phone);
    dispatch(phone, APPS, 'ride', 'goDest', 'pvg2');
    dispatch(phone, APPS, 'ride', 'selectClass', 'premium');
    expect(renderScreen(phone, ride)).toContain(`¥${fare(s, s.current, 'pvg2', 'premium')}`);
    dispatch(phone, APPS, 'ride', 'book');
    const t = s.trips.at(-1)!;
    expect(t).toMatchObject({ status: 'active', dest: 'pvg2', cls: 'premium', pickup: s.current });
    expect(renderScreen(phone, ride)).toContain(t.driver.plate);
    // A second booking while one is live is refused with a dialog.
    dispatch(phone, APPS, 'ride', 'goDest', 'bund');
    dispatch(phone, APPS, 'ride', 'book');
    expect(phone.system.overlay?.kind).toBe('dialog');
    expect(s.trips.filter((x) => x.status === 'active')).toHaveLength(1);
    dispatch(phone, APPS, 'ride', 'askCancel', t.id);
    expect(phone.system.overlay?.kind).toBe('sheet');
    dispatch(phone, APPS, 'ride', 'cancelTrip', `${t.id}|行程有变 Change of plans`);
    expect(t).toMatchObject({ status: 'cancelled', reason: '行程有变 Change of plans' });
  });

  it('headless search flow: type a query, pick a result, change the pickup', () => {
    const phone = createPhone(9, APPS);
    const h = new Headless(phone, APPS);
    h.openApp('打车');
    h.tap({ id: 'dest-entry' });
    expect(phone.system.focus).toBe('ride.q');
    h.type('Disney');
    h.tap({ id: 'place-dsn' });
    expect(S(phone).dest).toBe('dsn');
    h.tap({ id: 'pickup-row' });
    h.type('Bund');
    h.tap({ contains: 'The Bund' });
    expect(S(phone).pickup).toBe('bund');
    expect(phone.system.stacks.ride.map((x) => x.name)).toEqual(['confirm']);
  });
});

describe('ride task templates', () => {
  it('has at least 9 templates with unique ids', () => {
    expect(RIDE_TASKS.length).toBeGreaterThanOrEqual(9);
    expect(new Set(RIDE_TASKS.map((t) => t.id)).size).toBe(RIDE_TASKS.length);
  });
  checkTemplates({ describe, it }, RIDE_TASKS, APPS, [1, 2, 3, 11, 42]);
});
