/** FoodGo tasks: ordering with constraints and options, fees, arrival times, closed shops, reorders. */
import type { Rng } from '../../core/random.js';
import type { PhoneState, SemanticStep, TaskTemplate, VerifyResult } from '../framework.js';
import { CUISINES, SPICE, items, placeOrder, restaurant, type CartLine, type CuisineId, type FoodOrder, type FoodState, type Item, type Restaurant, type SpiceKey } from '../apps/food/data.js';
import { fail, hasNumber, mentions, pass, yuan } from './answers.js';

const APP = 'FoodGo';
const food = (p: PhoneState) => p.apps.food as FoodState;

function newOrders(final: PhoneState, initial: PhoneState): FoodOrder[] {
  const before = new Set(food(initial).orders.map((o) => o.id));
  return food(final).orders.filter((o) => !before.has(o.id));
}

function oneNewOrder(final: PhoneState, initial: PhoneState): FoodOrder | VerifyResult {
  const o = newOrders(final, initial);
  return o.length === 1 ? o[0] : fail(`expected exactly one new order, found ${o.length}`);
}

const hasOptions = (it: Item) => Boolean(it.large || it.spicy || it.addons);

/** Open the restaurant by searching its name. */
function openRest(r: Restaurant): SemanticStep[] {
  return [{ do: 'open_app', app: APP }, { do: 'type', text: r.zh, into: { id: 'search-input' } }, { do: 'tap', id: `rest-${r.id}` }];
}

/** Add an item: plain items by tapping + qty times, others through the options screen. */
function addItem(it: Item, qty: number, opts: { size?: 'large'; spice?: SpiceKey; addons?: string[] } = {}): SemanticStep[] {
  if (!hasOptions(it)) return Array.from({ length: qty }, () => ({ do: 'tap', id: `add-${it.id}` }) as SemanticStep);
  const out: SemanticStep[] = [{ do: 'tap', id: `add-${it.id}` }];
  if (opts.size) out.push({ do: 'tap', id: 'opt-size-large' });
  if (opts.spice) out.push({ do: 'tap', id: `opt-spice-${opts.spice}` });
  for (const a of opts.addons ?? []) out.push({ do: 'tap', id: `opt-addon-${a}` });
  for (let i = 1; i < qty; i++) out.push({ do: 'tap', id: 'opt-plus' });
  out.push({ do: 'tap', id: 'opt-add' });
  return out;
}

function checkoutSteps(address: string, current: string): SemanticStep[] {
  const out: SemanticStep[] = [{ do: 'tap', id: 'checkout-btn' }];
  if (address !== current) out.push({ do: 'tap', id: 'address-card' }, { do: 'tap', id: `addr-${address}` });
  out.push({ do: 'tap', id: 'place-order' });
  return out;
}

/** Open restaurants serving a main dish that, ordered qty times, reaches the minimum order. */
function servers(s: FoodState, en: string, qty: number): { r: Restaurant; it: Item }[] {
  return s.restaurants.flatMap((r) => (r.open ? r.menu[0]?.items.filter((i) => i.en === en && i.price * qty >= r.minOrder).map((it) => ({ r, it })) ?? [] : []));
}

const lastOrder = (ph: PhoneState) => food(ph).orders[food(ph).orders.length - 1];

// ------------------------------------------------------------------ 1. two of a dish, fast delivery

interface FastP { dish: string; zh: string; rid: string; item: string }

