/** Clock actions. Nothing here depends on wall time: a started timer keeps its set duration. */
import type { ActCtx } from '../../framework.js';
import { applyTimeTap } from '../settings/kit.js';
import { CITIES, entrySeconds, type ClockState } from './data.js';

type A = ActCtx<ClockState>;

const TAB_SCREENS = new Set(['alarms', 'world', 'timer', 'stopwatch']);

export const actions: Record<string, (c: A, arg: string) => void> = {
  back: (c) => c.pop(),
  tab: (c, t) => { if (TAB_SCREENS.has(t)) c.resetTo(t); },
  menu: (c) => c.menu([{ label: 'Settings' }, { label: 'Send feedback' }, { label: 'Help' }]),

  toggleAlarm: (c, id) => {
    const a = c.s.alarms.find((x) => x.id === id);
    if (!a) return;
    a.enabled = !a.enabled;
    if (a.enabled) c.toast(`Alarm set for ${String(a.hour).padStart(2, '0')}:${String(a.minute).padStart(2, '0')}`);
  },
  newAlarm: (c) => {
    c.s.draft = { id: null, hour: 7, minute: 0, days: [], vibrate: true };
    c.setField('label', '');
    c.push('edit');
  },
  editAlarm: (c, id) => {
    const a = c.s.alarms.find((x) => x.id === id);
    if (!a) return;
    c.s.draft = { id: a.id, hour: a.hour, minute: a.minute, days: a.days.slice(), vibrate: a.vibrate };
    c.setField('label', a.label);
    c.push('edit');
  },
  pickTime: (c, arg) => { if (c.s.draft) applyTimeTap(c.s.draft, arg); },
  toggleDay: (c, arg) => {
    const d = c.s.draft;
    const n = Number(arg);
    if (!d || !Number.isInteger(n) || n < 0 || n > 6) return;
    d.days = d.days.includes(n) ? d.days.filter((x) => x !== n) : [...d.days, n].sort();
  },
  toggleVibrate: (c) => { if (c.s.draft) c.s.draft.vibrate = !c.s.draft.vibrate; },
  saveAlarm: (c) => {
    const d = c.s.draft;
    if (!d) return;
    const label = c.field('label').trim();
    const existing = d.id ? c.s.alarms.find((x) => x.id === d.id) : undefined;
    if (existing) Object.assign(existing, { hour: d.hour, minute: d.minute, days: d.days.slice(), vibrate: d.vibrate, label, enabled: true });
    else c.s.alarms.push({ id: `a${c.s.nextId++}`, hour: d.hour, minute: d.minute, days: d.days.slice(), label, enabled: true, vibrate: d.vibrate });
    c.s.alarms.sort((a, b) => a.hour * 60 + a.minute - (b.hour * 60 + b.minute) || a.id.localeCompare(b.id));
    c.s.draft = null;
    c.setField('label', '');
    c.focus(null);
    c.pop();
    c.toast(`Alarm set for ${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`);
  },
  deleteAlarm: (c, id) => {
    c.s.alarms = c.s.alarms.filter((x) => x.id !== id);
    c.s.draft = null;
    c.pop();
    c.toast('Alarm deleted');
  },

  addCityScreen: (c) => { c.setField('citysearch', ''); c.push('cities'); },
  filterCities: () => { /* the city list filters by the citysearch field on render */ },
  addCity: (c, id) => {
    if (!CITIES.some((x) => x.id === id)) return;
    if (!c.s.world.includes(id)) c.s.world.push(id);
    c.focus(null);
    c.pop();
  },
  cityMenu: (c, id) => c.menu([{ label: 'Remove', action: 'removeCity', arg: id, style: 'danger' }]),
  removeCity: (c, id) => { c.s.world = c.s.world.filter((x) => x !== id); },

  timerKey: (c, k) => {
    const t = c.s.timer;
    if (k === 'del') t.entry = t.entry.slice(0, -1);
    else if (/^\d+$/.test(k) && (t.entry + k).replace(/^0+/, '').length <= 6) t.entry = (t.entry + k).replace(/^0+/, '');
  },
  timerPreset: (c, m) => { const n = Number(m); if (n > 0) c.s.timer.entry = String(n * 100); },
  timerStart: (c) => {
    const t = c.s.timer;
    const secs = entrySeconds(t.entry);
    if (secs <= 0) return;
    t.seconds = secs;
    t.state = 'running';
    t.entry = '';
  },
  timerPause: (c) => { const t = c.s.timer; if (t.state !== 'idle') t.state = t.state === 'running' ? 'paused' : 'running'; },
  timerAddMinute: (c) => { if (c.s.timer.state !== 'idle') c.s.timer.seconds += 60; },
  timerReset: (c) => { c.s.timer = { entry: '', seconds: 0, state: 'idle' }; },

  swToggle: (c) => { const s = c.s.stopwatch; s.state = s.state === 'running' ? 'paused' : 'running'; },
  swLap: (c) => { const s = c.s.stopwatch; if (s.state === 'running') s.laps.unshift(s.elapsedCs); },
  swReset: (c) => { c.s.stopwatch = { state: 'idle', elapsedCs: 0, laps: [] }; },
};
