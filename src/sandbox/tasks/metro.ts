/** Metro tasks: route times and fares, transfers, line status, avoiding a line, nearest station. */
import type { Rng } from '../../core/random.js';
import type { PhoneState, SemanticStep, TaskTemplate } from '../framework.js';
import { disrupted, nearestStations, stationNames, type MetroState } from '../apps/metro/data.js';
import { LINES, STATIONS, line, station } from '../apps/metro/network.js';
import { planRoute, type Route } from '../apps/metro/route.js';
import { fail, hasNumber, mentions, numbersIn, pass } from './answers.js';

const APP = 'Metro';
const metro = (p: PhoneState) => p.apps.metro as MetroState;

function fastest(s: MetroState, from: string, to: string, avoid: string[] = []): Route | null {
  return planRoute(from, to, s.status, avoid, 'fastest');
}

/** Two distinct stations with a route between them that satisfies `ok`. */
function pickPair(rng: Rng, s: MetroState, ok: (r: Route) => boolean): { from: string; to: string; route: Route } {
  for (let i = 0; i < 500; i++) {
    const from = rng.pick(STATIONS).id;
    const to = rng.pick(STATIONS).id;
    if (from === to) continue;
    const route = fastest(s, from, to);
    if (route && ok(route)) return { from, to, route };
  }
  throw new Error('metro: no station pair fits the task');
}

/** Reference steps: choose both stations by typing their names, then search. */
function planSteps(from: string, to: string, lang: 'en' | 'zh'): SemanticStep[] {
  const q = (id: string) => (lang === 'zh' ? station(id).name : station(id).en);
  return [
    { do: 'open_app', app: APP },
    { do: 'tap', id: 'from-row' }, { do: 'type', text: q(from), into: { id: 'station-search' } }, { do: 'tap', id: `station-${from}` },
    { do: 'tap', id: 'to-row' }, { do: 'type', text: q(to), into: { id: 'station-search' } }, { do: 'tap', id: `station-${to}` },
    { do: 'tap', id: 'search-btn' },
  ];
}

interface PairP { from: string; to: string; fromName: string; toName: string; minutes: number; fare: number }

function pairParams(rng: Rng, phone: PhoneState, lang: 'en' | 'zh', ok: (r: Route) => boolean = () => true): PairP {
  const { from, to, route } = pickPair(rng, metro(phone), ok);
  const n = (id: string) => (lang === 'zh' ? station(id).name : station(id).en);
  return { from, to, fromName: n(from), toName: n(to), minutes: route.minutes, fare: route.fare };
}

const routeTime: TaskTemplate<PairP> = {
  id: 'metro.route-time', app: 'metro', scenario: 'transportation', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => pairParams(rng, phone, 'zh', (r) => r.transfers >= 1),
  instruction: (p) => `从${p.fromName}到${p.toName}怎么坐地铁？需要多长时间？`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.minutes) ? pass(`answer states ${p.minutes} minutes`) : fail(`expected ${p.minutes} 分钟, answer was "${answer ?? ''}"`)),
  solution: (p) => [...planSteps(p.from, p.to, 'zh'), { do: 'complete', answer: `最快路线约需${p.minutes}分钟` }],
  wrongEnds: (p) => [{ name: 'off by a transfer', answer: `约${p.minutes + 5}分钟` }, { name: 'no time', answer: '坐地铁就行' }],
};

const routeFare: TaskTemplate<PairP> = {
  id: 'metro.route-fare', app: 'metro', scenario: 'transportation', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => pairParams(rng, phone, 'en', (r) => r.fare >= 4),
  instruction: (p) => `How much is the metro fare from ${p.fromName} to ${p.toName}?`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.fare) ? pass(`answer states ¥${p.fare}`) : fail(`expected ¥${p.fare}, answer was "${answer ?? ''}"`)),
  solution: (p) => [...planSteps(p.from, p.to, 'en'), { do: 'complete', answer: `¥${p.fare}` }],
  wrongEnds: (p) => [{ name: 'wrong fare', answer: `¥${p.fare - 1}` }, { name: 'minutes instead of fare', answer: `${p.minutes} minutes` }],
};

