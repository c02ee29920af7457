/** The chat app: WeChat-like messaging with groups, stickers, forwarding and search. */
import type { AppDef } from '../../framework.js';
import { actions } from './actions.js';
import { seedChat, type ChatState } from './data.js';
import { chatScreens } from './screens-chat.js';
import { homeScreens } from './screens-home.js';
import { css } from './style.js';

const icon = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><rect width="48" height="48" rx="11" fill="#1aad19"/>
<path d="M19.5 10C11.5 10 5.5 15.3 5.5 21.8c0 3.6 1.9 6.8 5 9l-1.3 4.3 5-2.7c1.6.5 3.4.8 5.3.8h.9a10.4 10.4 0 0 1-.4-2.9c0-6.4 6-11.5 13.5-11.5h.9C33 13.3 26.9 10 19.5 10z" fill="#fff"/>
<circle cx="14.8" cy="18.5" r="1.9" fill="#1aad19"/><circle cx="24" cy="18.5" r="1.9" fill="#1aad19"/>
<path d="M30.9 20.6c-6.5 0-11.7 4.4-11.7 9.8s5.2 9.8 11.7 9.8c1.4 0 2.8-.2 4-.6l4 2.1-1-3.5c2.7-1.8 4.6-4.6 4.6-7.8 0-5.4-5.2-9.8-11.6-9.8z" fill="#fff"/>
<circle cx="26.9" cy="28.5" r="1.6" fill="#1aad19"/><circle cx="34.6" cy="28.5" r="1.6" fill="#1aad19"/></svg>`;

export const chatApp: AppDef<ChatState> = {
  id: 'chat',
  label: 'Chat',
  aliases: ['微信', 'WeChat', '聊天', 'messaging', 'messenger', 'messages'],
  package: 'com.stepwise.chat',
  scenario: 'social',
  icon,
  css,
  seed: seedChat,
  home: 'home',
  screens: { ...homeScreens, ...chatScreens },
  actions,
};
