/** 优品 Shop: an e-commerce app (Taobao/JD-style) with search, filters, variants, cart and checkout. */
import type { AppDef } from '../../framework.js';
import { ACTIONS } from './actions.js';
import { seedShop, type ShopState } from './data.js';
import { ICON } from './icon.js';
import { BROWSE } from './screens-browse.js';
import { BUY } from './screens-buy.js';
import { CSS } from './style.js';

export const shop: AppDef<ShopState> = {
  id: 'shop',
  label: 'Shop',
  aliases: ['优品', '优品商城', '购物', '商城', '淘宝', '京东', 'shopping', 'store', 'mall', 'e-commerce'],
  package: 'com.stepwise.shop',
  scenario: 'shopping',
  icon: ICON,
  css: CSS,
  seed: seedShop,
  home: 'home',
  screens: { ...BROWSE, ...BUY },
  actions: ACTIONS,
};
