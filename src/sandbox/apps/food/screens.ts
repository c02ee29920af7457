/** Food screens: restaurant list, menu, item options, checkout, addresses, order status, orders. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { CUISINES, SPICE, cartTotals, findItem, items, lineLabel, money, restaurant, unitPrice, type CuisineId, type FoodState, type Restaurant, type SpiceKey } from './data.js';
import { I, cuisineIcon, dishPic, logo } from './icon.js';

type V = ViewCtx<FoodState>;

/** Restaurants the home list shows, for the search text, cuisine chip and sort. */
export function visibleRestaurants(s: FoodState, q: string): Restaurant[] {
  const k = q.trim().toLowerCase();
  const hit = (r: Restaurant) => !k || [r.zh, r.en, ...CUISINES[r.cuisine], ...items(r).flatMap((i) => [i.zh, i.en])].some((t) => t.toLowerCase().includes(k));
  const list = s.restaurants.filter((r) => (!s.cuisine || r.cuisine === s.cuisine) && hit(r));
  const by = { default: () => 0, rating: (a: Restaurant, b: Restaurant) => b.rating - a.rating, time: (a: Restaurant, b: Restaurant) => a.time - b.time, fee: (a: Restaurant, b: Restaurant) => a.fee - b.fee };
  // Closed restaurants sink to the bottom, as in real delivery apps.
  return list.sort(by[s.sort]).sort((a, b) => Number(b.open) - Number(a.open));
}

function nav(active: string): Raw {
  const t = (id: string, icon: string, zh: string) =>
    html`<div class="tab ${active === id ? 'on' : ''}" data-tap="tab" data-arg="${id}" data-id="tab-${id}" data-selected="${active === id}">${raw(icon)}<span>${zh}</span></div>`;
  return html`<nav class="bottom">${t('home', I.home, '首页')}${t('orders', I.list, '订单')}${t('me', I.user, '我的')}</nav>`;
}

function bar(title: string): Raw {
  return html`<header class="bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div><h1>${title}</h1><div class="icon-btn"></div></header>`;
}

function home(v: V): Raw {
  const s = v.s;
  const list = visibleRestaurants(s, v.field('q'));
  const addr = s.addresses.find((a) => a.id === s.address)!;
  const sortChip = (k: FoodState['sort'], label: string) => html`<span class="sc ${s.sort === k ? 'on' : ''}" data-tap="setSort" data-arg="${k}" data-id="sort-${k}" data-selected="${s.sort === k}">${label}</span>`;
  return html`<div class="screen">
    <header class="top"><div class="addr-line" data-tap="openAddresses" data-id="home-address">${raw(I.pin)}<b>${addr.label}</b><span>${addr.addr}</span></div>
      <div class="input-wrap">${raw(I.search)}<input data-field="q" data-id="search-input" value="${v.field('q')}" placeholder="搜索商家、菜品 Search food">${v.field('q') ? html`<span class="clear" data-tap="clearSearch" data-id="search-clear" aria-label="清除">×</span>` : ''}</div></header>
    <div class="cuis">${(Object.keys(CUISINES) as CuisineId[]).map((c) => html`<div class="cz ${s.cuisine === c ? 'on' : ''}" data-tap="setCuisine" data-arg="${c}" data-id="cuisine-${c}" data-checked="${s.cuisine === c}">${raw(cuisineIcon(c))}<span>${CUISINES[c][0]}</span><small>${CUISINES[c][1]}</small></div>`)}</div>
    <div class="sorts">${sortChip('default', '综合')}${sortChip('rating', '评分最高')}${sortChip('time', '配送最快')}${sortChip('fee', '配送费最低')}</div>
    <div class="list scroll" data-scroll="main">
      ${list.length ? list.map((r) => html`<div class="rrow ${r.open ? '' : 'closed'}" data-tap="openRestaurant" data-arg="${r.id}" data-id="rest-${r.id}">${raw(logo(r.zh, r.cuisine))}
        <div class="rinfo"><b class="rname">${r.zh}</b><small class="en">${r.en}</small>
          <div class="rmeta">${raw(I.star)}<span class="rating">${r.rating.toFixed(1)}</span><span>月售 ${r.monthSales}</span><span class="grow"></span><span>${r.time}分钟 · ${r.km}km</span></div>
          <div class="rfee">起送 ¥${r.minOrder} · ${r.fee ? `配送 ¥${r.fee}` : '免配送费'} · ${CUISINES[r.cuisine][0]}</div>
          ${r.open ? '' : html`<div class="rest-closed">休息中 · ${r.opensAt} 开始营业 Closed</div>`}</div></div>`)
        : html`<div class="empty"><b>没有找到相关商家</b><small>No restaurants match.</small></div>`}
    </div>
    ${nav('home')}
  </div>`;
}

