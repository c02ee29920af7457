/** Calendar screens: month grid + day agenda, event detail, event editor, date and time pickers. */
import { html, type Raw } from '../../html.js';
import type { ViewCtx } from '../../framework.js';
import { icon } from '../settings/icons.js';
import { addDays, appBar, daysInMonth, fab, fmtDate, fmtDateZh, iconBtn, minutesOf, row, sw, timePicker, weekday } from '../settings/kit.js';
import { CAL_COLOR, HOLIDAYS, eventsOn, reminderLabel, today, type CalEvent, type CalendarState } from './data.js';

type V = ViewCtx<CalendarState>;

export function viewOf(c: { s: CalendarState; phone: { system: { clock: string } } }): { ym: string; sel: string } {
  const t = today(c.phone.system.clock);
  return c.s.view ?? { ym: t.slice(0, 7), sel: t };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthTitle(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** A Monday-first month grid; `idPrefix` + date is each cell's data-id. */
function grid(c: V, ym: string, sel: string, idPrefix: string, action: string, dots: boolean): Raw {
  const first = `${ym}-01`;
  const lead = (weekday(first) + 6) % 7;
  const n = daysInMonth(ym);
  const cells = Math.ceil((lead + n) / 7) * 7;
  const t = today(c.phone.system.clock);
  const out: Raw[] = [];
  for (let i = 0; i < cells; i++) {
    const date = addDays(first, i - lead);
    const inMonth = date.slice(0, 7) === ym;
    const evs = dots && inMonth ? eventsOn(c.s, date) : [];
    const hol = HOLIDAYS[date];
    const cls = ['cell', inMonth ? '' : 'out', date === sel ? 'sel' : '', date === t ? 'today' : ''].filter(Boolean).join(' ');
    out.push(inMonth
      ? html`<div class="${cls}" data-id="${idPrefix}${date}" data-tap="${action}" data-arg="${date}" data-selected="${date === sel ? 'true' : 'false'}" aria-label="${fmtDate(date)}${evs.length ? `, ${evs.length} event${evs.length > 1 ? 's' : ''}` : ''}"><div class="num">${Number(date.slice(8))}</div><div class="sub${hol ? ' hol' : ''}">${hol ?? ''}</div><div class="dots">${evs.slice(0, 3).map((e) => html`<i style="background:${CAL_COLOR[e.calendar]}"></i>`)}</div></div>`
      : html`<div class="${cls}"><div class="num">${Number(date.slice(8))}</div></div>`);
  }
  return html`<div class="wk">${['一', '二', '三', '四', '五', '六', '日'].map((d) => html`<div>${d}</div>`)}</div><div class="grid">${out}</div>`;
}

function timeText(e: CalEvent): string {
  return e.start ? `${e.start} – ${e.end}` : 'All day';
}

export function monthScreen(c: V): Raw {
  const { ym, sel } = viewOf(c);
  const evs = eventsOn(c.s, sel);
  const hol = HOLIDAYS[sel];
  return html`<div class="scr">
    <header class="bar"><div class="bar-pad"></div><div class="bar-title"><div class="bar-t" data-id="month-title">${monthTitle(ym)}</div><div class="bar-sub">${Number(ym.slice(0, 4))}年${Number(ym.slice(5))}月</div></div>
      <div class="bar-right">${iconBtn('chevronLeft', 'prev-month', 'month', 'Previous month', '-1')}${iconBtn('chevron', 'next-month', 'month', 'Next month', '+1')}<div class="today-btn" data-id="today-btn" data-tap="goToday" aria-label="Today">${Number(today(c.phone.system.clock).slice(8))}</div></div></header>
    <div class="scroll" data-scroll="main">
      ${grid(c, ym, sel, 'day-', 'selectDay', true)}
      <div class="agenda-h" data-id="agenda-date">${fmtDate(sel)} · ${fmtDateZh(sel)}</div>
      ${hol ? html`<div class="hol-chip">${icon('event', 18)}<span>${hol}</span></div>` : ''}
      <div data-id="agenda">${evs.length ? evs.map((e) => html`<div class="ev" data-id="event-${e.id}" data-tap="openEvent" data-arg="${e.id}"><div class="ev-bar" style="background:${CAL_COLOR[e.calendar]}"></div><div class="ev-main"><div class="ev-t">${e.title}</div><div class="ev-s">${timeText(e)}${e.location ? ` · ${e.location}` : ''}</div></div></div>`) : html`<div class="empty small">No events · 没有日程</div>`}</div>
      <div class="spacer"></div>
    </div>${fab('add-event', 'newEvent', 'New event')}</div>`;
}

export function eventScreen(c: V): Raw {
  const e = c.s.events.find((x) => x.id === c.screen.params?.id);
  if (!e) return html`<div class="scr">${appBar('Event', { back: true })}<div class="empty">This event was deleted</div></div>`;
  return html`<div class="scr">${appBar('', { back: true, right: html`${iconBtn('edit', 'edit-event', 'editEvent', 'Edit', e.id)}${iconBtn('trash', 'delete-event', 'askDelete', 'Delete', e.id)}` })}
    <div class="scroll" data-scroll="main">
      <div class="det-h"><div class="det-sq" style="background:${CAL_COLOR[e.calendar]}"></div><div><div class="det-t" data-id="event-title">${e.title}</div><div class="det-s">${fmtDate(e.date)} · ${timeText(e)}</div></div></div>
      ${e.location ? row({ id: 'event-location', icon: 'place', title: e.location }) : ''}
      ${row({ id: 'event-reminder', icon: 'bell', title: reminderLabel(e.reminder) })}
      ${row({ id: 'event-calendar', icon: 'event', title: e.calendar })}
      ${e.notes ? row({ icon: 'notesText', title: e.notes }) : ''}
    </div></div>`;
}

export function editScreen(c: V): Raw {
  const d = c.s.draft;
  if (!d) return html`<div class="scr">${appBar('Event', { back: true })}<div class="empty">Nothing to edit</div></div>`;
  const allDay = d.start === null;
  return html`<div class="scr">${appBar(d.id ? 'Edit event' : 'New event', { back: true, right: html`<div class="save" data-id="save-event" data-tap="saveEvent">Save</div>` })}
    <div class="scroll" data-scroll="main">
      <div class="ed-title"><input class="field big" data-field="title" data-id="title-input" placeholder="Add title" value="${c.field('title')}"/></div>
      ${row({ id: 'allday-row', icon: 'schedule', title: 'All-day', right: sw(allDay, 'allday-switch', 'toggleAllDay', '', 'All-day') })}
      ${row({ id: 'date-row', title: fmtDate(d.date), sub: 'Date', tap: 'pickDate', chevron: true })}
      ${allDay ? '' : html`${row({ id: 'start-row', title: d.start ?? '', sub: 'Starts', tap: 'pickTimeScreen', arg: 'start', chevron: true })}${row({ id: 'end-row', title: d.end ?? '', sub: 'Ends', tap: 'pickTimeScreen', arg: 'end', chevron: true })}`}
      <div class="row">${icon('place', 22)}<input class="field" data-field="location" data-id="location-input" placeholder="Add location" value="${c.field('location')}"/></div>
      ${row({ id: 'reminder-row', icon: 'bell', title: reminderLabel(d.reminder), tap: 'reminderMenu', chevron: true })}
      ${row({ id: 'calendar-row', icon: 'event', title: d.calendar, sub: 'Calendar', tap: 'calendarMenu', chevron: true })}
    </div></div>`;
}

export function pickDateScreen(c: V): Raw {
  const d = c.s.draft;
  if (!d) return html`<div class="scr">${appBar('Date', { back: true })}</div>`;
  return html`<div class="scr">${appBar('Select date', { back: true })}
    <div class="scroll" data-scroll="main">
      <div class="pick-h">${iconBtn('chevronLeft', 'pick-prev', 'pickMonth', 'Previous month', '-1')}<div class="pick-t" data-id="pick-month">${monthTitle(d.pickYm)}</div>${iconBtn('chevron', 'pick-next', 'pickMonth', 'Next month', '+1')}</div>
      ${grid(c, d.pickYm, d.date, 'pick-', 'setDate', false)}
    </div></div>`;
}

export function pickTimeScreen(c: V): Raw {
  const d = c.s.draft;
  const which = c.screen.params?.which === 'end' ? 'end' : 'start';
  const t = d?.[which] ?? '09:00';
  const m = minutesOf(t);
  return html`<div class="scr">${appBar(which === 'end' ? 'End time' : 'Start time', { back: true, right: html`<div class="save" data-id="time-done" data-tap="timeDone">Done</div>` })}
    <div class="scroll" data-scroll="main">${timePicker(Math.floor(m / 60), m % 60, 'pickTime')}</div></div>`;
}
