/**
 * The sandbox task suite: every template of every app. Each app's templates live in
 * tasks/<app>.ts exporting a TaskTemplate[]; add one import and one spread per file.
 */
import type { TaskTemplate } from '../framework.js';
// task imports (one line per file)
import { NOTES_TASKS } from './notes.js';
import { FOOD_TASKS } from './food.js';
import { NEWS_TASKS } from './news.js';
import { CALENDAR_TASKS } from './calendar.js';
import { SHOP_TASKS } from './shop.js';
import { CHAT_TASKS } from './chat.js';
import { CLOCK_TASKS } from './clock.js';
import { METRO_TASKS } from './metro.js';
import { SETTINGS_TASKS } from './settings.js';
import { RIDE_TASKS } from './ride.js';
import { CONTACTS_TASKS } from './contacts.js';

export const TEMPLATES: TaskTemplate[] = [
  // task entries (one line per file)
  ...NOTES_TASKS,
  ...FOOD_TASKS,
  ...NEWS_TASKS,
  ...CALENDAR_TASKS,
  ...SHOP_TASKS,
  ...CHAT_TASKS,
  ...CLOCK_TASKS,
  ...METRO_TASKS,
  ...SETTINGS_TASKS,
  ...RIDE_TASKS,
  ...CONTACTS_TASKS,
];
