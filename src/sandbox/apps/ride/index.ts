/** RideNow: a Chinese ride-hailing app (DiDi-style) with places around Shanghai. */
import type { AppDef } from '../../framework.js';
import { ACTIONS } from './actions.js';
import { seedRide, type RideState } from './data.js';
import { ICON } from './icon.js';
import { SCREENS } from './screens.js';
import { CSS } from './style.js';

export const ride: AppDef<RideState> = {
  id: 'ride',
  label: 'RideNow',
  aliases: ['打车', '滴滴', '滴滴出行', '叫车', '出行', 'taxi', 'ride', 'ride hailing', 'didi', 'uber'],
  package: 'com.stepwise.ride',
  scenario: 'transportation',
  icon: ICON,
  css: CSS,
  seed: seedRide,
  home: 'home',
  screens: SCREENS,
  actions: ACTIONS,
};
