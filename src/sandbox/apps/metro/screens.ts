/** Metro screens: route planner, station picker, route results, line status, line map, nearby, saved. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { disrupted, nearestStations, searchStations, type MetroState } from './data.js';
import { I } from './icon.js';
import { LINES, line, linesAt, station } from './network.js';
import { planRoute, type LineStatus, type Route } from './route.js';

type V = ViewCtx<MetroState>;

export function badge(lineId: string, size = ''): Raw {
  const l = line(lineId);
  return html`<span class="lb ${size}" style="background:${l.colour}">${l.no}</span>`;
}

function statusText(st: LineStatus): string {
  if (st.level === 'delay') return `延误 Delayed +${st.delay} min`;
  if (st.level === 'suspended') return `部分停运 Partly suspended: ${station(st.from!).name}–${station(st.to!).name}`;
  return '正常运营 Normal service';
}

function nav(active: string): Raw {
  const t = (id: string, icon: string, zh: string) =>
    html`<div class="tab ${active === id ? 'on' : ''}" data-tap="tab" data-arg="${id}" data-id="tab-${id}" data-selected="${active === id}">${raw(icon)}<span>${zh}</span></div>`;
  return html`<nav class="bottom">${t('home', I.route, '出行')}${t('lines', I.lines, '线路')}${t('nearby', I.near, '附近')}${t('saved', I.star, '收藏')}</nav>`;
}

function bar(title: string, back = true): Raw {
  return html`<header class="bar">${back ? html`<div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div>` : html`<div class="icon-btn"></div>`}<h1>${title}</h1><div class="icon-btn"></div></header>`;
}

function home(v: V): Raw {
  const s = v.s;
  const bad = disrupted(s);
  const name = (id: string | null, ph: string) => (id ? html`<b>${station(id).name}</b><small>${station(id).en}</small>` : html`<span class="ph">${ph}</span>`);
  return html`<div class="screen">
    <header class="hero"><div class="hero-top"><b>Metro 地铁出行</b><span class="city">上海 Shanghai ▾</span></div>
      <div class="planner">
        <div class="pl-rows">
          <div class="pl-row" data-tap="pick" data-arg="from" data-id="from-row"><i class="dot green"></i>${name(s.from, '输入起点 From')}</div>
          <div class="pl-row" data-tap="pick" data-arg="to" data-id="to-row"><i class="dot red"></i>${name(s.to, '输入终点 To')}</div>
        </div>
        <div class="swap" data-tap="swap" data-id="swap-btn" aria-label="交换起终点">${raw(I.swap)}</div>
      </div>
      <div class="primary" data-tap="search" data-id="search-btn">查询路线 Find routes</div>
    </header>
    <div class="body scroll" data-scroll="main">
      ${bad.length ? html`<div class="alert" data-tap="tab" data-arg="lines" data-id="status-banner">${raw(I.warn)}<span>${bad.length} 条线路运营异常：${bad.map((id) => `${line(id).no}号线`).join('、')}</span>${raw(I.chevron)}</div>` : ''}
      <div class="quick">
        <div class="cell" data-tap="notice" data-arg="乘车码需要在真机上开通">${raw(I.qr)}<span>乘车码</span></div>
        <div class="cell" data-tap="tab" data-arg="lines">${raw(I.map)}<span>线网图</span></div>
        <div class="cell" data-tap="notice" data-arg="首班车 05:30 · 末班车 22:30（以车站公告为准）">${raw(I.clock)}<span>首末班车</span></div>
        <div class="cell" data-tap="notice" data-arg="失物招领热线 64370000">${raw(I.bag)}<span>失物招领</span></div>
      </div>
      <div class="section">最近查询 Recent</div>
      ${s.recent.map((r, i) => html`<div class="row" data-tap="recent" data-arg="${i}" data-id="recent-${i}">${raw(I.clock)}<div class="grow"><b>${station(r.from).name} → ${station(r.to).name}</b><small>${station(r.from).en} → ${station(r.to).en}</small></div>${raw(I.chevron)}</div>`)}
      <div class="tip">票价按里程计算：6 公里内 3 元，6–16 公里 4 元，之后每 10 公里加 1 元。</div>
    </div>
    ${nav('home')}
  </div>`;
}

function picker(v: V): Raw {
  const which = v.screen.params?.which === 'to' ? 'to' : 'from';
  const q = v.field('stq');
  const hits = searchStations(q);
  return html`<div class="screen">
    <header class="search-bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div>
      <div class="input-wrap">${raw(I.search)}<input data-field="stq" data-id="station-search" value="${q}" placeholder="${which === 'from' ? '搜索起点站 From station' : '搜索终点站 To station'}"></div></header>
    <div class="list scroll" data-scroll="main">
      ${hits.length ? hits.map((st) => html`<div class="row" data-tap="choose" data-arg="${which}:${st.id}" data-id="station-${st.id}"><div class="grow"><b>${st.name}</b><small>${st.en}</small></div><span class="badges">${linesAt(st.id).map((l) => badge(l.id, 'sm'))}</span></div>`)
        : html`<div class="empty">${raw(I.search)}<b>没有找到“${q}”</b><small>No station matches. The network has ${LINES.length} lines; check the name.</small></div>`}
    </div>
  </div>`;
}

function routeCard(r: Route, i: number, label: string, s: MetroState): Raw {
  return html`<div class="card route-card" data-id="route-${i}">
    <div class="rc-head"><span class="rc-label">${label}</span><b class="mins">${r.minutes} 分钟</b><span class="muted">${r.minutes} min</span></div>
    <div class="rc-meta">换乘 ${r.transfers} 次 · ¥${r.fare} · ${r.km} 公里</div>
    <div class="strip">${r.legs.map((l, k) => html`${k ? raw('<span class="arrow">›</span>') : ''}${badge(l.line)}`)}</div>
    ${r.legs.map((l, k) => html`<div class="leg">
      ${k ? html`<div class="xfer">在 ${station(l.from).name} 换乘 ${line(l.line).no}号线 · Change at ${station(l.from).en}</div>` : ''}
      <div class="leg-main" style="border-color:${line(l.line).colour}">${badge(l.line, 'sm')}<div class="grow"><b>${station(l.from).name} → ${station(l.to).name}</b><small>${l.stops} 站 · ${l.minutes} 分钟 · ${station(l.from).en} → ${station(l.to).en}</small>
      ${s.status[l.line].level === 'delay' ? html`<small class="warn-t">${line(l.line).no}号线延误约 ${s.status[l.line].delay} 分钟，已计入</small>` : ''}</div></div></div>`)}
  </div>`;
}

function result(v: V): Raw {
  const s = v.s;
  if (!s.from || !s.to) return html`<div class="screen">${bar('路线')}<div class="empty">请先选择起点和终点</div></div>`;
  const fast = planRoute(s.from, s.to, s.status, s.avoid, 'fastest');
  const few = planRoute(s.from, s.to, s.status, s.avoid, 'fewest');
  const same = fast && few && JSON.stringify(fast.legs) === JSON.stringify(few.legs);
  const saved = s.saved.some((t) => t.from === s.from && t.to === s.to);
  return html`<div class="screen">
    <header class="bar"><div class="icon-btn" data-tap="back" data-id="back-btn" aria-label="返回">${raw(I.back)}</div><h1>${station(s.from).name} → ${station(s.to).name}</h1>
      <div class="icon-btn ${saved ? 'on' : ''}" data-tap="save" data-id="save-route" aria-label="${saved ? '已收藏' : '收藏路线'}">${raw(saved ? I.starFill : I.star)}</div></header>
    <div class="avoid"><span class="muted">避开 Avoid</span>${LINES.map((l) => html`<span class="chip ${s.avoid.includes(l.id) ? 'on' : ''}" data-tap="toggleAvoid" data-arg="${l.id}" data-id="avoid-${l.id}" data-checked="${s.avoid.includes(l.id)}">${l.no}号线</span>`)}</div>
    <div class="body scroll" data-scroll="main">
      ${fast ? html`${routeCard(fast, 0, '最快 Fastest', s)}${!same && few ? routeCard(few, 1, '少换乘 Fewer transfers', s) : ''}`
        : html`<div class="empty">${raw(I.warn)}<b>暂无可用路线</b><small>No route with the current line closures and avoided lines. Try avoiding fewer lines.</small></div>`}
      <div class="tip">时间含换乘步行约 5 分钟/次；延误线路已计入延误时间，停运区间不会出现在路线中。</div>
    </div>
  </div>`;
}

function lines(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    ${bar('线路与运营状态 Lines', false)}
    <div class="list scroll" data-scroll="main">
      <div class="updated">更新于 ${v.phone.system.clock.slice(11)} · Updated</div>
      ${LINES.map((l) => {
        const st = s.status[l.id];
        return html`<div class="row line-row" data-tap="openLine" data-arg="${l.id}" data-id="line-${l.id}">${badge(l.id, 'lg')}
          <div class="grow"><b>${l.no}号线 Line ${l.no}</b><small>${station(l.stations[0]).name} ↔ ${station(l.stations[l.stations.length - 1]).name} · ${l.stations.length} 站</small>
          <span class="status ${st.level}">${statusText(st)}</span>${st.note ? html`<small>${st.note}</small>` : ''}</div>${raw(I.chevron)}</div>`;
      })}
    </div>
    ${nav('lines')}
  </div>`;
}

function lineMap(v: V): Raw {
  const l = line(String(v.screen.params?.line ?? 'L1'));
  const st = v.s.status[l.id];
  const closed = (id: string) => {
    if (st.level !== 'suspended') return false;
    const i = l.stations.indexOf(id);
    const a = l.stations.indexOf(st.from!);
    const b = l.stations.indexOf(st.to!);
    return i >= Math.min(a, b) && i <= Math.max(a, b);
  };
  return html`<div class="screen">
    ${bar(`${l.no}号线 Line ${l.no}`)}
    <div class="line-status ${st.level}">${statusText(st)}</div>
    <div class="list scroll" data-scroll="main">
      ${l.stations.map((id, i) => html`<div class="stop ${closed(id) ? 'closed' : ''}" data-id="stop-${id}">
        <div class="rail" style="--c:${l.colour}"><i class="${i === 0 ? 'first' : i === l.stations.length - 1 ? 'last' : ''}"></i></div>
        <div class="grow"><b>${station(id).name}</b><small>${station(id).en}</small></div>
        <span class="badges">${linesAt(id).filter((x) => x.id !== l.id).map((x) => badge(x.id, 'sm'))}</span></div>`)}
    </div>
  </div>`;
}

function nearby(v: V): Raw {
  const q = v.field('pq').trim().toLowerCase();
  const places = v.s.places.filter((p) => !q || p.name.includes(q) || p.en.toLowerCase().includes(q));
  return html`<div class="screen">
    <header class="search-bar"><div class="input-wrap">${raw(I.search)}<input data-field="pq" data-id="place-search" value="${v.field('pq')}" placeholder="搜索地点 Search a place"></div></header>
    <div class="list scroll" data-scroll="main">
      <div class="section">热门地点 Places</div>
      ${places.length ? places.map((p) => html`<div class="row" data-tap="openPlace" data-arg="${p.id}" data-id="place-${p.id}">${raw(I.near)}<div class="grow"><b>${p.name}</b><small>${p.en}</small></div>${raw(I.chevron)}</div>`)
        : html`<div class="empty"><b>没有找到相关地点</b><small>No place matches.</small></div>`}
    </div>
    ${nav('nearby')}
  </div>`;
}

function place(v: V): Raw {
  const p = v.s.places.find((x) => x.id === v.screen.params?.place);
  if (!p) return html`<div class="screen">${bar('地点')}<div class="empty">地点不存在</div></div>`;
  const near = nearestStations(v.s, p.id);
  return html`<div class="screen">
    ${bar(p.name)}
    <div class="body scroll" data-scroll="main">
      <div class="card"><b class="big">${p.name}</b><small>${p.en}</small></div>
      <div class="section">附近地铁站 Nearest stations</div>
      ${near.map((n, i) => html`<div class="row" data-id="near-${i}"><div class="grow"><b>${n.station.name}</b><small>${n.station.en}</small>
        <small>${raw(I.walk)} 步行 ${n.metres} 米 · 约 ${n.walkMin} 分钟</small></div><span class="badges">${linesAt(n.station.id).map((l) => badge(l.id, 'sm'))}</span></div>`)}
      <div class="primary" data-tap="routeTo" data-arg="${p.id}" data-id="route-here">到这里去 Route here</div>
    </div>
  </div>`;
}

function saved(v: V): Raw {
  const s = v.s;
  return html`<div class="screen">
    ${bar('收藏的路线 Saved', false)}
    <div class="list scroll" data-scroll="main">
      ${s.saved.length ? s.saved.map((t, i) => html`<div class="row" data-id="saved-${i}"><div class="grow" data-tap="openSaved" data-arg="${i}"><b>${station(t.from).name} → ${station(t.to).name}</b><small>${station(t.from).en} → ${station(t.to).en}</small></div>
        <div class="icon-btn" data-tap="unsave" data-arg="${i}" aria-label="删除">${raw(I.trash)}</div></div>`)
        : html`<div class="empty">${raw(I.star)}<b>还没有收藏的路线</b><small>Tap ☆ on a route to save it.</small></div>`}
    </div>
    ${nav('saved')}
  </div>`;
}

export const SCREENS = { home, picker, result, lines, lineMap, nearby, place, saved };
