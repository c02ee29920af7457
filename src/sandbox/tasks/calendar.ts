/** Task templates for the Calendar app: create, query, count, holidays, conditional cancel, move. */
import type { PhoneState, SemanticStep, TaskTemplate, VerifyResult } from '../framework.js';
import { EVENT_POOL, HOLIDAYS, eventsOn, type CalEvent, type CalendarState } from '../apps/calendar/data.js';
import { MONTHS_EN, WEEKDAYS_ZH, addDays, dateOf, fmtDate, minutesOf, pad2, weekday } from '../apps/settings/kit.js';
import { fail, hasNumber, mentions, normText, pass } from './answers.js';

const K = (p: PhoneState) => p.apps.calendar as CalendarState;
const OPEN = { do: 'open_app', app: 'Calendar' } as const;
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthDay = (d: string) => `${MONTHS_EN[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8))}`;
const zhDate = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

function withCal(final: PhoneState, f: (s: CalendarState) => VerifyResult): VerifyResult {
  const s = K(final);
  return s ? f(s) : fail('the phone has no calendar data');
}

/** From the app's month view (today's month): step months, then tap the day. */
function gotoDay(phone: PhoneState, date: string): SemanticStep[] {
  const [y0, m0] = dateOf(phone.system.clock).split('-').map(Number);
  const [y1, m1] = date.split('-').map(Number);
  const diff = (y1 - y0) * 12 + (m1 - m0);
  const step: SemanticStep = { do: 'tap', id: diff > 0 ? 'next-month' : 'prev-month' };
  return [...Array.from({ length: Math.abs(diff) }, () => step), { do: 'tap', id: `day-${date}` }];
}

function setTime(which: 'start' | 'end', hhmm: string): SemanticStep[] {
  const [h, m] = hhmm.split(':').map(Number);
  return [{ do: 'tap', id: `${which}-row` }, { do: 'tap', id: `hour-${h}` }, { do: 'tap', id: `min-${m - (m % 5)}` }, ...Array.from({ length: m % 5 }, () => ({ do: 'tap', id: 'min-plus' }) as SemanticStep), { do: 'tap', id: 'time-done' }];
}

function added(initial: PhoneState, final: PhoneState): CalEvent[] {
  const ids = new Set(K(initial).events.map((e) => e.id));
  return K(final).events.filter((e) => !ids.has(e.id));
}

/** Events other than `touched` keep their data, none deleted. */
function othersIntact(initial: PhoneState, final: PhoneState, touched: string[]): VerifyResult | null {
  for (const e of K(initial).events) {
    if (touched.includes(e.id)) continue;
    const f = K(final).events.find((x) => x.id === e.id);
    if (!f) return fail(`"${e.title}" on ${e.date} was deleted`);
    if (JSON.stringify(f) !== JSON.stringify(e)) return fail(`"${e.title}" on ${e.date} was changed`);
  }
  return null;
}

const NEW_TITLES = ['Dentist', 'Parent meeting', 'Tax advisor', 'Eye exam', 'Piano tuning', 'Farewell drinks for Sam', 'Apartment viewing'];

