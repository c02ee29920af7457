/** Food actions: browse, choose item options, cart, checkout with address, place and reorder. */
import type { ActCtx } from '../../framework.js';
import { CUISINES, SPICE, cartTotals, findItem, placeOrder, restaurant, unitPrice, type CartLine, type CuisineId, type FoodState, type SpiceKey } from './data.js';

type A = ActCtx<FoodState>;

function sameLine(a: CartLine, b: CartLine): boolean {
  return a.item === b.item && a.size === b.size && a.spice === b.spice && a.addons.join() === b.addons.join();
}

function addLine(s: FoodState, rid: string, line: CartLine): void {
  const cart = (s.carts[rid] ??= []);
  const same = cart.find((l) => sameLine(l, line));
  if (same) same.qty += line.qty;
  else cart.push(line);
}

export const ACTIONS: Record<string, (ctx: A, arg: string) => void> = {
  tab(ctx, arg) {
    ctx.focus(null);
    ctx.resetTo(arg === 'orders' || arg === 'me' ? arg : 'home');
  },
  back(ctx) {
    ctx.focus(null);
    ctx.pop();
  },
  clearSearch(ctx) {
    ctx.setField('q', '');
  },
  setCuisine(ctx, arg) {
    if (!(arg in CUISINES)) return;
    ctx.s.cuisine = ctx.s.cuisine === arg ? null : (arg as CuisineId);
  },
  setSort(ctx, arg) {
    if (['default', 'rating', 'time', 'fee'].includes(arg)) ctx.s.sort = arg as FoodState['sort'];
  },
  openRestaurant(ctx, arg) {
    restaurant(ctx.s, arg);
    ctx.focus(null);
    ctx.push('restaurant', { id: arg });
  },
  /** "+" on a menu item: plain items go straight to the cart, others open the options screen. */
  add(ctx, arg) {
    const { r, item } = findItem(ctx.s, arg);
    if (!r.open) return ctx.toast(`本店休息中，${r.opensAt} 开始营业`);
    if (item.large || item.spicy || item.addons) {
      ctx.s.pick = { rid: r.id, item: item.id, size: 'regular', spice: item.spicy ? 'mild' : '', addons: [], qty: 1 };
      ctx.push('options');
      return;
    }
    addLine(ctx.s, r.id, { item: item.id, qty: 1, size: 'regular', spice: '', addons: [], unit: item.price });
  },
  dec(ctx, arg) {
    const { r } = findItem(ctx.s, arg);
    const cart = ctx.s.carts[r.id] ?? [];
    const l = cart.find((x) => x.item === arg);
    if (!l) return;
    l.qty--;
    if (l.qty <= 0) ctx.s.carts[r.id] = cart.filter((x) => x !== l);
  },
  pickSize(ctx, arg) {
    if (ctx.s.pick && (arg === 'regular' || arg === 'large')) ctx.s.pick.size = arg;
  },
  pickSpice(ctx, arg) {
    if (ctx.s.pick && arg in SPICE) ctx.s.pick.spice = arg as SpiceKey;
  },
  toggleAddon(ctx, arg) {
    const p = ctx.s.pick;
    if (!p) return;
    p.addons = p.addons.includes(arg) ? p.addons.filter((a) => a !== arg) : [...p.addons, arg].sort();
  },
  pickQty(ctx, arg) {
    if (ctx.s.pick) ctx.s.pick.qty = Math.max(1, Math.min(20, ctx.s.pick.qty + Number(arg)));
  },
  confirmPick(ctx) {
    const p = ctx.s.pick;
    if (!p) return;
    const { item } = findItem(ctx.s, p.item);
    addLine(ctx.s, p.rid, { item: p.item, qty: p.qty, size: p.size, spice: p.spice, addons: [...p.addons], unit: unitPrice(item, p.size, p.addons) });
    ctx.s.pick = null;
    ctx.pop();
    ctx.toast('已加入购物车');
  },
  checkout(ctx, arg) {
    const r = restaurant(ctx.s, arg);
    const t = cartTotals(ctx.s, r.id);
    if (!r.open) return ctx.toast('本店休息中，暂不接单');
    if (!t.count) return ctx.toast('购物车是空的');
    if (t.subtotal < r.minOrder) return ctx.toast(`还差 ¥${r.minOrder - t.subtotal} 起送`);
    ctx.s.checkoutAddress = ctx.s.address;
    ctx.push('checkout', { id: r.id });
  },
  openAddresses(ctx) {
    ctx.push('addresses');
  },
  setAddress(ctx, arg) {
    if (!ctx.s.addresses.some((a) => a.id === arg)) return;
    if (ctx.system.stacks.food?.some((x) => x.name === 'checkout')) ctx.s.checkoutAddress = arg;
    else ctx.s.address = arg;
    ctx.pop();
  },
  placeOrder(ctx, arg) {
    const s = ctx.s;
    const lines = s.carts[arg] ?? [];
    if (!lines.length) return;
    const o = placeOrder(s, arg, lines, s.checkoutAddress, ctx.system.clock.replace('T', ' '));
    delete s.carts[arg];
    ctx.resetTo('status', { order: o.id });
    ctx.toast('下单成功，商家正在备餐');
  },
  openOrder(ctx, arg) {
    ctx.push('status', { order: arg });
  },
  /** "再来一单": put the same lines in the cart and go to checkout. */
  reorder(ctx, arg) {
    const o = ctx.s.orders.find((x) => x.id === arg);
    if (!o) return;
    const r = restaurant(ctx.s, o.rid);
    if (!r.open) return ctx.toast(`${r.zh} 休息中，${r.opensAt} 开始营业`);
    ctx.s.carts[o.rid] = o.lines.map((l) => ({ ...l, addons: [...l.addons] }));
    ctx.s.checkoutAddress = ctx.s.address;
    ctx.push('checkout', { id: o.rid });
  },
};
