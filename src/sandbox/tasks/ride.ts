/** RideNow tasks: booking by class and place, fares, comparisons, cancelling, trip history. */
import type { PhoneState, SemanticStep, TaskTemplate, VerifyResult } from '../framework.js';
import type { Rng } from '../../core/random.js';
import { CANCEL_REASONS, CLASSES, addTrip, classById, fare, place, type ClassId, type RideState, type Trip } from '../apps/ride/data.js';
import { fail, hasNumber, mentions, pass } from './answers.js';

const APP = 'RideNow';
const ride = (p: PhoneState) => p.apps.ride as RideState;

/** Trips that did not exist in the initial state. */
function newTrips(final: PhoneState, initial: PhoneState): Trip[] {
  const before = new Set(ride(initial).trips.map((t) => t.id));
  return ride(final).trips.filter((t) => !before.has(t.id));
}

function names(s: RideState, id: string): string[] {
  const p = place(s, id);
  return [p.name, p.en];
}

/** Exactly one new active trip, and it is from -> to in class cls. */
function checkBooked(final: PhoneState, initial: PhoneState, from: string, to: string, cls: ClassId): VerifyResult {
  const s = ride(final);
  const live = newTrips(final, initial).filter((t) => t.status === 'active');
  if (live.length !== 1) return fail(`expected exactly one new active ride, found ${live.length}`);
  const t = live[0];
  const want = `${place(s, from).en} -> ${place(s, to).en} (${classById(cls).en})`;
  const got = `${place(s, t.pickup).en} -> ${place(s, t.dest).en} (${classById(t.cls).en})`;
  return t.pickup === from && t.dest === to && t.cls === cls ? pass(`booked ${got}`) : fail(`expected ${want}, booked ${got}`);
}

function checkNothingBooked(final: PhoneState, initial: PhoneState): VerifyResult | null {
  const live = newTrips(final, initial).filter((t) => t.status !== 'cancelled');
  return live.length ? fail(`the task only asked for information, but ${live.length} ride(s) were booked`) : null;
}

/** Reference path: optional pickup change, destination by search, class, book. */
function bookSteps(s: RideState, from: string, to: string, cls: ClassId, lang: 'en' | 'zh'): SemanticStep[] {
  const steps: SemanticStep[] = [{ do: 'open_app', app: APP }];
  const q = (id: string) => (lang === 'zh' ? place(s, id).name : place(s, id).en);
  if (from !== s.pickup) {
    steps.push({ do: 'tap', id: 'pickup-entry' }, { do: 'type', text: q(from), into: { id: 'search-input' } }, { do: 'tap', id: `place-${from}` });
  }
  steps.push({ do: 'tap', id: 'dest-entry' }, { do: 'type', text: q(to), into: { id: 'search-input' } }, { do: 'tap', id: `place-${to}` });
  steps.push({ do: 'tap', id: `class-${cls}` }, { do: 'tap', id: 'book-btn' });
  return steps;
}

/** A destination that is neither the pickup nor (optionally) home/work, so tasks read naturally. */
function pickDest(rng: Rng, s: RideState, not: string[]): string {
  const pool = s.places.filter((p) => !not.includes(p.id));
  return rng.pick(pool).id;
}

/** Wrong ends for booking tasks: wrong class, wrong destination, nothing booked. */
function bookingWrongEnds(to: string, cls: ClassId) {
  return [
    { name: 'wrong class', mutate: (p: PhoneState) => { const t = ride(p).trips.find((x) => x.status === 'active')!; t.cls = cls === 'express' ? 'comfort' : 'express'; } },
    { name: 'wrong destination', mutate: (p: PhoneState) => { const t = ride(p).trips.find((x) => x.status === 'active')!; t.dest = ride(p).places.find((x) => x.id !== to && x.id !== t.pickup)!.id; } },
    { name: 'booked then cancelled', mutate: (p: PhoneState) => { ride(p).trips.find((x) => x.status === 'active')!.status = 'cancelled'; } },
  ];
}

interface BookP { from: string; to: string; cls: ClassId; fromName: string; toName: string }