const orderFast: TaskTemplate<FastP> = {
  id: 'food.order-fast-delivery', app: 'food', scenario: 'local_services', type: 'filter', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const s = food(phone);
    const dishes = [...new Set(s.restaurants.flatMap((r) => r.menu[0]?.items.map((i) => i.en) ?? []))];
    for (const en of rng.shuffle(dishes)) {
      const fast = servers(s, en, 2).filter((x) => x.r.time < 30).sort((a, b) => a.r.time - b.r.time);
      if (fast.length) return { dish: en, zh: fast[0].it.zh, rid: fast[0].r.id, item: fast[0].it.id };
    }
    throw new Error('food: no dish is delivered in under 30 minutes');
  },
  instruction: (p) => `Order two ${p.dish} from a restaurant that delivers in under 30 minutes.`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const o = oneNewOrder(final, initial);
    if ('ok' in o) return o;
    const s = food(final);
    const r = restaurant(s, o.rid);
    if (r.time >= 30) return fail(`${r.en} delivers in ${r.time} minutes, not under 30`);
    const dish = o.lines.filter((l) => items(r).find((i) => i.id === l.item)?.en === p.dish);
    if (dish.length !== o.lines.length) return fail('the order contains other items');
    const n = dish.reduce((a, l) => a + l.qty, 0);
    return n === 2 ? pass(`2 × ${p.dish} from ${r.en} (${r.time} min)`) : fail(`ordered ${n} × ${p.dish}, expected 2`);
  },
  solution: (p, phone) => {
    const s = food(phone);
    const it = items(restaurant(s, p.rid)).find((i) => i.id === p.item)!;
    return [{ do: 'open_app', app: APP }, { do: 'type', text: p.dish, into: { id: 'search-input' } }, { do: 'tap', id: 'sort-time' }, { do: 'tap', id: `rest-${p.rid}` },
      ...addItem(it, 2), ...checkoutSteps(s.address, s.address), { do: 'complete' }];
  },
  wrongEnds: (p) => [
    { name: 'only one', mutate: (ph) => { const o = lastOrder(ph); o.lines = [{ ...o.lines[0], qty: 1 }]; } },
    { name: 'slow restaurant', mutate: (ph) => { restaurant(food(ph), p.rid).time = 35; } },
    { name: 'no order', mutate: (ph) => { food(ph).orders.pop(); } },
  ],
};

// ------------------------------------------------------------------ 2. options, to the office (zh)

interface OptsP { rid: string; rest: string; item: string; dish: string; spice: SpiceKey; addon: string; addonZh: string }

const orderOptionsZh: TaskTemplate<OptsP> = {
  id: 'food.order-with-options', app: 'food', scenario: 'local_services', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params(rng, phone) {
    const s = food(phone);
    const c = s.restaurants.filter((r) => r.open).flatMap((r) => items(r).filter((i) => i.large && i.spicy && i.addons?.length && i.price + i.large >= r.minOrder).map((it) => ({ r, it })));
    const { r, it } = rng.pick(c);
    const a = rng.pick(it.addons!);
    return { rid: r.id, rest: r.zh, item: it.id, dish: it.zh, spice: rng.pick<SpiceKey>(['none', 'medium', 'hot']), addon: a.key, addonZh: a.zh };
  },
  instruction: (p) => `在“${p.rest}”点一份${p.dish}：大份，${SPICE[p.spice].split(' ')[0]}，${p.addonZh}，送到公司。`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const o = oneNewOrder(final, initial);
    if ('ok' in o) return o;
    if (o.rid !== p.rid) return fail(`ordered from ${o.rid}, expected ${p.rest}`);
    if (o.address !== 'office') return fail(`delivers to ${o.address}, expected the office`);
    if (o.lines.length !== 1) return fail(`order has ${o.lines.length} lines, expected 1`);
    const l = o.lines[0];
    const want: Partial<CartLine> = { item: p.item, qty: 1, size: 'large', spice: p.spice };
    for (const [k, v] of Object.entries(want)) if (l[k as keyof CartLine] !== v) return fail(`${k} is ${String(l[k as keyof CartLine])}, expected ${String(v)}`);
    return l.addons.join() === p.addon ? pass('right dish, options and address') : fail(`add-ons [${l.addons.join(', ')}], expected [${p.addon}]`);
  },
  solution: (p, phone) => {
    const s = food(phone);
    const r = restaurant(s, p.rid);
    const it = items(r).find((i) => i.id === p.item)!;
    return [...openRest(r), ...addItem(it, 1, { size: 'large', spice: p.spice, addons: [p.addon] }), ...checkoutSteps('office', s.address), { do: 'complete' }];
  },
  wrongEnds: (p) => [
    { name: 'regular size', mutate: (ph) => { lastOrder(ph).lines[0].size = 'regular'; } },
    { name: 'default spice', mutate: (ph) => { lastOrder(ph).lines[0].spice = 'mild'; } },
    { name: 'no add-on', mutate: (ph) => { lastOrder(ph).lines[0].addons = []; } },
    { name: 'sent home', mutate: (ph) => { lastOrder(ph).address = 'home'; } },
  ],
};

// ------------------------------------------------------------------ 3. lowest delivery fee

