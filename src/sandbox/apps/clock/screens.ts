/** Clock screens: alarms, alarm editor, world clock (+ city picker), timer, stopwatch. */
import { html, type Raw } from '../../html.js';
import type { ViewCtx } from '../../framework.js';
import { icon } from '../settings/icons.js';
import { appBar, fab, iconBtn, pad2, sw, tabs, timePicker, minutesOf, fmtDate, dateOf } from '../settings/kit.js';
import { CITIES, HOME_OFFSET, cityDayShift, cityTime, entrySeconds, repeatText, type Alarm, type ClockState } from './data.js';

type V = ViewCtx<ClockState>;

const TABS = [
  { key: 'alarms', label: 'Alarm', icon: 'alarm' as const },
  { key: 'world', label: 'Clock', icon: 'globe' as const },
  { key: 'timer', label: 'Timer', icon: 'timer' as const },
  { key: 'stopwatch', label: 'Stopwatch', icon: 'stopwatch' as const },
];

function frame(c: V, tab: string, title: string, body: Raw | string, extra: Raw | string = ''): Raw {
  return html`<div class="scr">${appBar(title, { right: iconBtn('more', 'clock-menu', 'menu', 'More options') })}
    <div class="scroll" data-scroll="main">${body}</div>${extra}${tabs(TABS, tab, 'tab')}</div>`;
}

/** Minutes until an alarm next rings, from the phone clock. */
export function minutesUntil(a: Alarm, clock: string): number {
  const now = minutesOf(clock);
  const day = new Date(`${dateOf(clock)}T00:00:00Z`).getUTCDay();
  const at = a.hour * 60 + a.minute;
  for (let k = 0; k < 8; k++) {
    const wd = (day + k) % 7;
    const t = at + k * 1440;
    if (t <= now) continue;
    if (!a.days.length || a.days.includes(wd)) return t - now;
  }
  return 7 * 1440;
}