const bookClass: TaskTemplate<BookP> = {
  id: 'ride.book-class', app: 'ride', scenario: 'transportation', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = ride(phone);
    const from = rng.chance(0.5) ? s.current : pickDest(rng, s, []);
    const to = pickDest(rng, s, [from]);
    return { from, to, cls: rng.pick(CLASSES).id, fromName: place(s, from).en, toName: place(s, to).en };
  },
  instruction: (p) => `Book a ${classById(p.cls).en} ride from ${p.fromName} to ${p.toName}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => checkBooked(final, initial, p.from, p.to, p.cls),
  solution: (p, phone) => [...bookSteps(ride(phone), p.from, p.to, p.cls, 'en'), { do: 'complete' }],
  wrongEnds: (p) => bookingWrongEnds(p.to, p.cls),
};

interface FareP { to: string; cls: ClassId; toName: string; fare: number; other: number }

const fareQuery: TaskTemplate<FareP> = {
  id: 'ride.fare-query', app: 'ride', scenario: 'transportation', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = ride(phone);
    const to = rng.chance(0.4) ? rng.pick(['pvg2', 'pvg1', 'hqrs', 'sha2']) : pickDest(rng, s, [s.current]);
    const cls = rng.pick(CLASSES).id;
    const other = CLASSES.find((c) => c.id !== cls)!.id;
    return { to, cls, toName: place(s, to).en, fare: fare(s, s.current, to, cls), other: fare(s, s.current, to, other) };
  },
  instruction: (p) => `How much is a ${classById(p.cls).en} ride from where I am now to ${p.toName}? Just tell me the estimated fare, don't book.`,
  expect: 'complete',
  verify(final, answer, p, initial) {
    const booked = checkNothingBooked(final, initial);
    if (booked) return booked;
    return hasNumber(answer, p.fare) ? pass(`answer states ¥${p.fare}`) : fail(`expected the fare ¥${p.fare}, answer was "${answer ?? ''}"`);
  },
  solution: (p, phone) => {
    const s = ride(phone);
    return [{ do: 'open_app', app: APP }, { do: 'tap', id: 'dest-entry' }, { do: 'type', text: place(s, p.to).en, into: { id: 'search-input' } },
      { do: 'tap', id: `place-${p.to}` }, { do: 'complete', answer: `The ${classById(p.cls).en} fare is about ¥${p.fare}.` }];
  },
  wrongEnds: (p) => [
    { name: 'fare of another class', answer: `¥${p.other}` },
    { name: 'no number', answer: 'It is affordable.' },
    { name: 'booked the ride as well', mutate: (ph) => { const s = ride(ph); addTrip(s, s.current, p.to, p.cls, 'active', '2026-11-26 09:41'); } },
  ],
};

interface CompareP { a: string; b: string; aName: string; bName: string; fa: number; fb: number }

const compareFares: TaskTemplate<CompareP> = {
  id: 'ride.compare-fares', app: 'ride', scenario: 'transportation', type: 'analyze', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const s = ride(phone);
    for (;;) {
      const a = pickDest(rng, s, [s.current]);
      const b = pickDest(rng, s, [s.current, a]);
      const fa = fare(s, s.current, a, 'comfort');
      const fb = fare(s, s.current, b, 'express');
      if (fa !== fb) return { a, b, aName: place(s, a).en, bName: place(s, b).en, fa, fb };
    }
  },
  instruction: (p) => `From where I am, which is cheaper: a Comfort ride to ${p.aName} or an Express ride to ${p.bName}? Reply with just the cheaper fare.`,
  expect: 'complete',
  verify(final, answer, p, initial) {
    const booked = checkNothingBooked(final, initial);
    if (booked) return booked;
    const lo = Math.min(p.fa, p.fb);
    const hi = Math.max(p.fa, p.fb);
    if (!hasNumber(answer, lo)) return fail(`expected the cheaper fare ¥${lo}, answer was "${answer ?? ''}"`);
    if (hasNumber(answer, hi)) return fail(`answer also gives the dearer fare ¥${hi}, so it does not pick one`);
    return pass(`answer gives the cheaper fare ¥${lo}`);
  },
  solution: (p, phone) => {
    const s = ride(phone);
    const lo = Math.min(p.fa, p.fb);
    return [{ do: 'open_app', app: APP }, { do: 'tap', id: 'dest-entry' }, { do: 'type', text: place(s, p.a).en, into: { id: 'search-input' } },
      { do: 'tap', id: `place-${p.a}` }, { do: 'tap', id: 'dest-row' }, { do: 'type', text: place(s, p.b).en, into: { id: 'search-input' } },
      { do: 'tap', id: `place-${p.b}` }, { do: 'complete', answer: `¥${lo}` }];
  },
  wrongEnds: (p) => [
    { name: 'the dearer fare', answer: `¥${Math.max(p.fa, p.fb)}` },
    { name: 'both fares', answer: `Comfort ¥${p.fa}, Express ¥${p.fb}` },
  ],
};

interface HomeP { home: string; from: string }

