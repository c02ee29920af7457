/**
 * Shared UI kit of the system apps (settings, clock, calendar, notes): app bars, list rows,
 * switches, the tappable time picker, base CSS, and date helpers. Each app scopes the CSS with
 * `kitCss('<id>', accent)` so apps stay independent in the page.
 */
import { html, raw, type Raw } from '../../html.js';
import { icon, type IconName } from './icons.js';

export type Markup = Raw | string;

/** Top app bar: optional back arrow, a title and right-hand actions. */
export function appBar(title: string, opts: { back?: boolean; right?: Markup; sub?: string } = {}): Raw {
  return html`<header class="bar">
    ${opts.back ? html`<div class="bar-btn" data-tap="back" data-id="nav-back" aria-label="Navigate up">${icon('back')}</div>` : html`<div class="bar-pad"></div>`}
    <div class="bar-title"><div class="bar-t">${title}</div>${opts.sub ? html`<div class="bar-sub">${opts.sub}</div>` : ''}</div>
    <div class="bar-right">${opts.right ? raw(String(opts.right)) : ''}</div>
  </header>`;
}

/** An icon button for app bars and toolbars. */
export function iconBtn(name: IconName, id: string, action: string, label: string, arg = ''): Raw {
  return html`<div class="bar-btn" data-id="${id}" data-tap="${action}" data-arg="${arg}" aria-label="${label}">${icon(name)}</div>`;
}

/** A material switch; the whole element is the tap target. */
export function sw(on: boolean, id: string, action: string, arg = '', label = ''): Raw {
  return html`<div class="sw${on ? ' on' : ''}" data-id="${id}" data-tap="${action}" data-arg="${arg}" data-class="android.widget.Switch" data-checked="${on ? 'true' : 'false'}" aria-label="${label}"><div class="sw-knob"></div></div>`;
}

export interface RowOpts {
  id?: string;
  icon?: IconName;
  /** Round coloured badge behind the icon (settings style). */
  iconBg?: string;
  title: string;
  sub?: string;
  right?: Markup;
  tap?: string;
  arg?: string;
  chevron?: boolean;
}

/** One list row: icon, title + subtitle, trailing widget. */
export function row(o: RowOpts): Raw {
  const ic = o.icon
    ? o.iconBg
      ? html`<div class="row-ic badge" style="background:${o.iconBg}">${icon(o.icon, 20, '#fff')}</div>`
      : html`<div class="row-ic">${icon(o.icon, 24)}</div>`
    : '';
  return html`<div class="row"${o.id ? raw(` data-id="${o.id}"`) : ''}${o.tap ? raw(` data-tap="${o.tap}" data-arg="${escAttr(o.arg ?? '')}"`) : ''}>
    ${ic}<div class="row-main"><div class="row-t">${o.title}</div>${o.sub ? html`<div class="row-s">${o.sub}</div>` : ''}</div>
    ${o.right ? raw(String(o.right)) : ''}${o.chevron ? html`<div class="row-chev">${icon('chevron', 20)}</div>` : ''}
  </div>`;
}

function escAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function sectionTitle(text: string): Raw {
  return html`<div class="sect">${text}</div>`;
}

/** Floating action button. */
export function fab(id: string, action: string, label: string, name: IconName = 'add'): Raw {
  return html`<div class="fab" data-id="${id}" data-tap="${action}" aria-label="${label}">${icon(name, 26)}</div>`;
}

/** A radio-style option row (selected shows a filled ring). */
export function radioRow(title: string, selected: boolean, id: string, action: string, arg: string, sub = ''): Raw {
  return html`<div class="row" data-id="${id}" data-tap="${action}" data-arg="${arg}" data-class="android.widget.RadioButton" data-checked="${selected ? 'true' : 'false'}">
    <div class="row-main"><div class="row-t">${title}</div>${sub ? html`<div class="row-s">${sub}</div>` : ''}</div>
    <div class="radio${selected ? ' on' : ''}"></div></div>`;
}