interface XferP extends PairP { at: string; atNames: string[] }

const transferStation: TaskTemplate<XferP> = {
  id: 'metro.transfer-station', app: 'metro', scenario: 'transportation', type: 'query', complexity: 'atomic', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const p = pairParams(rng, phone, 'en', (r) => r.transfers === 1);
    const r = fastest(metro(phone), p.from, p.to)!;
    return { ...p, at: r.legs[1].from, atNames: stationNames(r.legs[1].from) };
  },
  instruction: (p) => `I'm taking the metro from ${p.fromName} to ${p.toName}. Where do I change trains?`,
  expect: 'complete',
  verify: (_f, answer, p) => (mentions(answer, p.atNames) ? pass(`answer names ${p.atNames[1]}`) : fail(`expected the transfer at ${p.atNames.join(' / ')}, answer was "${answer ?? ''}"`)),
  solution: (p) => [...planSteps(p.from, p.to, 'en'), { do: 'complete', answer: `Change at ${p.atNames[1]} (${p.atNames[0]}).` }],
  wrongEnds: (p) => [
    { name: 'origin instead', answer: `Change at ${p.fromName}` },
    { name: 'destination instead', answer: `Change at ${p.toName}` },
  ],
};

interface StatusP { lines: number[] }

const disruptedLines: TaskTemplate<StatusP> = {
  id: 'metro.disrupted-lines', app: 'metro', scenario: 'transportation', type: 'analyze', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (_rng, phone) => ({ lines: disrupted(metro(phone)).map((id) => line(id).no) }),
  instruction: () => 'Which metro lines have service problems right now? Give me the line numbers, or say none if all are running normally.',
  expect: 'complete',
  verify(_f, answer, p) {
    const a = answer ?? '';
    const nums = [...new Set(numbersIn(a))].sort((x, y) => x - y);
    const want = [...p.lines].sort((x, y) => x - y);
    if (!want.length) {
      return nums.length === 0 && /none|no line|all.*normal|没有|正常|无/i.test(a) ? pass('correctly says no line is disrupted') : fail(`all lines run normally, answer was "${a}"`);
    }
    return JSON.stringify(nums) === JSON.stringify(want) ? pass(`lines ${want.join(', ')}`) : fail(`expected lines ${want.join(', ')}, answer gave ${nums.join(', ') || 'none'}`);
  },
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-lines' },
    { do: 'complete', answer: p.lines.length ? `Line ${p.lines.join(' and line ')}` : 'None, all lines are running normally.' }],
  wrongEnds: (p) => [
    { name: 'lists every line', answer: LINES.map((l) => `line ${l.no}`).join(', ') },
    { name: 'wrong claim', answer: p.lines.length ? 'None, all normal' : `Line ${LINES[0].no}` },
  ],
};

interface AvoidP extends PairP { line: string; no: number; disrupt: boolean; answerMin: number; otherMin: number }

