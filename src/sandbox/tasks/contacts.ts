/** Task templates for the contacts app: add, look up, call, star, edit, delete, count. */
import type { PhoneState, SemanticStep, TaskTemplate } from '../framework.js';
import type { Rng } from '../../core/random.js';
import { contactsNamed, type CallEntry, type Contact, type ContactsState } from '../apps/contacts/data.js';
import { NOBODY, cnMobile, digits } from '../apps/contacts/people.js';
import { fail, hasNumber, normText, pass } from './answers.js';

const book = (p: PhoneState) => p.apps.contacts as ContactsState;
const byId = (p: PhoneState, id: string) => book(p).contacts.find((c) => c.id === id);

/** Contacts with a name no other contact shares (so an instruction names exactly one person). */
function uniquelyNamed(p: PhoneState, filter: (c: Contact) => boolean = () => true): Contact[] {
  const s = book(p);
  return s.contacts.filter((c) => contactsNamed(s, c.name).length === 1 && filter(c));
}

const latin = (c: Contact) => /^[A-Za-z]/.test(c.name);

function newCalls(final: PhoneState, initial: PhoneState): CallEntry[] {
  const before = new Set(book(initial).calls.map((k) => k.id));
  return book(final).calls.filter((k) => !before.has(k.id) && k.kind === 'outgoing');
}

function newContacts(final: PhoneState, initial: PhoneState): Contact[] {
  const before = new Set(book(initial).contacts.map((c) => c.id));
  return book(final).contacts.filter((c) => !before.has(c.id));
}

/** Open the app, search a name, open the match: the start of most reference solutions. */
function openContact(c: Contact): SemanticStep[] {
  return [
    { do: 'open_app', app: 'Contacts' },
    { do: 'tap', id: 'search-bar' },
    { do: 'type', text: c.name, into: { id: 'search-input' } },
    { do: 'tap', id: `result-${c.id}` },
  ];
}

function addForm(first: string, last: string, phone: string): SemanticStep[] {
  return [
    { do: 'tap', id: 'add-contact' },
    { do: 'type', text: first, into: { id: 'first-input' } },
    { do: 'type', text: last, into: { id: 'last-input' } },
    { do: 'type', text: phone, into: { id: 'phone-input' } },
    { do: 'tap', id: 'save-btn' },
  ];
}

const NEW_PEOPLE: [string, string][] = [['Nora', 'Feldman'], ['Kenji', 'Mori'], ['Isabel', 'Ruiz'], ['Marco', 'Bianchi'], ['Fatima', 'Zahra'], ['Leo', 'Schmidt'], ['Ava', 'Thompson']];

interface NewContactP { first: string; last: string; phone: string }

function newContactParams(rng: Rng): NewContactP {
  const [first, last] = rng.pick(NEW_PEOPLE);
  return { first, last, phone: cnMobile(rng) };
}

function verifyAdded(final: PhoneState, p: NewContactP, initial: PhoneState) {
  const want = normText(`${p.first} ${p.last}`);
  const added = newContacts(final, initial);
  const hit = added.find((c) => normText(c.name) === want || normText(`${c.first}${c.last}`) === want);
  if (!hit) return fail(`expected a new contact named ${p.first} ${p.last}; new contacts: ${added.map((c) => c.name).join(', ') || 'none'}`);
  if (!hit.phones.some((x) => digits(x.number) === digits(p.phone))) return fail(`${hit.name} was saved with ${hit.phones.map((x) => x.number).join(', ') || 'no number'} instead of ${p.phone}`);
  return pass(`${hit.name} saved with ${p.phone}`);
}

const mutateNew = (f: (c: Contact) => void) => (ph: PhoneState) => {
  const s = book(ph);
  f(s.contacts.reduce((a, b) => (Number(b.id.slice(1)) > Number(a.id.slice(1)) ? b : a)));
};
const dropNewest = (ph: PhoneState) => {
  const s = book(ph);
  const newest = s.contacts.reduce((a, b) => (Number(b.id.slice(1)) > Number(a.id.slice(1)) ? b : a));
  s.contacts = s.contacts.filter((c) => c !== newest);
};
const wrongDigit = (n: string) => n.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));

