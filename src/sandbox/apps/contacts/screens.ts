/** Contacts screens: A-Z list with tabs, search, contact detail, create/edit form, in-call. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { contactById, searchContacts, sectionOf, type CallEntry, type Contact, type ContactsState } from './data.js';
import { icon, type IconName } from './icons.js';
import { initials } from './people.js';
import { duration, listTime } from './time.js';

type Ctx = ViewCtx<ContactsState>;

const LABELS: Record<string, string> = { mobile: 'Mobile', work: 'Work', home: 'Home' };

export function avatar(c: { name: string; color: string }, size = 40): Raw {
  return html`<div class="ct-av" style="${`width:${size}px;height:${size}px;font-size:${Math.round(size * 0.42)}px;background:${c.color}`}">${initials(c.name)}</div>`;
}

function row(c: Contact, prefix: string): Raw {
  return html`<div class="ct-row" data-tap="openContact" data-arg="${c.id}" data-id="${prefix}-${c.id}">
    ${avatar(c)}<div class="ct-row-main"><span class="ct-name">${c.name}</span>${c.company ? html`<span class="ct-sub">${c.company}</span>` : ''}</div>
    ${c.starred ? html`<span class="ct-star-mini">${icon('star', 16, '#F9AB00')}</span>` : ''}</div>`;
}

function contactsTab(s: ContactsState): Raw {
  const groups = new Map<string, Contact[]>();
  for (const c of s.contacts) {
    const k = sectionOf(c);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(c);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)));
  return html`<div class="ct-mycard">${html`<div class="ct-av me">${icon('person', 26, '#fff')}</div>`}<div><div class="ct-name">My card</div><div class="ct-sub">Lin Xiaoyu · 186 2107 3391</div></div></div>
    <div class="ct-count">${s.contacts.length} contacts</div>
    ${keys.map((k) => html`<section class="ct-sec"><div class="ct-letter">${k}</div><div class="ct-rows">${groups.get(k)!.map((c) => row(c, 'contact'))}</div></section>`)}
    <div class="ct-foot">${s.contacts.length} contacts · Phone storage</div>`;
}

function favoritesTab(s: ContactsState): Raw {
  const favs = s.contacts.filter((c) => c.starred);
  if (!favs.length) return html`<div class="ct-empty">${icon('starOutline', 48, '#9aa0a6')}<p>No favourites yet</p><p class="ct-sub">Tap the star on a contact to add it here</p></div>`;
  return html`<div class="ct-favgrid">${favs.map((c) => html`<div class="ct-fav" data-tap="openContact" data-arg="${c.id}" data-id="fav-${c.id}">${avatar(c, 72)}<span class="ct-fav-name">${c.name}</span><span class="ct-sub">${LABELS[c.phones[0]?.label ?? 'mobile']}</span></div>`)}</div>`;
}

const KIND_ICON: Record<CallEntry['kind'], [IconName, string]> = {
  outgoing: ['outgoing', '#1e8e3e'], incoming: ['incoming', '#1a73e8'], missed: ['missed', '#d93025'],
};

function recentsTab(s: ContactsState, now: string): Raw {
  return html`<div class="ct-sechead">Recent calls</div>${s.calls.map((k) => {
    const c = k.contactId ? contactById(s, k.contactId) : undefined;
    const [ic, col] = KIND_ICON[k.kind];
    return html`<div class="ct-row" data-id="call-${k.id}" ${c ? raw(`data-tap="openContact" data-arg="${c.id}"`) : ''}>
      ${avatar({ name: k.name, color: c?.color ?? '#9aa0a6' })}
      <div class="ct-row-main"><span class="ct-name${k.kind === 'missed' ? ' missed' : ''}">${k.name}</span>
      <span class="ct-sub">${icon(ic, 14, col)} ${k.number} · ${listTime(k.time, now)}${k.duration ? ` · ${duration(k.duration)}` : ''}</span></div>
      <button class="ct-iconbtn" data-tap="redial" data-arg="${k.id}" data-id="redial-${k.id}" aria-label="Call ${k.name}">${icon('phone', 22, '#1a73e8')}</button></div>`;
  })}`;
}

function home(ctx: Ctx): Raw {
  const { s } = ctx;
  const tabs: [ContactsState['tab'], string, IconName][] = [['favorites', 'Favourites', 'star'], ['recents', 'Recents', 'clock'], ['contacts', 'Contacts', 'people']];
  const body = s.tab === 'favorites' ? favoritesTab(s) : s.tab === 'recents' ? recentsTab(s, ctx.phone.system.clock) : contactsTab(s);
  return html`<div class="ct">
    <header class="ct-head"><div class="ct-searchbar" data-tap="openSearch" data-id="search-bar">${icon('search', 22, '#5f6368')}<span>Search contacts</span>
      <span class="ct-more" data-tap="openSettings" data-id="menu-btn" aria-label="More options">${icon('more', 22, '#5f6368')}</span></div></header>
    <div class="scroll ct-body" data-scroll="main">${body}</div>
    ${s.tab === 'contacts' ? html`<button class="ct-fab" data-tap="newContact" data-id="add-contact" aria-label="Create contact">${icon('add', 28, '#174ea6')}</button>` : ''}
    <nav class="ct-nav">${tabs.map(([id, label, ic]) => html`<div class="ct-tab${s.tab === id ? ' on' : ''}" data-tap="tab" data-arg="${id}" data-id="tab-${id}" data-selected="${String(s.tab === id)}">
      <span class="ct-tab-ic">${icon(ic, 22)}</span><span>${label}</span></div>`)}</nav></div>`;
}

function search(ctx: Ctx): Raw {
  const q = ctx.field('q');
  const hits = searchContacts(ctx.s, q);
  return html`<div class="ct">
    <header class="ct-head ct-searchhead"><button class="ct-iconbtn" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back')}</button>
      <input class="ct-input" data-field="q" data-id="search-input" data-oninput="search" placeholder="Search contacts" value="${q}"></header>
    <div class="scroll ct-body" data-scroll="main">
      ${q.trim() === '' ? html`<div class="ct-sechead">Search by name, number, email or company</div>`
        : hits.length ? html`<div class="ct-sechead">${hits.length} found</div>${hits.map((c) => row(c, 'result'))}`
        : html`<div class="ct-empty" data-id="no-results"><p>No contacts found for “${q}”</p></div>`}
    </div></div>`;
}

function detail(ctx: Ctx): Raw {
  const c = contactById(ctx.s, String(ctx.screen.params?.id));
  if (!c) return html`<div class="ct"><div class="ct-empty"><p>This contact was deleted</p><button class="ct-btn" data-tap="back" data-id="back-btn">Back</button></div></div>`;
  const info: [IconName, string, string][] = [];
  if (c.company) info.push(['business', c.company, c.title]);
  if (c.birthday) info.push(['cake', c.birthday, 'Birthday']);
  if (c.note) info.push(['notes', c.note, 'Notes']);
  return html`<div class="ct ct-detail">
    <header class="ct-bar"><button class="ct-iconbtn" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back')}</button><span class="grow"></span>
      <button class="ct-iconbtn" data-tap="toggleStar" data-arg="${c.id}" data-id="star-btn" data-checked="${String(c.starred)}" aria-label="${c.starred ? 'Remove from favourites' : 'Add to favourites'}">${icon(c.starred ? 'star' : 'starOutline', 24, c.starred ? '#F9AB00' : '#444')}</button>
      <button class="ct-iconbtn" data-tap="editContact" data-arg="${c.id}" data-id="edit-btn" aria-label="Edit contact">${icon('edit')}</button>
      <button class="ct-iconbtn" data-tap="moreMenu" data-arg="${c.id}" data-id="more-btn" aria-label="More options">${icon('more')}</button></header>
    <div class="scroll ct-body" data-scroll="main">
      <div class="ct-hero">${avatar(c, 112)}<h1 class="ct-title">${c.name}</h1>${c.company ? html`<div class="ct-sub">${c.title}${c.title ? ' · ' : ''}${c.company}</div>` : ''}</div>
      <div class="ct-actions">
        <div class="ct-act" data-tap="call" data-arg="${c.id}|0" data-id="call-btn"><span class="ct-act-ic">${icon('phone', 22)}</span><span>Call</span></div>
        <div class="ct-act" data-tap="textContact" data-arg="${c.id}" data-id="text-btn"><span class="ct-act-ic">${icon('message', 22)}</span><span>Text</span></div>
        <div class="ct-act${c.email ? '' : ' off'}" data-tap="emailContact" data-arg="${c.id}" data-id="email-btn"><span class="ct-act-ic">${icon('email', 22)}</span><span>Email</span></div></div>
      <div class="ct-card"><div class="ct-card-title">Contact info</div>
        ${c.phones.map((p, i) => html`<div class="ct-info" data-tap="call" data-arg="${c.id}|${i}" data-id="phone-${p.label}">${icon('phone', 22, '#5f6368')}
          <div class="ct-row-main"><span class="ct-val">${p.number}</span><span class="ct-sub">${LABELS[p.label]}</span></div>
          <span class="ct-iconbtn" data-tap="textContact" data-arg="${c.id}" data-id="text-${p.label}" aria-label="Text ${LABELS[p.label]}">${icon('message', 20, '#1a73e8')}</span></div>`)}
        ${c.email ? html`<div class="ct-info" data-tap="emailContact" data-arg="${c.id}" data-id="email-row">${icon('email', 22, '#5f6368')}<div class="ct-row-main"><span class="ct-val" data-id="email-value">${c.email}</span><span class="ct-sub">Email</span></div></div>` : ''}</div>
      ${info.length ? html`<div class="ct-card"><div class="ct-card-title">About ${c.first || c.name}</div>${info.map(([ic, v, sub]) => html`<div class="ct-info">${icon(ic, 22, '#5f6368')}<div class="ct-row-main"><span class="ct-val">${v}</span>${sub ? html`<span class="ct-sub">${sub}</span>` : ''}</div></div>`)}</div>` : ''}
      <div class="ct-card"><div class="ct-info" data-tap="moreMenu" data-arg="${c.id}">${icon('share', 22, '#5f6368')}<span class="ct-val">Share contact</span></div></div>
    </div></div>`;
}

function field(ctx: Ctx, key: string, label: string, ic: IconName, type = 'text'): Raw {
  return html`<label class="ct-field"><span class="ct-field-ic">${icon(ic, 22, '#5f6368')}</span>
    <input class="ct-input boxed" type="${type}" data-field="${key}" data-id="${key}-input" placeholder="${label}" value="${ctx.field(key)}">
    ${ctx.field(key) ? html`<span class="ct-clear" data-tap="clearField" data-arg="${key}" data-id="${key}-clear" aria-label="Clear ${label}">${icon('close', 18, '#5f6368')}</span>` : ''}</label>`;
}

function edit(ctx: Ctx): Raw {
  const editing = ctx.screen.params?.id ? contactById(ctx.s, String(ctx.screen.params.id)) : undefined;
  return html`<div class="ct ct-edit">
    <header class="ct-bar"><button class="ct-iconbtn" data-tap="back" data-id="cancel-btn" aria-label="Cancel">${icon('close')}</button>
      <span class="ct-bar-title">${editing ? 'Edit contact' : 'Create contact'}</span><button class="ct-save" data-tap="save" data-id="save-btn">Save</button></header>
    <div class="scroll ct-body" data-scroll="main">
      <div class="ct-hero small">${editing ? avatar(editing, 88) : html`<div class="ct-av add">${icon('photo', 34, '#1a73e8')}</div>`}<span class="ct-link">${editing ? 'Change picture' : 'Add picture'}</span></div>
      ${ctx.s.formError ? html`<div class="ct-error" data-id="form-error">${ctx.s.formError}</div>` : ''}
      ${field(ctx, 'first', 'First name', 'person')}${field(ctx, 'last', 'Last name', 'person')}
      ${field(ctx, 'company', 'Company', 'business')}${field(ctx, 'phone', 'Phone (Mobile)', 'phone', 'tel')}
      ${field(ctx, 'email', 'Email', 'email', 'email')}
      <div class="ct-sub ct-hint">Saving to Phone storage</div></div></div>`;
}

function call(ctx: Ctx): Raw {
  const k = ctx.s.calls.find((e) => e.id === ctx.screen.params?.callId);
  const c = k?.contactId ? contactById(ctx.s, k.contactId) : undefined;
  const btn = (ic: IconName, label: string) => html`<div class="ct-callbtn"><span>${icon(ic, 26, '#fff')}</span><small>${label}</small></div>`;
  return html`<div class="ct ct-call">
    <div class="ct-call-top"><div class="ct-sub light">Calling…</div>${avatar({ name: k?.name ?? '?', color: c?.color ?? '#78909c' }, 108)}
      <h1 class="ct-title light">${k?.name ?? ''}</h1><div class="ct-sub light">${k?.number ?? ''}</div></div>
    <div class="ct-callgrid">${btn('mic', 'Mute')}${btn('dialpad', 'Keypad')}${btn('speaker', 'Speaker')}${btn('add', 'Add call')}${btn('clock', 'Hold')}${btn('notes', 'Notes')}</div>
    <button class="ct-endcall" data-tap="endCall" data-id="end-call" aria-label="End call">${icon('callEnd', 34, '#fff')}</button></div>`;
}

export const screens = { home, search, detail, edit, call };
