/** The Notes app: notes list with search, folders and pinning; text and checklist notes; delete and share. */
import type { AppDef } from '../../framework.js';
import { actions } from './actions.js';
import { seedNotes, type NotesState } from './data.js';
import { editScreen, listScreen } from './screens.js';
import { css } from './style.js';

const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><rect width="48" height="48" rx="12" fill="#ffc233"/><rect x="11" y="9" width="26" height="31" rx="4" fill="#fff"/><path d="M16 18h16M16 24h16M16 30h10" stroke="#e6a100" stroke-width="2.6" stroke-linecap="round"/></svg>`;

export const notesApp: AppDef<NotesState> = {
  id: 'notes',
  label: 'Notes',
  aliases: ['笔记', '便签', 'Memo', '备忘录'],
  package: 'com.stepwise.notes',
  scenario: 'system',
  icon: ICON,
  css,
  seed: seedNotes,
  home: 'list',
  screens: { list: listScreen, edit: editScreen },
  actions,
};

export type { NotesState } from './data.js';