function untilText(min: number): string {
  const d = Math.floor(min / 1440), h = Math.floor((min % 1440) / 60), m = min % 60;
  return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min`;
}

function alarmRow(a: Alarm): Raw {
  return html`<div class="alarm${a.enabled ? ' on' : ''}" data-id="alarm-${a.id}" data-tap="editAlarm" data-arg="${a.id}">
    <div class="alarm-main"><div class="alarm-time">${pad2(a.hour)}:${pad2(a.minute)}</div>
    <div class="alarm-sub">${a.label ? html`<span class="alarm-label">${a.label}</span> · ` : ''}${repeatText(a.days)}</div></div>
    ${sw(a.enabled, `alarm-switch-${a.id}`, 'toggleAlarm', a.id, `${a.label || 'Alarm'} ${pad2(a.hour)}:${pad2(a.minute)}`)}
  </div>`;
}

export function alarmsScreen(c: V): Raw {
  const on = c.s.alarms.filter((a) => a.enabled);
  const next = on.length ? Math.min(...on.map((a) => minutesUntil(a, c.phone.system.clock))) : null;
  const body = html`<div class="next" data-id="next-alarm">${next === null ? 'No alarms on' : `Next alarm in ${untilText(next)}`}</div>
    ${c.s.alarms.length ? c.s.alarms.map(alarmRow) : html`<div class="empty">No alarms</div>`}<div class="spacer"></div>`;
  return frame(c, 'alarms', 'Alarm', body, fab('add-alarm', 'newAlarm', 'Add alarm'));
}

const DAY_IDS = [['mon', 1, 'M'], ['tue', 2, 'T'], ['wed', 3, 'W'], ['thu', 4, 'T'], ['fri', 5, 'F'], ['sat', 6, 'S'], ['sun', 0, 'S']] as const;

export function editScreen(c: V): Raw {
  const d = c.s.draft;
  if (!d) return html`<div class="scr">${appBar('Alarm', { back: true })}<div class="empty">No alarm selected</div></div>`;
  const editing = d.id !== null;
  return html`<div class="scr">${appBar(editing ? 'Edit alarm' : 'Add alarm', { back: true, right: html`<div class="save" data-id="save-alarm" data-tap="saveAlarm">Save</div>` })}
    <div class="scroll" data-scroll="main">
      ${timePicker(d.hour, d.minute, 'pickTime')}
      <div class="ed-sect">Repeat · <span data-id="repeat-text">${repeatText(d.days)}</span></div>
      <div class="days">${DAY_IDS.map(([id, n, ch]) => html`<div class="day${d.days.includes(n) ? ' sel' : ''}" data-id="day-${id}" data-tap="toggleDay" data-arg="${n}" data-class="android.widget.CheckBox" data-checked="${d.days.includes(n) ? 'true' : 'false'}" aria-label="${id}">${ch}</div>`)}</div>
      <div class="ed-row">${icon('label', 22)}<input class="field" data-field="label" data-id="label-input" placeholder="Alarm name" value="${c.field('label')}"/></div>
      <div class="ed-row">${icon('vibrate', 22)}<div class="ed-t">Vibrate</div>${sw(d.vibrate, 'vibrate-switch', 'toggleVibrate', '', 'Vibrate')}</div>
      <div class="ed-row">${icon('music', 22)}<div class="ed-t">Sound<div class="ed-s">Cesium (default)</div></div></div>
      ${editing ? html`<div class="btn danger" data-id="delete-alarm" data-tap="deleteAlarm" data-arg="${d.id}">${icon('trash', 20)}<span>Delete alarm</span></div>` : ''}
    </div></div>`;
}

export function worldScreen(c: V): Raw {
  const clock = c.phone.system.clock;
  const cities = c.s.world.map((id) => CITIES.find((x) => x.id === id)).filter((x) => x !== undefined);
  const body = html`<div class="home-clock"><div class="hc-time" data-id="local-time">${clock.slice(11, 16)}</div><div class="hc-date">${fmtDate(dateOf(clock))} · Beijing time</div></div>
    ${cities.map((city) => {
      const diff = city.offset - HOME_OFFSET;
      const shift = cityDayShift(clock, city);
      const rel = `${shift < 0 ? 'Yesterday' : shift > 0 ? 'Tomorrow' : 'Today'}, ${diff === 0 ? 'same time' : `${Math.abs(diff)} hr ${diff < 0 ? 'behind' : 'ahead'}`}`;
      return html`<div class="city" data-id="city-row-${city.id}" data-longpress="cityMenu" data-arg="${city.id}"><div class="city-main"><div class="city-n">${city.name}</div><div class="city-s">${rel}</div></div><div class="city-t" data-id="city-time-${city.id}">${cityTime(clock, city)}</div></div>`;
    })}<div class="spacer"></div>`;
  return frame(c, 'world', 'Clock', body, fab('add-city', 'addCityScreen', 'Add city', 'globe'));
}

export function citiesScreen(c: V): Raw {
  const q = c.field('citysearch').trim().toLowerCase();
  const list = CITIES.filter((x) => !q || x.name.toLowerCase().includes(q) || x.zh.includes(q) || x.country.toLowerCase().includes(q)).sort((a, b) => a.name.localeCompare(b.name));
  return html`<div class="scr">${appBar('Add city', { back: true })}
    <div class="search">${icon('search', 20)}<input class="field bare" data-field="citysearch" data-id="city-search" data-oninput="filterCities" placeholder="Search for a city" value="${c.field('citysearch')}"/></div>
    <div class="scroll" data-scroll="main">${list.map((x) => html`<div class="row" data-id="city-${x.id}" data-tap="addCity" data-arg="${x.id}"><div class="row-main"><div class="row-t">${x.name} ${x.zh}</div><div class="row-s">${x.country} · GMT${x.offset >= 0 ? '+' : ''}${x.offset}</div></div>${c.s.world.includes(x.id) ? html`<div class="row-ic">${icon('check', 20)}</div>` : ''}</div>`)}
    ${list.length ? '' : html`<div class="empty">No cities match "${q}"</div>`}</div></div>`;
}

function hms(total: number): string {
  return `${pad2(Math.floor(total / 3600))}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
}