interface CreateP { title: string; date: string; start: string }
const create: TaskTemplate<CreateP> = {
  id: 'calendar.create-event', app: 'calendar', scenario: 'system', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => ({
    title: rng.pick(NEW_TITLES), date: addDays(dateOf(phone.system.clock), rng.int(3, 40)),
    start: `${pad2(rng.int(8, 18))}:${rng.pick(['00', '30', '15', '45'])}`,
  }),
  instruction: (p) => `Create an event "${p.title}" on ${monthDay(p.date)} at ${p.start}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withCal(final, () => {
    const hit = added(initial, final).filter((e) => normText(e.title) === normText(p.title));
    if (hit.length !== 1) return fail(`expected one new event "${p.title}", found ${hit.length}`);
    const e = hit[0];
    if (e.date !== p.date) return fail(`"${p.title}" is on ${e.date}, expected ${p.date}`);
    if (e.start !== p.start) return fail(`"${p.title}" starts at ${e.start ?? 'all day'}, expected ${p.start}`);
    return othersIntact(initial, final, []) ?? pass('event created');
  }),
  solution: (p, phone) => [OPEN, ...gotoDay(phone, p.date), { do: 'tap', id: 'add-event' }, { do: 'tap', id: 'title-input' }, { do: 'type', text: p.title }, ...setTime('start', p.start), { do: 'tap', id: 'save-event' }, { do: 'complete' }],
  wrongEnds: (p) => {
    const e = (ph: PhoneState) => K(ph).events.find((x) => x.title === p.title)!;
    return [
      { name: 'a day off', mutate: (ph) => { e(ph).date = addDays(p.date, 1); } },
      { name: 'wrong time', mutate: (ph) => { e(ph).start = '09:00'; } },
      { name: 'all-day', mutate: (ph) => { e(ph).start = null; e(ph).end = null; } },
      { name: 'saved twice', mutate: (ph) => { K(ph).events.push({ ...e(ph), id: 'e9999' }); } },
    ];
  },
};

interface MeetP { person: string; place: string; date: string; hour: number; reminder: number }
const meetZh: TaskTemplate<MeetP> = {
  id: 'calendar.meeting-with-reminder', app: 'calendar', scenario: 'system', type: 'filter', complexity: 'composite', ambiguity: 'mid', lang: 'zh',
  params: (rng, phone) => ({
    person: rng.pick(['王磊', '李娜', '陈晨', '刘洋', '张伟']), place: rng.pick(['星巴克', '瑞幸咖啡', '公司三楼会议室', '人民广场']),
    date: addDays(dateOf(phone.system.clock), rng.int(2, 30)), hour: rng.pick([10, 11, 14, 15, 16]), reminder: rng.pick([15, 30, 60]),
  }),
  instruction: (p) => `${zhDate(p.date)}${p.hour < 12 ? '上午' : '下午'}${p.hour > 12 ? p.hour - 12 : p.hour}点在${p.place}和${p.person}开会，提前${p.reminder === 60 ? '一小时' : `${p.reminder}分钟`}提醒我`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withCal(final, () => {
    const e = added(initial, final).find((x) => x.title.includes(p.person));
    if (!e) return fail(`no new event mentioning ${p.person}`);
    if (e.date !== p.date || e.start !== `${pad2(p.hour)}:00`) return fail(`event is ${e.date} ${e.start}, expected ${p.date} ${pad2(p.hour)}:00`);
    if (!normText(e.location).includes(normText(p.place))) return fail(`location "${e.location}" does not mention ${p.place}`);
    if (e.reminder !== p.reminder) return fail(`reminder ${e.reminder} min, expected ${p.reminder}`);
    return othersIntact(initial, final, []) ?? pass('meeting created');
  }),
  solution: (p, phone) => [OPEN, ...gotoDay(phone, p.date), { do: 'tap', id: 'add-event' }, { do: 'tap', id: 'title-input' }, { do: 'type', text: `和${p.person}开会` },
    ...setTime('start', `${pad2(p.hour)}:00`), { do: 'tap', id: 'location-input' }, { do: 'type', text: p.place },
    { do: 'tap', id: 'reminder-row' }, { do: 'tap', text: p.reminder === 60 ? '1 hour before' : `${p.reminder} minutes before` }, { do: 'tap', id: 'save-event' }, { do: 'complete' }],
  wrongEnds: (p) => {
    const e = (ph: PhoneState) => K(ph).events.find((x) => x.title.includes(p.person))!;
    return [
      { name: 'default reminder', mutate: (ph) => { e(ph).reminder = 10; } },
      { name: 'morning/afternoon mixed up', mutate: (ph) => { e(ph).start = `${pad2((p.hour + 12) % 24)}:00`; } },
      { name: 'no location', mutate: (ph) => { e(ph).location = ''; } },
    ];
  },
};

interface AfternoonP { date: string; titles: string[] }
const afternoon: TaskTemplate<AfternoonP> = {
  id: 'calendar.afternoon-agenda', app: 'calendar', scenario: 'system', type: 'query', complexity: 'atomic', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const date = addDays(dateOf(phone.system.clock), rng.int(2, 7));
    const existing = eventsOn(K(phone), date).filter((e) => e.start && minutesOf(e.start) >= 720 && minutesOf(e.start) < 1080).map((e) => e.title);
    return { date, titles: existing.length ? existing : [rng.pick(EVENT_POOL.filter((x) => !x.allDay)).title] };
  },
  setup: (phone, p) => {
    const s = K(phone);
    const has = eventsOn(s, p.date).some((e) => e.start && minutesOf(e.start) >= 720 && minutesOf(e.start) < 1080);
    if (!has) {
      const pool = EVENT_POOL.find((x) => x.title === p.titles[0])!;
      s.events.push({ id: `e${s.nextId++}`, title: pool.title, date: p.date, start: '14:30', end: '15:30', location: pool.location, reminder: 15, calendar: pool.calendar, notes: '' });
    }
  },
  instruction: (p) => `What's on my calendar this coming ${WEEKDAY_EN[weekday(p.date)]} afternoon?`,
  expect: 'complete',
  verify: (_f, answer, p) => {
    const missing = p.titles.filter((t) => !mentions(answer, [t]));
    return missing.length ? fail(`the answer misses ${missing.join(', ')}`) : pass('all afternoon events named');
  },
  solution: (p, phone) => [OPEN, ...gotoDay(phone, p.date), { do: 'complete', answer: p.titles.join('; ') }],
  wrongEnds: (p) => [{ name: 'nothing', answer: 'You have nothing planned.' }, { name: 'only part', answer: p.titles.length > 1 ? p.titles[0] : 'Weekly sync' }],
};

