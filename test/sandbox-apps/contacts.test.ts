import { describe, expect, it } from 'vitest';
import { contactsApp } from '../../src/sandbox/apps/contacts/index.js';
import { validateForm } from '../../src/sandbox/apps/contacts/actions.js';
import type { ContactsState } from '../../src/sandbox/apps/contacts/data.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { CONTACTS_TASKS } from '../../src/sandbox/tasks/contacts.js';
import { checkTemplates, runSolution } from './chat-headless.js';

const APPS = [contactsApp];
const book = (p: ReturnType<typeof createPhone>) => p.apps.contacts as ContactsState;

describe('contacts app', () => {
  it('seeds the same address book for the same seed and a different one for another', () => {
    expect(createPhone(7, APPS).apps.contacts).toEqual(createPhone(7, APPS).apps.contacts);
    expect(createPhone(7, APPS).apps.contacts).not.toEqual(createPhone(8, APPS).apps.contacts);
    const s = book(createPhone(7, APPS));
    expect(s.contacts.length).toBeGreaterThanOrEqual(36);
    expect(new Set(s.contacts.map((c) => c.id)).size).toBe(s.contacts.length);
    const keys = s.contacts.map((c) => c.sortKey);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'en')));
    expect(s.contacts.filter((c) => c.first === 'Kevin')).toHaveLength(2);
    expect(s.contacts.some((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
  });

  it('renders every screen and tab for seeded data', () => {
    for (const seed of [1, 2, 3]) {
      const phone = createPhone(seed, APPS);
      openApp(phone, 'contacts');
      const s = book(phone);
      for (const tab of ['favorites', 'recents', 'contacts']) {
        dispatch(phone, APPS, 'contacts', 'tab', tab);
        expect(renderScreen(phone, contactsApp)).toContain(`data-id="tab-${tab}"`);
      }
      const home = renderScreen(phone, contactsApp);
      for (const c of s.contacts) expect(home).toContain(`data-id="contact-${c.id}"`);
      expect(home).toContain('class="scroll');
      dispatch(phone, APPS, 'contacts', 'openContact', s.contacts[3].id);
      expect(renderScreen(phone, contactsApp)).toContain(s.contacts[3].phones[0].number);
      dispatch(phone, APPS, 'contacts', 'editContact', s.contacts[3].id);
      expect(renderScreen(phone, contactsApp)).toContain('Edit contact');
      dispatch(phone, APPS, 'contacts', 'back');
      dispatch(phone, APPS, 'contacts', 'call', `${s.contacts[3].id}|0`);
      expect(renderScreen(phone, contactsApp)).toContain('Calling');
    }
  });

  it('search matches names, companies and number digits', () => {
    const phone = createPhone(4, APPS);
    openApp(phone, 'contacts');
    const c = book(phone).contacts.find((x) => x.company)!;
    dispatch(phone, APPS, 'contacts', 'openSearch');
    phone.system.fields['contacts.q'] = c.phones[0].number.replace(/\s/g, '').slice(0, 7);
    expect(renderScreen(phone, contactsApp)).toContain(`data-id="result-${c.id}"`);
    phone.system.fields['contacts.q'] = 'zzzz-nobody';
    expect(renderScreen(phone, contactsApp)).toContain('No contacts found');
  });

  it('validates the form with messages that say what to fix', () => {
    const ok = { first: 'Ann', last: '', phone: '+86 138 0000 1111', email: 'ann@example.com', company: '' };
    expect(validateForm(ok)).toBeNull();
    expect(validateForm({ ...ok, first: ' ' })).toMatch(/name/);
    expect(validateForm({ ...ok, phone: '12ab34' })).toMatch(/digits/);
    expect(validateForm({ ...ok, phone: '12' })).toMatch(/3 to 15/);
    expect(validateForm({ ...ok, email: 'ann@' })).toMatch(/valid email/);
  });

  it('save with an invalid phone keeps the form open, shows the error and adds nothing', () => {
    const phone = createPhone(5, APPS);
    openApp(phone, 'contacts');
    const n = book(phone).contacts.length;
    runSolution(phone, APPS, [
      { do: 'tap', id: 'add-contact' },
      { do: 'type', text: 'Zed', into: { id: 'first-input' } },
      { do: 'type', text: 'call-me', into: { id: 'phone-input' } },
      { do: 'tap', id: 'save-btn' },
    ]);
    expect(book(phone).contacts).toHaveLength(n);
    expect(renderScreen(phone, contactsApp)).toContain('data-id="form-error"');
  });

  it('star, call, delete change the state as intended', () => {
    const phone = createPhone(6, APPS);
    openApp(phone, 'contacts');
    const s = book(phone);
    const c = s.contacts.find((x) => !x.starred)!;
    dispatch(phone, APPS, 'contacts', 'openContact', c.id);
    dispatch(phone, APPS, 'contacts', 'toggleStar', c.id);
    expect(c.starred).toBe(true);
    const calls = s.calls.length;
    dispatch(phone, APPS, 'contacts', 'call', `${c.id}|0`);
    expect(s.calls).toHaveLength(calls + 1);
    expect(s.calls[0]).toMatchObject({ contactId: c.id, kind: 'outgoing', number: c.phones[0].number, time: phone.system.clock });
    dispatch(phone, APPS, 'contacts', 'endCall');
    dispatch(phone, APPS, 'contacts', 'confirmDelete', c.id);
    expect(phone.system.overlay).toMatchObject({ kind: 'dialog', title: 'Delete this contact?' });
    dispatch(phone, APPS, 'contacts', 'deleteContact', c.id);
    expect(s.contacts.some((x) => x.id === c.id)).toBe(false);
    expect(phone.system.stacks.contacts).toEqual([]);
  });
});

describe('contacts tasks', () => {
  it('has 8+ templates with unique ids, Chinese ones, an INFO task and an infeasible task', () => {
    const ids = CONTACTS_TASKS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(CONTACTS_TASKS.some((t) => t.lang === 'zh')).toBe(true);
    expect(CONTACTS_TASKS.some((t) => t.reply)).toBe(true);
    expect(CONTACTS_TASKS.some((t) => t.expect === 'abort')).toBe(true);
  });
  checkTemplates(CONTACTS_TASKS, APPS, [1, 2, 3, 11, 42]);
});
