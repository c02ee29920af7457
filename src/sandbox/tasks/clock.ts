/** Task templates for the Clock app: alarms, world clock, timer. */
import type { PhoneState, SemanticStep, TaskTemplate, VerifyResult } from '../framework.js';
import { CITIES, HOME_OFFSET, WEEKDAYS, WEEKEND, cityTime, repeatText, sameDays, secondsEntry, type Alarm, type ClockState } from '../apps/clock/data.js';
import { hasTime, zhTime } from '../apps/clock/answers.js';
import { addDays, dateOf, pad2, weekday } from '../apps/settings/kit.js';
import { fail, normText, pass } from './answers.js';

const C = (p: PhoneState) => p.apps.clock as ClockState;
const OPEN = { do: 'open_app', app: 'Clock' } as const;
const t2 = (h: number, m: number) => `${pad2(h)}:${pad2(m)}`;
const DAY_ID = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Taps that set the editor's time picker to h:m (5-minute grid plus +1 steps). */
function pickSteps(h: number, m: number): SemanticStep[] {
  const base = m - (m % 5);
  return [{ do: 'tap', id: `hour-${h}` }, { do: 'tap', id: `min-${base}` }, ...Array.from({ length: m % 5 }, () => ({ do: 'tap', id: 'min-plus' }) as SemanticStep)];
}

function withClock(final: PhoneState, f: (s: ClockState) => VerifyResult): VerifyResult {
  const s = C(final);
  return s ? f(s) : fail('the phone has no clock data');
}

/** Alarms other than those touched must be left as they were. */
function othersIntact(initial: PhoneState, final: PhoneState, touched: string[]): VerifyResult | null {
  for (const a of C(initial).alarms) {
    if (touched.includes(a.id)) continue;
    const b = C(final).alarms.find((x) => x.id === a.id);
    if (!b) return fail(`alarm ${t2(a.hour, a.minute)} "${a.label}" was deleted`);
    if (JSON.stringify(a) !== JSON.stringify(b)) return fail(`alarm ${t2(a.hour, a.minute)} "${a.label}" was changed`);
  }
  return null;
}

function newAlarms(initial: PhoneState, final: PhoneState): Alarm[] {
  const ids = new Set(C(initial).alarms.map((a) => a.id));
  return C(final).alarms.filter((a) => !ids.has(a.id));
}

