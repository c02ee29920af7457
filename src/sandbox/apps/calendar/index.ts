/** The Calendar app: month view with event dots and holidays, day agenda, event detail and editor. */
import type { AppDef } from '../../framework.js';
import { actions } from './actions.js';
import { seedCalendar, type CalendarState } from './data.js';
import { editScreen, eventScreen, monthScreen, pickDateScreen, pickTimeScreen } from './screens.js';
import { css } from './style.js';

const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><rect width="48" height="48" rx="12" fill="#fff"/><rect x="0" y="0" width="48" height="15" rx="0" fill="#ea4335" clip-path="inset(0 round 12px 12px 0 0)"/><text x="24" y="12" font-size="9" font-weight="700" fill="#fff" text-anchor="middle" font-family="sans-serif">THU</text><text x="24" y="39" font-size="21" font-weight="700" fill="#202124" text-anchor="middle" font-family="sans-serif">26</text></svg>`;

export const calendarApp: AppDef<CalendarState> = {
  id: 'calendar',
  label: 'Calendar',
  aliases: ['日历', 'Agenda', '日程'],
  package: 'com.stepwise.calendar',
  scenario: 'system',
  icon: ICON,
  css,
  seed: seedCalendar,
  home: 'month',
  screens: { month: monthScreen, event: eventScreen, edit: editScreen, 'pick-date': pickDateScreen, 'pick-time': pickTimeScreen },
  actions,
};

export type { CalendarState } from './data.js';