interface CountP { from: string; count: number }
const countWeek: TaskTemplate<CountP> = {
  id: 'calendar.count-week-events', app: 'calendar', scenario: 'system', type: 'analyze', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const t = dateOf(phone.system.clock);
    const monday = addDays(t, ((8 - weekday(t)) % 7 || 7) + 7 * rng.int(0, 3));
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    return { from: monday, count: days.reduce((n, d) => n + eventsOn(K(phone), d).length, 0) };
  },
  instruction: (p) => `How many events do I have in the week from Monday ${monthDay(p.from)} to Sunday ${monthDay(addDays(p.from, 6))}?`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.count) ? pass(`${p.count} events`) : fail(`expected ${p.count}, got "${answer ?? ''}"`)),
  solution: (p, phone) => [OPEN, ...Array.from({ length: 7 }, (_, i) => gotoDay(phone, addDays(p.from, i)).slice(-1)[0]).reduce<SemanticStep[]>((acc, s, i) => {
    // cross into the next month when the week does
    const d = addDays(p.from, i);
    const prev = i ? addDays(p.from, i - 1) : dateOf(phone.system.clock);
    const months = (Number(d.slice(0, 4)) - Number(prev.slice(0, 4))) * 12 + Number(d.slice(5, 7)) - Number(prev.slice(5, 7));
    return [...acc, ...Array.from({ length: months }, () => ({ do: 'tap', id: 'next-month' }) as SemanticStep), s];
  }, []), { do: 'complete', answer: String(p.count) }],
  wrongEnds: (p) => [{ name: 'one more', answer: String(p.count + 1) }, { name: 'one less', answer: String(p.count - 1) }, { name: 'no number', answer: 'a lot' }],
};

interface HolP { name: string; date: string }
const HOL_ALIASES: Record<number, string[]> = {
  0: ['星期日', '星期天', '周日', '礼拜天', 'sunday'], 1: ['星期一', '周一', 'monday'], 2: ['星期二', '周二', 'tuesday'], 3: ['星期三', '周三', 'wednesday'],
  4: ['星期四', '周四', 'thursday'], 5: ['星期五', '周五', 'friday'], 6: ['星期六', '周六', 'saturday'],
};
const holidayDay: TaskTemplate<HolP> = {
  id: 'calendar.holiday-weekday', app: 'calendar', scenario: 'system', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => {
    const t = dateOf(phone.system.clock);
    const [date, name] = rng.pick(Object.entries(HOLIDAYS).filter(([d, n]) => d > t && d <= addDays(t, 75) && /[\u4e00-\u9fff]/.test(n)));
    return { name, date };
  },
  instruction: (p) => `${p.date.slice(0, 4) === '2026' ? '今年' : '明年'}的${p.name}是几月几号？星期几？`,
  expect: 'complete',
  verify: (_f, answer, p) => {
    const wd = weekday(p.date);
    const others = Object.entries(HOL_ALIASES).filter(([k]) => Number(k) !== wd).flatMap(([, v]) => v);
    if (!mentions(answer, HOL_ALIASES[wd]) || mentions(answer, others)) return fail(`expected ${HOL_ALIASES[wd][0]}, got "${answer ?? ''}"`);
    return hasNumber(answer, Number(p.date.slice(8))) ? pass('right date and weekday') : fail(`expected the day ${Number(p.date.slice(8))} in "${answer ?? ''}"`);
  },
  solution: (p, phone) => [OPEN, ...gotoDay(phone, p.date), { do: 'complete', answer: `${zhDate(p.date)}，${WEEKDAYS_ZH[weekday(p.date)].replace('周', '星期')}` }],
  wrongEnds: (p) => [
    { name: 'day before', answer: `${zhDate(addDays(p.date, -1))}，${HOL_ALIASES[weekday(addDays(p.date, -1))][0]}` },
    { name: 'weekday only, wrong', answer: HOL_ALIASES[(weekday(p.date) + 1) % 7][0] },
  ],
};