/**
 * The tappable time picker: the current time large, a 24-hour grid and a 5-minute grid plus
 * -1/+1 minute buttons. Taps run `<action>` with "h:<n>", "m:<n>", "m+1" or "m-1".
 */
export function timePicker(hour: number, minute: number, action: string): Raw {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const mins = Array.from({ length: 12 }, (_, i) => i * 5);
  return html`<div class="tp">
    <div class="tp-now"><span data-id="tp-hour">${pad2(hour)}</span><span class="tp-colon">:</span><span data-id="tp-minute">${pad2(minute)}</span></div>
    <div class="tp-lbl">Hour</div>
    <div class="tp-grid">${hours.map((h) => html`<div class="tp-cell${h === hour ? ' sel' : ''}" data-id="hour-${h}" data-tap="${action}" data-arg="h:${h}" data-selected="${h === hour ? 'true' : 'false'}">${pad2(h)}</div>`)}</div>
    <div class="tp-lbl">Minute</div>
    <div class="tp-grid">${mins.map((m) => html`<div class="tp-cell${m === minute ? ' sel' : ''}" data-id="min-${m}" data-tap="${action}" data-arg="m:${m}" data-selected="${m === minute ? 'true' : 'false'}">${pad2(m)}</div>`)}</div>
    <div class="tp-fine">
      <div class="tp-step" data-id="min-minus" data-tap="${action}" data-arg="m-1" aria-label="Minute minus one">${icon('remove', 20)}</div>
      <div class="tp-fine-t">1 min</div>
      <div class="tp-step" data-id="min-plus" data-tap="${action}" data-arg="m+1" aria-label="Minute plus one">${icon('add', 20)}</div>
    </div>
  </div>`;
}

/** Apply a time picker tap ("h:7", "m:30", "m+1", "m-1") to an hour/minute pair. */
export function applyTimeTap(t: { hour: number; minute: number }, arg: string): void {
  if (arg.startsWith('h:')) t.hour = clampInt(Number(arg.slice(2)), 0, 23);
  else if (arg.startsWith('m:')) t.minute = clampInt(Number(arg.slice(2)), 0, 59);
  else if (arg === 'm+1') t.minute = (t.minute + 1) % 60;
  else if (arg === 'm-1') t.minute = (t.minute + 59) % 60;
}

