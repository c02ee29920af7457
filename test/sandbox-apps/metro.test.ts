import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { metro } from '../../src/sandbox/apps/metro/index.js';
import { nearestStations, seedMetro, type MetroState } from '../../src/sandbox/apps/metro/data.js';
import { LINES, STATIONS, linesAt } from '../../src/sandbox/apps/metro/network.js';
import { fareFor, planRoute, TRANSFER_MIN } from '../../src/sandbox/apps/metro/route.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { METRO_TASKS } from '../../src/sandbox/tasks/metro.js';
import { Headless, checkTemplates } from './appsA-headless.js';

const APPS = [metro];
const S = (p: ReturnType<typeof createPhone>) => p.apps.metro as MetroState;
const normal = Object.fromEntries(LINES.map((l) => [l.id, { level: 'normal' as const }]));

describe('metro network and routing', () => {
  it('every line is connected to another line and every station is on a line', () => {
    for (const l of LINES) expect(l.stations.some((st) => linesAt(st).length > 1), l.id).toBe(true);
    for (const st of STATIONS) expect(linesAt(st.id).length, st.id).toBeGreaterThan(0);
  });
  it('plans a direct ride on one line without transfers', () => {
    const r = planRoute('renmin', 'lujiazui', normal)!;
    expect(r.legs).toHaveLength(1);
    expect(r.legs[0]).toMatchObject({ line: 'L2', from: 'renmin', to: 'lujiazui', stops: 2 });
    expect(r.transfers).toBe(0);
  });
  it('routes between every pair of stations, with a transfer cost and a distance fare', () => {
    for (const a of STATIONS.filter((_, i) => i % 3 === 0)) for (const b of STATIONS) {
      if (a.id === b.id) continue;
      const r = planRoute(a.id, b.id, normal);
      expect(r, `${a.id}->${b.id}`).not.toBeNull();
      expect(r!.minutes).toBe(r!.legs.reduce((m, l) => m + l.minutes, 0) + r!.transfers * TRANSFER_MIN);
      expect(r!.fare).toBe(fareFor(r!.km));
    }
  });
  it('adds a delay, avoids lines on request and never uses a suspended section', () => {
    const base = planRoute('hqrs', 'pvg', normal)!;
    const delayed = planRoute('hqrs', 'pvg', { ...normal, L2: { level: 'delay', delay: 10 } })!;
    expect(delayed.minutes).toBeGreaterThan(base.minutes);
    expect(delayed.minutes).toBeLessThanOrEqual(base.minutes + 10);
    const avoid = planRoute('renmin', 'shijidadao', normal, ['L2'])!;
    expect(avoid.legs.every((l) => l.line !== 'L2')).toBe(true);
    expect(avoid.minutes).toBeGreaterThan(planRoute('renmin', 'shijidadao', normal)!.minutes);
    expect(planRoute('renmin', 'lujiazui', normal, ['L2'])).toBeNull(); // only line 2 stops there
    const closed = { ...normal, L2: { level: 'suspended' as const, from: 'tangzhen', to: 'pvg' } };
    expect(planRoute('renmin', 'pvg', closed)).toBeNull();
    expect(planRoute('renmin', 'guanglan', closed)).not.toBeNull();
  });
  it('fares follow the distance bands', () => {
    expect([fareFor(5.9), fareFor(6.1), fareFor(16), fareFor(16.1), fareFor(26.1)]).toEqual([3, 4, 4, 5, 6]);
  });
});

describe('metro app', () => {
  it('seeds deterministically', () => {
    expect(seedMetro(new Rng('x'))).toEqual(seedMetro(new Rng('x')));
    const all = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => seedMetro(new Rng(n)));
    expect(new Set(all.map((s) => JSON.stringify(s.status))).size).toBeGreaterThan(1);
  });
  it('renders every screen', () => {
    const phone = createPhone(4, APPS);
    openApp(phone, 'metro');
    S(phone).from = 'renmin';
    S(phone).to = 'pvg';
    for (const [name, params] of [['home'], ['picker', { which: 'from' }], ['result'], ['lines'], ['lineMap', { line: 'L10' }], ['nearby'], ['place', { place: 'bund' }], ['saved']] as [string, Record<string, unknown>?][]) {
      phone.system.stacks.metro = [{ name, params }];
      expect(renderScreen(phone, metro).length, name).toBeGreaterThan(300);
    }
  });
  it('plans, avoids, saves and picks the nearest station through actions', () => {
    const phone = createPhone(4, APPS);
    openApp(phone, 'metro');
    dispatch(phone, APPS, 'metro', 'pick', 'from');
    dispatch(phone, APPS, 'metro', 'choose', 'from:renmin');
    dispatch(phone, APPS, 'metro', 'pick', 'to');
    dispatch(phone, APPS, 'metro', 'choose', 'to:lujiazui');
    dispatch(phone, APPS, 'metro', 'search');
    let out = renderScreen(phone, metro);
    expect(out).toContain('data-id="route-0"');
    dispatch(phone, APPS, 'metro', 'toggleAvoid', 'L2');
    out = renderScreen(phone, metro);
    expect(S(phone).avoid).toEqual(['L2']);
    expect(out).not.toContain('>2</span></div>'); // no line-2 leg badge in the strip
    dispatch(phone, APPS, 'metro', 'save');
    expect(S(phone).saved).toEqual([{ from: 'renmin', to: 'lujiazui' }]);
    expect(S(phone).recent[0]).toEqual({ from: 'renmin', to: 'lujiazui' });
    dispatch(phone, APPS, 'metro', 'routeTo', 'bund');
    expect(S(phone).to).toBe(nearestStations(S(phone), 'bund', 1)[0].station.id);
  });
  it('headless: searching a station by its English name', () => {
    const phone = createPhone(4, APPS);
    const h = new Headless(phone, APPS);
    h.openApp('地铁');
    h.tap({ id: 'from-row' });
    h.type('jing');
    h.tap({ contains: "Jing'an Temple" });
    expect(S(phone).from).toBe('jingansi');
  });
});

describe('metro task templates', () => {
  it('has at least 9 templates', () => expect(METRO_TASKS.length).toBeGreaterThanOrEqual(9));
  checkTemplates({ describe, it }, METRO_TASKS, APPS, [1, 2, 3, 11, 42, 77]);
});