const bookHomeZh: TaskTemplate<HomeP> = {
  id: 'ride.book-home', app: 'ride', scenario: 'transportation', type: 'filter', complexity: 'atomic', ambiguity: 'mid', lang: 'zh',
  params: (_rng, phone) => ({ home: ride(phone).home, from: ride(phone).current }),
  instruction: () => '帮我叫辆车回家，就从我现在的位置出发。',
  expect: 'complete',
  verify: (final, _a, p, initial) => checkBooked(final, initial, p.from, p.home, 'express'),
  solution: () => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'shortcut-home' }, { do: 'tap', id: 'book-btn' }, { do: 'complete' }],
  wrongEnds: (p) => bookingWrongEnds(p.home, 'express'),
};

interface CancelP { trip: string; reason: string; said: string }
const REASON_EN = ['the driver is too far away', 'my plans changed', 'the driver asked me to cancel', 'I have waited too long', 'I booked the wrong car class'];

const cancelActive: TaskTemplate<CancelP> = {
  id: 'ride.cancel-active', app: 'ride', scenario: 'transportation', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const i = rng.int(0, CANCEL_REASONS.length - 1);
    return { trip: `T${1000 + ride(phone).nextId}`, reason: CANCEL_REASONS[i], said: REASON_EN[i] };
  },
  setup(phone) {
    const s = ride(phone);
    const to = s.places.find((x) => x.id !== s.current && x.id !== s.home)!.id;
    addTrip(s, s.current, to, 'express', 'active', '2026-11-26 09:36');
  },
  instruction: (p) => `Cancel the ride I just booked; the reason is that ${p.said}.`,
  expect: 'complete',
  verify(final, _a, p) {
    const t = ride(final).trips.find((x) => x.id === p.trip);
    if (!t) return fail(`trip ${p.trip} is missing`);
    if (t.status !== 'cancelled') return fail(`trip ${p.trip} is ${t.status}, expected cancelled`);
    return t.reason === p.reason ? pass('cancelled with the right reason') : fail(`cancel reason "${t.reason}", expected "${p.reason}"`);
  },
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'active-trip' }, { do: 'tap', id: 'cancel-btn' }, { do: 'tap', text: p.reason }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'not cancelled', mutate: (ph) => { const t = ride(ph).trips.find((x) => x.id === p.trip)!; t.status = 'active'; delete t.reason; } },
    { name: 'wrong reason', mutate: (ph) => { ride(ph).trips.find((x) => x.id === p.trip)!.reason = CANCEL_REASONS.find((r) => r !== p.reason); } },
  ],
};

interface LastP { dest: string; names: string[]; fare: number }

const lastTripZh: TaskTemplate<LastP> = {
  id: 'ride.last-trip', app: 'ride', scenario: 'transportation', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params(_rng, phone) {
    const s = ride(phone);
    const t = s.trips.filter((x) => x.status === 'completed').at(-1)!;
    return { dest: t.dest, names: names(s, t.dest), fare: t.fare };
  },
  instruction: () => '我最近一次完成的打车行程是去哪里的？花了多少钱？',
  expect: 'complete',
  verify(_f, answer, p) {
    if (!mentions(answer, p.names)) return fail(`expected the destination ${p.names[0]}, answer was "${answer ?? ''}"`);
    return hasNumber(answer, p.fare) ? pass('destination and fare are right') : fail(`expected the fare ¥${p.fare}, answer was "${answer ?? ''}"`);
  },
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-trips' }, { do: 'complete', answer: `去了${p.names[0]}，花了${p.fare}元` }],
  wrongEnds: (p) => [
    { name: 'wrong fare', answer: `去了${p.names[0]}，花了${p.fare + 7}元` },
    { name: 'no destination', answer: `花了${p.fare}元` },
  ],
};

interface CondP { to: string; toName: string; limit: number; premium: number }