interface AddP { hour: number; minute: number; days: number[]; label: string }
const LABELS = ['Gym', 'Swim', 'Team call', 'Meditate', 'Take vitamins', 'Bus', 'Language class'];
const addAlarm: TaskTemplate<AddP> = {
  id: 'clock.add-alarm-repeating', app: 'clock', scenario: 'system', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const used = new Set(C(phone).alarms.map((a) => a.label));
    return { hour: rng.int(5, 21), minute: rng.pick([0, 10, 15, 20, 30, 40, 45, 50, 5, 35, 12, 48]), days: rng.chance(0.6) ? WEEKDAYS : WEEKEND, label: rng.pick(LABELS.filter((l) => !used.has(l))) };
  },
  instruction: (p) => `Set an alarm for ${t2(p.hour, p.minute)} on ${p.days.length === 5 ? 'weekdays' : 'weekends'} labelled "${p.label}".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withClock(final, () => {
    const added = newAlarms(initial, final);
    const hit = added.find((a) => a.hour === p.hour && a.minute === p.minute);
    if (!hit) return fail(`no new alarm at ${t2(p.hour, p.minute)} (new: ${added.map((a) => t2(a.hour, a.minute)).join(', ') || 'none'})`);
    if (!hit.enabled) return fail('the new alarm is switched off');
    if (!sameDays(hit.days, p.days)) return fail(`repeats ${repeatText(hit.days)}, expected ${repeatText(p.days)}`);
    if (normText(hit.label) !== normText(p.label)) return fail(`label is "${hit.label}", expected "${p.label}"`);
    if (added.length > 1) return fail(`${added.length} alarms were added, expected one`);
    return othersIntact(initial, final, []) ?? pass('alarm added');
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'add-alarm' }, ...pickSteps(p.hour, p.minute), ...p.days.map((d) => ({ do: 'tap', id: `day-${DAY_ID[d]}` }) as SemanticStep),
    { do: 'tap', id: 'label-input' }, { do: 'type', text: p.label }, { do: 'tap', id: 'save-alarm' }, { do: 'complete' }],
  wrongEnds: (p) => {
    const last = (ph: PhoneState) => C(ph).alarms.find((a) => a.label === p.label)!;
    return [
      { name: 'every day', mutate: (ph) => { last(ph).days = [0, 1, 2, 3, 4, 5, 6]; } },
      { name: 'twelve hours off', mutate: (ph) => { last(ph).hour = (p.hour + 12) % 24; } },
      { name: 'no label', mutate: (ph) => { last(ph).label = ''; } },
      { name: 'switched off', mutate: (ph) => { last(ph).enabled = false; } },
    ];
  },
};

interface WakeP { hour: number; minute: number; tomorrow: number }
const wake: TaskTemplate<WakeP> = {
  id: 'clock.wake-me-tomorrow', app: 'clock', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'mid', lang: 'zh',
  params: (rng, phone) => {
    const taken = new Set(C(phone).alarms.map((a) => a.hour * 60 + a.minute));
    const options = [[6, 0], [6, 30], [7, 0], [7, 30], [8, 0], [5, 30], [6, 15], [7, 45]].filter(([h, m]) => !taken.has(h * 60 + m));
    const [hour, minute] = rng.pick(options);
    return { hour, minute, tomorrow: weekday(addDays(dateOf(phone.system.clock), 1)) };
  },
  instruction: (p) => `明天${zhTime(p.hour, p.minute)}叫我起床`,
  expect: 'complete',
  verify: (final, _a, p) => withClock(final, (s) => {
    const ok = s.alarms.find((a) => a.enabled && a.hour === p.hour && a.minute === p.minute && (!a.days.length || a.days.includes(p.tomorrow)));
    return ok ? pass(`alarm at ${t2(p.hour, p.minute)} rings tomorrow`) : fail(`no enabled alarm at ${t2(p.hour, p.minute)} that rings tomorrow`);
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'add-alarm' }, ...pickSteps(p.hour, p.minute), { do: 'tap', id: 'save-alarm' }, { do: 'complete' }],
  wrongEnds: (p) => {
    const mine = (ph: PhoneState) => C(ph).alarms.find((a) => a.hour === p.hour && a.minute === p.minute)!;
    return [
      { name: 'evening instead of morning', mutate: (ph) => { mine(ph).hour = p.hour + 12; } },
      { name: 'switched off', mutate: (ph) => { mine(ph).enabled = false; } },
      { name: 'repeats on other days only', mutate: (ph) => { mine(ph).days = [(p.tomorrow + 2) % 7]; } },
    ];
  },
};

const allOff: TaskTemplate<{ on: string[] }> = {
  id: 'clock.turn-off-all-alarms', app: 'clock', scenario: 'system', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const al = C(phone).alarms;
    const want = Math.max(3, al.filter((a) => a.enabled).length);
    return { on: rng.shuffle(al).slice(0, Math.min(al.length, want)).map((a) => a.id) };
  },
  setup: (phone, p) => { for (const a of C(phone).alarms) a.enabled = p.on.includes(a.id); },
  instruction: () => 'Turn off all my alarms, but don\'t delete them.',
  expect: 'complete',
  verify: (final, _a, _p, initial) => withClock(final, (s) => {
    if (s.alarms.length !== C(initial).alarms.length) return fail(`${C(initial).alarms.length - s.alarms.length} alarms were deleted`);
    const on = s.alarms.filter((a) => a.enabled);
    return on.length ? fail(`${on.length} alarms still on (${on.map((a) => t2(a.hour, a.minute)).join(', ')})`) : pass('all alarms off');
  }),
  solution: (p, phone) => [OPEN, ...C(phone).alarms.filter((a) => p.on.includes(a.id)).map((a) => ({ do: 'tap', id: `alarm-switch-${a.id}` }) as SemanticStep), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'one left on', mutate: (ph) => { C(ph).alarms.find((a) => a.id === p.on[p.on.length - 1])!.enabled = true; } },
    { name: 'deleted instead', mutate: (ph) => { C(ph).alarms = C(ph).alarms.filter((a) => !p.on.includes(a.id)); } },
  ],
};

interface QueryP { id: string; label: string; hour: number; minute: number }
const whenAlarm: TaskTemplate<QueryP> = {
  id: 'clock.when-is-alarm', app: 'clock', scenario: 'system', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const al = C(phone).alarms;
    const uniq = al.filter((a) => a.label && !al.some((b) => b !== a && b.label === a.label));
    const a = rng.pick(uniq);
    return { id: a.id, label: a.label, hour: a.hour, minute: a.minute };
  },
  instruction: (p) => `What time is my "${p.label}" alarm set for?`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasTime(answer, p.hour, p.minute) ? pass(`answer says ${t2(p.hour, p.minute)}`) : fail(`expected ${t2(p.hour, p.minute)}, got "${answer ?? ''}"`)),
  solution: (p) => [OPEN, { do: 'complete', answer: t2(p.hour, p.minute) }],
  wrongEnds: (p) => [{ name: 'an hour off', answer: t2((p.hour + 1) % 24, p.minute) }, { name: 'twelve hours off', answer: t2((p.hour + 12) % 24, p.minute) }, { name: 'no time', answer: 'I could not find it' }],
};

interface WorldP { cityId: string; name: string; time: string }
const worldTime: TaskTemplate<WorldP> = {
  id: 'clock.time-in-city', app: 'clock', scenario: 'system', type: 'query', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const c = rng.pick(CITIES.filter((x) => !C(phone).world.includes(x.id) && x.offset !== HOME_OFFSET));
    return { cityId: c.id, name: c.name, time: cityTime(phone.system.clock, c) };
  },
  instruction: (p) => `What time is it in ${p.name} right now? Add it to my world clock too.`,
  expect: 'complete',
  verify: (final, answer, p) => withClock(final, (s) => {
    if (!s.world.includes(p.cityId)) return fail(`${p.name} is not on the world clock`);
    const [h, m] = p.time.split(':').map(Number);
    return hasTime(answer, h, m) ? pass(`answer says ${p.time}`) : fail(`expected ${p.time} in ${p.name}, got "${answer ?? ''}"`);
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'tab-world' }, { do: 'tap', id: 'add-city' }, { do: 'tap', id: 'city-search' }, { do: 'type', text: p.name }, { do: 'tap', id: `city-${p.cityId}` }, { do: 'complete', answer: `It is ${p.time} in ${p.name}.` }],
  wrongEnds: (p) => [
    { name: 'local time given', answer: 'It is 09:41.' },
    { name: 'an hour off', answer: `It is ${t2((Number(p.time.slice(0, 2)) + 1) % 24, Number(p.time.slice(3)))}.` },
    { name: 'city not added', mutate: (ph) => { C(ph).world = C(ph).world.filter((x) => x !== p.cityId); } },
  ],
};

interface TimerP { minutes: number }
const timer: TaskTemplate<TimerP> = {
  id: 'clock.start-timer', app: 'clock', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng) => ({ minutes: rng.pick([2, 7, 12, 20, 25, 40, 45, 90]) }),
  instruction: (p) => `帮我开一个${p.minutes}分钟的倒计时`,
  expect: 'complete',
  verify: (final, _a, p) => withClock(final, (s) => {
    if (s.timer.state !== 'running') return fail(`the timer is ${s.timer.state}, not running`);
    return s.timer.seconds === p.minutes * 60 ? pass('timer running') : fail(`timer set to ${s.timer.seconds} s, expected ${p.minutes * 60} s`);
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'tab-timer' }, ...[...secondsEntry(p.minutes * 60)].map((d) => ({ do: 'tap', id: `key-${d}` }) as SemanticStep), { do: 'tap', id: 'timer-start' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'seconds instead of minutes', mutate: (ph) => { C(ph).timer.seconds = p.minutes; } },
    { name: 'not started', mutate: (ph) => { C(ph).timer = { entry: secondsEntry(p.minutes * 60), seconds: 0, state: 'idle' }; } },
    { name: 'paused', mutate: (ph) => { C(ph).timer.state = 'paused'; } },
  ],
};

interface CondP { label: string; exists: boolean; id: string | null }
const deleteOrCreate: TaskTemplate<CondP> = {
  id: 'clock.delete-or-create-alarm', app: 'clock', scenario: 'system', type: 'filter', complexity: 'conditional', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const al = C(phone).alarms;
    const uniq = al.filter((a) => a.label && !al.some((b) => b !== a && b.label === a.label));
    if (rng.chance(0.5) && uniq.length) { const a = rng.pick(uniq); return { label: a.label, exists: true, id: a.id }; }
    return { label: rng.pick(['Call mom', 'Laundry', 'Read 30 min', 'Stretch'].filter((l) => !al.some((a) => a.label === l))), exists: false, id: null };
  },
  instruction: (p) => `If I have an alarm called "${p.label}", delete it. Otherwise create one for 21:00 today called "${p.label}".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withClock(final, (s) => {
    if (p.exists) {
      if (s.alarms.some((a) => a.id === p.id)) return fail(`the "${p.label}" alarm still exists`);
      return othersIntact(initial, final, [p.id!]) ?? pass('alarm deleted');
    }
    const hit = newAlarms(initial, final).find((a) => normText(a.label) === normText(p.label));
    if (!hit) return fail(`no new alarm called "${p.label}"`);
    if (hit.hour !== 21 || hit.minute !== 0 || !hit.enabled) return fail(`the new alarm is ${t2(hit.hour, hit.minute)}${hit.enabled ? '' : ' and off'}, expected 21:00 on`);
    return othersIntact(initial, final, []) ?? pass('alarm created');
  }),
  solution: (p) => (p.exists
    ? [OPEN, { do: 'tap', id: `alarm-${p.id}` }, { do: 'tap', id: 'delete-alarm' }, { do: 'complete' }]
    : [OPEN, { do: 'tap', id: 'add-alarm' }, ...pickSteps(21, 0), { do: 'tap', id: 'label-input' }, { do: 'type', text: p.label }, { do: 'tap', id: 'save-alarm' }, { do: 'complete' }]),
  wrongEnds: (p) => (p.exists
    ? [{ name: 'only switched off', mutate: (ph) => { const s = C(ph); s.alarms.push({ ...C(ph).alarms[0], id: p.id!, label: p.label, enabled: false }); } },
      { name: 'deleted everything', mutate: (ph) => { C(ph).alarms = []; } }]
    : [{ name: 'wrong time', mutate: (ph) => { C(ph).alarms.find((a) => a.label === p.label)!.hour = 9; } },
      { name: 'not created', mutate: (ph) => { C(ph).alarms = C(ph).alarms.filter((a) => a.label !== p.label); } }]),
};