interface CondP { date: string; evening: string[] }
const evening: TaskTemplate<CondP> = {
  id: 'calendar.clear-evening-or-block', app: 'calendar', scenario: 'system', type: 'filter', complexity: 'conditional', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const date = addDays(dateOf(phone.system.clock), rng.int(1, 14));
    return { date, evening: eventsOn(K(phone), date).filter((e) => e.start && minutesOf(e.start) >= 1080).map((e) => e.id) };
  },
  instruction: (p) => `If I have anything after 6 pm on ${fmtDate(p.date)}, cancel it. If that evening is free, block 19:00-21:00 as "Family dinner".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withCal(final, (s) => {
    if (p.evening.length) {
      const left = s.events.filter((e) => p.evening.includes(e.id));
      if (left.length) return fail(`still on ${p.date}: ${left.map((e) => e.title).join(', ')}`);
      if (added(initial, final).length) return fail('the evening was busy, nothing should be added');
      return othersIntact(initial, final, p.evening) ?? pass('evening cleared');
    }
    const e = added(initial, final).find((x) => normText(x.title) === normText('Family dinner'));
    if (!e || e.date !== p.date || e.start !== '19:00' || e.end !== '21:00') return fail(`expected "Family dinner" ${p.date} 19:00-21:00, found ${e ? `${e.date} ${e.start}-${e.end}` : 'none'}`);
    return othersIntact(initial, final, []) ?? pass('evening blocked');
  }),
  solution: (p, phone) => {
    const go = [OPEN, ...gotoDay(phone, p.date)];
    if (p.evening.length) return [...go, ...p.evening.flatMap((id) => [{ do: 'tap', id: `event-${id}` }, { do: 'tap', id: 'delete-event' }, { do: 'tap', text: 'Delete' }] as SemanticStep[]), { do: 'complete' }];
    return [...go, { do: 'tap', id: 'add-event' }, { do: 'tap', id: 'title-input' }, { do: 'type', text: 'Family dinner' }, ...setTime('start', '19:00'), ...setTime('end', '21:00'), { do: 'tap', id: 'save-event' }, { do: 'complete' }];
  },
  wrongEnds: (p) => (p.evening.length
    ? [{ name: 'kept', mutate: (ph) => { const init = K(ph); init.events = init.events.filter((e) => !p.evening.includes(e.id)); init.events.push({ id: p.evening[0], title: 'x', date: p.date, start: '19:00', end: '20:00', location: '', reminder: null, calendar: 'Personal', notes: '' }); } },
      { name: 'also added dinner', mutate: (ph) => { K(ph).events.push({ id: 'e9999', title: 'Family dinner', date: p.date, start: '19:00', end: '21:00', location: '', reminder: null, calendar: 'Personal', notes: '' }); } }]
    : [{ name: 'ends at 20:00', mutate: (ph) => { K(ph).events.find((e) => e.title === 'Family dinner')!.end = '20:00'; } },
      { name: 'not added', mutate: (ph) => { K(ph).events = K(ph).events.filter((e) => e.title !== 'Family dinner'); } }]),
};

interface MoveP { id: string; title: string; from: string; to: string; start: string }
const move: TaskTemplate<MoveP> = {
  id: 'calendar.move-event', app: 'calendar', scenario: 'system', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const t = dateOf(phone.system.clock);
    const s = K(phone);
    const cands = s.events.filter((e) => e.start && e.date > t && e.date <= addDays(t, 20) && s.events.filter((x) => x.title === e.title && x.date === e.date).length === 1 && e.title !== '周会 Weekly sync');
    const e = rng.pick(cands);
    return { id: e.id, title: e.title, from: e.date, to: addDays(e.date, rng.pick([1, 2, 3, 7])), start: e.start! };
  },
  instruction: (p) => `Move "${p.title}" on ${monthDay(p.from)} to ${monthDay(p.to)}, same time.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withCal(final, (s) => {
    const e = s.events.find((x) => x.id === p.id);
    if (!e) return fail(`"${p.title}" was deleted`);
    if (e.date !== p.to || e.start !== p.start) return fail(`"${p.title}" is on ${e.date} ${e.start}, expected ${p.to} ${p.start}`);
    if (added(initial, final).length) return fail('a new event was created instead of moving');
    return othersIntact(initial, final, [p.id]) ?? pass('event moved');
  }),
  solution: (p, phone) => {
    const diff = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7));
    return [OPEN, ...gotoDay(phone, p.from), { do: 'tap', id: `event-${p.id}` }, { do: 'tap', id: 'edit-event' }, { do: 'tap', id: 'date-row' },
      ...Array.from({ length: diff }, () => ({ do: 'tap', id: 'pick-next' }) as SemanticStep), { do: 'tap', id: `pick-${p.to}` }, { do: 'tap', id: 'save-event' }, { do: 'complete' }];
  },
  wrongEnds: (p) => [
    { name: 'unchanged', mutate: (ph) => { K(ph).events.find((x) => x.id === p.id)!.date = p.from; } },
    { name: 'time lost', mutate: (ph) => { const e = K(ph).events.find((x) => x.id === p.id)!; e.start = null; e.end = null; } },
    { name: 'copied, not moved', mutate: (ph) => { const e = K(ph).events.find((x) => x.id === p.id)!; K(ph).events.push({ ...e, id: 'e9999' }); e.date = p.from; } },
  ],
};

export const CALENDAR_TASKS: TaskTemplate[] = [create, meetZh, afternoon, countWeek, holidayDay, evening, move];
