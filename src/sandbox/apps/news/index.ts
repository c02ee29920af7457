/** The news app: Toutiao-like feed with channels, long articles read page by page, comments. */
import type { AppDef } from '../../framework.js';
import { actions } from './actions.js';
import { seedNews, type NewsState } from './data.js';
import { articleScreens } from './screens-article.js';
import { feedScreens } from './screens-feed.js';
import { css } from './style.js';

const icon = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><rect width="48" height="48" rx="11" fill="#f04142"/>
<rect x="9" y="11" width="30" height="27" rx="3" fill="#fff"/><rect x="13" y="15" width="10" height="9" rx="1.5" fill="#f04142"/>
<rect x="26" y="15" width="9" height="2.6" rx="1.3" fill="#f04142"/><rect x="26" y="20.5" width="9" height="2.6" rx="1.3" fill="#f9b4b4"/>
<rect x="13" y="27.5" width="22" height="2.6" rx="1.3" fill="#f9b4b4"/><rect x="13" y="32.5" width="16" height="2.6" rx="1.3" fill="#f9b4b4"/></svg>`;

export const newsApp: AppDef<NewsState> = {
  id: 'news',
  label: 'News',
  aliases: ['新闻', '头条', 'Headlines', 'news feed', 'Toutiao'],
  package: 'com.stepwise.news',
  scenario: 'content',
  icon,
  css,
  seed: seedNews,
  home: 'home',
  screens: { ...feedScreens, ...articleScreens },
  actions,
};