interface FeeP { cuisine: CuisineId; names: string[]; others: string[] }

const lowestFee: TaskTemplate<FeeP> = {
  id: 'food.lowest-fee', app: 'food', scenario: 'local_services', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = food(phone);
    for (const c of rng.shuffle(Object.keys(CUISINES) as CuisineId[])) {
      const open = s.restaurants.filter((r) => r.cuisine === c && r.open).sort((a, b) => a.fee - b.fee);
      if (open.length >= 2 && open[0].fee < open[1].fee) return { cuisine: c, names: [open[0].zh, open[0].en], others: open.slice(1).map((r) => r.en) };
    }
    throw new Error('food: no cuisine with a unique lowest fee');
  },
  instruction: (p) => `Which ${CUISINES[p.cuisine][1]} restaurant that is open now has the lowest delivery fee?`,
  expect: 'complete',
  verify: (_f, answer, p) => (mentions(answer, p.names) ? (mentions(answer, p.others) ? fail('answer names several restaurants') : pass(`${p.names[1]}`)) : fail(`expected ${p.names.join(' / ')}, answer was "${answer ?? ''}"`)),
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: `cuisine-${p.cuisine}` }, { do: 'tap', id: 'sort-fee' }, { do: 'complete', answer: `${p.names[1]} (${p.names[0]})` }],
  wrongEnds: (p) => [{ name: 'another restaurant', answer: p.others[0] }, { name: 'no name', answer: 'the cheap one' }],
};

// ------------------------------------------------------------------ 4. arrival time of an order

interface EtaP { rid: string; rest: string; zh: string; eta: string }

const orderEta: TaskTemplate<EtaP> = {
  id: 'food.order-eta', app: 'food', scenario: 'local_services', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = food(phone);
    const r = rng.pick(s.restaurants.filter((x) => x.open));
    const [h, m] = [9, 25 + (r.time % 10)];
    const t = h * 60 + m + r.time;
    return { rid: r.id, rest: r.en, zh: r.zh, eta: `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}` };
  },
  setup(phone, p) {
    const s = food(phone);
    const r = restaurant(s, p.rid);
    const it = r.menu[0].items[0];
    const min = 25 + (r.time % 10);
    const o = placeOrder(s, r.id, [{ item: it.id, qty: Math.max(1, Math.ceil(r.minOrder / it.price)), size: 'regular', spice: it.spicy ? 'mild' : '', addons: [], unit: it.price }], 'home', `2026-11-26 09:${min}`);
    o.status = 'delivering';
  },
  instruction: (p) => `When will my order from ${p.rest} arrive?`,
  expect: 'complete',
  verify(_f, answer, p) {
    const m = (answer ?? '').normalize('NFKC').match(/(\d{1,2})\s*[:：点]\s*(\d{1,2})/);
    const [h, mi] = p.eta.split(':').map(Number);
    return m && Number(m[1]) === h && Number(m[2]) === mi ? pass(`arrives at ${p.eta}`) : fail(`expected ${p.eta}, answer was "${answer ?? ''}"`);
  },
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-orders' }, { do: 'tap', text: p.zh }, { do: 'complete', answer: `Around ${p.eta}` }],
  wrongEnds: (p) => [{ name: 'order time instead', answer: 'Around 09:25' }, { name: 'no time', answer: 'soon' }, { name: 'off by ten', answer: `${p.eta.slice(0, 3)}${String((Number(p.eta.slice(3)) + 10) % 60).padStart(2, '0')}` }],
};

// ------------------------------------------------------------------ 5. closed restaurant (abort, zh)

interface ClosedP { rid: string; rest: string; dish: string }

