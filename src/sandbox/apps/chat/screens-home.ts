/** Chat home tabs (chat list, contacts, discover, me) and the search screen. */
import type { ViewCtx } from '../../framework.js';
import { html, type Raw } from '../../html.js';
import { icon, type IconName } from '../contacts/icons.js';
import { listTime } from '../contacts/time.js';
import { lastMessage, senderName, sortedChats, type ChatState } from './data.js';
import { avatar, bottomTabs, chatAvatar, topBar } from './parts.js';

type Ctx = ViewCtx<ChatState>;

function chatsTab(ctx: Ctx): Raw {
  const { s } = ctx;
  const now = ctx.phone.system.clock;
  return html`<div class="wx-searchrow"><div class="wx-searchpill" data-tap="openSearch" data-id="search-bar">${icon('search', 18, '#8c8c8c')}<span>Search</span></div></div>
    ${sortedChats(s).map((c) => {
      const last = lastMessage(c);
      const who = c.kind === 'group' && last && last.from !== 'me' ? `${senderName(s, last.from)}: ` : '';
      const preview = last ? `${who}${last.text}` : '';
      const badge = c.unread ? (c.muted ? html`<span class="wx-dot"></span>` : html`<span class="wx-badge">${c.unread > 99 ? '99+' : c.unread}</span>`) : '';
      return html`<div class="wx-row${c.pinned ? ' pinned' : ''}" data-tap="openChat" data-arg="${c.id}" data-longpress="chatMenu" data-id="chat-${c.id}">
        <div class="wx-avwrap">${chatAvatar(s, c, 48)}${badge}</div>
        <div class="wx-row-main"><div class="wx-row-top"><span class="wx-name">${c.name}</span><span class="wx-time">${last ? listTime(last.time, now) : ''}</span></div>
        <div class="wx-row-bot"><span class="wx-preview">${c.unread > 1 && c.muted ? `[${c.unread}] ` : ''}${preview}</span>${c.muted ? html`<span class="wx-mute">${icon('mute', 15, '#b2b2b2')}</span>` : ''}</div></div></div>`;
    })}
    <div class="wx-end"></div>`;
}

function contactsTab(ctx: Ctx): Raw {
  const { s } = ctx;
  const key = (n: string) => (/^[A-Za-z]/.test(n) ? n[0].toUpperCase() : '#');
  const sorted = [...s.friends].sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'en'));
  const specials: [string, string, IconName][] = [['New Friends', '#FA9D3B', 'person'], ['Group Chats', '#07C160', 'people'], ['Tags', '#2782D7', 'bookmark'], ['Official Accounts', '#2782D7', 'verified']];
  let prev = '';
  return html`<div class="wx-searchrow"><div class="wx-searchpill" data-tap="openSearch" data-id="contacts-search">${icon('search', 18, '#8c8c8c')}<span>Search</span></div></div>
    ${specials.map(([label, color, ic]) => html`<div class="wx-row slim"><div class="wx-av sq" style="${`background:${color}`}">${icon(ic, 24, '#fff')}</div><div class="wx-row-main"><span class="wx-name">${label}</span></div></div>`)}
    ${sorted.map((f) => {
      const k = key(f.sortKey);
      const head = k !== prev ? html`<div class="wx-letter">${k}</div>` : '';
      prev = k;
      return html`${head}<div class="wx-row slim" data-tap="openProfile" data-arg="${f.id}" data-id="friend-${f.id}">${avatar(f.name, f.color, 40)}<div class="wx-row-main"><span class="wx-name">${f.name}</span></div></div>`;
    })}
    <div class="wx-foot">${s.friends.length} friends</div>`;
}

function cell(label: string, ic: IconName, color: string, extra: Raw | string = ''): Raw {
  return html`<div class="wx-cell"><span class="wx-cell-ic" style="${`color:${color}`}">${icon(ic, 22)}</span><span class="wx-cell-t">${label}</span>${extra}<span class="wx-chev">›</span></div>`;
}

function discoverTab(): Raw {
  return html`<div class="wx-group">${cell('Moments', 'photo', '#f2a33a', html`<span class="wx-dot inline"></span>`)}</div>
    <div class="wx-group">${cell('Channels', 'play', '#fa5151')}${cell('Live', 'voice', '#fa5151')}</div>
    <div class="wx-group">${cell('Scan', 'search', '#2782d7')}${cell('Shake', 'phone', '#2782d7')}</div>
    <div class="wx-group">${cell('Top Stories', 'star', '#f2a33a')}${cell('Search', 'search', '#fa5151')}</div>
    <div class="wx-group">${cell('Nearby', 'people', '#2782d7')}</div>
    <div class="wx-group">${cell('Shopping', 'bookmark', '#fa5151')}${cell('Games', 'emoji', '#2782d7')}</div>
    <div class="wx-group">${cell('Mini Programs', 'settings', '#7c5ccf')}</div>`;
}

