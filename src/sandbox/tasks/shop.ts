/** Shop tasks: filtered purchases, favourites, cart edits, prices, comparisons, orders. */
import type { Rng } from '../../core/random.js';
import type { PhoneState, SemanticStep, TaskTemplate, VerifyResult } from '../framework.js';
import { COLOURS, category, inStock, product, slug, stockKey, type CatId, type Order, type Product, type ShopState } from '../apps/shop/data.js';
import { fail, hasNumber, mentions, pass, yuan } from './answers.js';

const APP = 'Shop';
const shop = (p: PhoneState) => p.apps.shop as ShopState;

function newOrders(final: PhoneState, initial: PhoneState): Order[] {
  const before = new Set(shop(initial).orders.map((o) => o.id));
  return shop(final).orders.filter((o) => !before.has(o.id));
}

/** Products whose name (by `key`) no other product shares, so an instruction names one thing. */
function uniqueBy(s: ShopState, key: (p: Product) => string): Product[] {
  const n = new Map<string, number>();
  for (const p of s.products) n.set(key(p), (n.get(key(p)) ?? 0) + 1);
  return s.products.filter((p) => n.get(key(p)) === 1);
}

/** Exactly one new paid order, with exactly these lines (pid, colour?, size?, qty) and address. */
function checkOrder(final: PhoneState, initial: PhoneState, want: { pid: string; colour?: string; size?: string; qty: number }[], address: string): VerifyResult {
  const paid = newOrders(final, initial).filter((o) => o.status !== 'unpaid');
  if (paid.length !== 1) return fail(`expected exactly one new paid order, found ${paid.length}`);
  const o = paid[0];
  if (o.address !== address) return fail(`order ships to "${o.address}", expected "${address}"`);
  if (o.lines.length !== want.length) return fail(`order has ${o.lines.length} item line(s), expected ${want.length}`);
  for (const w of want) {
    const l = o.lines.find((x) => x.pid === w.pid);
    if (!l) return fail(`order lacks product ${w.pid} (${product(shop(final), w.pid).en})`);
    if (w.colour && l.colour !== w.colour) return fail(`${w.pid}: colour ${l.colour}, expected ${w.colour}`);
    if (w.size !== undefined && l.size !== w.size) return fail(`${w.pid}: size "${l.size}", expected "${w.size}"`);
    if (l.qty !== w.qty) return fail(`${w.pid}: quantity ${l.qty}, expected ${w.qty}`);
  }
  return pass(`paid order ${o.id} with the right items to ${address}`);
}

/** Search from the home screen's search box. */
function searchSteps(q: string): SemanticStep[] {
  return [{ do: 'open_app', app: APP }, { do: 'tap', id: 'search-box' }, { do: 'type', text: q, into: { id: 'search-input' } }, { do: 'key', key: 'enter' }];
}

function variantSteps(colour: string, size: string): SemanticStep[] {
  const out: SemanticStep[] = [{ do: 'tap', id: `opt-colour-${colour}` }];
  if (size) out.push({ do: 'tap', id: `opt-size-${slug(size)}` });
  return out;
}

/** From the product page: buy now, optional address change, submit, pay. */
function buySteps(address: string, defaultAddress: string): SemanticStep[] {
  const out: SemanticStep[] = [{ do: 'tap', id: 'buy-now' }];
  if (address !== defaultAddress) out.push({ do: 'tap', id: 'address-card' }, { do: 'tap', id: `addr-${address}` });
  out.push({ do: 'tap', id: 'submit-order' }, { do: 'tap', id: 'pay-btn' });
  return out;
}

const wrongOrder = (mut: (o: Order, s: ShopState) => void, name: string) => ({
  name,
  mutate: (ph: PhoneState) => { const s = shop(ph); mut(s.orders[s.orders.length - 1], s); },
});

// ------------------------------------------------------------------ 1. cheapest filtered purchase

interface CheapP { cat: CatId; colour: string; size: string; limit: number; pid: string; runnerUp: string | null }

function cheapestMatch(s: ShopState, cat: CatId, colour: string, size: string, limit: number): Product[] {
  return s.products.filter((p) => p.cat === cat && p.colours.includes(colour) && inStock(p, colour, size) > 0 && p.price < limit).sort((a, b) => a.price - b.price);
}