const avoidIfDisrupted: TaskTemplate<AvoidP> = {
  id: 'metro.avoid-if-disrupted', app: 'metro', scenario: 'transportation', type: 'analyze', complexity: 'conditional', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const s = structuredClone(metro(phone));
    const disrupt = rng.chance(0.5);
    for (let i = 0; i < 500; i++) {
      const l = rng.pick(LINES);
      // The task's line is normal unless this instance disrupts it (setup applies the same change).
      s.status[l.id] = disrupt ? { level: 'delay', delay: 10, note: '信号故障 Signal fault' } : { level: 'normal' };
      const { from, to, route } = pickPair(rng, s, (r) => r.legs.some((g) => g.line === l.id));
      const around = fastest(s, from, to, [l.id]);
      if (!around || around.minutes === route.minutes) { s.status[l.id] = metro(phone).status[l.id]; continue; }
      return { from, to, fromName: station(from).en, toName: station(to).en, minutes: route.minutes, fare: route.fare, line: l.id, no: l.no, disrupt,
        answerMin: disrupt ? around.minutes : route.minutes, otherMin: disrupt ? route.minutes : around.minutes };
    }
    throw new Error('metro: no pair for avoid task');
  },
  setup(phone, p) {
    metro(phone).status[p.line] = p.disrupt ? { level: 'delay', delay: 10, note: '信号故障 Signal fault' } : { level: 'normal' };
  },
  instruction: (p) => `If line ${p.no} has a disruption, find a metro route from ${p.fromName} to ${p.toName} that avoids line ${p.no} and tell me how long it takes; otherwise just tell me how long the fastest route takes.`,
  expect: 'complete',
  verify: (_f, answer, p) => {
    if (!hasNumber(answer, p.answerMin)) return fail(`expected ${p.answerMin} minutes (line ${p.no} ${p.disrupt ? 'is' : 'is not'} disrupted), answer was "${answer ?? ''}"`);
    return hasNumber(answer, p.otherMin) ? fail('answer gives both branches\' times') : pass(`${p.answerMin} minutes`);
  },
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-lines' }, { do: 'tap', id: 'tab-home' },
    ...planSteps(p.from, p.to, 'en').slice(1),
    ...(p.disrupt ? [{ do: 'tap', id: `avoid-${p.line}` } as SemanticStep] : []),
    { do: 'complete', answer: `${p.answerMin} minutes` }],
  wrongEnds: (p) => [{ name: 'other branch', answer: `${p.otherMin} minutes` }, { name: 'no time', answer: 'Take the metro.' }],
};

interface NearP { place: string; name: string; station: string; names: string[] }

const nearestStation: TaskTemplate<NearP> = {
  id: 'metro.nearest-station', app: 'metro', scenario: 'transportation', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = metro(phone);
    // Only places whose nearest station is clearly nearest (no near-tie a person could argue about).
    const ok = s.places.filter((p) => { const n = nearestStations(s, p.id, 2); return n[1].metres - n[0].metres >= 150; });
    const p = rng.pick(ok);
    const st = nearestStations(s, p.id, 1)[0].station;
    return { place: p.id, name: p.en, station: st.id, names: [st.name, st.en] };
  },
  instruction: (p) => `What's the closest metro station to ${p.name}?`,
  expect: 'complete',
  verify: (_f, answer, p) => (mentions(answer, p.names) ? pass(`answer names ${p.names[1]}`) : fail(`expected ${p.names.join(' / ')}, answer was "${answer ?? ''}"`)),
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-nearby' }, { do: 'tap', id: 'place-search' }, { do: 'type', text: p.name },
    { do: 'tap', id: `place-${p.place}` }, { do: 'complete', answer: `${p.names[1]} (${p.names[0]})` }],
  wrongEnds: (p, ) => [{ name: 'the place itself', answer: p.name }, { name: 'nothing', answer: 'Not sure' }],
};

interface StopsP { line: string; no: number; a: string; b: string; aName: string; bName: string; stops: number }

const countStops: TaskTemplate<StopsP> = {
  id: 'metro.count-stops', app: 'metro', scenario: 'transportation', type: 'analyze', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng) {
    const l = rng.pick(LINES);
    const i = rng.int(0, l.stations.length - 5);
    const j = i + rng.int(3, Math.min(9, l.stations.length - 1 - i));
    const [a, b] = rng.chance(0.5) ? [l.stations[i], l.stations[j]] : [l.stations[j], l.stations[i]];
    return { line: l.id, no: l.no, a, b, aName: station(a).en, bName: station(b).en, stops: j - i };
  },
  instruction: (p) => `On line ${p.no}, how many stops is it from ${p.aName} to ${p.bName}?`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.stops) ? pass(`${p.stops} stops`) : fail(`expected ${p.stops} stops, answer was "${answer ?? ''}"`)),
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-lines' }, { do: 'tap', id: `line-${p.line}` }, { do: 'complete', answer: `${p.stops} stops` }],
  wrongEnds: (p) => [{ name: 'counted both ends', answer: `${p.stops + 1} stops` }, { name: 'no number', answer: 'a few stops' }],
};

interface SaveP { from: string; to: string; fromName: string; toName: string }

