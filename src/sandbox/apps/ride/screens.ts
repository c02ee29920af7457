/** Ride screens: home map with "where to", place search, class selection, driver, trips, me. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { CLASSES, activeTrip, classById, distanceKm, durationMin, fare, place, searchPlaces, type RideState, type Trip } from './data.js';
import { I } from './icon.js';
import { mapSvg } from './map.js';

type V = ViewCtx<RideState>;

const STATUS: Record<Trip['status'], string> = { active: '进行中', completed: '已完成', cancelled: '已取消' };

function tabs(active: string): Raw {
  const t = (id: string, icon: string, zh: string) =>
    html`<div class="tab ${active === id ? 'on' : ''}" data-tap="tab" data-arg="${id}" data-id="tab-${id}" data-selected="${active === id}">${raw(icon)}<span>${zh}</span></div>`;
  return html`<nav class="bottom">${t('home', I.car, '打车')}${t('trips', I.list, '行程')}${t('me', I.user, '我的')}</nav>`;
}

function topBack(title: string): Raw {
  return html`<header class="bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div><h1>${title}</h1><div class="icon-btn"></div></header>`;
}

function home(v: V): Raw {
  const s = v.s;
  const cur = place(s, s.pickup);
  const active = activeTrip(s);
  const seen = new Set<string>();
  const recent = s.trips.slice().reverse().map((t) => t.dest).filter((d) => d !== s.home && d !== s.work && !seen.has(d) && seen.add(d)).slice(0, 4);
  return html`<div class="screen">
    <div class="map-wrap">${raw(mapSvg(cur.id, 360, 300, { from: { label: cur.name, kind: 'from' } }))}
      <div class="float-left icon-btn round" aria-label="个人中心" data-tap="tab" data-arg="me">${raw(I.user)}</div>
      <div class="float-right pill" data-tap="notice" data-arg="安全中心：行程分享与紧急联系人已开启">${raw(I.shield)}<span>安全中心</span></div>
      <div class="float-locate icon-btn round" aria-label="定位">${raw(I.locate)}</div>
    </div>
    <div class="rsheet scroll" data-scroll="main">
      <div class="services"><span class="on">快车</span><span>专车</span><span>顺风车</span><span>代驾</span><span>租车</span></div>
      ${active ? html`<div class="banner" data-tap="openTrip" data-arg="${active.id}" data-id="active-trip">${raw(I.car)}<div><b>行程进行中 · ${classById(active.cls).name}</b><small>${active.driver.name} ${active.driver.plate} · 前往 ${place(s, active.dest).name}</small></div>${raw(I.chevron)}</div>` : ''}
      <div class="where">
        <div class="row-from" data-tap="openSearch" data-arg="pickup" data-id="pickup-entry"><i class="dot green"></i><span class="muted">从</span><b>${cur.name}</b><span class="muted">上车</span></div>
        <div class="row-to" data-tap="openSearch" data-arg="dest" data-id="dest-entry"><i class="dot orange"></i><span class="where-q">您要去哪儿？</span><span class="muted small">Where to?</span></div>
      </div>
      <div class="shortcuts">
        <div class="chip" data-tap="goDest" data-arg="${s.home}" data-id="shortcut-home">${raw(I.home)}<div><b>回家</b><small>${place(s, s.home).name}</small></div></div>
        <div class="chip" data-tap="goDest" data-arg="${s.work}" data-id="shortcut-work">${raw(I.work)}<div><b>去公司</b><small>${place(s, s.work).name}</small></div></div>
      </div>
      <div class="section-title">最近去过</div>
      ${recent.map((id) => {
        const p = place(s, id);
        return html`<div class="place-row" data-tap="goDest" data-arg="${id}" data-id="recent-${id}">${raw(I.clock)}<div class="grow"><b>${p.name}</b><small>${p.addr}</small></div><span class="km">${distanceKm(s, s.pickup, id)}km</span></div>`;
      })}
      <div class="promo"><b>新人专享 · 快车 8 折券</b><small>有效期至 11月30日，最高抵扣 ¥15</small></div>
    </div>
    ${tabs('home')}
  </div>`;
}

function search(v: V): Raw {
  const s = v.s;
  const which = (v.screen.params?.which as string) === 'pickup' ? 'pickup' : 'dest';
  const q = v.field('q');
  const row = (prefix: string, id: string, icon: string, title?: string) => {
    const p = place(s, id);
    return html`<div class="place-row" data-tap="pickPlace" data-arg="${which}:${id}" data-id="${prefix}">${raw(icon)}<div class="grow"><b>${title ?? p.name}</b><small>${title ? p.name + ' · ' : ''}${p.addr}</small><small class="en">${p.en}</small></div><span class="km">${distanceKm(s, s.current, id)}km</span></div>`;
  };
  let body: Raw;
  if (q.trim()) {
    const hits = searchPlaces(s, q);
    body = hits.length
      ? html`${hits.map((p) => row(`place-${p.id}`, p.id, I.pin))}`
      : html`<div class="empty">${raw(I.search)}<b>未找到“${q}”相关地点</b><small>No places match. Check the name or try another keyword.</small></div>`;
  } else {
    const seen = new Set<string>();
    const hist = s.trips.slice().reverse().map((t) => t.dest).filter((d) => !seen.has(d) && seen.add(d)).slice(0, 6);
    body = html`${which === 'pickup' ? row(`place-${s.current}`, s.current, I.locate, '我的位置 Current location') : ''}
      ${row('saved-home', s.home, I.home, '家 Home')}${row('saved-work', s.work, I.work, '公司 Work')}
      <div class="section-title">历史记录</div>${hist.map((id) => row(`history-${id}`, id, I.clock))}`;
  }
  return html`<div class="screen">
    <header class="search-bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div>
      <span class="city">上海</span>
      <div class="input-wrap"><i class="dot ${which === 'pickup' ? 'green' : 'orange'}"></i><input data-field="q" data-id="search-input" value="${q}" placeholder="${which === 'pickup' ? '您在哪儿上车 Pickup' : '您要去哪儿 Where to?'}"></div>
    </header>
    <div class="list scroll" data-scroll="main">${body}</div>
  </div>`;
}

function confirm(v: V): Raw {
  const s = v.s;
  if (!s.dest) return html`<div class="screen">${topBack('确认行程')}<div class="empty">请选择目的地</div></div>`;
  const from = place(s, s.pickup);
  const to = place(s, s.dest);
  const km = distanceKm(s, s.pickup, s.dest);
  const min = durationMin(s, s.pickup, s.dest);
  const cls = classById(s.cls);
  return html`<div class="screen">
    <div class="map-wrap short">${raw(mapSvg(from.id + to.id, 360, 250, { from: { label: from.name, kind: 'from' }, to: { label: to.name, kind: 'to' } }))}
      <div class="float-left icon-btn round" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div></div>
    <div class="rsheet scroll" data-scroll="main">
      <div class="route">
        <div class="row-from" data-tap="openSearch" data-arg="pickup" data-id="pickup-row"><i class="dot green"></i><b>${from.name}</b></div>
        <div class="row-to" data-tap="openSearch" data-arg="dest" data-id="dest-row"><i class="dot orange"></i><b>${to.name}</b></div>
        <small class="muted">全程约 ${km} 公里 · 预计 ${min} 分钟 · ${from.en} → ${to.en}</small>
      </div>
      ${CLASSES.map((c, i) => html`<div class="class-row ${c.id === s.cls ? 'sel' : ''}" data-tap="selectClass" data-arg="${c.id}" data-id="class-${c.id}" data-checked="${c.id === s.cls}" data-class="android.widget.CheckBox">
        <span class="car c-${c.id}">${raw(I.car)}</span>
        <div class="grow"><b>${c.name} <span class="en">${c.en}</span></b><small>${c.seats}座 · ${2 + i}分钟上车</small></div>
        <div class="fare"><small>预估</small> <b>¥${fare(s, s.pickup, s.dest!, c.id)}</b></div><i class="check"></i></div>`)}
    </div>
    <div class="cta-wrap"><div class="cta" data-tap="book" data-id="book-btn">呼叫${cls.name} · Book ${cls.en}</div></div>
  </div>`;
}

function assigned(v: V): Raw {
  const s = v.s;
  const t = s.trips.find((x) => x.id === v.screen.params?.trip);
  if (!t) return html`<div class="screen">${topBack('行程')}<div class="empty">行程不存在</div></div>`;
  const from = place(s, t.pickup);
  const to = place(s, t.dest);
  const c = classById(t.cls);
  const d = t.driver;
  const live = t.status === 'active';
  return html`<div class="screen">
    <div class="map-wrap short">${raw(mapSvg(t.id, 360, 250, { from: { label: from.name, kind: 'from' }, to: { label: to.name, kind: 'to' } }))}
      <div class="float-left icon-btn round" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div>
      <div class="float-right pill">${raw(I.shield)}<span>安全中心</span></div></div>
    <div class="rsheet scroll" data-scroll="main">
      <h2 class="status-title">${live ? `司机正在赶来，约 ${t.eta} 分钟` : t.status === 'cancelled' ? '行程已取消' : '行程已完成'}</h2>
      <small class="muted">${live ? `Driver arriving in ${t.eta} min · 请到上车点等候` : `${t.time} · ${c.name} ${c.en}`}</small>
      <div class="driver-card">
        <div class="plate" data-id="plate">${d.plate}</div>
        <div class="car-desc">${d.colour} · ${d.car}</div>
        <div class="driver"><span class="avatar">${d.name.slice(0, 1)}</span><b>${d.name}</b>${raw(I.star)}<span>${d.rating.toFixed(1)} · ${d.trips.toLocaleString('en-US')}单</span></div>
        ${live ? html`<div class="actions"><div class="round-btn" data-tap="notice" data-arg="正在呼叫 ${d.name}（虚拟号码保护中）" data-id="call-btn">${raw(I.phone)}<span>打电话</span></div><div class="round-btn" data-tap="notice" data-arg="已发送：我在上车点等您" data-id="msg-btn">${raw(I.chat)}<span>发消息</span></div></div>` : ''}
      </div>
      <div class="route"><div class="row-from"><i class="dot green"></i><b>${from.name}</b></div><div class="row-to"><i class="dot orange"></i><b>${to.name}</b></div>
        <small class="muted">${c.name} ${c.en} · ${t.km} 公里 · 约 ${t.minutes} 分钟 · 预估 ¥${t.fare}</small></div>
      ${t.reason ? html`<div class="note">取消原因：${t.reason}</div>` : ''}
    </div>
    ${live ? html`<div class="cta-wrap"><div class="cta ghost" data-tap="askCancel" data-arg="${t.id}" data-id="cancel-btn">取消行程 Cancel ride</div></div>` : ''}
  </div>`;
}

function trips(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    <header class="bar"><div class="icon-btn"></div><h1>我的行程 Trips</h1><div class="icon-btn"></div></header>
    <div class="list scroll" data-scroll="main">
      ${s.trips.slice().reverse().map((t) => html`<div class="trip-row" data-tap="openTrip" data-arg="${t.id}" data-id="trip-${t.id}">
        <div class="trip-head"><span>${t.time} · ${classById(t.cls).name} ${classById(t.cls).en}</span><span class="tag ${t.status}">${STATUS[t.status]}</span></div>
        <div class="row-from"><i class="dot green"></i>${place(s, t.pickup).name}</div>
        <div class="row-to"><i class="dot orange"></i>${place(s, t.dest).name}</div>
        <div class="trip-fare">${t.status === 'cancelled' ? '¥0' : `¥${t.fare}`}</div></div>`)}
      <div class="end">仅显示近 30 天行程</div>
    </div>
    ${tabs('trips')}
  </div>`;
}

function me(v: V): Raw {
  const s = v.s;
  const spent = s.trips.filter((t) => t.status === 'completed').reduce((a, t) => a + t.fare, 0);
  return html`<div class="screen">
    <div class="list scroll" data-scroll="main">
      <div class="profile"><span class="avatar big">林</span><div><b>林小姐</b><small>138****6625 · 白金会员</small></div></div>
      <div class="stats"><div><b>${s.trips.length}</b><small>近30天行程</small></div><div><b>¥${spent}</b><small>累计消费</small></div><div><b>3</b><small>优惠券</small></div></div>
      <div class="section-title">常用地址</div>
      <div class="place-row">${raw(I.home)}<div class="grow"><b>家 · ${place(s, s.home).name}</b><small>${place(s, s.home).addr}</small></div></div>
      <div class="place-row">${raw(I.work)}<div class="grow"><b>公司 · ${place(s, s.work).name}</b><small>${place(s, s.work).addr}</small></div></div>
      <div class="section-title">更多服务</div>
      ${['钱包 Wallet', '发票 Invoices', '紧急联系人 Emergency contacts', '客服中心 Help'].map((x) => html`<div class="menu-row"><span>${x}</span>${raw(I.chevron)}</div>`)}
    </div>
    ${tabs('me')}
  </div>`;
}

export const SCREENS = { home, search, confirm, assigned, trips, me };