const orderClosedZh: TaskTemplate<ClosedP> = {
  id: 'food.order-from-closed', app: 'food', scenario: 'local_services', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params(rng, phone) {
    const r = rng.pick(food(phone).restaurants);
    return { rid: r.id, rest: r.zh, dish: rng.pick(r.menu[0].items).zh };
  },
  setup(phone, p) {
    const r = restaurant(food(phone), p.rid);
    r.open = false;
    r.opensAt = r.opensAt || '17:00';
  },
  instruction: (p) => `帮我在“${p.rest}”点一份${p.dish}，现在就要。`,
  expect: 'abort',
  verify: (final, _a, p, initial) => (newOrders(final, initial).length ? fail(`${p.rest} is closed, yet an order was placed`) : pass('no order placed at a closed restaurant')),
  solution: (p, phone) => [...openRest(restaurant(food(phone), p.rid)), { do: 'abort', reason: `${p.rest}休息中，现在无法下单` }],
  wrongEnds: (p) => [
    { name: 'ordered anyway', mutate: (ph) => { const s = food(ph); const r = restaurant(s, p.rid); const it = r.menu[0].items[0]; placeOrder(s, r.id, [{ item: it.id, qty: 1, size: 'regular', spice: '', addons: [], unit: it.price }], 'home', '2026-11-26 09:41'); } },
    { name: 'ordered elsewhere', mutate: (ph) => { const s = food(ph); const r = s.restaurants.find((x) => x.id !== p.rid && x.open)!; const it = r.menu[0].items[0]; placeOrder(s, r.id, [{ item: it.id, qty: 2, size: 'regular', spice: '', addons: [], unit: it.price }], 'home', '2026-11-26 09:41'); } },
  ],
};

// ------------------------------------------------------------------ 6. best seller of the best-rated

interface BestP { cuisine: CuisineId; rid: string; item: string; dish: string }

const bestSeller: TaskTemplate<BestP> = {
  id: 'food.best-rated-best-seller', app: 'food', scenario: 'local_services', type: 'analyze', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const s = food(phone);
    for (const c of rng.shuffle(Object.keys(CUISINES) as CuisineId[])) {
      const open = s.restaurants.filter((r) => r.cuisine === c && r.open).sort((a, b) => b.rating - a.rating);
      if (!open.length || (open[1] && open[1].rating === open[0].rating)) continue;
      const sig = open[0].menu[0].items.slice().sort((a, b) => b.sales - a.sales);
      if (sig[1] && sig[1].sales === sig[0].sales) continue;
      if (sig[0].price < open[0].minOrder) continue;
      return { cuisine: c, rid: open[0].id, item: sig[0].id, dish: sig[0].en };
    }
    throw new Error('food: no cuisine fits best-rated-best-seller');
  },
  instruction: (p) => `Find the best-rated ${CUISINES[p.cuisine][1]} restaurant that's open and order one of its best-selling signature dish.`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const o = oneNewOrder(final, initial);
    if ('ok' in o) return o;
    if (o.rid !== p.rid) return fail(`ordered from ${restaurant(food(final), o.rid).en}, not the best-rated open ${CUISINES[p.cuisine][1]} restaurant`);
    return o.lines.length === 1 && o.lines[0].item === p.item && o.lines[0].qty === 1 ? pass(`1 × ${p.dish}`) : fail(`expected exactly 1 × ${p.dish}`);
  },
  solution: (p, phone) => {
    const s = food(phone);
    const it = items(restaurant(s, p.rid)).find((i) => i.id === p.item)!;
    return [{ do: 'open_app', app: APP }, { do: 'tap', id: `cuisine-${p.cuisine}` }, { do: 'tap', id: 'sort-rating' }, { do: 'tap', id: `rest-${p.rid}` }, ...addItem(it, 1), ...checkoutSteps(s.address, s.address), { do: 'complete' }];
  },
  wrongEnds: (p) => [
    { name: 'another dish', mutate: (ph) => { const r = restaurant(food(ph), p.rid); lastOrder(ph).lines[0].item = r.menu[0].items.find((i) => i.id !== p.item)!.id; } },
    { name: 'two of them', mutate: (ph) => { lastOrder(ph).lines[0].qty = 2; } },
  ],
};

// ------------------------------------------------------------------ 7. conditional on delivery fee

interface CondP { r1: string; i1: string; d1: string; r2: string; i2: string; d2: string; free: boolean; n1: string; n2: string }

function pickServed(rng: Rng, s: FoodState, not: string[]): { r: Restaurant; it: Item } {
  const c = s.restaurants.filter((r) => r.open && !not.includes(r.id)).flatMap((r) => r.menu[0].items.filter((i) => i.price >= r.minOrder).map((it) => ({ r, it })));
  return rng.pick(c);
}

