/**
 * Every app of the sandbox phone, in home-screen order. Each app lives in its own folder
 * (apps/<id>/index.ts exporting an AppDef); add one import and one list entry per app.
 */
import type { AppDef } from '../framework.js';
// app imports (one line per app)
import { chatApp } from './chat/index.js';
import { ride } from './ride/index.js';
import { metro } from './metro/index.js';
import { shop } from './shop/index.js';
import { food } from './food/index.js';
import { newsApp } from './news/index.js';
import { contactsApp } from './contacts/index.js';
import { settingsApp } from './settings/index.js';
import { clockApp } from './clock/index.js';
import { calendarApp } from './calendar/index.js';
import { notesApp } from './notes/index.js';

export const APPS: AppDef[] = [
  // app entries (one line per app), in home-screen order
  chatApp,
  ride,
  metro,
  shop,
  food,
  newsApp,
  contactsApp,
  settingsApp,
  clockApp,
  calendarApp,
  notesApp,
];

export function findApp(id: string): AppDef | undefined {
  return APPS.find((a) => a.id === id);
}
