/** Settings actions: mutate phone.apps.settings (the status bar reads wifi/bluetooth/airplane/brightness/darkMode). */
import type { ActCtx } from '../../framework.js';
import { TIMEOUTS, VOLUME_KEYS, type FontSize, type SettingsState, type VolumeKey, FONT_SIZES } from './data.js';
import { clampInt } from './kit.js';

type A = ActCtx<SettingsState>;

const SCREENS = new Set(['wifi', 'bluetooth', 'display', 'font-size', 'sound', 'ringtone', 'battery', 'apps', 'about']);

function setAirplane(s: SettingsState, on: boolean): void {
  if (on === s.airplane) return;
  if (on) {
    s.beforeAirplane = { wifi: s.wifi, bluetooth: s.bluetooth };
    s.wifi = false;
    s.bluetooth = false;
    for (const d of s.btDevices) d.connected = false;
  } else {
    s.wifi = s.beforeAirplane?.wifi ?? s.wifi;
    s.bluetooth = s.beforeAirplane?.bluetooth ?? s.bluetooth;
    s.beforeAirplane = null;
  }
  s.airplane = on;
}

export const actions: Record<string, (c: A, arg: string) => void> = {
  back: (c) => c.pop(),
  open: (c, arg) => { if (SCREENS.has(arg)) c.push(arg); },
  toggleWifi: (c) => { c.s.wifi = !c.s.wifi; },
  toggleBt: (c) => {
    c.s.bluetooth = !c.s.bluetooth;
    if (!c.s.bluetooth) for (const d of c.s.btDevices) d.connected = false;
  },
  toggleAirplane: (c) => { setAirplane(c.s, !c.s.airplane); c.toast(c.s.airplane ? 'Airplane mode on' : 'Airplane mode off'); },

  tapNetwork: (c, ssid) => {
    const n = c.s.networks.find((x) => x.ssid === ssid);
    if (!n || !c.s.wifi) return;
    c.s.lastError = null;
    if (!n.secured || n.saved) { c.s.wifiConnected = n.ssid; n.saved = true; c.toast(`Connected to ${n.ssid}`); return; }
    c.setField('password', '');
    c.push('wifi-connect', { ssid });
  },
  toggleShowPw: (c) => { c.replace('wifi-connect', { ...c.screen.params, show: !(c.screen.params?.show === true) }); },
  connectWifi: (c, ssid) => {
    const n = c.s.networks.find((x) => x.ssid === ssid);
    if (!n) return;
    const pw = c.field('password');
    if (pw !== n.password) {
      c.s.lastError = pw ? 'Incorrect password. Try again.' : 'Enter the password (at least 8 characters).';
      return;
    }
    c.s.lastError = null;
    c.s.wifiConnected = n.ssid;
    n.saved = true;
    c.setField('password', '');
    c.focus(null);
    c.pop();
    c.toast(`Connected to ${n.ssid}`);
  },
  wifiDetail: (c, ssid) => c.push('wifi-detail', { ssid }),
  forgetWifi: (c, ssid) => {
    const n = c.s.networks.find((x) => x.ssid === ssid);
    if (!n) return;
    n.saved = false;
    if (c.s.wifiConnected === ssid) c.s.wifiConnected = null;
    c.pop();
    c.toast(`Forgot ${ssid}`);
  },
  disconnectWifi: (c) => { c.s.wifiConnected = null; c.pop(); },

  btTap: (c, id) => {
    const d = c.s.btDevices.find((x) => x.id === id);
    if (!d || !c.s.bluetooth) return;
    if (!d.paired) { d.paired = true; d.connected = true; c.toast(`Paired with ${d.name}`); return; }
    d.connected = !d.connected;
  },
  btDetail: (c, id) => c.push('bt-detail', { id }),
  btForget: (c, id) => {
    const d = c.s.btDevices.find((x) => x.id === id);
    if (!d) return;
    d.paired = false;
    d.connected = false;
    c.pop();
    c.toast(`Forgot ${d.name}`);
  },

  /** Level sliders: "<key>:+", "<key>:-" step by 10, "<key>:<n>" sets. key = brightness | a volume key. */
  level: (c, arg) => {
    const [key, v] = arg.split(':');
    const cur = key === 'brightness' ? c.s.brightness : c.s.volumes[key as VolumeKey];
    if (cur === undefined) return;
    const next = v === '+' ? cur + 10 : v === '-' ? cur - 10 : Number(v);
    const val = clampInt(Math.round(next / 10) * 10, 0, 100);
    if (key === 'brightness') { c.s.brightness = val; c.s.autoBrightness = false; } else if ((VOLUME_KEYS as readonly string[]).includes(key)) c.s.volumes[key as VolumeKey] = val;
  },
  toggleAutoBright: (c) => { c.s.autoBrightness = !c.s.autoBrightness; },
  toggleDark: (c) => { c.s.darkMode = !c.s.darkMode; },
  setFont: (c, f) => { if ((FONT_SIZES as readonly string[]).includes(f)) c.s.fontSize = f as FontSize; },
  timeoutMenu: (c) => c.menu(TIMEOUTS.map((t) => ({ label: t, action: 'setTimeout', arg: t })), 'Screen timeout'),
  setTimeout: (c, t) => { if ((TIMEOUTS as readonly string[]).includes(t)) c.s.screenTimeout = t; },

  toggleDnd: (c) => { c.s.dnd = !c.s.dnd; },
  toggleVibrate: (c) => { c.s.vibrate = !c.s.vibrate; },
  setRingtone: (c, r) => { c.s.ringtone = r; },

  toggleSaver: (c) => { c.s.batterySaver = !c.s.batterySaver; },
  togglePercent: (c) => { c.s.batteryPercent = !c.s.batteryPercent; },

  filterApps: () => { /* the apps screen filters by the appsearch field on render */ },
  appInfo: (c, id) => c.push('app-info', { id }),
  toggleNotif: (c, id) => {
    const a = c.s.apps.find((x) => x.id === id);
    if (a) a.notifications = !a.notifications;
  },
  forceStop: (c, id) => {
    const a = c.s.apps.find((x) => x.id === id);
    if (a) c.dialog(`Force stop ${a.name}?`, 'If you force stop an app, it may misbehave.', [{ label: 'Cancel' }, { label: 'OK', action: 'stopped', arg: a.name, style: 'primary' }]);
  },
  stopped: (c, name) => c.toast(`${name} stopped`),
};