const buyCheapest: TaskTemplate<CheapP> = {
  id: 'shop.buy-cheapest-filtered', app: 'shop', scenario: 'shopping', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = shop(phone);
    for (let i = 0; i < 400; i++) {
      const cat = rng.pick<CatId>(['tshirt', 'tshirt', 'hoodie', 'sneakers']);
      const c = category(cat);
      const colour = rng.pick(c.colours);
      const size = rng.pick(c.sizes);
      const limit = rng.pick([100, 150, 200, 300, 500]);
      if (s.products.some((p) => p.price === limit)) continue;
      const m = cheapestMatch(s, cat, colour, size, limit);
      if (!m.length || (m[1] && m[1].price === m[0].price)) continue;
      return { cat, colour, size, limit, pid: m[0].id, runnerUp: m[1]?.id ?? null };
    }
    throw new Error('shop: no product fits buy-cheapest-filtered');
  },
  instruction: (p) => `Buy the cheapest ${COLOURS[p.colour][1].toLowerCase()} ${category(p.cat).en.toLowerCase()} in size ${p.size} under ${yuan(p.limit)} and have it delivered to my office.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => checkOrder(final, initial, [{ pid: p.pid, colour: p.colour, size: p.size, qty: 1 }], 'office'),
  solution: (p, phone) => [
    ...searchSteps(category(p.cat).en), { do: 'tap', id: 'filter-btn' }, { do: 'tap', id: `size-${slug(p.size)}` }, { do: 'tap', id: `colour-${p.colour}` },
    { do: 'type', text: String(p.limit), into: { id: 'price-max' } }, { do: 'tap', id: 'filter-apply' }, { do: 'tap', id: 'sort-price' },
    { do: 'tap', id: `product-${p.pid}` }, ...variantSteps(p.colour, p.size), ...buySteps('office', shop(phone).defaultAddress), { do: 'complete' },
  ],
  wrongEnds: (p) => [
    wrongOrder((o) => { o.address = 'home'; }, 'shipped home'),
    wrongOrder((o) => { o.lines[0].size = category(p.cat).sizes.find((z) => z !== p.size)!; }, 'wrong size'),
    wrongOrder((o, s) => { o.lines[0].pid = p.runnerUp ?? s.products.find((x) => x.cat === p.cat && x.id !== p.pid)!.id; }, 'not the cheapest'),
    wrongOrder((o) => { o.status = 'unpaid'; }, 'never paid'),
  ],
};

// ------------------------------------------------------------------ 2. best-rated to favourites

interface BestP { cat: CatId; best: string[]; label: string }

const favBestRated: TaskTemplate<BestP> = {
  id: 'shop.fav-best-rated', app: 'shop', scenario: 'shopping', type: 'filter', complexity: 'atomic', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const s = shop(phone);
    const cat = rng.pick<CatId>(['earbuds', 'powerbank', 'backpack', 'bottle', 'sneakers']);
    const list = s.products.filter((p) => p.cat === cat);
    const top = Math.max(...list.map((p) => p.rating));
    return { cat, best: list.filter((p) => p.rating === top).map((p) => p.id), label: category(cat).en.toLowerCase() };
  },
  setup(phone, p) {
    const s = shop(phone);
    s.favs = s.favs.filter((id) => product(s, id).cat !== p.cat);
  },
  instruction: (p) => `Add the best-rated ${p.label} to my favourites.`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const added = shop(final).favs.filter((id) => !shop(initial).favs.includes(id));
    if (added.length !== 1) return fail(`expected one new favourite, found ${added.length}`);
    return p.best.includes(added[0]) ? pass(`favourited ${added[0]}, a top-rated ${p.label}`) : fail(`favourited ${added[0]}, which is not the best-rated ${p.label} (${p.best.join(', ')})`);
  },
  solution: (p, phone) => {
    const s = shop(phone);
    const first = s.products.filter((x) => x.cat === p.cat).sort((a, b) => b.rating - a.rating || b.reviews - a.reviews)[0];
    return [...searchSteps(category(p.cat).en), { do: 'tap', id: 'sort-rating' }, { do: 'tap', id: `product-${first.id}` }, { do: 'tap', id: 'fav-btn' }, { do: 'complete' }];
  },
  wrongEnds: (p) => [
    { name: 'a lower-rated one', mutate: (ph) => { const s = shop(ph); const worst = s.products.filter((x) => x.cat === p.cat).sort((a, b) => a.rating - b.rating)[0]; s.favs = s.favs.filter((id) => !p.best.includes(id)).concat(worst.id); } },
    { name: 'nothing added', mutate: (ph) => { const s = shop(ph); s.favs = s.favs.filter((id) => !p.best.includes(id)); } },
  ],
};

// ------------------------------------------------------------------ 3. add to cart with quantity (zh)

interface CartP { pid: string; zh: string; colour: string; size: string }

function pickVariant(rng: Rng, s: ShopState, pool: Product[], minStock: number): { p: Product; colour: string; size: string } {
  for (let i = 0; i < 400; i++) {
    const p = rng.pick(pool);
    const colour = rng.pick(p.colours);
    const size = p.sizes.length ? rng.pick(p.sizes) : '';
    if (inStock(p, colour, size) >= minStock) return { p, colour, size };
  }
  throw new Error('shop: no variant in stock');
}

const addToCartZh: TaskTemplate<CartP> = {
  id: 'shop.add-to-cart-qty', app: 'shop', scenario: 'shopping', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params(rng, phone) {
    const s = shop(phone);
    const { p, colour, size } = pickVariant(rng, s, uniqueBy(s, (x) => x.zh).filter((x) => x.sizes.length && !s.cart.some((l) => l.pid === x.id)), 2);
    return { pid: p.id, zh: p.zh, colour, size };
  },
  instruction: (p) => `把“${p.zh}”加入购物车：${COLOURS[p.colour][0]}，${p.size}，要 2 件。`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const l = shop(final).cart.find((x) => x.pid === p.pid && x.colour === p.colour && x.size === p.size);
    if (!l) return fail(`cart has no ${p.zh} in ${p.colour} ${p.size}`);
    if (l.qty !== 2) return fail(`quantity ${l.qty}, expected 2`);
    if (shop(final).cart.filter((x) => x.pid === p.pid).length !== 1) return fail('other variants of the product were added too');
    return newOrders(final, initial).length ? fail('an order was placed; the task only asked to add to the cart') : pass('2 in the cart');
  },
  solution: (p, phone) => [...searchSteps(p.zh), { do: 'tap', id: `product-${p.pid}` }, ...variantSteps(p.colour, p.size),
    { do: 'tap', id: 'qty-plus' }, { do: 'tap', id: 'add-cart' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'quantity 1', mutate: (ph) => { shop(ph).cart.find((x) => x.pid === p.pid)!.qty = 1; } },
    { name: 'wrong size', mutate: (ph) => { const l = shop(ph).cart.find((x) => x.pid === p.pid)!; l.size = product(shop(ph), p.pid).sizes.find((z) => z !== p.size)!; } },
    { name: 'not added', mutate: (ph) => { const s = shop(ph); s.cart = s.cart.filter((x) => x.pid !== p.pid); } },
  ],
};

// ------------------------------------------------------------------ 4. price query

interface PriceP { pid: string; en: string; price: number; was: number }

const priceQuery: TaskTemplate<PriceP> = {
  id: 'shop.price-query', app: 'shop', scenario: 'shopping', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const p = rng.pick(uniqueBy(shop(phone), (x) => x.en));
    return { pid: p.id, en: p.en, price: p.price, was: p.was };
  },
  instruction: (p) => `How much does the ${p.en} cost right now?`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.price) ? pass(`answer states ${yuan(p.price)}`) : fail(`expected ${yuan(p.price)}, answer was "${answer ?? ''}"`)),
  solution: (p) => [...searchSteps(p.en), { do: 'tap', id: `product-${p.pid}` }, { do: 'complete', answer: yuan(p.price) }],
  wrongEnds: (p) => [{ name: 'the crossed-out price', answer: yuan(p.was) }, { name: 'no price', answer: 'It is on sale.' }],
};

// ------------------------------------------------------------------ 5. compare two brands

interface BrandsP { cat: CatId; a: string; b: string; pa: number; pb: number }

const compareBrands: TaskTemplate<BrandsP> = {
  id: 'shop.compare-brands', app: 'shop', scenario: 'shopping', type: 'analyze', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const s = shop(phone);
    for (let i = 0; i < 400; i++) {
      const cat = rng.pick<CatId>(['tshirt', 'earbuds', 'sneakers', 'hoodie', 'jeans']);
      const brands = [...new Set(s.products.filter((p) => p.cat === cat).map((p) => p.brand))];
      if (brands.length < 2) continue;
      const [a, b] = rng.shuffle(brands);
      const min = (br: string) => Math.min(...s.products.filter((p) => p.cat === cat && p.brand === br).map((p) => p.price));
      if (min(a) !== min(b)) return { cat, a, b, pa: min(a), pb: min(b) };
    }
    throw new Error('shop: no brands to compare');
  },
  instruction: (p) => `Compare the cheapest ${category(p.cat).en.toLowerCase()} from ${p.a} with the cheapest from ${p.b}. Reply with just the cheaper brand and its price.`,
  expect: 'complete',
  verify(_f, answer, p) {
    const [lo, brand, hi] = p.pa < p.pb ? [p.pa, p.a, p.pb] : [p.pb, p.b, p.pa];
    if (!mentions(answer, [brand])) return fail(`expected the brand ${brand}, answer was "${answer ?? ''}"`);
    if (!hasNumber(answer, lo)) return fail(`expected the price ${yuan(lo)}, answer was "${answer ?? ''}"`);
    return hasNumber(answer, hi) ? fail('answer also gives the dearer price') : pass(`${brand} at ${yuan(lo)}`);
  },
  solution: (p) => {
    const [lo, brand] = p.pa < p.pb ? [p.pa, p.a] : [p.pb, p.b];
    return [...searchSteps(category(p.cat).en), { do: 'tap', id: 'filter-btn' }, { do: 'tap', id: `brand-${slug(p.a)}` }, { do: 'tap', id: `brand-${slug(p.b)}` },
      { do: 'tap', id: 'filter-apply' }, { do: 'tap', id: 'sort-price' }, { do: 'complete', answer: `${brand}, ${yuan(lo)}` }];
  },
  wrongEnds: (p) => {
    const [lo, brand, hi, other] = p.pa < p.pb ? [p.pa, p.a, p.pb, p.b] : [p.pb, p.b, p.pa, p.a];
    return [{ name: 'dearer brand', answer: `${other}, ${yuan(hi)}` }, { name: 'brand without price', answer: brand }, { name: 'both prices', answer: `${brand} ${yuan(lo)} vs ${other} ${yuan(hi)}` }];
  },
};

// ------------------------------------------------------------------ 6. last order (zh)

interface LastP { names: string[]; total: number }

const lastOrderZh: TaskTemplate<LastP> = {
  id: 'shop.last-order', app: 'shop', scenario: 'shopping', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params(_rng, phone) {
    const s = shop(phone);
    const o = s.orders[s.orders.length - 1];
    const p = product(s, o.lines[0].pid);
    return { names: [p.zh, p.en, p.zh.slice(p.zh.indexOf(' ') + 1), category(p.cat).zh, category(p.cat).en], total: o.total };
  },
  instruction: () => '我最近一笔订单买的是什么？实付了多少钱？',
  expect: 'complete',
  verify(_f, answer, p) {
    if (!mentions(answer, p.names)) return fail(`expected the item (${p.names[0]}), answer was "${answer ?? ''}"`);
    return hasNumber(answer, p.total) ? pass('item and total are right') : fail(`expected the total ${yuan(p.total)}, answer was "${answer ?? ''}"`);
  },
  solution: (p) => [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-me' }, { do: 'tap', id: 'my-orders' }, { do: 'complete', answer: `${p.names[0]}，实付${yuan(p.total)}` }],
  wrongEnds: (p) => [{ name: 'wrong total', answer: `${p.names[0]}，实付${yuan(p.total + 10)}` }, { name: 'no item', answer: `实付${yuan(p.total)}` }],
};

// ------------------------------------------------------------------ 7. buy, asking for the size

interface AskP { pid: string; en: string; colour: string; size: string }

const buyAskSize: TaskTemplate<AskP> = {
  id: 'shop.buy-ask-size', app: 'shop', scenario: 'shopping', type: 'filter', complexity: 'composite', ambiguity: 'high', lang: 'en',
  params(rng, phone) {
    const s = shop(phone);
    const { p, colour, size } = pickVariant(rng, s, uniqueBy(s, (x) => x.en).filter((x) => x.sizes.length && ['tshirt', 'hoodie', 'sneakers', 'jeans'].includes(x.cat)), 1);
    return { pid: p.id, en: p.en, colour, size };
  },
  instruction: (p) => `Buy me the ${p.en} in ${COLOURS[p.colour][1].toLowerCase()}.`,
  reply: (p) => `Size ${p.size}, please.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => checkOrder(final, initial, [{ pid: p.pid, colour: p.colour, size: p.size, qty: 1 }], shop(initial).defaultAddress),
  solution: (p, phone) => [...searchSteps(p.en), { do: 'tap', id: `product-${p.pid}` }, { do: 'tap', id: `opt-colour-${p.colour}` },
    { do: 'info', question: 'Which size would you like?' }, { do: 'tap', id: `opt-size-${slug(p.size)}` }, ...buySteps('home', shop(phone).defaultAddress), { do: 'complete' }],
  wrongEnds: (p) => [
    wrongOrder((o, s) => { o.lines[0].size = product(s, p.pid).sizes.find((z) => z !== p.size)!; }, 'guessed another size'),
    wrongOrder((o, s) => { o.lines[0].colour = product(s, p.pid).colours.find((c) => c !== p.colour)!; }, 'wrong colour'),
  ],
};

