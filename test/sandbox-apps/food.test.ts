import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { food } from '../../src/sandbox/apps/food/index.js';
import { cartTotals, items, seedFood, unitPrice, type FoodState } from '../../src/sandbox/apps/food/data.js';
import { visibleRestaurants } from '../../src/sandbox/apps/food/screens.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { FOOD_TASKS } from '../../src/sandbox/tasks/food.js';
import { Headless, checkTemplates } from './appsA-headless.js';

const APPS = [food];
const S = (p: ReturnType<typeof createPhone>) => p.apps.food as FoodState;

describe('food data', () => {
  it('is deterministic with open and closed restaurants and real menus', () => {
    const a = seedFood(new Rng('f'));
    expect(a).toEqual(seedFood(new Rng('f')));
    expect(a.restaurants.length).toBeGreaterThanOrEqual(15);
    const all = [1, 2, 3, 4, 5].flatMap((n) => seedFood(new Rng(n)).restaurants);
    expect(all.some((r) => !r.open)).toBe(true);
    for (const r of a.restaurants) expect(items(r).length).toBeGreaterThanOrEqual(5);
    expect(a.orders.length).toBeGreaterThanOrEqual(2);
  });
  it('prices options and totals with packing and delivery', () => {
    const s = seedFood(new Rng(2));
    const r = s.restaurants.find((x) => items(x).some((i) => i.large && i.addons))!;
    const it = items(r).find((i) => i.large && i.addons)!;
    expect(unitPrice(it, 'large', [it.addons![0].key])).toBe(it.price + it.large! + it.addons![0].price);
    s.carts[r.id] = [{ item: it.id, qty: 2, size: 'regular', spice: '', addons: [], unit: it.price }];
    expect(cartTotals(s, r.id)).toMatchObject({ count: 2, subtotal: it.price * 2, total: it.price * 2 + r.fee + r.packing });
  });
  it('list search matches dish names; closed restaurants sort last', () => {
    const s = seedFood(new Rng(4));
    const hits = visibleRestaurants(s, 'kung pao');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((r) => items(r).some((i) => i.en === 'Kung Pao Chicken'))).toBe(true);
    const list = visibleRestaurants(s, '');
    const firstClosed = list.findIndex((r) => !r.open);
    if (firstClosed >= 0) expect(list.slice(firstClosed).every((r) => !r.open)).toBe(true);
    s.sort = 'time';
    const open = visibleRestaurants(s, '').filter((r) => r.open).map((r) => r.time);
    expect(open).toEqual([...open].sort((x, y) => x - y));
  });
});

describe('food screens and actions', () => {
  it('renders every screen', () => {
    const phone = createPhone(3, APPS);
    openApp(phone, 'food');
    const s = S(phone);
    const r = s.restaurants[0];
    const it = items(r)[0];
    s.pick = { rid: r.id, item: it.id, size: 'regular', spice: 'mild', addons: [], qty: 1 };
    s.carts[r.id] = [{ item: it.id, qty: 1, size: 'regular', spice: '', addons: [], unit: it.price }];
    for (const [name, params] of [['home'], ['restaurant', { id: r.id }], ['options'], ['checkout', { id: r.id }], ['addresses'], ['status', { order: s.orders[0].id }], ['orders'], ['me']] as [string, Record<string, unknown>?][]) {
      phone.system.stacks.food = [{ name, params }];
      expect(renderScreen(phone, food).length, name).toBeGreaterThan(300);
    }
  });
  it('options, minimum order, closed shops and placing an order', () => {
    const phone = createPhone(3, APPS);
    openApp(phone, 'food');
    const s = S(phone);
    const r = s.restaurants.find((x) => x.open && items(x).some((i) => i.spicy && i.large))!;
    const it = items(r).find((i) => i.spicy && i.large)!;
    r.minOrder = 1000;
    dispatch(phone, APPS, 'food', 'openRestaurant', r.id);
    dispatch(phone, APPS, 'food', 'add', it.id);
    expect(phone.system.stacks.food.at(-1)!.name).toBe('options');
    dispatch(phone, APPS, 'food', 'pickSize', 'large');
    dispatch(phone, APPS, 'food', 'pickSpice', 'hot');
    dispatch(phone, APPS, 'food', 'pickQty', '1');
    dispatch(phone, APPS, 'food', 'confirmPick');
    expect(s.carts[r.id]).toEqual([{ item: it.id, qty: 2, size: 'large', spice: 'hot', addons: [], unit: it.price + it.large! }]);
    dispatch(phone, APPS, 'food', 'checkout', r.id);
    expect(phone.system.toast).toContain('起送');
    r.minOrder = 10;
    dispatch(phone, APPS, 'food', 'checkout', r.id);
    dispatch(phone, APPS, 'food', 'openAddresses');
    dispatch(phone, APPS, 'food', 'setAddress', 'office');
    dispatch(phone, APPS, 'food', 'placeOrder', r.id);
    const o = s.orders.at(-1)!;
    expect(o).toMatchObject({ rid: r.id, address: 'office', status: 'preparing', total: (it.price + it.large!) * 2 + r.fee + r.packing });
    expect(s.carts[r.id]).toBeUndefined();
    expect(s.address).toBe('home');
    r.open = false;
    dispatch(phone, APPS, 'food', 'openRestaurant', r.id);
    dispatch(phone, APPS, 'food', 'add', it.id);
    expect(phone.system.toast).toContain('休息中');
  });
  it('headless: typing filters the list and the clear button empties it', () => {
    const phone = createPhone(6, APPS);
    const h = new Headless(phone, APPS);
    h.openApp('外卖');
    h.type('拉面', { id: 'search-input' });
    expect(h.screenHtml()).toContain('search-clear');
    h.tap({ id: 'search-clear' });
    expect(phone.system.fields['food.q']).toBe('');
  });
});

describe('food task templates', () => {
  it('has at least 9 templates', () => expect(FOOD_TASKS.length).toBeGreaterThanOrEqual(9));
  checkTemplates({ describe, it }, FOOD_TASKS, APPS, [1, 2, 3, 11, 42, 77]);
});
