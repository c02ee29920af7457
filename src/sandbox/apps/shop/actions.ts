/** Shop actions: search, sort and filter; choose variants; cart; checkout, address, payment. */
import type { ActCtx } from '../../framework.js';
import { PAY_METHODS, category, emptyFilters, inStock, lineKey, placeOrder, product, type Line, type ShopState, type SortKey } from './data.js';

type A = ActCtx<ShopState>;

function startSearch(ctx: A, q: string, cat: string | null): void {
  const s = ctx.s;
  s.query = q.trim();
  s.cat = cat ? category(cat).id : null;
  s.sort = 'default';
  s.filters = emptyFilters();
  ctx.setField('min', '');
  ctx.setField('max', '');
  ctx.focus(null);
  const top = ctx.system.stacks.shop?.at(-1)?.name;
  if (top === 'search') ctx.replace('results');
  else ctx.push('results');
}

function toggle(list: string[], x: string): string[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x];
}

function priceField(v: string): number | null {
  const n = Number(v.replace(/[¥￥,\s]/g, ''));
  return v.trim() && Number.isFinite(n) ? n : null;
}

/** The chosen variant, or a toast saying what is missing. */
function chosen(ctx: A): Line | null {
  const sel = ctx.s.sel;
  if (!sel) return null;
  const p = product(ctx.s, sel.pid);
  if (p.sizes.length && !sel.size) {
    ctx.toast('请选择尺码 Please choose a size');
    return null;
  }
  const left = inStock(p, sel.colour, sel.size);
  if (left === 0) {
    ctx.toast('该规格已售罄 This option is sold out');
    return null;
  }
  if (sel.qty > left) {
    ctx.toast(`库存仅剩 ${left} 件`);
    return null;
  }
  return { pid: sel.pid, colour: sel.colour, size: sel.size, qty: sel.qty };
}