const saveRoute: TaskTemplate<SaveP> = {
  id: 'metro.save-route', app: 'metro', scenario: 'transportation', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'zh',
  params(rng, phone) {
    const p = pairParams(rng, phone, 'zh');
    return { from: p.from, to: p.to, fromName: p.fromName, toName: p.toName };
  },
  instruction: (p) => `帮我把从${p.fromName}到${p.toName}的地铁路线收藏起来。`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const saved = metro(final).saved;
    const added = saved.length - metro(initial).saved.length;
    if (!saved.some((t) => t.from === p.from && t.to === p.to)) return fail(`route ${p.fromName} → ${p.toName} is not in the saved routes`);
    return added === 1 ? pass('route saved') : fail(`expected one new saved route, found ${added}`);
  },
  solution: (p) => [...planSteps(p.from, p.to, 'zh'), { do: 'tap', id: 'save-route' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'reversed direction', mutate: (ph) => { metro(ph).saved = [{ from: p.to, to: p.from }]; } },
    { name: 'not saved', mutate: (ph) => { metro(ph).saved = []; } },
    { name: 'saved extra routes', mutate: (ph) => { metro(ph).saved.push({ from: p.to, to: p.from }); } },
  ],
};

const timeWithInfo: TaskTemplate<PairP> = {
  id: 'metro.route-time-ask-origin', app: 'metro', scenario: 'transportation', type: 'query', complexity: 'composite', ambiguity: 'high', lang: 'en',
  params: (rng, phone) => pairParams(rng, phone, 'en', (r) => r.minutes >= 15),
  instruction: (p) => `How long does the metro take to ${p.toName}?`,
  reply: (p) => `I'm starting from ${p.fromName}.`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.minutes) ? pass(`${p.minutes} minutes`) : fail(`expected ${p.minutes} minutes from ${p.fromName}, answer was "${answer ?? ''}"`)),
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'info', question: 'Which station are you starting from?' }, ...planSteps(p.from, p.to, 'en').slice(1),
    { do: 'complete', answer: `About ${p.minutes} minutes from ${p.fromName}.` }],
  wrongEnds: (p) => [{ name: 'wrong time', answer: `About ${p.minutes + 12} minutes` }, { name: 'no time', answer: 'Not long.' }],
};

const NOWHERE = [['崇明岛', 'Chongming Island'], ['朱家角', 'Zhujiajiao'], ['横沙岛', 'Hengsha Island'], ['金山城市沙滩', 'Jinshan City Beach']];
interface NowhereP { from: string; fromName: string; place: string }

const unknownStation: TaskTemplate<NowhereP> = {
  id: 'metro.route-to-unknown', app: 'metro', scenario: 'transportation', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params(rng) {
    const from = rng.pick(STATIONS);
    return { from: from.id, fromName: from.name, place: rng.pick(NOWHERE)[0] };
  },
  instruction: (p) => `查一下从${p.fromName}坐地铁到${p.place}站要多久。`,
  expect: 'abort',
  // The runner checks that the agent aborted; here only side effects count (the abort reason is free text).
  verify(final, _a, _p, initial) {
    return metro(final).saved.length > metro(initial).saved.length ? fail('a route was saved for a task that cannot be done') : pass('nothing saved');
  },
  solution: (p) => [...planSteps(p.from, p.from, 'zh').slice(0, 5), { do: 'type', text: p.place, into: { id: 'station-search' } },
    { do: 'abort', reason: `地铁线网中没有“${p.place}”站` }],
  wrongEnds: (p) => [
    { name: 'saved some route', mutate: (ph) => { metro(ph).saved.push({ from: 'renmin', to: 'pvg' }); } },
    { name: 'saved a route from the origin', mutate: (ph) => { metro(ph).saved.push({ from: p.from, to: p.from === 'renmin' ? 'pvg' : 'renmin' }); } },
  ],
};

export const METRO_TASKS: TaskTemplate[] = [routeTime, routeFare, transferStation, disruptedLines, avoidIfDisrupted, nearestStation, countStops, saveRoute, timeWithInfo, unknownStation];
