/** The Clock app: alarms with a tappable time picker, world clock, timer and stopwatch. */
import type { AppDef } from '../../framework.js';
import { actions } from './actions.js';
import { seedClock, type ClockState } from './data.js';
import { alarmsScreen, citiesScreen, editScreen, stopwatchScreen, timerScreen, worldScreen } from './screens.js';
import { css } from './style.js';

const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><rect width="48" height="48" rx="12" fill="#202124"/><circle cx="24" cy="24" r="15" fill="#fff"/><path d="M24 13v11l7 5" stroke="#202124" stroke-width="3.2" fill="none" stroke-linecap="round" stroke-linejoin="round"/><circle cx="24" cy="24" r="2" fill="#3c6df0"/></svg>`;

export const clockApp: AppDef<ClockState> = {
  id: 'clock',
  label: 'Clock',
  aliases: ['时钟', 'Alarm', '闹钟', 'Alarms', 'Timer', '计时器'],
  package: 'com.stepwise.clock',
  scenario: 'system',
  icon: ICON,
  css,
  seed: seedClock,
  home: 'alarms',
  screens: { alarms: alarmsScreen, edit: editScreen, world: worldScreen, cities: citiesScreen, timer: timerScreen, stopwatch: stopwatchScreen },
  actions,
};

export type { ClockState } from './data.js';