interface MoveP { id: string; label: string; from: [number, number]; to: [number, number] }
const moveAsk: TaskTemplate<MoveP> = {
  id: 'clock.move-alarm-later-ask', app: 'clock', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'high', lang: 'en',
  params: (rng, phone) => {
    const al = C(phone).alarms;
    const a = rng.pick(al.filter((x) => x.label && x.hour < 22 && !al.some((b) => b !== x && b.label === x.label)));
    const later = a.hour * 60 + a.minute + rng.pick([15, 20, 30, 45, 60, 25]);
    return { id: a.id, label: a.label, from: [a.hour, a.minute], to: [Math.floor(later / 60), later % 60] };
  },
  instruction: (p) => `Push my "${p.label}" alarm later.`,
  reply: (p) => `Make it ${t2(...p.to)}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withClock(final, (s) => {
    const a = s.alarms.find((x) => x.id === p.id);
    if (!a) return fail(`the "${p.label}" alarm is gone`);
    if (a.hour !== p.to[0] || a.minute !== p.to[1]) return fail(`it rings at ${t2(a.hour, a.minute)}, the user asked for ${t2(...p.to)}`);
    const before = C(initial).alarms.find((x) => x.id === p.id)!;
    if (!sameDays(a.days, before.days) || a.label !== before.label) return fail('its repeat days or label changed');
    return othersIntact(initial, final, [p.id]) ?? pass('alarm moved');
  }),
  solution: (p) => [OPEN, { do: 'info', question: `What time should the "${p.label}" alarm ring instead of ${t2(...p.from)}?` }, { do: 'tap', id: `alarm-${p.id}` }, ...pickSteps(...p.to), { do: 'tap', id: 'save-alarm' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'unchanged', mutate: (ph) => { const a = C(ph).alarms.find((x) => x.id === p.id)!; [a.hour, a.minute] = p.from; } },
    { name: 'a guessed time', mutate: (ph) => { const a = C(ph).alarms.find((x) => x.id === p.id)!; a.minute = (p.to[1] + 5) % 60; } },
    { name: 'new alarm instead of moving', mutate: (ph) => { const a = C(ph).alarms.find((x) => x.id === p.id)!; C(ph).alarms.push({ ...a, id: 'a999' }); [a.hour, a.minute] = p.from; } },
  ],
};

export const CLOCK_TASKS: TaskTemplate[] = [addAlarm, wake, allOff, whenAlarm, worldTime, timer, deleteOrCreate, moveAsk];