function restaurantScreen(v: V): Raw {
  const s = v.s;
  const r = restaurant(s, String(v.screen.params?.id));
  const t = cartTotals(s, r.id);
  const qtyOf = (id: string) => (s.carts[r.id] ?? []).filter((l) => l.item === id).reduce((n, l) => n + l.qty, 0);
  const short = r.minOrder - t.subtotal;
  return html`<div class="screen">
    <header class="rhead"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div>
      ${raw(logo(r.zh, r.cuisine, 52))}<div class="grow"><b class="big">${r.zh}</b><small>${r.en}</small>
      <small>${raw(I.star)} ${r.rating.toFixed(1)} · 月售${r.monthSales} · ${r.time}分钟送达 · ${r.fee ? `配送费¥${r.fee}` : '免配送费'} · 包装费¥${r.packing}</small></div></header>
    ${r.open ? html`<div class="notice">公告：欢迎光临${r.zh}，下单满¥${r.minOrder}起送，高峰期请耐心等待～</div>` : html`<div class="notice closed" data-id="closed-banner">本店休息中，${r.opensAt} 开始营业 · Closed now, opens at ${r.opensAt}</div>`}
    <div class="menu-list scroll" data-scroll="main">
      ${r.menu.map((m) => html`<div class="msec">${m.zh} ${m.en}</div>${m.items.map((it, k) => {
        const n = qtyOf(it.id);
        return html`<div class="irow" data-id="item-${it.id}">${raw(dishPic(r.cuisine, k + it.price))}
          <div class="iinfo"><b class="iname">${it.zh}</b><small class="en">${it.en}</small><small>月售 ${it.sales}${it.large || it.spicy || it.addons ? ' · 可选规格' : ''}</small>
            <div class="ifoot"><span class="price">¥${it.price}</span><span class="grow"></span>
            ${n && !(it.large || it.spicy || it.addons) ? html`<span class="iconbtn" data-tap="dec" data-arg="${it.id}" data-id="dec-${it.id}" aria-label="减少">${raw(I.minus)}</span><b class="n">${n}</b>` : n ? html`<b class="n">×${n}</b>` : ''}
            <span class="iconbtn" data-tap="add" data-arg="${it.id}" data-id="add-${it.id}" aria-label="${it.large || it.spicy || it.addons ? '选规格' : '加一份'} ${it.en}">${raw(I.plus)}</span></div></div></div>`;
      })}`)}
    </div>
    <div class="cartbar">${raw(I.bag)}${t.count ? html`<i class="badge">${t.count}</i>` : ''}
      <div class="grow"><b>${t.count ? money(t.subtotal) : '未选购商品'}</b><small>${r.fee ? `另需配送费 ¥${r.fee}` : '免配送费'}</small></div>
      <div class="go ${t.count && short <= 0 && r.open ? '' : 'off'}" data-tap="checkout" data-arg="${r.id}" data-id="checkout-btn">${!r.open ? '休息中' : t.count && short > 0 ? `差¥${Math.round(short * 100) / 100}起送` : '去结算'}</div></div>
  </div>`;
}