// ------------------------------------------------------------------ 8. sold-out variant (abort)

const buySoldOut: TaskTemplate<AskP> = {
  id: 'shop.buy-sold-out', app: 'shop', scenario: 'shopping', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params(rng, phone) {
    const s = shop(phone);
    const { p, colour, size } = pickVariant(rng, s, uniqueBy(s, (x) => x.en).filter((x) => x.sizes.length), 0);
    return { pid: p.id, en: p.en, colour, size };
  },
  setup(phone, p) {
    product(shop(phone), p.pid).stock[stockKey(p.colour, p.size)] = 0;
  },
  instruction: (p) => `Buy the ${p.en} in ${COLOURS[p.colour][1].toLowerCase()}, size ${p.size}.`,
  expect: 'abort',
  verify(final, _a, p, initial) {
    const bought = newOrders(final, initial).filter((o) => o.status !== 'unpaid');
    return bought.length ? fail(`that option is sold out, yet ${bought.length} order(s) were paid`) : pass('nothing bought for a sold-out option');
  },
  solution: (p) => [...searchSteps(p.en), { do: 'tap', id: `product-${p.pid}` }, { do: 'tap', id: `opt-colour-${p.colour}` }, { do: 'tap', id: `opt-size-${slug(p.size)}` },
    { do: 'abort', reason: `${p.size} in ${p.colour} is sold out` }],
  wrongEnds: (p) => [
    { name: 'bought another size', mutate: (ph) => { const s = shop(ph); const pr = product(s, p.pid); s.orders.push({ id: 'SOX1', lines: [{ pid: p.pid, colour: p.colour, size: pr.sizes.find((z) => z !== p.size)!, qty: 1, price: pr.price }], address: 'home', shipping: 0, total: pr.price, status: 'paid', time: '2026-11-26 09:41' }); } },
    { name: 'bought something else', mutate: (ph) => { const s = shop(ph); const other = s.products.find((x) => x.id !== p.pid)!; s.orders.push({ id: 'SOX2', lines: [{ pid: other.id, colour: other.colours[0], size: other.sizes[0] ?? '', qty: 1, price: other.price }], address: 'home', shipping: 0, total: other.price, status: 'paid', time: '2026-11-26 09:41' }); } },
  ],
};