export function clampInt(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return Math.max(lo, Math.min(hi, Math.round(n)));
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------- dates (plain strings, no Date state)

export const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-26" from a clock string "2026-11-26T09:41". */
export function dateOf(clock: string): string {
  return clock.slice(0, 10);
}

/** Minutes since midnight of a clock string or "HH:MM". */
export function minutesOf(time: string): number {
  const t = time.includes('T') ? time.slice(11, 16) : time;
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
}

export function hhmm(totalMinutes: number): string {
  const m = ((totalMinutes % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

function utc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: string, n: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday. */
export function weekday(date: string): number {
  return utc(date).getUTCDay();
}

export function daysInMonth(ym: string): number {
  const [y, m] = ym.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addMonths(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${pad2((idx % 12) + 1)}`;
}

/** "Thu, Nov 26". */
export function fmtDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${WEEKDAYS_EN[weekday(date)]}, ${MONTHS_EN[m - 1]} ${d}`;
}

/** "11月26日 周四". */
export function fmtDateZh(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${WEEKDAYS_ZH[weekday(date)]}`;
}

// ---------------------------------------------------------------- CSS

/** Base CSS for a system app, scoped under `.app-<id>`, with a light and a `.dark` palette. */
export function kitCss(id: string, accent: string): string {
  const s = `.app-${id}`;
  return `
${s}{--acc:${accent};--bg:#f2f3f5;--card:#fff;--fg:#16181d;--sub:#70757f;--line:#e6e8eb;--chip:#e9ecf1;
  background:var(--bg);color:var(--fg);font-size:15px;-webkit-font-smoothing:antialiased}
.dark ${s}{--bg:#101114;--card:#1c1d21;--fg:#eceef2;--sub:#9aa0aa;--line:#2c2e33;--chip:#2a2d33}
${s} .scr{position:relative;display:flex;flex-direction:column;flex:1;min-height:0;height:100%}
${s} .scroll{flex:1;overflow-y:auto;overflow-x:hidden;padding-bottom:16px}
${s} .hscroll{overflow-x:auto;white-space:nowrap}
${s} .bar{display:flex;align-items:center;height:56px;padding:0 4px;flex:none;background:var(--bg)}
${s} .bar-btn{width:44px;height:44px;display:flex;align-items:center;justify-content:center;border-radius:22px;color:var(--fg)}
${s} .bar-pad{width:12px}
${s} .bar-title{flex:1;min-width:0}
${s} .bar-t{font-size:20px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${s} .bar-sub{font-size:12px;color:var(--sub)}
${s} .bar-right{display:flex;align-items:center}
${s} .big-title{font-size:30px;font-weight:700;padding:18px 20px 10px}
${s} .card{background:var(--card);border-radius:16px;margin:8px 12px;overflow:hidden}
${s} .row{display:flex;align-items:center;min-height:56px;padding:8px 16px;gap:14px;border-bottom:1px solid var(--line);background:var(--card)}
${s} .card .row:last-child{border-bottom:0}
${s} .row-ic{width:24px;height:24px;display:flex;align-items:center;justify-content:center;color:var(--sub);flex:none}
${s} .row-ic.badge{width:34px;height:34px;border-radius:17px}
${s} .row-main{flex:1;min-width:0}
${s} .row-t{font-size:16px;line-height:21px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${s} .row-s{font-size:13px;color:var(--sub);line-height:18px;margin-top:1px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${s} .row-chev{color:#b4b8bf;display:flex}
${s} .row-val{color:var(--sub);font-size:14px;white-space:nowrap}
${s} .sect{font-size:13px;font-weight:600;color:var(--acc);padding:16px 20px 6px}
${s} .sw{width:46px;height:28px;border-radius:14px;background:#c9ccd1;position:relative;flex:none;transition:none}
${s} .sw-knob{position:absolute;top:3px;left:3px;width:22px;height:22px;border-radius:11px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.3)}
${s} .sw.on{background:var(--acc)}
${s} .sw.on .sw-knob{left:21px}
${s} .radio{width:20px;height:20px;border-radius:10px;border:2px solid #9aa0aa;flex:none;box-sizing:border-box}
${s} .radio.on{border-color:var(--acc);box-shadow:inset 0 0 0 4px var(--card);background:var(--acc)}
${s} .fab{position:absolute;right:20px;bottom:24px;width:58px;height:58px;border-radius:18px;background:var(--acc);color:#fff;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 12px rgba(0,0,0,.25)}
${s} .btn{display:flex;align-items:center;justify-content:center;height:46px;border-radius:23px;background:var(--acc);color:#fff;font-size:16px;font-weight:600;margin:12px 16px}
${s} .btn.ghost{background:transparent;color:var(--acc);border:1px solid var(--line)}
${s} .btn.danger{background:transparent;color:#e5484d;border:1px solid var(--line)}
${s} .field{display:block;width:100%;box-sizing:border-box;border:0;border-bottom:1.5px solid var(--line);background:transparent;color:var(--fg);font-size:16px;padding:10px 2px;outline:none;font-family:inherit}
${s} .field:focus{border-bottom-color:var(--acc)}
${s} .chip{display:inline-flex;align-items:center;height:32px;padding:0 14px;border-radius:16px;background:var(--chip);font-size:14px;margin-right:8px;color:var(--fg)}
${s} .chip.sel{background:var(--acc);color:#fff}
${s} .empty{text-align:center;color:var(--sub);padding:48px 24px;font-size:15px}
${s} .tp{padding:4px 16px}
${s} .tp-now{text-align:center;font-size:52px;font-weight:300;letter-spacing:1px;padding:4px 0 6px;color:var(--acc)}
${s} .tp-colon{padding:0 4px;color:var(--sub)}
${s} .tp-lbl{font-size:12px;color:var(--sub);margin:6px 4px 4px}
${s} .tp-grid{display:grid;grid-template-columns:repeat(6,1fr);gap:6px}
${s} .tp-cell{height:34px;border-radius:17px;background:var(--chip);display:flex;align-items:center;justify-content:center;font-size:15px}
${s} .tp-cell.sel{background:var(--acc);color:#fff;font-weight:600}
${s} .tp-fine{display:flex;align-items:center;justify-content:center;gap:18px;margin-top:8px}
${s} .tp-step{width:40px;height:40px;border-radius:20px;border:1px solid var(--line);display:flex;align-items:center;justify-content:center}
${s} .tp-fine-t{font-size:13px;color:var(--sub)}
${s} .tabs{display:flex;height:64px;flex:none;background:var(--card);border-top:1px solid var(--line)}
${s} .tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:12px;color:var(--sub);gap:2px}
${s} .tab.sel{color:var(--acc);font-weight:600}
${s} .tab .pill{width:56px;height:30px;border-radius:15px;display:flex;align-items:center;justify-content:center}
${s} .tab.sel .pill{background:color-mix(in srgb,var(--acc) 18%,transparent)}
`;
}

/** Bottom navigation tabs; each tab runs `action` with its key. */
export function tabs(items: { key: string; label: string; icon: IconName }[], current: string, action: string): Raw {
  return html`<nav class="tabs">${items.map((t) => html`<div class="tab${t.key === current ? ' sel' : ''}" data-id="tab-${t.key}" data-tap="${action}" data-arg="${t.key}" data-selected="${t.key === current ? 'true' : 'false'}"><div class="pill">${icon(t.icon, 22)}</div><div>${t.label}</div></div>`)}</nav>`;
}

/** A stable data-id fragment from a display name ("Cafe_5G" -> "cafe-5g"). */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/** A level slider with -/+ steps and 11 tap stops (0, 10, ... 100). */
export function levelSlider(value: number, idPrefix: string, action: string, key: string, label: string): Raw {
  const stops = Array.from({ length: 11 }, (_, i) => i * 10);
  return html`<div class="lvl">
    <div class="lvl-step" data-id="${idPrefix}-minus" data-tap="${action}" data-arg="${key}:-" aria-label="Decrease ${label}">${icon('remove', 20)}</div>
    <div class="lvl-track" data-id="${idPrefix}-slider" data-class="android.widget.SeekBar" aria-label="${label} ${value}%">
      <div class="lvl-fill" style="width:${value}%"></div><div class="lvl-knob" style="left:calc(${value}% - 11px)"></div>
      ${stops.map((v, i) => html`<div class="lvl-stop" style="left:${i * 9.09}%" data-id="${idPrefix}-set-${v}" data-tap="${action}" data-arg="${key}:${v}" aria-label="${label} ${v}%"></div>`)}
    </div>
    <div class="lvl-step" data-id="${idPrefix}-plus" data-tap="${action}" data-arg="${key}:+" aria-label="Increase ${label}">${icon('add', 20)}</div>
    <div class="lvl-val" data-id="${idPrefix}-value">${value}%</div>
  </div>`;
}

export function levelCss(id: string): string {
  const s = `.app-${id}`;
  return `
${s} .lvl{display:flex;align-items:center;gap:8px;padding:10px 12px 14px}
${s} .lvl-step{width:34px;height:34px;border-radius:17px;background:var(--chip);display:flex;align-items:center;justify-content:center;flex:none}
${s} .lvl-track{position:relative;flex:1;height:8px;border-radius:4px;background:var(--chip)}
${s} .lvl-fill{position:absolute;left:0;top:0;bottom:0;border-radius:4px;background:var(--acc)}
${s} .lvl-knob{position:absolute;top:-7px;width:22px;height:22px;border-radius:11px;background:#fff;border:2px solid var(--acc);box-sizing:border-box}
${s} .lvl-stop{position:absolute;top:-14px;width:9.09%;height:36px}
${s} .lvl-val{width:42px;text-align:right;font-size:14px;color:var(--sub);flex:none}
`;
}
