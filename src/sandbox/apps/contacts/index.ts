/** The contacts app: address book with A-Z sections, search, favourites, edit form, calls. */
import type { AppDef } from '../../framework.js';
import { actions } from './actions.js';
import { seedContacts, type ContactsState } from './data.js';
import { screens } from './screens.js';
import { css } from './style.js';

const icon = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="ctg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4f8ef7"/><stop offset="1" stop-color="#1a5fd6"/></linearGradient></defs>
<rect width="48" height="48" rx="11" fill="url(#ctg)"/><rect x="11" y="9" width="27" height="31" rx="4" fill="#fff"/><rect x="8" y="14" width="5" height="3" rx="1.5" fill="#cfe0ff"/><rect x="8" y="22" width="5" height="3" rx="1.5" fill="#cfe0ff"/><rect x="8" y="30" width="5" height="3" rx="1.5" fill="#cfe0ff"/>
<circle cx="24.5" cy="21" r="5" fill="#1a5fd6"/><path d="M15.5 34c1.2-4.6 4.8-7 9-7s7.8 2.4 9 7z" fill="#1a5fd6"/></svg>`;

export const contactsApp: AppDef<ContactsState> = {
  id: 'contacts',
  label: 'Contacts',
  aliases: ['联系人', '通讯录', 'address book', 'phone book', 'people'],
  package: 'com.stepwise.contacts',
  scenario: 'social',
  icon,
  css,
  seed: seedContacts,
  home: 'home',
  screens,
  actions,
};