const bookConditional: TaskTemplate<CondP> = {
  id: 'ride.book-if-cheap', app: 'ride', scenario: 'transportation', type: 'filter', complexity: 'conditional', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = ride(phone);
    const to = pickDest(rng, s, [s.current]);
    const premium = fare(s, s.current, to, 'premium');
    // Round limits either side of the real fare, so both branches occur across seeds.
    const limit = Math.max(40, Math.round((premium + (rng.chance(0.5) ? 1 : -1) * rng.int(5, 40)) / 10) * 10);
    return { to, toName: place(s, to).en, limit: limit === premium ? limit + 10 : limit, premium };
  },
  instruction: (p) => `If a Premium ride from here to ${p.toName} costs less than ¥${p.limit}, book Premium; otherwise book an Express ride there.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => checkBooked(final, initial, ride(initial).current, p.to, p.premium < p.limit ? 'premium' : 'express'),
  solution: (p, phone) => [...bookSteps(ride(phone), ride(phone).current, p.to, p.premium < p.limit ? 'premium' : 'express', 'en'), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'other branch', mutate: (ph) => { ride(ph).trips.find((x) => x.status === 'active')!.cls = p.premium < p.limit ? 'express' : 'premium'; } },
    { name: 'nothing booked', mutate: (ph) => { const s = ride(ph); s.trips = s.trips.filter((x) => x.status !== 'active'); } },
  ],
};

interface GroupP { to: string; toName: string; people: number }

const bookGroupInfo: TaskTemplate<GroupP> = {
  id: 'ride.book-for-group', app: 'ride', scenario: 'transportation', type: 'filter', complexity: 'composite', ambiguity: 'high', lang: 'en',
  params(rng, phone) {
    const s = ride(phone);
    const to = rng.pick(['dsn', 'pvg2', 'hqrs', 'zoo', 'cpk', 'qb']);
    return { to, toName: place(s, to).en, people: rng.int(5, 6) };
  },
  instruction: (p) => `Get a car to take my family to ${p.toName} from here.`,
  reply: (p) => `There are ${p.people} of us, with luggage.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => checkBooked(final, initial, ride(initial).current, p.to, 'xl'),
  solution: (p, phone) => {
    const s = ride(phone);
    return [{ do: 'open_app', app: APP }, { do: 'tap', id: 'dest-entry' }, { do: 'type', text: place(s, p.to).en, into: { id: 'search-input' } },
      { do: 'tap', id: `place-${p.to}` }, { do: 'info', question: 'How many people are travelling? A 4-seat car or the 6-seat XL?' },
      { do: 'tap', id: 'class-xl' }, { do: 'tap', id: 'book-btn' }, { do: 'complete' }];
  },
  wrongEnds: (p) => bookingWrongEnds(p.to, 'xl'),
};

const NOWHERE = [['崇明东滩湿地公园', 'Chongming Dongtan Wetland'], ['朱家角古镇', 'Zhujiajiao Water Town'], ['上海天文馆', 'Shanghai Astronomy Museum'], ['辰山植物园', 'Chenshan Botanical Garden']];
interface NowhereP { name: string; en: string }

const bookUnknown: TaskTemplate<NowhereP> = {
  id: 'ride.book-unknown-place', app: 'ride', scenario: 'transportation', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params(rng) {
    const [name, en] = rng.pick(NOWHERE);
    return { name, en };
  },
  instruction: (p) => `帮我叫一辆快车去${p.name}。`,
  expect: 'abort',
  verify(final, _a, _p, initial) {
    const made = newTrips(final, initial).filter((t) => t.status === 'active');
    return made.length ? fail(`the place is not in the app, yet a ride to ${made[0].dest} was booked`) : pass('no ride booked for a place the app does not know');
  },
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'dest-entry' }, { do: 'type', text: p.name, into: { id: 'search-input' } },
    { do: 'abort', reason: `RideNow 搜不到“${p.name}”，无法叫车` }],
  wrongEnds: () => [
    { name: 'booked somewhere else', mutate: (ph) => { const s = ride(ph); addTrip(s, s.current, s.home, 'express', 'active', '2026-11-26 09:41'); } },
    { name: 'booked to work', mutate: (ph) => { const s = ride(ph); addTrip(s, s.current, s.work, 'express', 'active', '2026-11-26 09:41'); } },
  ],
};

interface CommuteP { home: string; work: string }

const homeToWorkZh: TaskTemplate<CommuteP> = {
  id: 'ride.book-home-to-work', app: 'ride', scenario: 'transportation', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'zh',
  params: (_rng, phone) => ({ home: ride(phone).home, work: ride(phone).work }),
  instruction: () => '帮我叫一辆优享，从家里出发去公司。',
  expect: 'complete',
  verify: (final, _a, p, initial) => checkBooked(final, initial, p.home, p.work, 'comfort'),
  solution: () => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'pickup-entry' }, { do: 'tap', id: 'saved-home' }, { do: 'tap', id: 'shortcut-work' },
    { do: 'tap', id: 'class-comfort' }, { do: 'tap', id: 'book-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    ...bookingWrongEnds(p.work, 'comfort'),
    { name: 'picked up at the current location', mutate: (ph) => { const s = ride(ph); s.trips.find((x) => x.status === 'active')!.pickup = s.places.find((x) => x.id !== p.home && x.id !== p.work)!.id; } },
  ],
};

export const RIDE_TASKS: TaskTemplate[] = [bookClass, fareQuery, compareFares, bookHomeZh, cancelActive, lastTripZh, bookConditional, bookGroupInfo, bookUnknown, homeToWorkZh];
