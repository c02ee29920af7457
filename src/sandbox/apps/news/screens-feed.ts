/** News feed screens: channel tabs with cards, the Me page, search, an outlet's page, saved lists. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { icon } from '../contacts/icons.js';
import { initials } from '../contacts/people.js';
import { agoLabel } from '../contacts/time.js';
import { thumb } from './art.js';
import { TABS, TAB_LABELS, TAB_ZH } from './content.js';
import { articleById, authorById, compact, count, feed, searchArticles, type Article, type Author, type NewsState } from './data.js';

type Ctx = ViewCtx<NewsState>;

export function authorAvatar(a: Author | undefined, size = 36): Raw {
  return html`<div class="nw-av" style="${`width:${size}px;height:${size}px;font-size:${Math.round(size * 0.38)}px;background:${a?.color ?? '#999'}`}">${initials(a?.name ?? '?').slice(0, 2)}</div>`;
}

export function verifiedMark(a: Author | undefined): Raw | string {
  return a?.verified ? html`<span class="nw-v" aria-label="Verified">${icon('verified', 14, '#f5a623')}</span>` : '';
}

function commentsLabel(a: Article): string {
  return a.lang === 'zh' ? `${count(a.comments)}评论` : `${count(a.comments)} comments`;
}

export function card(ctx: Ctx, a: Article, prefix = 'article'): Raw {
  const au = authorById(ctx.s, a.author);
  const meta = html`<div class="nw-meta">${ctx.s.read[a.id]?.finished ? html`<span class="nw-tag read">Read</span>` : ''}<span>${au?.name}</span>${verifiedMark(au)}<span>${commentsLabel(a)}</span><span>${agoLabel(a.time, ctx.phone.system.clock)}</span></div>`;
  const title = html`<div class="nw-title">${a.title}</div>`;
  if (a.layout === 'right') return html`<div class="nw-card right" data-tap="openArticle" data-arg="${a.id}" data-id="${prefix}-${a.id}"><div class="nw-card-main">${title}${meta}</div>${raw(thumb(a, 0, 'nw-img side'))}</div>`;
  if (a.layout === 'three') return html`<div class="nw-card" data-tap="openArticle" data-arg="${a.id}" data-id="${prefix}-${a.id}">${title}<div class="nw-three">${raw(thumb(a, 0))}${raw(thumb(a, 1))}${raw(thumb(a, 2))}</div>${meta}</div>`;
  return html`<div class="nw-card" data-tap="openArticle" data-arg="${a.id}" data-id="${prefix}-${a.id}">${title}${meta}</div>`;
}

function homeFeed(ctx: Ctx): Raw {
  const { s } = ctx;
  const list = feed(s, s.tab);
  // "For you" pins the latest world story on top, as news apps pin an editor's pick.
  const pinned = s.tab === 'foryou' ? list.find((a) => a.channel === 'world') : undefined;
  return html`<header class="nw-head"><div class="nw-logo">Headlines<small>头条</small></div>
      <div class="nw-search" data-tap="openSearch" data-id="search-bar">${icon('search', 18, '#999')}<span>Search news 搜索</span></div>
      <button class="nw-hbtn" data-tap="publish" aria-label="Publish">${icon('add', 24, '#fff')}</button></header>
    <div class="nw-tabrow"><nav class="hscroll nw-tabs" data-scroll="tabs">${TABS.map((t) => html`<span class="nw-tab${s.tab === t ? ' on' : ''}" data-tap="tab" data-arg="${t}" data-id="tab-${t}" data-selected="${String(s.tab === t)}">${TAB_LABELS[t]}</span>`)}</nav>
      <button class="nw-chan" data-tap="channels" data-id="channels-btn" aria-label="All channels">${icon('notes', 22, '#555')}</button></div>
    <div class="scroll nw-feed" data-scroll="main" data-id="feed">
      ${pinned ? html`<div class="nw-top"><span class="nw-pin">Top</span>${card(ctx, pinned, 'pinned')}</div>` : ''}
      ${list.length ? list.filter((a) => a !== pinned).map((a) => card(ctx, a)) : html`<div class="nw-empty">${s.tab === 'following' ? 'Follow authors to see their stories here' : 'No stories yet'}</div>`}
      <div class="nw-end">You're all caught up</div></div>`;
}

function meTab(ctx: Ctx): Raw {
  const { s } = ctx;
  const row = (label: string, action: string, id: string, n: number) => html`<div class="nw-cell" data-tap="${action}" data-id="${id}"><span>${label}</span><span class="nw-cell-n">${n}</span><span class="nw-chev">›</span></div>`;
  return html`<div class="scroll nw-feed" data-scroll="main"><div class="nw-mehead"><div class="nw-av big" style="background:#e53935">LX</div><div><div class="nw-me-name">Lin Xiaoyu</div><div class="nw-sub">Reading streak: 12 days</div></div></div>
    <div class="nw-stats"><div><b>${s.following.length}</b><span>Following</span></div><div><b>${s.bookmarked.length}</b><span>Bookmarks</span></div><div><b>${s.liked.length}</b><span>Likes</span></div><div><b>${Object.keys(s.read).length}</b><span>History</span></div></div>
    <div class="nw-group">${row('Bookmarks', 'openBookmarks', 'my-bookmarks', s.bookmarked.length)}${row('Following', 'openFollowing', 'my-following', s.following.length)}${row('Reading history', 'openHistory', 'my-history', Object.keys(s.read).length)}</div></div>`;
}

function home(ctx: Ctx): Raw {
  const { s } = ctx;
  return html`<div class="nw">${s.nav === 'me' ? meTab(ctx) : homeFeed(ctx)}
    <nav class="nw-nav"><div class="nw-navi${s.nav === 'home' ? ' on' : ''}" data-tap="nav" data-arg="home" data-id="nav-home">${icon('home', 24)}<span>Home</span></div>
      <div class="nw-navi" data-tap="nav" data-arg="video" data-id="nav-video">${icon('play', 24)}<span>Video</span></div>
      <div class="nw-navi${s.nav === 'me' ? ' on' : ''}" data-tap="nav" data-arg="me" data-id="nav-me">${icon('person', 24)}<span>Me</span></div></nav></div>`;
}

function search(ctx: Ctx): Raw {
  const q = ctx.field('q');
  const done = ctx.screen.params?.submitted === true;
  const hits = done ? searchArticles(ctx.s, q) : [];
  return html`<div class="nw nw-searchpage"><header class="nw-shead"><button class="nw-back dark" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back', 22)}</button>
      <div class="nw-sfield">${icon('search', 18, '#999')}<input class="nw-input" data-field="q" data-id="search-input" data-onsubmit="search" placeholder="Search news" value="${q}"></div>
      <button class="nw-sbtn" data-tap="search" data-id="search-go">Search</button></header>
    <div class="scroll nw-feed" data-scroll="main">
      ${!done ? html`<div class="nw-sect">Recent searches</div><div class="nw-chips">${(ctx.s.searches.length ? ctx.s.searches : ['AI', '马拉松', 'gold price']).map((t) => html`<span class="nw-chip">${t}</span>`)}</div>
        <div class="nw-sect">Trending</div>${ctx.s.articles.slice(0, 6).map((a, i) => html`<div class="nw-trend" data-tap="openArticle" data-arg="${a.id}"><b class="${i < 3 ? 'hot' : ''}">${i + 1}</b><span>${a.title}</span></div>`)}`
        : hits.length ? html`<div class="nw-sect">${hits.length} results</div>${hits.map((a) => card(ctx, a, 'result'))}`
        : html`<div class="nw-empty" data-id="no-results">No results for “${q}”. Try different keywords.</div>`}
    </div></div>`;
}

function author(ctx: Ctx): Raw {
  const a = authorById(ctx.s, String(ctx.screen.params?.id));
  if (!a) return html`<div class="nw"><div class="nw-empty">Account not found</div></div>`;
  const on = ctx.s.following.includes(a.id);
  const list = ctx.s.articles.filter((x) => x.author === a.id);
  return html`<div class="nw"><header class="nw-bar"><button class="nw-back dark" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back', 22)}</button><span class="nw-bar-t"></span></header>
    <div class="scroll nw-feed" data-scroll="main"><div class="nw-author">${authorAvatar(a, 64)}<div class="nw-author-main"><div class="nw-author-name">${a.name} ${verifiedMark(a)}</div>
      <div class="nw-sub">${compact(a.followers)} followers · ${list.length} stories</div><div class="nw-bio">${a.bio}</div></div></div>
      <button class="nw-follow wide${on ? ' on' : ''}" data-tap="toggleFollow" data-arg="${a.id}" data-id="author-follow" data-checked="${String(on)}">${on ? 'Following' : '+ Follow'}</button>
      <div class="nw-sect">Stories</div>${list.map((x) => card(ctx, x))}</div></div>`;
}

function savedList(ctx: Ctx, title: string, ids: string[], empty: string): Raw {
  const list = ids.map((id) => articleById(ctx.s, id)).filter((a) => a !== undefined);
  return html`<div class="nw"><header class="nw-bar"><button class="nw-back dark" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back', 22)}</button><span class="nw-bar-t">${title}</span></header>
    <div class="scroll nw-feed" data-scroll="main">${list.length ? list.map((a) => card(ctx, a, 'saved')) : html`<div class="nw-empty">${empty}</div>`}</div></div>`;
}

function following(ctx: Ctx): Raw {
  const list = ctx.s.following.map((id) => authorById(ctx.s, id)).filter((a) => a !== undefined);
  return html`<div class="nw"><header class="nw-bar"><button class="nw-back dark" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back', 22)}</button><span class="nw-bar-t">Following</span></header>
    <div class="scroll nw-feed" data-scroll="main">${list.map((a) => html`<div class="nw-row" data-tap="openAuthor" data-arg="${a.id}" data-id="followed-${a.id}">${authorAvatar(a, 44)}<div class="nw-row-main"><div>${a.name} ${verifiedMark(a)}</div><div class="nw-sub">${a.bio}</div></div></div>`)}</div></div>`;
}

function channels(ctx: Ctx): Raw {
  return html`<div class="nw"><header class="nw-bar"><button class="nw-back dark" data-tap="back" data-id="back-btn" aria-label="Close">${icon('close', 22)}</button><span class="nw-bar-t">Channels</span></header>
    <div class="scroll nw-feed" data-scroll="main"><div class="nw-sect">My channels · tap to open</div>
      <div class="nw-changrid">${TABS.map((t) => html`<div class="nw-chanchip${ctx.s.tab === t ? ' on' : ''}" data-tap="pickChannel" data-arg="${t}" data-id="channel-${t}"><b>${TAB_LABELS[t]}</b><small>${TAB_ZH[t]}</small></div>`)}</div>
      <div class="nw-sect">More channels</div><div class="nw-changrid dim">${['Auto', 'Health', 'Travel', 'Games', '美食', '育儿'].map((x) => html`<div class="nw-chanchip off"><b>+ ${x}</b></div>`)}</div></div></div>`;
}

export const feedScreens = {
  home, search, author, following, channels,
  bookmarks: (ctx: Ctx) => savedList(ctx, 'Bookmarks', [...ctx.s.bookmarked].reverse(), 'Tap the star on a story to save it here'),
  history: (ctx: Ctx) => savedList(ctx, 'Reading history', Object.keys(ctx.s.read).reverse(), 'Stories you open appear here'),
};