// ------------------------------------------------------------------ 9. conditional: buy or favourite

interface CondP { pid: string; en: string; price: number; limit: number }

const buyOrFav: TaskTemplate<CondP> = {
  id: 'shop.buy-if-cheap-else-fav', app: 'shop', scenario: 'shopping', type: 'filter', complexity: 'conditional', ambiguity: 'mid', lang: 'en',
  params(rng, phone) {
    const s = shop(phone);
    const p = rng.pick(uniqueBy(s, (x) => x.en).filter((x) => !x.sizes.length && inStock(x, x.colours[0], '') > 0));
    const step = p.price > 300 ? 100 : 50;
    let limit = Math.round(p.price / step) * step + (rng.chance(0.5) ? step : -step);
    if (limit <= 0) limit = step;
    return { pid: p.id, en: p.en, price: p.price, limit };
  },
  setup(phone, p) {
    const s = shop(phone);
    s.favs = s.favs.filter((id) => id !== p.pid);
  },
  instruction: (p) => `If the ${p.en} costs less than ${yuan(p.limit)}, buy one (any colour, send it home); otherwise just add it to my favourites.`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    if (p.price < p.limit) return checkOrder(final, initial, [{ pid: p.pid, qty: 1 }], 'home');
    if (newOrders(final, initial).some((o) => o.status !== 'unpaid')) return fail(`it costs ${yuan(p.price)}, not under ${yuan(p.limit)}, so nothing should be bought`);
    return shop(final).favs.includes(p.pid) ? pass('added to favourites') : fail('not added to favourites');
  },
  solution: (p, phone) => [...searchSteps(p.en), { do: 'tap', id: `product-${p.pid}` },
    ...(p.price < p.limit ? buySteps('home', shop(phone).defaultAddress) : [{ do: 'tap', id: 'fav-btn' } as SemanticStep]), { do: 'complete' }],
  wrongEnds: (p) => (p.price < p.limit
    ? [wrongOrder((o) => { o.status = 'unpaid'; }, 'not paid'), wrongOrder((o) => { o.address = 'office'; }, 'sent to the office')]
    : [{ name: 'not favourited', mutate: (ph) => { const s = shop(ph); s.favs = s.favs.filter((id) => id !== p.pid); } },
      { name: 'bought anyway', mutate: (ph) => { const s = shop(ph); const pr = product(s, p.pid); s.orders.push({ id: 'SOX3', lines: [{ pid: p.pid, colour: pr.colours[0], size: '', qty: 1, price: pr.price }], address: 'home', shipping: 0, total: pr.price, status: 'paid', time: '2026-11-26 09:41' }); } }]),
};