const addContact: TaskTemplate<NewContactP> = {
  id: 'contacts.add-contact', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng) => newContactParams(rng),
  instruction: (p) => `Add a new contact named ${p.first} ${p.last} with the mobile number ${p.phone}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifyAdded(final, p, initial),
  solution: (p) => [{ do: 'open_app', app: 'Contacts' }, ...addForm(p.first, p.last, p.phone), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'one digit wrong', mutate: mutateNew((c) => { c.phones[0].number = wrongDigit(p.phone); }) },
    { name: 'misspelled name', mutate: mutateNew((c) => { c.name = `${p.first} ${p.last.slice(0, -1)}`; c.last = p.last.slice(0, -1); }) },
    { name: 'never saved', mutate: dropNewest },
  ],
};

interface PersonP { id: string; name: string }

const queryEmail: TaskTemplate<PersonP & { email: string; other: string }> = {
  id: 'contacts.query-email', app: 'contacts', scenario: 'social', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const pool = uniquelyNamed(phone, (c) => latin(c) && c.email !== '');
    const c = rng.pick(pool);
    const other = rng.pick(pool.filter((x) => x.id !== c.id));
    return { id: c.id, name: c.name, email: c.email, other: other.email };
  },
  instruction: (p) => `What is ${p.name}'s email address?`,
  expect: 'complete',
  verify: (_f, answer, p) => (answer && normText(answer).includes(normText(p.email)) ? pass(`answer has ${p.email}`) : fail(`expected ${p.email}, got "${answer ?? ''}"`)),
  solution: (p, phone) => [...openContact(byId(phone, p.id)!), { do: 'complete', answer: p.email }],
  wrongEnds: (p) => [{ name: 'another contact\'s email', answer: p.other }, { name: 'empty answer', answer: '' }, { name: 'name only', answer: p.name }],
};

function verifyCalled(final: PhoneState, initial: PhoneState, numbers: string[], who: string) {
  const calls = newCalls(final, initial);
  if (!calls.length) return fail(`no call was placed; expected a call to ${who}`);
  const want = numbers.map(digits);
  const hit = calls.find((k) => want.includes(digits(k.number)));
  if (!hit) return fail(`expected a call to ${who} (${numbers.join(' or ')}), but called ${calls.map((k) => `${k.name} ${k.number}`).join(', ')}`);
  if (calls.length > 1) return fail(`expected one call to ${who} but ${calls.length} calls were placed`);
  return pass(`called ${who} at ${hit.number}`);
}

const callSomeone = (number: string, name: string) => (ph: PhoneState) => {
  book(ph).calls.unshift({ id: 'k9999', contactId: null, name, number, kind: 'outgoing', time: ph.system.clock, duration: 0 });
};
/** The reference path places exactly one call, which the log keeps first. */
const dropLastCall = (ph: PhoneState) => { book(ph).calls.shift(); };

const callZh: TaskTemplate<PersonP & { numbers: string[]; otherName: string; otherNumber: string }> = {
  id: 'contacts.call-zh', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => {
    const pool = uniquelyNamed(phone, (c) => !latin(c) && c.phones.length > 0);
    const c = rng.pick(pool);
    const o = rng.pick(book(phone).contacts.filter((x) => x.id !== c.id && x.phones.length));
    return { id: c.id, name: c.name, numbers: [c.phones[0].number], otherName: o.name, otherNumber: o.phones[0].number };
  },
  instruction: (p) => `给${p.name}打个电话`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifyCalled(final, initial, p.numbers, p.name),
  solution: (p, phone) => [...openContact(byId(phone, p.id)!), { do: 'tap', id: 'call-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'called someone else instead', mutate: (ph) => { dropLastCall(ph); callSomeone(p.otherNumber, p.otherName)(ph); } },
    { name: 'also called someone else', mutate: callSomeone(p.otherNumber, p.otherName) },
    { name: 'no call placed', mutate: dropLastCall },
  ],
};

const star: TaskTemplate<PersonP & { other: string }> = {
  id: 'contacts.star', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const pool = uniquelyNamed(phone, (c) => !c.starred && latin(c));
    const c = rng.pick(pool);
    return { id: c.id, name: c.name, other: rng.pick(pool.filter((x) => x.id !== c.id)).id };
  },
  instruction: (p) => `Add ${p.name} to my favourites.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => {
    const c = byId(final, p.id);
    if (!c) return fail(`${p.name} is no longer in the contacts`);
    if (!c.starred) return fail(`${p.name} is not starred`);
    const extra = book(final).contacts.filter((x) => x.starred && x.id !== p.id && !byId(initial, x.id)?.starred);
    return extra.length ? fail(`also starred ${extra.map((x) => x.name).join(', ')}`) : pass(`${p.name} is a favourite`);
  },
  solution: (p, phone) => [...openContact(byId(phone, p.id)!), { do: 'tap', id: 'star-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'not starred', mutate: (ph) => { byId(ph, p.id)!.starred = false; } },
    { name: 'starred the wrong person', mutate: (ph) => { byId(ph, p.id)!.starred = false; byId(ph, p.other)!.starred = true; } },
  ],
};

const remove: TaskTemplate<PersonP & { other: string }> = {
  id: 'contacts.delete', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const pool = uniquelyNamed(phone, latin);
    const c = rng.pick(pool);
    return { id: c.id, name: c.name, other: rng.pick(pool.filter((x) => x.id !== c.id)).id };
  },
  instruction: (p) => `Delete ${p.name} from my contacts.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => {
    if (byId(final, p.id)) return fail(`${p.name} is still in the contacts`);
    const lost = book(initial).contacts.filter((c) => c.id !== p.id && !byId(final, c.id));
    return lost.length ? fail(`also deleted ${lost.map((c) => c.name).join(', ')}`) : pass(`${p.name} deleted, nobody else`);
  },
  solution: (p, phone) => [...openContact(byId(phone, p.id)!), { do: 'tap', id: 'more-btn' }, { do: 'tap', text: 'Delete' }, { do: 'tap', text: 'Delete' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'deleted someone else', mutate: (ph) => { const s = book(ph); s.contacts = s.contacts.filter((c) => c.id !== p.other); } },
    { name: 'not deleted', mutate: (ph) => { book(ph).contacts.push({ ...placeholderContact(p) }); } },
  ],
};

