/** Chat actions: navigation, sending, emoji, message menu (copy, forward, delete), chat settings. */
import type { ActCtx } from '../../framework.js';
import { chatById, directChatWith, friendById, messageById, type Chat, type ChatState } from './data.js';

type Ctx = ActCtx<ChatState>;

function needChat(ctx: Ctx, id: string): Chat {
  const c = chatById(ctx.s, id);
  if (!c) throw new Error(`chat: no chat "${id}"`);
  return c;
}

function needMsg(ctx: Ctx, id: string) {
  const m = messageById(ctx.s, id);
  if (!m) throw new Error(`chat: no message "${id}"`);
  return m;
}

const newId = (ctx: Ctx) => `m${ctx.s.nextId++}`;

function openChat(ctx: Ctx, c: Chat): void {
  c.unread = 0;
  ctx.s.emojiOpen = false;
  ctx.focus(null);
  ctx.setField('compose', '');
  ctx.push('chat', { id: c.id });
}

export const actions: Record<string, (ctx: Ctx, arg: string) => void> = {
  tab(ctx, t) {
    if (t === 'chats' || t === 'contacts' || t === 'discover' || t === 'me') ctx.s.tab = t;
  },
  back(ctx) {
    ctx.s.emojiOpen = false;
    ctx.focus(null);
    ctx.pop();
  },
  openSearch(ctx) {
    ctx.setField('q', '');
    ctx.push('search');
    ctx.focus('q');
  },
  /** Results render straight from the field; nothing to store. */
  search() {},
  plusMenu(ctx) {
    ctx.menu([{ label: 'New Chat' }, { label: 'Add Contacts' }, { label: 'Scan' }, { label: 'Money' }]);
  },
  attachMenu(ctx) {
    ctx.sheet([{ label: 'Album' }, { label: 'Camera' }, { label: 'Location' }, { label: 'Transfer' }]);
  },
  openChat(ctx, id) { openChat(ctx, needChat(ctx, id)); },
  /** Open (or start) the one-to-one chat with a friend. */
  chatWith(ctx, friendId) {
    const f = friendById(ctx.s, friendId);
    if (!f) throw new Error(`chat: no friend "${friendId}"`);
    let c = directChatWith(ctx.s, friendId);
    if (!c) {
      c = { id: `d${ctx.s.nextId++}`, kind: 'direct', name: f.name, members: [f.id], messages: [], unread: 0, pinned: false, muted: false };
      ctx.s.chats.push(c);
    }
    openChat(ctx, c);
  },
  openProfile(ctx, friendId) {
    if (!friendById(ctx.s, friendId)) throw new Error(`chat: no friend "${friendId}"`);
    ctx.focus(null);
    ctx.push('profile', { id: friendId });
  },
  chatInfo(ctx, id) {
    needChat(ctx, id);
    ctx.focus(null);
    ctx.s.emojiOpen = false;
    ctx.push('group', { id });
  },
  voiceCall(ctx, friendId) {
    ctx.toast(`Calling ${friendById(ctx.s, friendId)?.name ?? ''}…`);
  },
  send(ctx) {
    const text = ctx.field('compose').trim();
    if (!text || ctx.screen.name !== 'chat') return;
    const c = needChat(ctx, String(ctx.screen.params?.id));
    c.messages.push({ id: newId(ctx), from: 'me', text, time: ctx.system.clock });
    c.unread = 0;
    ctx.setField('compose', '');
  },
  toggleEmoji(ctx) {
    ctx.s.emojiOpen = !ctx.s.emojiOpen;
    if (ctx.s.emojiOpen) ctx.focus(null); // the sticker panel takes the keyboard's place
  },
  emoji(ctx, code) {
    ctx.setField('compose', `${ctx.field('compose')}[${code}]`);
  },
  emojiDelete(ctx) {
    const v = ctx.field('compose');
    const m = /\[[A-Za-z]+\]$/.exec(v);
    ctx.setField('compose', m ? v.slice(0, m.index) : [...v].slice(0, -1).join(''));
  },
  msgMenu(ctx, id) {
    const { chat } = needMsg(ctx, id);
    ctx.menu([
      { label: 'Copy', action: 'copyMsg', arg: id },
      { label: 'Forward', action: 'forwardMsg', arg: id },
      { label: chat.pinned ? 'Unpin Chat' : 'Pin Chat', action: 'togglePin', arg: chat.id },
      { label: 'Delete', action: 'deleteMsg', arg: id },
    ]);
  },
  copyMsg(ctx, id) {
    ctx.s.clipboard = needMsg(ctx, id).msg.text;
    ctx.toast('Copied');
  },
  forwardMsg(ctx, id) {
    needMsg(ctx, id);
    ctx.setField('fwdq', '');
    ctx.focus(null);
    ctx.push('forward', { msgId: id });
  },
  forwardPick(ctx, arg) {
    const [msgId, chatId] = arg.split('|');
    const { msg } = needMsg(ctx, msgId);
    const to = needChat(ctx, chatId);
    ctx.focus(null);
    ctx.dialog(`Send to ${to.name}`, msg.text, [{ label: 'Cancel' }, { label: 'Send', action: 'forwardSend', arg, style: 'primary' }]);
  },
  forwardSend(ctx, arg) {
    const [msgId, chatId] = arg.split('|');
    const { msg } = needMsg(ctx, msgId);
    needChat(ctx, chatId).messages.push({ id: newId(ctx), from: 'me', text: msg.text, time: ctx.system.clock, forwardedFrom: msg.id });
    if (ctx.screen.name === 'forward') ctx.pop();
    ctx.toast('Sent');
  },
  deleteMsg(ctx, id) {
    needMsg(ctx, id);
    ctx.dialog('Delete this message?', 'It will be deleted from this phone only.', [{ label: 'Cancel' }, { label: 'Delete', action: 'deleteMsgConfirm', arg: id, style: 'danger' }]);
  },
  deleteMsgConfirm(ctx, id) {
    const { chat } = needMsg(ctx, id);
    chat.messages = chat.messages.filter((m) => m.id !== id);
  },
  chatMenu(ctx, id) {
    const c = needChat(ctx, id);
    ctx.menu([
      { label: c.unread ? 'Mark as Read' : 'Mark as Unread', action: 'toggleUnread', arg: id },
      { label: c.pinned ? 'Unpin' : 'Pin to Top', action: 'togglePin', arg: id },
      { label: 'Delete', action: 'deleteChat', arg: id },
    ]);
  },
  toggleUnread(ctx, id) {
    const c = needChat(ctx, id);
    c.unread = c.unread ? 0 : 1;
  },
  togglePin(ctx, id) {
    const c = needChat(ctx, id);
    c.pinned = !c.pinned;
  },
  toggleMute(ctx, id) {
    const c = needChat(ctx, id);
    c.muted = !c.muted;
  },
  deleteChat(ctx, id) {
    const c = needChat(ctx, id);
    ctx.dialog(`Delete chat with ${c.name}?`, 'Chat history will be cleared too.', [{ label: 'Cancel' }, { label: 'Delete', action: 'deleteChatConfirm', arg: id, style: 'danger' }]);
  },
  deleteChatConfirm(ctx, id) {
    ctx.s.chats = ctx.s.chats.filter((c) => c.id !== id);
  },
  clearHistory(ctx, id) {
    needChat(ctx, id);
    ctx.dialog('Clear chat history?', '', [{ label: 'Cancel' }, { label: 'Clear', action: 'clearHistoryConfirm', arg: id, style: 'danger' }]);
  },
  clearHistoryConfirm(ctx, id) {
    needChat(ctx, id).messages = [];
  },
};