// ------------------------------------------------------------------ 10. edit cart, check out the rest (zh)

interface RestP { drop: string; dropZh: string; colour: string; size: string; keep: { pid: string; colour: string; size: string; qty: number }[] }

const cartCheckoutZh: TaskTemplate<RestP> = {
  id: 'shop.cart-remove-checkout', app: 'shop', scenario: 'shopping', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'zh',
  params(rng, phone) {
    const s = shop(phone);
    const inCart = new Set(s.cart.map((l) => l.pid));
    const cartNames = new Set(s.cart.map((l) => product(s, l.pid).zh));
    const { p, colour, size } = pickVariant(rng, s, uniqueBy(s, (x) => x.zh).filter((x) => !inCart.has(x.id) && !cartNames.has(x.zh)), 1);
    return { drop: p.id, dropZh: p.zh, colour, size, keep: s.cart.filter((l) => inStock(product(s, l.pid), l.colour, l.size) > 0).map((l) => ({ ...l })) };
  },
  setup(phone, p) {
    const s = shop(phone);
    s.cart = [...p.keep.map((l) => ({ ...l })), { pid: p.drop, colour: p.colour, size: p.size, qty: 1 }];
  },
  instruction: (p) => `把购物车里的“${p.dropZh}”删掉，剩下的全部结算，寄到我父母家。`,
  expect: 'complete',
  verify(final, _a, p, initial) {
    const r = checkOrder(final, initial, p.keep, 'parents');
    if (!r.ok) return r;
    return shop(final).cart.some((l) => l.pid === p.drop) ? fail(`${p.dropZh} is still in the cart`) : r;
  },
  solution: (p, phone) => {
    const s = shop(phone);
    const drop = s.cart.find((l) => l.pid === p.drop)!;
    return [{ do: 'open_app', app: APP }, { do: 'tap', id: 'tab-cart' }, { do: 'tap', id: `cart-remove-${drop.pid}-${drop.colour}-${slug(drop.size) || 'one'}` },
      { do: 'tap', id: 'checkout-btn' }, { do: 'tap', id: 'address-card' }, { do: 'tap', id: 'addr-parents' }, { do: 'tap', id: 'submit-order' }, { do: 'tap', id: 'pay-btn' }, { do: 'complete' }];
  },
  wrongEnds: (p) => [
    wrongOrder((o) => { o.address = 'home'; }, 'sent home'),
    wrongOrder((o, s) => { o.lines.push({ pid: p.drop, colour: product(s, p.drop).colours[0], size: '', qty: 1, price: 1 }); }, 'removed item bought too'),
    { name: 'removed item still in cart', mutate: (ph) => { const s = shop(ph); s.cart.push({ pid: p.drop, colour: product(s, p.drop).colours[0], size: '', qty: 1 }); } },
  ],
};

export const SHOP_TASKS: TaskTemplate[] = [buyCheapest, favBestRated, addToCartZh, priceQuery, compareBrands, lastOrderZh, buyAskSize, buySoldOut, buyOrFav, cartCheckoutZh];
