import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { settingsApp } from '../../src/sandbox/apps/settings/index.js';
import { seedSettings, type SettingsState } from '../../src/sandbox/apps/settings/data.js';
import { checkTemplate, elements, parseHtml, runHeadless } from '../../src/sandbox/headless.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { SETTINGS_TASKS } from '../../src/sandbox/tasks/settings.js';
import type { PhoneState } from '../../src/sandbox/framework.js';

const APPS = [settingsApp];
const S = (p: PhoneState) => p.apps.settings as SettingsState;

function at(seed: number, screen?: string, params?: Record<string, unknown>): PhoneState {
  const p = createPhone(seed, APPS);
  openApp(p, 'settings');
  if (screen) p.system.stacks.settings = [{ name: screen, params }];
  return p;
}

describe('settings data', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(seedSettings(new Rng('a'))).toEqual(seedSettings(new Rng('a')));
    expect(seedSettings(new Rng('a'))).not.toEqual(seedSettings(new Rng('b')));
  });
  it('has enough realistic data to scroll and search', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = seedSettings(new Rng(seed));
      expect(s.networks.length).toBeGreaterThanOrEqual(12);
      expect(s.networks.filter((n) => n.secured && !n.saved).length).toBeGreaterThan(3);
      expect(new Set(s.networks.map((n) => n.ssid)).size).toBe(s.networks.length);
      expect(s.networks.filter((n) => n.saved)).toHaveLength(1);
      expect(s.wifiConnected).toBe(s.networks.find((n) => n.saved)!.ssid);
      expect(s.btDevices.filter((d) => d.paired).length).toBe(4);
      expect(s.apps.length).toBe(26);
      expect(s.brightness % 10).toBe(0);
      expect(s.about.storageUsedGb).toBeLessThan(s.about.storageTotalGb);
    }
  });
});

describe('settings screens', () => {
  it('every screen renders for seeded data', () => {
    for (const seed of [1, 2, 3, 4]) {
      const p = createPhone(seed, APPS);
      const s = S(p);
      const params: Record<string, Record<string, unknown> | undefined> = {
        'wifi-connect': { ssid: s.networks[2].ssid }, 'wifi-detail': { ssid: s.wifiConnected }, 'bt-detail': { id: s.btDevices[0].id }, 'app-info': { id: s.apps[3].id },
      };
      for (const name of Object.keys(settingsApp.screens)) {
        const html = renderScreen(at(seed, name, params[name]), settingsApp);
        expect(html.length, name).toBeGreaterThan(200);
        expect(html).not.toContain('undefined');
        expect(html).not.toContain('[object Object]');
      }
    }
  });
  it('marks switches with their checked state and gives list rows stable ids', () => {
    const p = at(5, 'wifi');
    const nodes = elements(parseHtml(renderScreen(p, settingsApp)));
    const swn = nodes.find((n) => n.attrs['data-id'] === 'wifi-switch')!;
    expect(swn.attrs['data-checked']).toBe('true');
    expect(swn.attrs['data-class']).toBe('android.widget.Switch');
    const rows = nodes.filter((n) => n.attrs['data-id']?.startsWith('net-'));
    expect(rows.length).toBe(S(p).networks.length);
    expect(nodes.some((n) => n.attrs['data-scroll'] === 'main')).toBe(true);
  });
  it('hides the network list while Wi-Fi is off', () => {
    const p = at(5, 'wifi');
    dispatch(p, APPS, 'settings', 'toggleWifi');
    const html = renderScreen(p, settingsApp);
    expect(html).toContain('Wi‑Fi is off');
    expect(html).not.toContain('data-id="net-');
  });
});