/** A stand-in for a contact that should have been deleted (only id and name matter to the verifier). */
function placeholderContact(p: PersonP): Contact {
  return { id: p.id, name: p.name, first: p.name, last: '', sortKey: p.name, phones: [], email: '', company: '', title: '', starred: false, color: '#999', birthday: '', note: '' };
}

const editEmail: TaskTemplate<PersonP & { email: string; old: string; phones: string[] }> = {
  id: 'contacts.edit-email', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const c = rng.pick(uniquelyNamed(phone, latin));
    const local = c.first.toLowerCase().replace(/[^a-z]/g, '') || 'me';
    return { id: c.id, name: c.name, email: `${local}.${rng.pick(['work', 'home', 'mail'])}${rng.int(10, 99)}@${rng.pick(['gmail.com', 'outlook.com', 'proton.me'])}`, old: c.email, phones: c.phones.map((x) => x.number) };
  },
  instruction: (p) => `${p.name} has a new email address: ${p.email}. Update the contact.`,
  expect: 'complete',
  verify: (final, _a, p) => {
    const c = byId(final, p.id);
    if (!c) return fail(`${p.name} was deleted`);
    if (c.email.trim().toLowerCase() !== p.email) return fail(`email is "${c.email}", expected ${p.email}`);
    if (c.phones.map((x) => digits(x.number)).join() !== p.phones.map(digits).join()) return fail(`phone numbers changed from ${p.phones.join(', ')} to ${c.phones.map((x) => x.number).join(', ')}`);
    return normText(c.name) === normText(p.name) ? pass(`email updated to ${p.email}`) : fail(`name changed to ${c.name}`);
  },
  solution: (p, phone) => [
    ...openContact(byId(phone, p.id)!), { do: 'tap', id: 'edit-btn' },
    ...(p.old ? [{ do: 'tap', id: 'email-clear' } as SemanticStep] : []),
    { do: 'type', text: p.email, into: { id: 'email-input' } }, { do: 'tap', id: 'save-btn' }, { do: 'complete' },
  ],
  wrongEnds: (p) => [
    { name: 'old email kept', mutate: (ph) => { byId(ph, p.id)!.email = p.old; } },
    { name: 'typed after the old email, or a letter short', mutate: (ph) => { byId(ph, p.id)!.email = p.old ? `${p.old}${p.email}` : p.email.slice(1); } },
    { name: 'phone wiped', mutate: (ph) => { byId(ph, p.id)!.phones = []; } },
  ],
};

const callWorkOrMobile: TaskTemplate<PersonP & { want: string; label: 'work' | 'mobile'; other: string }> = {
  id: 'contacts.call-work-or-mobile', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'conditional', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const withWork = rng.chance(0.5);
    const pool = uniquelyNamed(phone, (c) => latin(c) && c.phones.some((x) => x.label === 'work') === withWork && c.phones.some((x) => x.label === 'mobile'));
    const c = rng.pick(pool.length ? pool : uniquelyNamed(phone, latin));
    const w = c.phones.find((x) => x.label === 'work') ?? c.phones[0];
    const other = c.phones.find((x) => x !== w)?.number ?? '010 8888 0000';
    return { id: c.id, name: c.name, want: w.number, label: w.label === 'work' ? 'work' : 'mobile', other };
  },
  instruction: (p) => `If ${p.name} has a work number, call it; otherwise call their mobile.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifyCalled(final, initial, [p.want], `${p.name}'s ${p.label} number`),
  solution: (p, phone) => [...openContact(byId(phone, p.id)!), { do: 'tap', id: `phone-${p.label}` }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'called the other number', mutate: (ph) => { const k = book(ph).calls[0]; k.number = p.other; } },
    { name: 'no call', mutate: dropLastCall },
  ],
};

