/** Shop browsing screens: home feed, search, results with sort, filters, product page. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { CATEGORIES, COLOURS, category, colourName, inStock, money, product, slug, type Product, type ShopState } from './data.js';
import { I, productPic } from './icon.js';
import { facets, results } from './query.js';

type V = ViewCtx<ShopState>;

export function nav(active: string, s: ShopState): Raw {
  const n = s.cart.reduce((a, l) => a + l.qty, 0);
  const t = (id: string, icon: string, zh: string, badge = 0) =>
    html`<div class="tab ${active === id ? 'on' : ''}" data-tap="tab" data-arg="${id}" data-id="tab-${id}" data-selected="${active === id}"><span class="ti">${raw(icon)}${badge ? html`<i class="badge">${badge}</i>` : ''}</span><span>${zh}</span></div>`;
  return html`<nav class="bottom">${t('home', I.home, '首页')}${t('cart', I.cart, '购物车', n)}${t('me', I.user, '我的')}</nav>`;
}

export function bar(title: string): Raw {
  return html`<header class="bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div><h1>${title}</h1><div class="icon-btn"></div></header>`;
}

function sold(n: number): string {
  return n >= 10000 ? `${(n / 10000).toFixed(1)}万+` : String(n);
}

export function productRow(p: Product): Raw {
  return html`<div class="prow" data-tap="openProduct" data-arg="${p.id}" data-id="product-${p.id}">
    ${raw(productPic(p.cat, p.colours[0], 108))}
    <div class="pinfo"><div class="ptitle">${p.zh}</div><div class="pen">${p.en}</div>
      <div class="ptags">${p.freeShip ? html`<span class="tag">包邮</span>` : ''}<span class="tag ghost">${p.colours.length}色可选</span></div>
      <div class="pprice"><span class="price">${money(p.price)}</span><span class="sold">已售 ${sold(p.sales)}</span></div>
      <div class="pmeta">${raw(I.star)} ${p.rating.toFixed(1)} · ${sold(p.reviews)}条评价 · ${p.shop}</div></div></div>`;
}

function card(p: Product): Raw {
  return html`<div class="pcard" data-tap="openProduct" data-arg="${p.id}" data-id="product-${p.id}">${raw(productPic(p.cat, p.colours[0], 164))}
    <div class="ctitle">${p.zh}</div><div class="cprice"><span class="price">${money(p.price)}</span><span class="sold">${sold(p.sales)}人付款</span></div></div>`;
}

function home(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    <header class="top"><div class="logo">优品<span>Shop</span></div>
      <div class="sbox" data-tap="openSearch" data-id="search-box">${raw(I.search)}<span>搜索商品 Search products</span></div>${raw(I.scan)}</header>
    <div class="cats hscroll" data-scroll="cats">${CATEGORIES.map((c) => html`<div class="cat" data-tap="openCat" data-arg="${c.id}" data-id="cat-${c.id}"><span class="cat-pic">${raw(productPic(c.id, c.colours[0], 44))}</span><span>${c.zh}</span></div>`)}</div>
    <div class="feed scroll" data-scroll="main">
      <div class="banner"><b>双12 年终好价节</b><span>满300减40 · 跨店可用 · 12月12日 0点开抢</span></div>
      <div class="section">猜你喜欢 Recommended</div>
      <div class="pgrid">${s.products.map(card)}</div>
    </div>
    ${nav('home', s)}
  </div>`;
}

function search(v: V): Raw {
  const hot = ['T恤', '无线耳机', 'running shoes', '充电宝', '卫衣', 'backpack', '保温杯', 'jeans'];
  return html`<div class="screen">
    <header class="search-bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div>
      <div class="input-wrap">${raw(I.search)}<input data-field="q" data-id="search-input" data-onsubmit="search" value="${v.field('q')}" placeholder="搜索商品 Search products"></div>
      <div class="go" data-tap="searchField" data-id="search-go">搜索</div></header>
    <div class="body scroll" data-scroll="main">
      <div class="section">热门搜索 Trending</div>
      <div class="chips">${hot.map((h) => html`<span class="chip" data-tap="searchFor" data-arg="${h}">${h}</span>`)}</div>
    </div>
  </div>`;
}

function resultsScreen(v: V): Raw {
  const s = v.s;
  const list = results(s);
  const f = s.filters;
  const nf = f.sizes.length + f.colours.length + f.brands.length + (f.min !== null ? 1 : 0) + (f.max !== null ? 1 : 0);
  const title = s.query || (s.cat ? category(s.cat).zh : '全部商品');
  const sortTab = (key: string, label: string, on: boolean) => html`<span class="st ${on ? 'on' : ''}" data-tap="setSort" data-arg="${key}" data-id="sort-${key}" data-selected="${on}">${label}</span>`;
  const priceLabel = s.sort === 'price-asc' ? '价格 ↑' : s.sort === 'price-desc' ? '价格 ↓' : '价格 Price';
  return html`<div class="screen">
    <header class="search-bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div>
      <div class="input-wrap" data-tap="openSearch" data-id="results-query">${raw(I.search)}<span>${title}</span></div></header>
    <div class="sorts">${sortTab('default', '综合', s.sort === 'default')}${sortTab('sales', '销量 Sales', s.sort === 'sales')}${sortTab('price', priceLabel, s.sort.startsWith('price'))}${sortTab('rating', '评分 Rating', s.sort === 'rating')}
      <span class="st filter ${nf ? 'on' : ''}" data-tap="openFilter" data-id="filter-btn">${raw(I.filter)}筛选${nf ? `(${nf})` : ''}</span></div>
    <div class="list scroll" data-scroll="main">
      <div class="count">共 ${list.length} 件商品 · ${list.length} results</div>
      ${list.length ? list.map(productRow) : html`<div class="empty">${raw(I.search)}<b>没有找到符合条件的商品</b><small>No products match. Try fewer filters or another keyword.</small></div>`}
    </div>
  </div>`;
}

function filter(v: V): Raw {
  const s = v.s;
  const f = s.filters;
  const fc = facets(s);
  const chip = (on: boolean, action: string, arg: string, id: string, label: string) =>
    html`<span class="chip ${on ? 'on' : ''}" data-tap="${action}" data-arg="${arg}" data-id="${id}" data-checked="${on}">${label}</span>`;
  return html`<div class="screen">
    ${bar('筛选 Filter')}
    <div class="body scroll" data-scroll="main">
      <div class="fsec">价格区间 Price (¥)</div>
      <div class="prange"><input data-field="min" data-id="price-min" value="${v.field('min')}" placeholder="最低价 Min"><span>—</span><input data-field="max" data-id="price-max" value="${v.field('max')}" placeholder="最高价 Max"></div>
      ${fc.sizes.length ? html`<div class="fsec">尺码 Size</div><div class="chips">${fc.sizes.map((z) => chip(f.sizes.includes(z), 'toggleSize', z, `size-${slug(z)}`, z))}</div>` : ''}
      <div class="fsec">颜色 Colour</div><div class="chips">${fc.colours.map((c) => chip(f.colours.includes(c), 'toggleColour', c, `colour-${c}`, colourName(c)))}</div>
      <div class="fsec">品牌 Brand</div><div class="chips">${fc.brands.map((b) => chip(f.brands.includes(b), 'toggleBrand', b, `brand-${slug(b)}`, b))}</div>
    </div>
    <div class="fbar"><div class="btn ghost" data-tap="resetFilters" data-id="filter-reset">重置 Reset</div><div class="btn primary" data-tap="applyFilters" data-id="filter-apply">确定 Apply (${results(s).length})</div></div>
  </div>`;
}

function productScreen(v: V): Raw {
  const s = v.s;
  const p = product(s, String(v.screen.params?.id));
  const sel = s.sel && s.sel.pid === p.id ? s.sel : { pid: p.id, colour: p.colours[0], size: '', qty: 1 };
  const fav = s.favs.includes(p.id);
  const left = p.sizes.length && !sel.size ? null : inStock(p, sel.colour, sel.size);
  return html`<div class="screen">
    <div class="body scroll pscroll" data-scroll="main">
      <div class="hero">${raw(productPic(p.cat, sel.colour, 280))}<div class="float-back icon-btn round" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div></div>
      <div class="pcard2"><div class="pprice"><span class="price big">${money(p.price)}</span><s>${money(p.was)}</s><span class="sold">已售 ${sold(p.sales)}</span></div>
        <div class="ptitle big" data-id="product-title">${p.zh}</div><div class="pen">${p.en}</div>
        <div class="pmeta">${raw(I.star)} ${p.rating.toFixed(1)} 分 · ${p.reviews} 条评价 · ${p.freeShip ? '包邮 Free shipping' : '运费 ¥8，满¥99包邮'}</div></div>
      <div class="pcard2"><div class="fsec">颜色 Colour</div><div class="chips">${p.colours.map((c) => html`<span class="chip ${sel.colour === c ? 'on' : ''}" data-tap="pickColour" data-arg="${c}" data-id="opt-colour-${c}" data-checked="${sel.colour === c}"><i class="sw" style="background:${COLOURS[c][2]}"></i>${colourName(c)}</span>`)}</div>
        ${p.sizes.length ? html`<div class="fsec">尺码 Size</div><div class="chips">${p.sizes.map((z) => {
          const out = inStock(p, sel.colour, z) === 0;
          return html`<span class="chip ${sel.size === z ? 'on' : ''} ${out ? 'out' : ''}" data-tap="pickSize" data-arg="${z}" data-id="opt-size-${slug(z)}" data-checked="${sel.size === z}">${z}${out ? ' 缺货' : ''}</span>`;
        })}</div>` : ''}
        <div class="qrow"><span class="fsec">数量 Qty</span><div class="stepper"><span data-tap="qty" data-arg="-1" data-id="qty-minus" aria-label="减少">−</span><b data-id="qty-value">${sel.qty}</b><span data-tap="qty" data-arg="1" data-id="qty-plus" aria-label="增加">+</span></div>
          <small>${left === null ? '请选择尺码 Choose a size' : left === 0 ? '该规格已售罄 Sold out' : `库存 ${left} 件`}</small></div></div>
      <div class="pcard2 shop-row">${raw(I.store)}<b>${p.shop}</b><small>店铺评分 4.9 · 48小时发货</small></div>
      <div class="pcard2"><div class="fsec">商品详情 Details</div><p class="desc">${category(p.cat).zh} · ${p.brand} · ${p.colours.map((c) => COLOURS[c][0]).join('/')}${p.sizes.length ? ` · 尺码 ${p.sizes.join('/')}` : ''}。正品保障，7天无理由退换。</p></div>
    </div>
    <div class="buybar"><div class="mini" data-tap="tab" data-arg="home">${raw(I.store)}<span>店铺</span></div>
      <div class="mini ${fav ? 'on' : ''}" data-tap="toggleFav" data-arg="${p.id}" data-id="fav-btn" aria-label="${fav ? '已收藏' : '收藏'}">${raw(fav ? I.heartFill : I.heart)}<span>${fav ? '已收藏' : '收藏'}</span></div>
      <div class="mini" data-tap="tab" data-arg="cart" data-id="go-cart">${raw(I.cart)}<span>购物车</span></div>
      <div class="bb cart" data-tap="addToCart" data-id="add-cart">加入购物车</div><div class="bb buy" data-tap="buyNow" data-id="buy-now">立即购买</div></div>
  </div>`;
}

export const BROWSE = { home, search, results: resultsScreen, filter, product: productScreen };
