/** Small pieces shared by the chat screens: avatars, app bar, bottom tabs. */
import { html, raw, type Raw } from '../../html.js';
import { icon } from '../contacts/icons.js';
import { initials } from '../contacts/people.js';
import { friendById, type Chat, type ChatState } from './data.js';

export function avatar(name: string, color: string, size = 44): Raw {
  return html`<div class="wx-av" style="${`width:${size}px;height:${size}px;font-size:${Math.round(size * 0.4)}px;background:${color}`}">${initials(name)}</div>`;
}

/** A group's avatar: its first members' avatars tiled, like WeChat. */
export function chatAvatar(s: ChatState, c: Chat, size = 44): Raw {
  if (c.kind === 'direct') {
    const f = friendById(s, c.members[0]);
    return avatar(c.name, f?.color ?? '#9e9e9e', size);
  }
  const ms = c.members.slice(0, c.members.length >= 4 ? 4 : 3);
  const cell = Math.floor((size - 6) / 2);
  return html`<div class="wx-gav" style="${`width:${size}px;height:${size}px`}">${ms.map((id) => {
    const f = friendById(s, id);
    return html`<div class="wx-gcell" style="${`width:${cell}px;height:${cell}px;background:${f?.color ?? '#bbb'};font-size:${Math.round(cell * 0.45)}px`}">${initials(f?.name ?? '?')}</div>`;
  })}</div>`;
}

export function topBar(title: string | Raw, opts: { back?: string; right?: Raw | string } = {}): Raw {
  return html`<header class="wx-bar">
    ${opts.back !== undefined ? html`<button class="wx-back" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back', 22)}${opts.back ? html`<span class="wx-back-n">${opts.back}</span>` : ''}</button>` : html`<span class="wx-bar-pad"></span>`}
    <div class="wx-bar-title">${title}</div>
    <div class="wx-bar-right">${opts.right ?? ''}</div></header>`;
}

const TAB_SVG: Record<ChatState['tab'], string> = {
  chats: 'M12 3C6.5 3 2 6.6 2 11.1c0 2.5 1.4 4.8 3.6 6.3L4.8 21l4-2.2c1 .3 2.1.4 3.2.4 5.5 0 10-3.6 10-8.1S17.5 3 12 3z',
  contacts: 'M16 11c1.66 0 2.99-1.34 2.99-3S17.66 5 16 5c-1.66 0-3 1.34-3 3s1.34 3 3 3zm-8 0c1.66 0 2.99-1.34 2.99-3S9.66 5 8 5C6.34 5 5 6.34 5 8s1.34 3 3 3zm0 2c-2.33 0-7 1.17-7 3.5V19h14v-2.5c0-2.33-4.67-3.5-7-3.5zm8 0c-.29 0-.62.02-.97.05 1.16.84 1.97 1.97 1.97 3.45V19h6v-2.5c0-2.33-4.67-3.5-7-3.5z',
  discover: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm2.2 12.2L7 17l2.8-7.2L17 7l-2.8 7.2zM12 10.9a1.1 1.1 0 1 0 0 2.2 1.1 1.1 0 0 0 0-2.2z',
  me: 'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
};
const TAB_LABEL: Record<ChatState['tab'], string> = { chats: 'Chats', contacts: 'Contacts', discover: 'Discover', me: 'Me' };

export function bottomTabs(s: ChatState): Raw {
  const unread = s.chats.filter((c) => !c.muted).reduce((n, c) => n + c.unread, 0);
  return html`<nav class="wx-tabs">${(Object.keys(TAB_LABEL) as ChatState['tab'][]).map((t) => html`
    <div class="wx-tab${s.tab === t ? ' on' : ''}" data-tap="tab" data-arg="${t}" data-id="tab-${t}" data-selected="${String(s.tab === t)}">
      <span class="wx-tab-ic">${raw(`<svg width="26" height="26" viewBox="0 0 24 24"><path fill="currentColor" d="${TAB_SVG[t]}"/></svg>`)}${t === 'chats' && unread ? html`<span class="wx-badge tab">${unread > 99 ? '99+' : unread}</span>` : ''}</span>
      <span>${TAB_LABEL[t]}</span></div>`)}</nav>`;
}
