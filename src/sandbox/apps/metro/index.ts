/** Metro: Shanghai-style metro route planner with line status, line maps and nearby stations. */
import type { AppDef } from '../../framework.js';
import { ACTIONS } from './actions.js';
import { seedMetro, type MetroState } from './data.js';
import { ICON } from './icon.js';
import { SCREENS } from './screens.js';
import { CSS } from './style.js';

export const metro: AppDef<MetroState> = {
  id: 'metro',
  label: 'Metro',
  aliases: ['地铁', '上海地铁', 'Metro大都会', '大都会', 'subway', 'metro map', 'maps', '地图', 'transit'],
  package: 'com.stepwise.metro',
  scenario: 'transportation',
  icon: ICON,
  css: CSS,
  seed: seedMetro,
  home: 'home',
  screens: SCREENS,
  actions: ACTIONS,
};
