/** Shop buying screens: cart, checkout, address choice, payment, success, me, orders, favourites. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { PAY_METHODS, colourName, lineKey, money, product, shippingFor, subtotal, type Line, type Order, type ShopState } from './data.js';
import { I, productPic } from './icon.js';
import { bar, nav, productRow } from './screens-browse.js';

type V = ViewCtx<ShopState>;

const STATUS: Record<Order['status'], string> = { unpaid: '待付款', paid: '待发货', shipped: '待收货', delivered: '已完成' };

function variant(l: Line): string {
  return [colourName(l.colour), l.size].filter(Boolean).join(' · ');
}

function cart(v: V): Raw {
  const s = v.s;
  const sub = subtotal(s, s.cart);
  return html`<div class="screen">
    <header class="bar"><div class="icon-btn"></div><h1>购物车 Cart (${s.cart.length})</h1><div class="icon-btn"></div></header>
    <div class="list scroll" data-scroll="main">
      ${s.cart.length ? s.cart.map((l) => {
        const p = product(s, l.pid);
        const k = lineKey(l);
        return html`<div class="cline" data-id="cart-${k}">${raw(I.check)}${raw(productPic(p.cat, l.colour, 84))}
          <div class="pinfo"><div class="ptitle">${p.zh}</div><small class="vtag">${variant(l)}</small>
          <div class="cfoot"><span class="price">${money(p.price)}</span>
            <div class="stepper sm"><span data-tap="cartQty" data-arg="${k}|-1" data-id="cart-minus-${k}" aria-label="减少">−</span><b>${l.qty}</b><span data-tap="cartQty" data-arg="${k}|1" data-id="cart-plus-${k}" aria-label="增加">+</span></div></div>
          <span class="remove" data-tap="cartRemove" data-arg="${k}" data-id="cart-remove-${k}">删除 Remove</span></div></div>`;
      }) : html`<div class="empty">${raw(I.cart)}<b>购物车还是空的</b><small>Your cart is empty.</small></div>`}
    </div>
    <div class="cbar"><div class="grow">合计 <span class="price">${money(sub)}</span><small>${s.cart.length ? (shippingFor(s, s.cart) ? '运费 ¥8' : '免运费') : ''}</small></div>
      <div class="bb buy" data-tap="checkoutCart" data-id="checkout-btn">结算 Checkout</div></div>
    ${nav('cart', s)}
  </div>`;
}

function checkout(v: V): Raw {
  const s = v.s;
  const d = s.draft;
  if (!d) return html`<div class="screen">${bar('确认订单')}<div class="empty">没有待结算的商品</div></div>`;
  const a = s.addresses.find((x) => x.id === d.address)!;
  const sub = subtotal(s, d.lines);
  const ship = shippingFor(s, d.lines);
  return html`<div class="screen">
    ${bar('确认订单 Checkout')}
    <div class="body scroll" data-scroll="main">
      <div class="addr card" data-tap="chooseAddress" data-id="address-card">${raw(I.pin)}<div class="grow"><b>${a.name} ${a.phone}</b><span class="atag">${a.label}</span><small>${a.addr}</small></div>${raw(I.chevron)}</div>
      <div class="card">${d.lines.map((l) => {
        const p = product(s, l.pid);
        return html`<div class="oline">${raw(productPic(p.cat, l.colour, 72))}<div class="pinfo"><div class="ptitle">${p.zh}</div><small class="vtag">${variant(l)}</small><div class="cfoot"><span class="price">${money(p.price)}</span><span>× ${l.qty}</span></div></div></div>`;
      })}</div>
      <div class="card sums"><div><span>商品金额</span><span>${money(sub)}</span></div><div><span>运费 Shipping</span><span>${ship ? money(ship) : '免运费'}</span></div><div><span>优惠</span><span>暂无可用</span></div></div>
    </div>
    <div class="cbar"><div class="grow">实付 <span class="price" data-id="order-total">${money(sub + ship)}</span></div><div class="bb buy" data-tap="submitOrder" data-id="submit-order">提交订单 Submit</div></div>
  </div>`;
}

function address(v: V): Raw {
  const s = v.s;
  const cur = s.draft?.address ?? s.defaultAddress;
  return html`<div class="screen">
    ${bar('选择收货地址 Address')}
    <div class="list scroll" data-scroll="main">
      ${s.addresses.map((a) => html`<div class="arow ${a.id === cur ? 'on' : ''}" data-tap="setAddress" data-arg="${a.id}" data-id="addr-${a.id}" data-checked="${a.id === cur}">
        <div class="grow"><b>${a.name} ${a.phone}</b><span class="atag">${a.label}</span>${a.id === s.defaultAddress ? html`<span class="atag def">默认</span>` : ''}<small>${a.addr}</small></div>${a.id === cur ? raw(I.check) : ''}</div>`)}
    </div>
  </div>`;
}

function pay(v: V): Raw {
  const s = v.s;
  const o = s.orders.find((x) => x.id === v.screen.params?.order);
  if (!o) return html`<div class="screen">${bar('支付')}<div class="empty">订单不存在</div></div>`;
  return html`<div class="screen">
    ${bar('收银台 Payment')}
    <div class="body scroll" data-scroll="main">
      <div class="paybox"><small>订单 ${o.id} · 请在 15:00 内完成支付</small><b class="price huge">${money(o.total)}</b></div>
      <div class="card">${PAY_METHODS.map((m) => html`<div class="arow ${s.payWith === m ? 'on' : ''}" data-tap="payMethod" data-arg="${m}" data-id="pay-${m.split(' ')[0]}" data-checked="${s.payWith === m}"><div class="grow"><b>${m}</b></div>${s.payWith === m ? raw(I.check) : ''}</div>`)}</div>
    </div>
    <div class="cbar"><div class="bb buy wide" data-tap="pay" data-id="pay-btn">确认支付 Pay ${money(o.total)}</div></div>
  </div>`;
}

function paid(v: V): Raw {
  const o = v.s.orders.find((x) => x.id === v.screen.params?.order);
  return html`<div class="screen">
    <header class="bar"><div class="icon-btn"></div><h1>支付成功</h1><div class="icon-btn"></div></header>
    <div class="done">${raw(I.ok)}<b>支付成功 Payment successful</b><small>订单号 ${o?.id ?? ''} · 实付 ${money(o?.total ?? 0)}</small>
      <div class="row2"><div class="btn ghost" data-tap="openOrders" data-id="view-orders">查看订单</div><div class="btn primary" data-tap="tab" data-arg="home" data-id="continue-shopping">继续逛逛</div></div></div>
  </div>`;
}

function me(v: V): Raw {
  const s = v.s;
  const count = (st: Order['status']) => s.orders.filter((o) => o.status === st).length;
  return html`<div class="screen">
    <div class="body scroll" data-scroll="main">
      <div class="mehead"><span class="avatar">林</span><div><b>林晓 Lin Xiao</b><small>超级会员 · 积分 3,260</small></div></div>
      <div class="card"><div class="crow" data-tap="openOrders" data-id="my-orders"><b>我的订单 Orders</b><small>全部 ${raw(I.chevron)}</small></div>
        <div class="ostat">${(['unpaid', 'paid', 'shipped', 'delivered'] as const).map((st) => html`<div><b>${count(st)}</b><small>${STATUS[st]}</small></div>`)}</div></div>
      <div class="card"><div class="crow" data-tap="openFavs" data-id="my-favs"><b>我的收藏 Favourites</b><small>${s.favs.length} 件 ${raw(I.chevron)}</small></div>
        <div class="crow" data-tap="chooseAddress" data-id="my-addresses"><b>收货地址 Addresses</b><small>${s.addresses.length} 个 ${raw(I.chevron)}</small></div>
        <div class="crow"><b>客服 Help</b><small>${raw(I.chevron)}</small></div></div>
    </div>
    ${nav('me', s)}
  </div>`;
}

function orders(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    ${bar('我的订单 Orders')}
    <div class="list scroll" data-scroll="main">
      ${s.orders.slice().reverse().map((o) => html`<div class="card order" data-id="order-${o.id}">
        <div class="ohead"><span>${o.time} · ${o.id}</span><span class="ost">${STATUS[o.status]}</span></div>
        ${o.lines.map((l) => { const p = product(s, l.pid); return html`<div class="oline">${raw(productPic(p.cat, l.colour, 64))}<div class="pinfo"><div class="ptitle">${p.zh}</div><small class="vtag">${variant(l)} × ${l.qty}</small></div></div>`; })}
        <div class="ofoot">共 ${o.lines.reduce((a, l) => a + l.qty, 0)} 件 · 实付 <b>${money(o.total)}</b></div></div>`)}
    </div>
  </div>`;
}

function favs(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    ${bar('我的收藏 Favourites')}
    <div class="list scroll" data-scroll="main">
      ${s.favs.length ? s.favs.map((id) => productRow(product(s, id))) : html`<div class="empty">${raw(I.heart)}<b>还没有收藏</b><small>No favourites yet.</small></div>`}
    </div>
  </div>`;
}

export const BUY = { cart, checkout, address, pay, paid, me, orders, favs };