const ifFreeDelivery: TaskTemplate<CondP> = {
  id: 'food.order-if-free-delivery', app: 'food', scenario: 'local_services', type: 'filter', complexity: 'conditional', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = food(phone);
    const a = pickServed(rng, s, []);
    const b = pickServed(rng, s, [a.r.id]);
    return { r1: a.r.id, i1: a.it.id, d1: a.it.en, n1: a.r.en, r2: b.r.id, i2: b.it.id, d2: b.it.en, n2: b.r.en, free: rng.chance(0.5) };
  },
  setup(phone, p) {
    const r = restaurant(food(phone), p.r1);
    r.fee = p.free ? 0 : r.fee || 3;
  },
  instruction: (p) => `If ${p.n1} delivers for free, order one ${p.d1} from there; otherwise order one ${p.d2} from ${p.n2}.`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const o = oneNewOrder(final, initial);
    if ('ok' in o) return o;
    const [rid, item, name] = p.free ? [p.r1, p.i1, p.n1] : [p.r2, p.i2, p.n2];
    if (o.rid !== rid) return fail(`ordered from ${o.rid}; delivery at ${p.n1} is ${p.free ? 'free' : 'not free'}, so expected ${name}`);
    return o.lines.length === 1 && o.lines[0].item === item && o.lines[0].qty === 1 ? pass('right branch and dish') : fail('wrong dish or quantity');
  },
  solution: (p, phone) => {
    const s = food(phone);
    const [rid, iid] = p.free ? [p.r1, p.i1] : [p.r2, p.i2];
    const r = restaurant(s, rid);
    // Look at the first restaurant's fee; if it is not free, go back and search for the other.
    const other: SemanticStep[] = p.free ? [] : [{ do: 'key', key: 'back' }, { do: 'tap', id: 'search-clear' }, ...openRest(r).slice(1)];
    return [...openRest(restaurant(s, p.r1)), ...other, ...addItem(items(r).find((i) => i.id === iid)!, 1), ...checkoutSteps(s.address, s.address), { do: 'complete' }];
  },
  wrongEnds: (p) => [
    { name: 'other branch', mutate: (ph) => { const o = lastOrder(ph); o.rid = p.free ? p.r2 : p.r1; o.lines[0].item = p.free ? p.i2 : p.i1; } },
    { name: 'nothing ordered', mutate: (ph) => { food(ph).orders.pop(); } },
  ],
};

// ------------------------------------------------------------------ 8. ask how spicy

interface SpiceP { rid: string; rest: string; item: string; dish: string; spice: SpiceKey }
const SPICE_WORDS: Record<SpiceKey, string> = { none: 'Not spicy at all, please.', mild: 'Mild.', medium: 'Medium spicy, please.', hot: 'Extra hot!' };

const askSpice: TaskTemplate<SpiceP> = {
  id: 'food.order-ask-spice', app: 'food', scenario: 'local_services', type: 'filter', complexity: 'composite', ambiguity: 'high', lang: 'en',
  params(rng, phone) {
    const s = food(phone);
    const c = s.restaurants.filter((r) => r.open).flatMap((r) => items(r).filter((i) => i.spicy && i.price >= r.minOrder).map((it) => ({ r, it })));
    const { r, it } = rng.pick(c);
    return { rid: r.id, rest: r.en, item: it.id, dish: it.en, spice: rng.pick<SpiceKey>(['none', 'medium', 'hot']) };
  },
  instruction: (p) => `Order me a ${p.dish} from ${p.rest}.`,
  reply: (p) => SPICE_WORDS[p.spice],
  expect: 'complete',
  verify(final, _a, p, initial) {
    const o = oneNewOrder(final, initial);
    if ('ok' in o) return o;
    const l = o.lines.find((x) => x.item === p.item);
    if (o.rid !== p.rid || !l || o.lines.length !== 1 || l.qty !== 1) return fail(`expected exactly one ${p.dish} from ${p.rest}`);
    return l.spice === p.spice ? pass(`spice ${p.spice} as the user asked`) : fail(`spice ${l.spice}, the user asked for ${p.spice}`);
  },
  solution: (p, phone) => {
    const s = food(phone);
    const r = restaurant(s, p.rid);
    const it = items(r).find((i) => i.id === p.item)!;
    const steps = addItem(it, 1, { spice: p.spice });
    return [...openRest(r), steps[0], { do: 'info', question: 'How spicy would you like it: not spicy, mild, medium or extra hot?' }, ...steps.slice(1), ...checkoutSteps(s.address, s.address), { do: 'complete' }];
  },
  wrongEnds: () => [
    { name: 'kept the default', mutate: (ph) => { lastOrder(ph).lines[0].spice = 'mild'; } },
    { name: 'two of them', mutate: (ph) => { lastOrder(ph).lines[0].qty = 2; } },
  ],
};

