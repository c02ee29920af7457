/** Contacts app state: the address book, the call log and a little UI state. */
import type { Rng } from '../../../core/random.js';
import {
  ALL_PEOPLE, AVATAR_COLORS, COMPANIES, FAMILY, KEVINS, TITLES, cnMobile, cnWork, type Person,
} from './people.js';
import { minusMinutes } from './time.js';
import { DEFAULT_CLOCK } from '../../phone.js';

export type PhoneLabel = 'mobile' | 'work' | 'home';

export interface PhoneNumber {
  label: PhoneLabel;
  number: string;
}

export interface Contact {
  id: string;
  name: string;
  first: string;
  last: string;
  /** Latin sort key (pinyin for Chinese names): decides the A-Z section. */
  sortKey: string;
  phones: PhoneNumber[];
  email: string;
  company: string;
  title: string;
  starred: boolean;
  color: string;
  /** "1990-05-14" or "" */
  birthday: string;
  note: string;
}

export interface CallEntry {
  id: string;
  contactId: string | null;
  name: string;
  number: string;
  kind: 'outgoing' | 'incoming' | 'missed';
  /** ISO local time */
  time: string;
  /** Seconds; 0 for missed or still ringing. */
  duration: number;
}

export interface ContactsState {
  contacts: Contact[];
  /** Most recent first. */
  calls: CallEntry[];
  nextId: number;
  tab: 'favorites' | 'recents' | 'contacts';
  /** Validation message shown on the edit form, null when none. */
  formError: string | null;
}

const PERSONAL_DOMAINS = ['gmail.com', 'qq.com', '163.com', 'outlook.com'];
const NOTES = ['Met at the Hangzhou design conference', 'Prefers WeChat over calls', 'Landlord, rent due on the 5th', '', '', ''];

function emailFor(p: Person, domain: string, rng: Rng): string {
  const [a, b] = p.latin.toLowerCase().split(' ');
  const local = rng.pick([`${a}.${b ?? ''}`, `${a}${b ?? ''}`, `${(a ?? '')[0]}${b ?? ''}`]).replace(/\.$/, '');
  return `${local}@${domain}`;
}

function makeContact(p: Person, id: number, rng: Rng, family = false): Contact {
  const phones: PhoneNumber[] = [{ label: 'mobile', number: cnMobile(rng) }];
  const hasCompany = !family && rng.chance(0.7);
  const company = hasCompany ? rng.pick(COMPANIES) : null;
  if (hasCompany && rng.chance(0.45)) phones.push({ label: 'work', number: cnWork(rng) });
  if (rng.chance(0.1)) phones.push({ label: 'home', number: cnWork(rng) });
  const email = family ? '' : company && rng.chance(0.6) ? emailFor(p, company.domain, rng)
    : rng.chance(0.7) ? emailFor(p, rng.pick(PERSONAL_DOMAINS), rng) : '';
  return {
    id: `c${id}`,
    name: p.name,
    first: p.first,
    last: p.last,
    sortKey: p.latin,
    phones,
    email,
    company: company?.name ?? '',
    title: company ? rng.pick(TITLES) : '',
    starred: family || rng.chance(0.12),
    color: rng.pick(AVATAR_COLORS),
    birthday: rng.chance(0.3) ? `19${rng.int(70, 99)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : '',
    note: family ? '' : rng.pick(NOTES),
  };
}

export function sortContacts(list: Contact[]): Contact[] {
  return list.sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'en') || a.id.localeCompare(b.id));
}

export function seedContacts(rng: Rng): ContactsState {
  const people = [...FAMILY, ...KEVINS, ...rng.shuffle(ALL_PEOPLE).slice(0, rng.int(34, 40))];
  let next = 1;
  const contacts = sortContacts(people.map((p, i) => makeContact(p, next++, rng, i < FAMILY.length)));
  const calls: CallEntry[] = [];
  let t = DEFAULT_CLOCK;
  for (let i = 0; i < 16; i++) {
    t = minusMinutes(t, rng.int(25, 600));
    const c = rng.pick(contacts);
    const kind = rng.pick(['outgoing', 'incoming', 'incoming', 'missed'] as const);
    calls.push({
      id: `k${next++}`, contactId: c.id, name: c.name, number: c.phones[0].number, kind, time: t,
      duration: kind === 'missed' ? 0 : rng.int(12, 900),
    });
  }
  return { contacts, calls, nextId: next, tab: 'contacts', formError: null };
}

// ---------------------------------------------------------------- selectors (also used by tasks)

export function contactById(s: ContactsState, id: string): Contact | undefined {
  return s.contacts.find((c) => c.id === id);
}

/** Contacts whose display name is exactly `name` (case-insensitive). */
export function contactsNamed(s: ContactsState, name: string): Contact[] {
  const n = name.trim().toLowerCase();
  return s.contacts.filter((c) => c.name.toLowerCase() === n);
}

/** A-Z section letter for a contact ("#" for anything else). */
export function sectionOf(c: Contact): string {
  const ch = c.sortKey.charAt(0).toUpperCase();
  return /[A-Z]/.test(ch) ? ch : '#';
}

/** Search by name, number digits, email or company, the way the contacts search box does. */
export function searchContacts(s: ContactsState, query: string): Contact[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const qd = q.replace(/\D+/g, '');
  return s.contacts.filter((c) =>
    c.name.toLowerCase().includes(q) || c.sortKey.toLowerCase().includes(q) || c.email.toLowerCase().includes(q)
    || c.company.toLowerCase().includes(q) || (qd.length >= 3 && c.phones.some((p) => p.number.replace(/\D+/g, '').includes(qd))));
}