function options(v: V): Raw {
  const s = v.s;
  const p = s.pick;
  if (!p) return html`<div class="screen">${bar('选规格')}</div>`;
  const { r, item } = findItem(s, p.item);
  const radio = (on: boolean) => raw(on ? I.check : I.ring);
  return html`<div class="screen">
    ${bar('选规格 Options')}
    <div class="body scroll" data-scroll="main">
      <div class="ohead">${raw(dishPic(r.cuisine, item.price, 96))}<div><b class="big">${item.zh}</b><small>${item.en}</small><small>${r.zh}</small></div></div>
      ${item.large ? html`<div class="fsec">份量 Size</div>
        <div class="opt" data-tap="pickSize" data-arg="regular" data-id="opt-size-regular" data-checked="${p.size === 'regular'}">${radio(p.size === 'regular')}<span class="grow">标准份 Regular</span><span>¥${item.price}</span></div>
        <div class="opt" data-tap="pickSize" data-arg="large" data-id="opt-size-large" data-checked="${p.size === 'large'}">${radio(p.size === 'large')}<span class="grow">大份 Large</span><span>+¥${item.large}</span></div>` : ''}
      ${item.spicy ? html`<div class="fsec">辣度 Spice</div>${(Object.keys(SPICE) as SpiceKey[]).map((k) => html`<div class="opt" data-tap="pickSpice" data-arg="${k}" data-id="opt-spice-${k}" data-checked="${p.spice === k}">${radio(p.spice === k)}<span class="grow">${SPICE[k]}</span></div>`)}` : ''}
      ${item.addons ? html`<div class="fsec">加料 Add-ons（可多选）</div>${item.addons.map((a) => html`<div class="opt" data-tap="toggleAddon" data-arg="${a.key}" data-id="opt-addon-${a.key}" data-checked="${p.addons.includes(a.key)}">${radio(p.addons.includes(a.key))}<span class="grow">${a.zh} ${a.en}</span><span>+¥${a.price}</span></div>`)}` : ''}
      <div class="qline"><span class="fsec">数量 Qty</span><span class="grow"></span><span class="iconbtn" data-tap="pickQty" data-arg="-1" data-id="opt-minus" aria-label="减少">${raw(I.minus)}</span><b class="n" data-id="opt-qty">${p.qty}</b><span class="iconbtn" data-tap="pickQty" data-arg="1" data-id="opt-plus" aria-label="增加">${raw(I.plus)}</span></div>
    </div>
    <div class="cartbar"><div class="grow"><b>${money(unitPrice(item, p.size, p.addons) * p.qty)}</b><small>${lineLabel(item, { ...p, unit: 0 }) || '标准'}</small></div><div class="go" data-tap="confirmPick" data-id="opt-add">加入购物车</div></div>
  </div>`;
}

function checkout(v: V): Raw {
  const s = v.s;
  const r = restaurant(s, String(v.screen.params?.id));
  const lines = s.carts[r.id] ?? [];
  const t = cartTotals(s, r.id);
  const a = s.addresses.find((x) => x.id === s.checkoutAddress)!;
  return html`<div class="screen">
    ${bar('提交订单 Checkout')}
    <div class="body scroll" data-scroll="main">
      <div class="card addr" data-tap="openAddresses" data-id="address-card">${raw(I.pin)}<div class="grow"><b>${a.label}</b><small>${a.addr} · 林晓 138****6625</small></div>${raw(I.chevron)}</div>
      <div class="card"><div class="eta">${raw(I.clock)} 立即送出 · 预计 ${r.time} 分钟送达</div></div>
      <div class="card"><b>${r.zh}</b>${lines.map((l) => { const it = findItem(s, l.item).item; return html`<div class="cl"><span class="grow">${it.zh}<small>${lineLabel(it, l)}</small></span><span>×${l.qty}</span><span class="amt">${money(l.unit * l.qty)}</span></div>`; })}
        <div class="cl"><span class="grow">包装费 Packing</span><span class="amt">${money(t.packing)}</span></div>
        <div class="cl"><span class="grow">配送费 Delivery</span><span class="amt">${t.fee ? money(t.fee) : '免费'}</span></div>
        <div class="cl total"><span class="grow">合计 Total</span><span class="amt" data-id="order-total">${money(t.total)}</span></div></div>
    </div>
    <div class="cartbar"><div class="grow"><b>${money(t.total)}</b><small>已优惠 ¥0</small></div><div class="go" data-tap="placeOrder" data-arg="${r.id}" data-id="place-order">提交订单</div></div>
  </div>`;
}

