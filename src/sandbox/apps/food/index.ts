/** FoodGo: a food-delivery app (Meituan/Ele.me-style) with menus, item options and order tracking. */
import type { AppDef } from '../../framework.js';
import { ACTIONS } from './actions.js';
import { seedFood, type FoodState } from './data.js';
import { ICON } from './icon.js';
import { SCREENS } from './screens.js';
import { CSS } from './style.js';

export const food: AppDef<FoodState> = {
  id: 'food',
  label: 'FoodGo',
  aliases: ['外卖', '美团', '美团外卖', '饿了么', '点外卖', 'food', 'food delivery', 'takeaway', 'delivery'],
  package: 'com.stepwise.food',
  scenario: 'local_services',
  icon: ICON,
  css: CSS,
  seed: seedFood,
  home: 'home',
  screens: SCREENS,
  actions: ACTIONS,
};