export const ACTIONS: Record<string, (ctx: A, arg: string) => void> = {
  tab(ctx, arg) {
    ctx.focus(null);
    ctx.resetTo(arg === 'cart' || arg === 'me' ? arg : 'home');
  },
  back(ctx) {
    ctx.focus(null);
    ctx.pop();
  },
  notice(ctx, arg) {
    ctx.toast(arg);
  },
  openSearch(ctx) {
    ctx.setField('q', '');
    ctx.focus('q');
    ctx.push('search');
  },
  /** Enter in the search field (arg is the field value). */
  search(ctx, arg) {
    if (!arg.trim()) return ctx.toast('请输入关键词');
    startSearch(ctx, arg, null);
  },
  searchField(ctx) {
    ACTIONS.search(ctx, ctx.field('q'));
  },
  searchFor(ctx, arg) {
    ctx.setField('q', arg);
    startSearch(ctx, arg, null);
  },
  openCat(ctx, arg) {
    startSearch(ctx, '', arg);
  },
  setSort(ctx, arg) {
    const s = ctx.s;
    // Price toggles low-to-high, then high-to-low, like every shopping app.
    if (arg === 'price') s.sort = s.sort === 'price-asc' ? 'price-desc' : 'price-asc';
    else s.sort = (['default', 'sales', 'rating'].includes(arg) ? arg : 'default') as SortKey;
  },
  openFilter(ctx) {
    ctx.push('filter');
  },
  toggleSize(ctx, arg) {
    ctx.s.filters.sizes = toggle(ctx.s.filters.sizes, arg);
  },
  toggleColour(ctx, arg) {
    ctx.s.filters.colours = toggle(ctx.s.filters.colours, arg);
  },
  toggleBrand(ctx, arg) {
    ctx.s.filters.brands = toggle(ctx.s.filters.brands, arg);
  },
  resetFilters(ctx) {
    ctx.s.filters = emptyFilters();
    ctx.setField('min', '');
    ctx.setField('max', '');
  },
  applyFilters(ctx) {
    const f = ctx.s.filters;
    f.min = priceField(ctx.field('min'));
    f.max = priceField(ctx.field('max'));
    ctx.focus(null);
    ctx.pop();
  },
  openProduct(ctx, arg) {
    const p = product(ctx.s, arg);
    ctx.s.sel = { pid: p.id, colour: p.colours[0], size: '', qty: 1 };
    ctx.focus(null);
    ctx.push('product', { id: p.id });
  },
  pickColour(ctx, arg) {
    const sel = ctx.s.sel;
    if (sel && product(ctx.s, sel.pid).colours.includes(arg)) sel.colour = arg;
  },
  pickSize(ctx, arg) {
    const sel = ctx.s.sel;
    if (!sel) return;
    const p = product(ctx.s, sel.pid);
    if (!p.sizes.includes(arg)) return;
    if (inStock(p, sel.colour, arg) === 0) return ctx.toast(`${arg} 已售罄 Sold out`);
    sel.size = arg;
  },
  qty(ctx, arg) {
    const sel = ctx.s.sel;
    if (sel) sel.qty = Math.max(1, Math.min(99, sel.qty + Number(arg)));
  },
  toggleFav(ctx, arg) {
    const s = ctx.s;
    product(s, arg);
    const had = s.favs.includes(arg);
    s.favs = had ? s.favs.filter((x) => x !== arg) : [...s.favs, arg];
    ctx.toast(had ? '已取消收藏' : '已加入收藏 Added to favourites');
  },
  addToCart(ctx) {
    const line = chosen(ctx);
    if (!line) return;
    const same = ctx.s.cart.find((l) => lineKey(l) === lineKey(line));
    if (same) same.qty += line.qty;
    else ctx.s.cart.push(line);
    ctx.toast('已加入购物车 Added to cart');
  },
  buyNow(ctx) {
    const line = chosen(ctx);
    if (!line) return;
    ctx.s.draft = { lines: [line], address: ctx.s.defaultAddress, fromCart: false };
    ctx.push('checkout');
  },
  /** arg "<lineKey>|<delta>". */
  cartQty(ctx, arg) {
    const [k, d] = arg.split('|');
    const l = ctx.s.cart.find((x) => lineKey(x) === k);
    if (l) l.qty = Math.max(1, Math.min(99, l.qty + Number(d)));
  },
  cartRemove(ctx, arg) {
    ctx.s.cart = ctx.s.cart.filter((x) => lineKey(x) !== arg);
    ctx.toast('已删除');
  },
  checkoutCart(ctx) {
    if (!ctx.s.cart.length) return ctx.toast('购物车是空的');
    ctx.s.draft = { lines: ctx.s.cart.map((l) => ({ ...l })), address: ctx.s.defaultAddress, fromCart: true };
    ctx.push('checkout');
  },
  chooseAddress(ctx) {
    ctx.push('address');
  },
  setAddress(ctx, arg) {
    if (!ctx.s.addresses.some((a) => a.id === arg)) return;
    if (ctx.s.draft) ctx.s.draft.address = arg;
    else ctx.s.defaultAddress = arg;
    ctx.pop();
  },
  submitOrder(ctx) {
    const d = ctx.s.draft;
    if (!d) return;
    const o = placeOrder(ctx.s, d.lines, d.address, ctx.system.clock.replace('T', ' '));
    ctx.replace('pay', { order: o.id });
  },
  payMethod(ctx, arg) {
    if (PAY_METHODS.includes(arg)) ctx.s.payWith = arg;
  },
  pay(ctx) {
    const s = ctx.s;
    const o = s.orders.find((x) => x.id === ctx.screen.params?.order);
    if (!o || o.status !== 'unpaid') return;
    o.status = 'paid';
    o.pay = s.payWith;
    if (s.draft?.fromCart) {
      const bought = new Set(s.draft.lines.map(lineKey));
      s.cart = s.cart.filter((l) => !bought.has(lineKey(l)));
    }
    for (const l of o.lines) product(s, l.pid).stock[`${l.colour}|${l.size}`] -= l.qty;
    s.draft = null;
    ctx.resetTo('paid', { order: o.id });
  },
  openOrders(ctx) {
    ctx.push('orders');
  },
  openFavs(ctx) {
    ctx.push('favs');
  },
};