function addresses(v: V): Raw {
  const s = v.s;
  const inCheckout = v.phone.system.stacks.food?.some((x) => x.name === 'checkout');
  const cur = inCheckout ? s.checkoutAddress : s.address;
  return html`<div class="screen">
    ${bar('选择收货地址')}
    <div class="list scroll" data-scroll="main">${s.addresses.map((a) => html`<div class="opt big" data-tap="setAddress" data-arg="${a.id}" data-id="addr-${a.id}" data-checked="${a.id === cur}">${raw(a.id === cur ? I.check : I.ring)}<div class="grow"><b>${a.label}</b><small>${a.addr}</small></div></div>`)}</div>
  </div>`;
}

const STEPS: [FoodState['orders'][number]['status'], string][] = [['preparing', '商家备餐中'], ['delivering', '骑手配送中'], ['delivered', '已送达']];

function status(v: V): Raw {
  const s = v.s;
  const o = s.orders.find((x) => x.id === v.screen.params?.order);
  if (!o) return html`<div class="screen">${bar('订单')}<div class="empty">订单不存在</div></div>`;
  const r = restaurant(s, o.rid);
  const at = STEPS.findIndex((x) => x[0] === o.status);
  return html`<div class="screen">
    ${bar('订单详情 Order')}
    <div class="body scroll" data-scroll="main">
      <div class="card hero"><b class="big">${o.status === 'delivered' ? '订单已送达' : `预计 ${o.eta} 送达`}</b><small>${o.status === 'delivered' ? 'Delivered' : `Arriving around ${o.eta}`} · 骑手 ${o.rider} ${raw(I.bike)}</small>
        <div class="steps">${STEPS.map(([k, label], i) => html`<span class="${i <= at ? 'on' : ''}" data-id="step-${k}">${label}</span>`)}</div></div>
      <div class="card"><b>${r.zh}</b>${o.lines.map((l) => { const it = findItem(s, l.item).item; return html`<div class="cl"><span class="grow">${it.zh}<small>${lineLabel(it, l)}</small></span><span>×${l.qty}</span><span class="amt">${money(l.unit * l.qty)}</span></div>`; })}
        <div class="cl"><span class="grow">包装费 + 配送费</span><span class="amt">${money(o.packing + o.fee)}</span></div><div class="cl total"><span class="grow">实付</span><span class="amt">${money(o.total)}</span></div></div>
      <div class="card"><small>订单号 ${o.id} · 下单时间 ${o.placed} · 送至 ${s.addresses.find((a) => a.id === o.address)?.label ?? ''}</small></div>
    </div>
  </div>`;
}

function orders(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    <header class="bar"><div class="icon-btn"></div><h1>我的订单 Orders</h1><div class="icon-btn"></div></header>
    <div class="list scroll" data-scroll="main">
      ${s.orders.slice().reverse().map((o) => { const r = restaurant(s, o.rid); return html`<div class="card orow" data-id="order-${o.id}">
        <div class="oh" data-tap="openOrder" data-arg="${o.id}">${raw(logo(r.zh, r.cuisine, 36))}<b class="grow">${r.zh}</b><span class="ost">${STEPS.find((x) => x[0] === o.status)![1]}</span></div>
        <small data-tap="openOrder" data-arg="${o.id}">${o.placed} · ${o.lines.map((l) => `${findItem(s, l.item).item.zh}×${l.qty}`).join('，')}</small>
        <div class="of"><b>${money(o.total)}</b><span class="grow"></span><span class="pill" data-tap="reorder" data-arg="${o.id}" data-id="reorder-${o.id}">再来一单</span></div></div>`; })}
    </div>
    ${nav('orders')}
  </div>`;
}

function me(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    <div class="body scroll" data-scroll="main">
      <div class="mehead"><span class="avatar">林</span><div><b>林晓</b><small>138****6625 · 吃货等级 Lv.6</small></div></div>
      <div class="card"><div class="cl" data-tap="openAddresses" data-id="my-addresses"><span class="grow">收货地址 Addresses</span><small>${s.addresses.length} 个</small>${raw(I.chevron)}</div>
        <div class="cl"><span class="grow">红包卡券 Coupons</span><small>2 张</small></div><div class="cl"><span class="grow">客服中心 Help</span></div></div>
    </div>
    ${nav('me')}
  </div>`;
}

export const SCREENS = { home, restaurant: restaurantScreen, options, checkout, addresses, status, orders, me };