export function timerScreen(c: V): Raw {
  const t = c.s.timer;
  if (t.state !== 'idle') {
    const body = html`<div class="ring${t.state === 'running' ? ' run' : ''}"><div class="ring-t" data-id="timer-remaining">${hms(t.seconds)}</div><div class="ring-s" data-id="timer-state">${t.state === 'running' ? 'Running' : 'Paused'}</div></div>
      <div class="tm-btns"><div class="pill-btn" data-id="timer-add-minute" data-tap="timerAddMinute">+1:00</div>
      <div class="round-btn" data-id="timer-pause" data-tap="timerPause" aria-label="${t.state === 'running' ? 'Pause' : 'Resume'}">${icon(t.state === 'running' ? 'pause' : 'play', 32, '#fff')}</div>
      <div class="pill-btn" data-id="timer-reset" data-tap="timerReset">Reset</div></div>`;
    return frame(c, 'timer', 'Timer', body);
  }
  const d = t.entry.padStart(6, '0');
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '00', '0'];
  const body = html`<div class="tm-entry${t.entry ? ' has' : ''}" data-id="timer-entry"><span>${d.slice(0, 2)}</span><small>h</small> <span>${d.slice(2, 4)}</span><small>m</small> <span>${d.slice(4, 6)}</span><small>s</small></div>
    <div class="presets">${[1, 3, 5, 10, 15, 30].map((m) => html`<div class="chip" data-id="preset-${m}" data-tap="timerPreset" data-arg="${m}">${m} min</div>`)}</div>
    <div class="keypad">${keys.map((k) => html`<div class="key" data-id="key-${k}" data-tap="timerKey" data-arg="${k}">${k}</div>`)}<div class="key" data-id="key-back" data-tap="timerKey" data-arg="del" aria-label="Delete">${icon('backspace', 24)}</div></div>
    ${entrySeconds(t.entry) > 0 ? html`<div class="round-btn start" data-id="timer-start" data-tap="timerStart" aria-label="Start">${icon('play', 32, '#fff')}</div>` : ''}`;
  return frame(c, 'timer', 'Timer', body);
}

export function stopwatchScreen(c: V): Raw {
  const s = c.s.stopwatch;
  const cs = s.elapsedCs;
  const fmt = (v: number) => `${pad2(Math.floor(v / 6000))}:${pad2(Math.floor((v % 6000) / 100))}.${pad2(v % 100)}`;
  const body = html`<div class="ring${s.state === 'running' ? ' run' : ''}"><div class="ring-t" data-id="stopwatch-time">${fmt(cs)}</div><div class="ring-s" data-id="stopwatch-state">${s.state === 'running' ? 'Running' : s.state === 'paused' ? 'Paused' : ''}</div></div>
    <div class="tm-btns">${s.state === 'idle' ? '' : html`<div class="pill-btn" data-id="sw-reset" data-tap="swReset">Reset</div>`}
    <div class="round-btn" data-id="sw-start" data-tap="swToggle" aria-label="${s.state === 'running' ? 'Pause' : 'Start'}">${icon(s.state === 'running' ? 'pause' : 'play', 32, '#fff')}</div>
    ${s.state === 'running' ? html`<div class="pill-btn" data-id="sw-lap" data-tap="swLap">Lap</div>` : ''}</div>
    ${s.laps.map((l, i) => html`<div class="lap"><span>Lap ${s.laps.length - i}</span><span>${fmt(l)}</span></div>`)}`;
  return frame(c, 'stopwatch', 'Stopwatch', body);
}