function meTab(ctx: Ctx): Raw {
  const { me } = ctx.s;
  return html`<div class="wx-mehead">${avatar(me.name, '#3a7bd5', 64)}<div class="wx-me-main"><div class="wx-me-name">${me.name}</div><div class="wx-me-id">WeChat ID: ${me.handle}</div>
    <div class="wx-status">+ Status</div></div><span class="wx-chev">›</span></div>
    <div class="wx-group">${cell('Services', 'check', '#07c160')}</div>
    <div class="wx-group">${cell('Favorites', 'star', '#f2a33a')}${cell('Moments', 'photo', '#2782d7')}${cell('Cards & Offers', 'bookmark', '#2782d7')}${cell('Sticker Gallery', 'emoji', '#f2a33a')}</div>
    <div class="wx-group">${cell('Settings', 'settings', '#2782d7')}</div>`;
}

function home(ctx: Ctx): Raw {
  const { s } = ctx;
  const unread = s.chats.filter((c) => !c.muted).reduce((n, c) => n + c.unread, 0);
  const title = s.tab === 'chats' ? (unread ? `Chats (${unread})` : 'Chats') : s.tab === 'contacts' ? 'Contacts' : s.tab === 'discover' ? 'Discover' : '';
  const right = s.tab === 'me' ? '' : html`<button class="wx-iconbtn" data-tap="openSearch" data-id="search-btn" aria-label="Search">${icon('search', 22)}</button><button class="wx-iconbtn" data-tap="plusMenu" data-id="plus-btn" aria-label="More">${icon('addCircle', 22)}</button>`;
  const body = s.tab === 'chats' ? chatsTab(ctx) : s.tab === 'contacts' ? contactsTab(ctx) : s.tab === 'discover' ? discoverTab() : meTab(ctx);
  return html`<div class="wx">${s.tab === 'me' ? '' : topBar(title, { right })}<div class="scroll wx-body" data-scroll="main">${body}</div>${bottomTabs(s)}</div>`;
}

/** Highlight the query inside a result line. */
function mark(text: string, q: string): Raw {
  const i = text.toLowerCase().indexOf(q.toLowerCase());
  if (i < 0 || !q) return html`${text}`;
  return html`${text.slice(0, i)}<em class="wx-hl">${text.slice(i, i + q.length)}</em>${text.slice(i + q.length)}`;
}

function search(ctx: Ctx): Raw {
  const { s } = ctx;
  const q = ctx.field('q').trim();
  const ql = q.toLowerCase();
  const people = q ? s.friends.filter((f) => f.name.toLowerCase().includes(ql)) : [];
  const groups = q ? s.chats.filter((c) => c.kind === 'group' && (c.name.toLowerCase().includes(ql) || c.members.some((m) => people.some((p) => p.id === m)))) : [];
  const msgs = q.length >= 2 ? s.chats.flatMap((c) => c.messages.filter((m) => m.text.toLowerCase().includes(ql)).map((m) => ({ c, m }))).slice(-12).reverse() : [];
  const none = q && !people.length && !groups.length && !msgs.length;
  return html`<div class="wx wx-search">
    <header class="wx-sbar"><div class="wx-sfield">${icon('search', 18, '#8c8c8c')}<input class="wx-input" data-field="q" data-id="search-input" data-oninput="search" placeholder="Search" value="${ctx.field('q')}"></div>
      <button class="wx-cancel" data-tap="back" data-id="cancel-search">Cancel</button></header>
    <div class="scroll wx-body" data-scroll="main">
      ${!q ? html`<div class="wx-hint">Search for contacts, group chats and chat history</div>` : ''}
      ${people.length ? html`<div class="wx-sect">Contacts</div>${people.map((f) => html`<div class="wx-row slim" data-tap="chatWith" data-arg="${f.id}" data-id="result-person-${f.id}">${avatar(f.name, f.color, 40)}<div class="wx-row-main"><span class="wx-name">${mark(f.name, q)}</span></div></div>`)}` : ''}
      ${groups.length ? html`<div class="wx-sect">Group Chats</div>${groups.map((c) => html`<div class="wx-row slim" data-tap="openChat" data-arg="${c.id}" data-id="result-chat-${c.id}">${chatAvatar(s, c, 40)}<div class="wx-row-main"><span class="wx-name">${mark(c.name, q)}</span><span class="wx-preview">${c.members.length + 1} members</span></div></div>`)}` : ''}
      ${msgs.length ? html`<div class="wx-sect">Chat History</div>${msgs.map(({ c, m }) => html`<div class="wx-row slim" data-tap="openChat" data-arg="${c.id}" data-id="result-msg-${m.id}">${chatAvatar(s, c, 40)}<div class="wx-row-main"><span class="wx-name">${c.name}</span><span class="wx-preview">${mark(m.text, q)}</span></div></div>`)}` : ''}
      ${none ? html`<div class="wx-empty" data-id="no-results">No results for "${q}"</div>` : ''}
    </div></div>`;
}

export const homeScreens = { home, search };
