/** Contacts actions: navigation, favourites, the create/edit form with validation, delete, calls. */
import type { ActCtx } from '../../framework.js';
import { contactById, sortContacts, type Contact, type ContactsState } from './data.js';
import { AVATAR_COLORS } from './people.js';

type Ctx = ActCtx<ContactsState>;

const FORM = ['first', 'last', 'phone', 'email', 'company'] as const;
const PHONE_CHARS = /^[+\d][\d\s()-]*$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;

function need(ctx: Ctx, id: string): Contact {
  const c = contactById(ctx.s, id);
  if (!c) throw new Error(`contacts: no contact "${id}"`);
  return c;
}

/** What is wrong with the form, or null when it can be saved. */
export function validateForm(v: Record<(typeof FORM)[number], string>): string | null {
  if (!v.first.trim() && !v.last.trim()) return 'Enter a first or last name';
  const phone = v.phone.trim();
  if (phone) {
    const n = phone.replace(/\D+/g, '').length;
    if (!PHONE_CHARS.test(phone)) return 'Phone numbers can only contain digits, spaces, +, - and ( )';
    if (n < 3 || n > 15) return 'Phone number must have 3 to 15 digits';
  }
  if (v.email.trim() && !EMAIL.test(v.email.trim())) return 'Enter a valid email address, like name@example.com';
  return null;
}

/** Chinese names are written surname first without a space; Latin ones "First Last". */
function displayName(first: string, last: string): string {
  const cjk = /[\u4e00-\u9fff]/;
  if (cjk.test(first) || cjk.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

function placeCall(ctx: Ctx, c: Contact | undefined, name: string, number: string): void {
  const id = `k${ctx.s.nextId++}`;
  ctx.s.calls.unshift({ id, contactId: c?.id ?? null, name, number, kind: 'outgoing', time: ctx.system.clock, duration: 0 });
  ctx.push('call', { callId: id });
}

export const actions: Record<string, (ctx: Ctx, arg: string) => void> = {
  tab(ctx, arg) {
    if (arg === 'favorites' || arg === 'recents' || arg === 'contacts') ctx.s.tab = arg;
  },
  back(ctx) {
    ctx.focus(null);
    ctx.pop();
  },
  openSearch(ctx) {
    ctx.setField('q', '');
    ctx.push('search');
    ctx.focus('q');
  },
  /** Results render from the field itself; this just keeps the soft keyboard's Enter harmless. */
  search() {},
  openSettings(ctx) {
    ctx.menu([{ label: 'Select' }, { label: 'Import contacts' }, { label: 'Settings' }]);
  },
  openContact(ctx, id) {
    need(ctx, id);
    ctx.focus(null); // leaving the search screen hides the keyboard, as on Android
    ctx.push('detail', { id });
  },
  toggleStar(ctx, id) {
    const c = need(ctx, id);
    c.starred = !c.starred;
    ctx.toast(c.starred ? 'Added to favourites' : 'Removed from favourites');
  },
  newContact(ctx) {
    for (const k of FORM) ctx.setField(k, '');
    ctx.s.formError = null;
    ctx.push('edit');
  },
  editContact(ctx, id) {
    const c = need(ctx, id);
    ctx.setField('first', c.first);
    ctx.setField('last', c.last);
    ctx.setField('phone', c.phones[0]?.number ?? '');
    ctx.setField('email', c.email);
    ctx.setField('company', c.company);
    ctx.s.formError = null;
    ctx.push('edit', { id });
  },
  clearField(ctx, key) {
    ctx.setField(key, '');
    ctx.focus(key);
  },
  save(ctx) {
    const v = Object.fromEntries(FORM.map((k) => [k, ctx.field(k)])) as Record<(typeof FORM)[number], string>;
    const err = validateForm(v);
    ctx.s.formError = err;
    if (err) { ctx.toast(err); return; }
    const editingId = ctx.screen.params?.id ? String(ctx.screen.params.id) : null;
    const first = v.first.trim();
    const last = v.last.trim();
    const old = editingId ? contactById(ctx.s, editingId) : undefined;
    // Keep a stored "Zhao Lei" surname-first when only other fields change.
    const name = old && old.name === `${old.last} ${old.first}` ? `${last} ${first}`.trim() : displayName(first, last);
    const phone = v.phone.trim();
    if (editingId) {
      const c = need(ctx, editingId);
      Object.assign(c, { first, last, name, email: v.email.trim(), company: v.company.trim() });
      if (/^[A-Za-z]/.test(name)) c.sortKey = name;
      if (phone) {
        if (c.phones.length) c.phones[0].number = phone; else c.phones.push({ label: 'mobile', number: phone });
      } else c.phones.shift();
      sortContacts(ctx.s.contacts);
      ctx.pop();
    } else {
      const id = `c${ctx.s.nextId++}`;
      ctx.s.contacts.push({
        id, name, first, last, sortKey: /^[A-Za-z]/.test(name) ? name : `~${name}`,
        phones: phone ? [{ label: 'mobile', number: phone }] : [], email: v.email.trim(), company: v.company.trim(),
        title: '', starred: false, color: AVATAR_COLORS[ctx.s.nextId % AVATAR_COLORS.length], birthday: '', note: '',
      });
      sortContacts(ctx.s.contacts);
      ctx.replace('detail', { id });
    }
    ctx.focus(null);
    ctx.toast('Contact saved');
  },
  moreMenu(ctx, id) {
    need(ctx, id);
    ctx.menu([
      { label: 'Share', action: 'shareContact', arg: id },
      { label: 'Delete', action: 'confirmDelete', arg: id },
      { label: 'Block numbers' },
    ]);
  },
  shareContact(ctx) { ctx.toast('Contact copied as vCard'); },
  confirmDelete(ctx, id) {
    const c = need(ctx, id);
    ctx.dialog('Delete this contact?', `${c.name} will be removed from this phone.`, [
      { label: 'Cancel' },
      { label: 'Delete', action: 'deleteContact', arg: id, style: 'danger' },
    ]);
  },
  deleteContact(ctx, id) {
    need(ctx, id);
    ctx.s.contacts = ctx.s.contacts.filter((c) => c.id !== id);
    ctx.closeOverlay();
    ctx.resetTo('home');
    ctx.toast('Contact deleted');
  },
  call(ctx, arg) {
    const [id, idx] = arg.split('|');
    const c = need(ctx, id);
    const p = c.phones[Number(idx) || 0];
    if (!p) { ctx.toast('No phone number saved for this contact'); return; }
    placeCall(ctx, c, c.name, p.number);
  },
  redial(ctx, callId) {
    const k = ctx.s.calls.find((e) => e.id === callId);
    if (!k) throw new Error(`contacts: no call log entry "${callId}"`);
    placeCall(ctx, k.contactId ? contactById(ctx.s, k.contactId) : undefined, k.name, k.number);
  },
  endCall(ctx) {
    ctx.toast('Call ended');
    ctx.pop();
  },
  textContact(ctx) {
    if ('chat' in ctx.phone.apps) ctx.openApp('chat');
    else ctx.toast('No messaging app installed');
  },
  emailContact(ctx, id) {
    const c = need(ctx, id);
    ctx.toast(c.email ? `Copied ${c.email}` : 'No email address saved');
  },
};