describe('settings actions', () => {
  it('airplane mode turns radios off and restores them', () => {
    const p = at(7);
    S(p).bluetooth = true;
    S(p).btDevices[0].connected = true;
    dispatch(p, APPS, 'settings', 'toggleAirplane');
    expect(S(p)).toMatchObject({ airplane: true, wifi: false, bluetooth: false });
    expect(S(p).btDevices[0].connected).toBe(false);
    dispatch(p, APPS, 'settings', 'toggleAirplane');
    expect(S(p)).toMatchObject({ airplane: false, wifi: true, bluetooth: true });
  });
  it('secured networks ask for the password and reject a wrong one', () => {
    const p = at(8, 'wifi');
    const n = S(p).networks.find((x) => x.secured && !x.saved)!;
    dispatch(p, APPS, 'settings', 'tapNetwork', n.ssid);
    expect(p.system.stacks.settings.at(-1)).toEqual({ name: 'wifi-connect', params: { ssid: n.ssid } });
    p.system.fields['settings.password'] = 'wrong-password';
    dispatch(p, APPS, 'settings', 'connectWifi', n.ssid);
    expect(S(p).wifiConnected).not.toBe(n.ssid);
    expect(renderScreen(p, settingsApp)).toContain('Incorrect password');
    p.system.fields['settings.password'] = n.password;
    dispatch(p, APPS, 'settings', 'connectWifi', n.ssid);
    expect(S(p).wifiConnected).toBe(n.ssid);
    expect(n.saved).toBe(true);
    expect(p.system.stacks.settings.at(-1)?.name).toBe('wifi');
  });
  it('open networks connect on tap', () => {
    const p = at(9, 'wifi');
    S(p).networks.push({ ssid: 'Open-Test', secured: false, signal: 3, band: '5 GHz', password: '', saved: false });
    dispatch(p, APPS, 'settings', 'tapNetwork', 'Open-Test');
    expect(S(p).wifiConnected).toBe('Open-Test');
  });
  it('level steps by 10 and clamps to 0..100', () => {
    const p = at(10, 'display');
    S(p).brightness = 90;
    dispatch(p, APPS, 'settings', 'level', 'brightness:+');
    dispatch(p, APPS, 'settings', 'level', 'brightness:+');
    expect(S(p).brightness).toBe(100);
    dispatch(p, APPS, 'settings', 'level', 'brightness:30');
    dispatch(p, APPS, 'settings', 'level', 'brightness:-');
    expect(S(p).brightness).toBe(20);
    const ring = S(p).volumes.ring;
    dispatch(p, APPS, 'settings', 'level', 'ring:-');
    expect(S(p).volumes.ring).toBe(ring - 10);
    dispatch(p, APPS, 'settings', 'level', 'nonsense:+');
    expect(S(p).volumes.ring).toBe(ring - 10);
  });
  it('Bluetooth pairs available devices, forgets paired ones, and drops connections when off', () => {
    const p = at(11, 'bluetooth');
    S(p).bluetooth = true;
    const avail = S(p).btDevices.find((d) => !d.paired)!;
    dispatch(p, APPS, 'settings', 'btTap', avail.id);
    expect(avail).toMatchObject({ paired: true, connected: true });
    dispatch(p, APPS, 'settings', 'btDetail', avail.id);
    dispatch(p, APPS, 'settings', 'btForget', avail.id);
    expect(avail).toMatchObject({ paired: false, connected: false });
    dispatch(p, APPS, 'settings', 'btTap', S(p).btDevices[0].id);
    dispatch(p, APPS, 'settings', 'toggleBt');
    expect(S(p).btDevices.some((d) => d.connected)).toBe(false);
  });
  it('the screen timeout menu sets the timeout through an overlay', () => {
    const p = at(12, 'display');
    const r = runHeadless(p, APPS, [{ do: 'tap', id: 'timeout-entry' }, { do: 'tap', text: '5 minutes' }]);
    expect(S(r.phone).screenTimeout).toBe('5 minutes');
    expect(p.system.overlay).toBeNull();
  });
  it('the apps search filters the list', () => {
    const p = at(13, 'apps');
    const name = S(p).apps[5].name;
    runHeadless(p, APPS, [{ do: 'type', text: name.slice(0, 4), into: { id: 'apps-search' } }]);
    const ids = elements(parseHtml(renderScreen(p, settingsApp))).filter((n) => n.attrs['data-id']?.startsWith('app-app')).length;
    expect(ids).toBeGreaterThan(0);
    expect(ids).toBeLessThan(S(p).apps.length);
  });
});

describe('settings task templates', () => {
  it('has at least 6 well-formed templates', () => {
    expect(SETTINGS_TASKS.length).toBeGreaterThanOrEqual(6);
    for (const t of SETTINGS_TASKS) {
      expect(t.id.startsWith('settings.')).toBe(true);
      expect(t.app).toBe('settings');
    }
    expect(new Set(SETTINGS_TASKS.map((t) => t.id)).size).toBe(SETTINGS_TASKS.length);
  });
  for (const t of SETTINGS_TASKS) {
    it(`${t.id}: the reference solution passes and every wrong end fails`, () => {
      const problems: string[] = [];
      for (let seed = 1; seed <= 12; seed++) problems.push(...checkTemplate(t, APPS, seed));
      expect(problems).toEqual([]);
    });
  }
});
