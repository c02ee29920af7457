import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { shop } from '../../src/sandbox/apps/shop/index.js';
import { CATEGORIES, emptyFilters, inStock, seedShop, type ShopState } from '../../src/sandbox/apps/shop/data.js';
import { matchesQuery, results } from '../../src/sandbox/apps/shop/query.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { SHOP_TASKS } from '../../src/sandbox/tasks/shop.js';
import { Headless, checkTemplates } from './appsA-headless.js';

const APPS = [shop];
const S = (p: ReturnType<typeof createPhone>) => p.apps.shop as ShopState;

describe('shop catalogue', () => {
  it('is deterministic, big enough to search, and covers every category', () => {
    const a = seedShop(new Rng('s'));
    expect(a).toEqual(seedShop(new Rng('s')));
    expect(a.products.length).toBeGreaterThanOrEqual(45);
    for (const c of CATEGORIES) expect(a.products.some((p) => p.cat === c.id), c.id).toBe(true);
    expect(a.products.some((p) => Object.values(p.stock).some((n) => n === 0))).toBe(true);
    expect(a.orders.length).toBeGreaterThanOrEqual(3);
  });
  it('search matches Chinese, English and colour words; filters and sorts', () => {
    const s = seedShop(new Rng(3));
    const tee = s.products.find((p) => p.cat === 'tshirt')!;
    expect(matchesQuery(tee, 'T恤')).toBe(true);
    expect(matchesQuery(tee, 't-shirt')).toBe(true);
    expect(matchesQuery(tee, `${tee.colours[0]} tee`)).toBe(true);
    expect(matchesQuery(tee, 'earbuds')).toBe(false);
    s.query = 't-shirt';
    s.sort = 'price-asc';
    s.filters = { ...emptyFilters(), max: 150, colours: [tee.colours[0]] };
    const r = results(s);
    expect(r.every((p) => p.cat === 'tshirt' && p.price <= 150 && p.colours.includes(tee.colours[0]))).toBe(true);
    expect(r.map((p) => p.price)).toEqual([...r.map((p) => p.price)].sort((x, y) => x - y));
  });
});

describe('shop screens and actions', () => {
  it('renders every screen', () => {
    const phone = createPhone(2, APPS);
    openApp(phone, 'shop');
    const s = S(phone);
    s.draft = { lines: s.cart.slice(), address: 'home', fromCart: true };
    const screens: [string, Record<string, unknown>?][] = [['home'], ['search'], ['results'], ['filter'], ['product', { id: s.products[0].id }], ['cart'], ['checkout'], ['address'],
      ['pay', { order: s.orders[0].id }], ['paid', { order: s.orders[0].id }], ['me'], ['orders'], ['favs']];
    for (const [name, params] of screens) {
      phone.system.stacks.shop = [{ name, params }];
      expect(renderScreen(phone, shop).length, name).toBeGreaterThan(300);
    }
  });
  it('needs a size, refuses sold-out options, adds to cart and checks out to another address', () => {
    const phone = createPhone(2, APPS);
    openApp(phone, 'shop');
    const s = S(phone);
    const p = s.products.find((x) => x.sizes.length)!;
    dispatch(phone, APPS, 'shop', 'openProduct', p.id);
    dispatch(phone, APPS, 'shop', 'addToCart');
    expect(phone.system.toast).toContain('尺码');
    const size = p.sizes.find((z) => inStock(p, p.colours[0], z) > 0)!;
    p.stock[`${p.colours[0]}|${p.sizes.find((z) => z !== size)!}`] = 0;
    dispatch(phone, APPS, 'shop', 'pickSize', p.sizes.find((z) => z !== size)!);
    expect(s.sel!.size).toBe('');
    dispatch(phone, APPS, 'shop', 'pickSize', size);
    dispatch(phone, APPS, 'shop', 'qty', '1');
    const before = s.cart.length;
    dispatch(phone, APPS, 'shop', 'addToCart');
    expect(s.cart.length).toBe(before + 1);
    expect(s.cart.at(-1)).toMatchObject({ pid: p.id, size, qty: 2 });
    dispatch(phone, APPS, 'shop', 'tab', 'cart');
    dispatch(phone, APPS, 'shop', 'checkoutCart');
    dispatch(phone, APPS, 'shop', 'chooseAddress');
    dispatch(phone, APPS, 'shop', 'setAddress', 'office');
    dispatch(phone, APPS, 'shop', 'submitOrder');
    const o = s.orders.at(-1)!;
    expect(o).toMatchObject({ status: 'unpaid', address: 'office' });
    dispatch(phone, APPS, 'shop', 'pay');
    expect(o.status).toBe('paid');
    expect(s.cart).toEqual([]);
    expect(o.total).toBeCloseTo(o.lines.reduce((a, l) => a + l.price * l.qty, 0) + o.shipping, 2);
  });
  it('headless: search by typing and Enter opens results; filter chips apply', () => {
    const phone = createPhone(5, APPS);
    const h = new Headless(phone, APPS);
    h.openApp('淘宝');
    h.tap({ id: 'search-box' });
    h.type('earbuds');
    h.enter();
    expect(phone.system.stacks.shop.at(-1)!.name).toBe('results');
    expect(S(phone).query).toBe('earbuds');
    h.tap({ id: 'filter-btn' });
    h.type('300', { id: 'price-max' });
    h.tap({ id: 'filter-apply' });
    expect(S(phone).filters.max).toBe(300);
    expect(results(S(phone)).every((p) => p.cat === 'earbuds' && p.price <= 300)).toBe(true);
  });
});

describe('shop task templates', () => {
  it('has at least 9 templates', () => expect(SHOP_TASKS.length).toBeGreaterThanOrEqual(9));
  checkTemplates({ describe, it }, SHOP_TASKS, APPS, [1, 2, 3, 11, 42, 77]);
});