const countCompany: TaskTemplate<{ company: string; count: number }> = {
  id: 'contacts.count-company', app: 'contacts', scenario: 'social', type: 'analyze', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const counts = new Map<string, number>();
    for (const c of book(phone).contacts) if (c.company) counts.set(c.company, (counts.get(c.company) ?? 0) + 1);
    // Only companies whose name matches nothing else in a search (emails, other companies).
    const ok = [...counts].filter(([name, n]) => n >= 2 && book(phone).contacts.filter((c) => c.company.toLowerCase().includes(name.toLowerCase()) || c.name.toLowerCase().includes(name.toLowerCase()) || c.email.toLowerCase().includes(name.toLowerCase())).length === n);
    const [company, count] = rng.pick(ok.length ? ok : [...counts]);
    return { company, count };
  },
  instruction: (p) => `How many of my contacts work at ${p.company}?`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.count) && !/\d/.test((answer ?? '').replace(String(p.count), '')) ? pass(`answered ${p.count}`) : fail(`expected ${p.count}, got "${answer ?? ''}"`)),
  solution: (p) => [{ do: 'open_app', app: 'Contacts' }, { do: 'tap', id: 'search-bar' }, { do: 'type', text: p.company, into: { id: 'search-input' } }, { do: 'complete', answer: String(p.count) }],
  wrongEnds: (p) => [{ name: 'one too many', answer: String(p.count + 1) }, { name: 'no number', answer: 'several' }],
};

const callNobody: TaskTemplate<{ name: string; someone: string; number: string }> = {
  id: 'contacts.call-missing', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const absent = NOBODY.filter((n) => !book(phone).contacts.some((c) => c.name === n) && /^[A-Za-z]/.test(n));
    const o = rng.pick(book(phone).contacts);
    return { name: rng.pick(absent), someone: o.name, number: o.phones[0].number };
  },
  instruction: (p) => `Call ${p.name}.`,
  expect: 'abort',
  verify: (final, _a, p, initial) => {
    const calls = newCalls(final, initial);
    return calls.length ? fail(`${p.name} is not a contact, yet ${calls.map((k) => k.name).join(', ')} was called`) : pass('no call placed for a contact that does not exist');
  },
  solution: (p) => [{ do: 'open_app', app: 'Contacts' }, { do: 'tap', id: 'search-bar' }, { do: 'type', text: p.name, into: { id: 'search-input' } }, { do: 'abort', reason: `There is no contact named ${p.name}.` }],
  wrongEnds: (p) => [{ name: 'called a random contact', mutate: callSomeone(p.number, p.someone) }, { name: 'dialled a guess', mutate: callSomeone('138 0000 0000', p.name) }],
};

const addDentist: TaskTemplate<NewContactP> = {
  id: 'contacts.add-dentist-info', app: 'contacts', scenario: 'social', type: 'filter', complexity: 'composite', ambiguity: 'high', lang: 'en',
  params: (rng) => newContactParams(rng),
  instruction: () => 'Save my new dentist in my contacts.',
  reply: (p) => `The dentist is ${p.first} ${p.last}, phone ${p.phone}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifyAdded(final, p, initial),
  solution: (p) => [{ do: 'open_app', app: 'Contacts' }, { do: 'info', question: "What is your dentist's name and phone number?" }, ...addForm(p.first, p.last, p.phone), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'wrong number', mutate: mutateNew((c) => { c.phones[0].number = wrongDigit(p.phone); }) },
    { name: 'saved without a number', mutate: mutateNew((c) => { c.phones = []; }) },
    { name: 'not saved', mutate: dropNewest },
  ],
};

const queryMobileZh: TaskTemplate<PersonP & { number: string; other: string }> = {
  id: 'contacts.query-mobile-zh', app: 'contacts', scenario: 'social', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => {
    const pool = uniquelyNamed(phone, (c) => !latin(c) && c.phones.some((x) => x.label === 'mobile'));
    const c = rng.pick(pool);
    const o = rng.pick(book(phone).contacts.filter((x) => x.id !== c.id));
    return { id: c.id, name: c.name, number: c.phones.find((x) => x.label === 'mobile')!.number, other: o.phones[0].number };
  },
  instruction: (p) => `${p.name}的手机号是多少？`,
  expect: 'complete',
  verify: (_f, answer, p) => (answer && digits(answer).includes(digits(p.number)) ? pass(`answer has ${p.number}`) : fail(`expected ${p.number}, got "${answer ?? ''}"`)),
  solution: (p, phone) => [...openContact(byId(phone, p.id)!), { do: 'complete', answer: p.number }],
  wrongEnds: (p) => [{ name: 'someone else\'s number', answer: p.other }, { name: 'one digit off', answer: wrongDigit(p.number) }],
};

export const CONTACTS_TASKS: TaskTemplate[] = [addContact, queryEmail, callZh, star, remove, editEmail, callWorkOrMobile, countCompany, callNobody, addDentist, queryMobileZh];