// ------------------------------------------------------------------ 9. total cost, no order

interface CostP { rid: string; rest: string; item: string; dish: string; total: number; food: number }

const totalCost: TaskTemplate<CostP> = {
  id: 'food.total-cost', app: 'food', scenario: 'local_services', type: 'analyze', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = food(phone);
    const c = s.restaurants.filter((r) => r.open && r.fee > 0).flatMap((r) => r.menu[0].items.filter((i) => i.price * 2 >= r.minOrder).map((it) => ({ r, it })));
    const { r, it } = rng.pick(c);
    return { rid: r.id, rest: r.en, item: it.id, dish: it.en, food: it.price * 2, total: it.price * 2 + r.fee + r.packing };
  },
  instruction: (p) => `How much would two ${p.dish} from ${p.rest} cost in total, with packing and delivery fees? Don't place the order.`,
  expect: 'complete',
  verify(final, answer, p, initial) {
    if (newOrders(final, initial).length) return fail('an order was placed, but the user only asked for the price');
    return hasNumber(answer, p.total) ? pass(`total ${yuan(p.total)}`) : fail(`expected ${yuan(p.total)}, answer was "${answer ?? ''}"`);
  },
  solution: (p, phone) => {
    const r = restaurant(food(phone), p.rid);
    return [...openRest(r), ...addItem(items(r).find((i) => i.id === p.item)!, 2), { do: 'tap', id: 'checkout-btn' }, { do: 'complete', answer: `${yuan(p.total)} in total` }];
  },
  wrongEnds: (p) => [
    { name: 'food only', answer: yuan(p.food) },
    { name: 'ordered it', answer: yuan(p.total), mutate: (ph) => { const s = food(ph); const r = restaurant(s, p.rid); const it = items(r).find((i) => i.id === p.item)!; placeOrder(s, r.id, [{ item: it.id, qty: 2, size: 'regular', spice: '', addons: [], unit: it.price }], 'home', '2026-11-26 09:41'); } },
  ],
};

// ------------------------------------------------------------------ 10. reorder the last order (zh)

interface ReP { order: string; rid: string; lines: CartLine[] }

const reorderZh: TaskTemplate<ReP> = {
  id: 'food.reorder-last', app: 'food', scenario: 'local_services', type: 'filter', complexity: 'atomic', ambiguity: 'mid', lang: 'zh',
  params(_rng, phone) {
    const o = lastOrder(phone);
    return { order: o.id, rid: o.rid, lines: o.lines.map((l) => ({ ...l, addons: [...l.addons] })) };
  },
  setup(phone, p) {
    const r = restaurant(food(phone), p.rid);
    r.open = true;
    r.opensAt = '';
  },
  instruction: () => '把我上一次点的外卖原样再点一份。',
  expect: 'complete',
  verify(final, _a, p, initial) {
    const o = oneNewOrder(final, initial);
    if ('ok' in o) return o;
    if (o.rid !== p.rid) return fail('ordered from a different restaurant');
    const key = (ls: CartLine[]) => ls.map((l) => `${l.item}/${l.qty}/${l.size}/${l.spice}/${l.addons.join('+')}`).sort().join(',');
    return key(o.lines) === key(p.lines) ? pass('same items as last time') : fail(`items differ from the last order: ${key(o.lines)} vs ${key(p.lines)}`);
  },
  solution: (p, phone) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-orders' }, { do: 'tap', id: `reorder-${p.order}` }, ...checkoutSteps(food(phone).address, food(phone).address).slice(1), { do: 'complete' }],
  wrongEnds: () => [
    { name: 'different quantity', mutate: (ph) => { lastOrder(ph).lines[0].qty += 1; } },
    { name: 'not ordered', mutate: (ph) => { food(ph).orders.pop(); } },
  ],
};

export const FOOD_TASKS: TaskTemplate[] = [orderFast, orderOptionsZh, lowestFee, orderEta, orderClosedZh, bestSeller, ifFreeDelivery, askSpice, totalCost, reorderZh];
