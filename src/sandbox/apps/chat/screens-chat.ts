/** The conversation screen, the forward picker, group info and a friend's profile. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { icon } from '../contacts/icons.js';
import { gapOver, separatorTime } from '../contacts/time.js';
import { chatById, friendById, messageById, sortedChats, type Chat, type ChatState } from './data.js';
import { EMOJI, EMOJI_CODES, emojiSvg, richText } from './emoji.js';
import { avatar, chatAvatar, topBar } from './parts.js';

type Ctx = ViewCtx<ChatState>;

function missing(what: string): Raw {
  return html`<div class="wx">${topBar('', { back: '' })}<div class="wx-empty">${what}</div></div>`;
}

function title(c: Chat): string {
  return c.kind === 'group' ? `${c.name} (${c.members.length + 1})` : c.name;
}

function bubbles(ctx: Ctx, c: Chat): Raw {
  const { s } = ctx;
  const now = ctx.phone.system.clock;
  let prev = '';
  return html`${c.messages.map((m) => {
    const sep = !prev || gapOver(prev, m.time, 5) ? html`<div class="wx-sep">${separatorTime(m.time, now)}</div>` : '';
    prev = m.time;
    const mine = m.from === 'me';
    const f = mine ? undefined : friendById(s, m.from);
    const av = mine ? avatar(s.me.name, '#3a7bd5', 40) : avatar(f?.name ?? '?', f?.color ?? '#999', 40);
    const onlyEmoji = /^(\[[A-Za-z]+\])+$/.test(m.text) && m.text.match(/\[([A-Za-z]+)\]/g)!.every((x) => EMOJI[x.slice(1, -1)]);
    return html`${sep}<div class="wx-msg ${mine ? 'me' : 'them'}">${av}<div class="wx-msg-col">
      ${c.kind === 'group' && !mine ? html`<div class="wx-sender">${f?.name ?? ''}</div>` : ''}
      <div class="wx-bubble${onlyEmoji ? ' sticker' : ''}" data-longpress="msgMenu" data-arg="${m.id}" data-id="msg-${m.id}">${raw(richText(m.text, onlyEmoji ? 40 : 20))}</div></div></div>`;
  })}`;
}

function chat(ctx: Ctx): Raw {
  const { s } = ctx;
  const c = chatById(s, String(ctx.screen.params?.id));
  if (!c) return missing('This chat no longer exists');
  const otherUnread = s.chats.filter((x) => x.id !== c.id && !x.muted).reduce((n, x) => n + x.unread, 0);
  const draft = ctx.field('compose');
  const right = html`<button class="wx-iconbtn" data-tap="chatInfo" data-arg="${c.id}" data-id="chat-info" aria-label="Chat info">${icon('moreH', 24)}</button>`;
  return html`<div class="wx wx-chat">${topBar(title(c), { back: otherUnread ? String(otherUnread) : '', right })}
    <div class="scroll wx-conv" data-scroll="main" data-id="conversation"><div class="wx-conv-inner">${bubbles(ctx, c)}</div></div>
    <div class="wx-compose">
      <button class="wx-iconbtn" aria-label="Voice input">${icon('voice', 28, '#181818')}</button>
      <input class="wx-input boxed" data-field="compose" data-id="compose-input" data-onsubmit="send" value="${draft}" aria-label="Message">
      <button class="wx-iconbtn" data-tap="toggleEmoji" data-id="emoji-btn" aria-label="Emoji">${icon('emoji', 28, s.emojiOpen ? '#07c160' : '#181818')}</button>
      ${draft.trim() ? html`<button class="wx-send" data-tap="send" data-id="send-btn">Send</button>` : html`<button class="wx-iconbtn" data-tap="attachMenu" data-id="attach-btn" aria-label="More functions">${icon('addCircle', 28, '#181818')}</button>`}
    </div>
    ${s.emojiOpen ? html`<div class="wx-emoji" data-id="emoji-panel"><div class="wx-emoji-t">All Stickers</div><div class="wx-emoji-grid">${EMOJI_CODES.map((code) => html`<span class="wx-emo" data-tap="emoji" data-arg="${code}" data-id="emoji-${code}" aria-label="${code} ${EMOJI[code][0]}">${raw(emojiSvg(code, 30))}</span>`)}</div>
      <div class="wx-emoji-bar"><button class="wx-emo-del" data-tap="emojiDelete" data-id="emoji-delete" aria-label="Delete">⌫</button><button class="wx-send${draft.trim() ? '' : ' off'}" data-tap="send" data-id="emoji-send">Send</button></div></div>` : ''}
  </div>`;
}

function forward(ctx: Ctx): Raw {
  const { s } = ctx;
  const found = messageById(s, String(ctx.screen.params?.msgId));
  if (!found) return missing('This message was deleted');
  const q = ctx.field('fwdq').trim().toLowerCase();
  const list = sortedChats(s).filter((c) => !q || c.name.toLowerCase().includes(q));
  return html`<div class="wx wx-forward">${topBar('Select a Chat', { back: '' })}
    <div class="wx-searchrow"><div class="wx-searchpill field">${icon('search', 18, '#8c8c8c')}<input class="wx-input" data-field="fwdq" data-id="forward-search" data-oninput="search" placeholder="Search" value="${ctx.field('fwdq')}"></div></div>
    <div class="wx-fwd-msg">Forwarding: ${raw(richText(found.msg.text, 16))}</div>
    <div class="wx-sect">Recent Chats</div>
    <div class="scroll wx-body" data-scroll="main">${list.map((c) => html`<div class="wx-row slim" data-tap="forwardPick" data-arg="${found.msg.id}|${c.id}" data-id="fwd-${c.id}">${chatAvatar(s, c, 40)}<div class="wx-row-main"><span class="wx-name">${c.name}</span></div></div>`)}
      ${list.length ? '' : html`<div class="wx-empty">No chats match</div>`}</div></div>`;
}

function sw(on: boolean, action: string, arg: string, id: string, label: string): Raw {
  return html`<div class="wx-cell" data-tap="${action}" data-arg="${arg}" data-id="${id}" data-class="android.widget.Switch" data-checked="${String(on)}" aria-label="${label}">
    <span class="wx-cell-t">${label}</span><span class="wx-switch${on ? ' on' : ''}"><span></span></span></div>`;
}

function group(ctx: Ctx): Raw {
  const { s } = ctx;
  const c = chatById(s, String(ctx.screen.params?.id));
  if (!c) return missing('This chat no longer exists');
  const people = c.members.map((id) => friendById(s, id)).filter((f) => f !== undefined);
  return html`<div class="wx wx-info">${topBar(c.kind === 'group' ? `Chat Info (${c.members.length + 1})` : 'Chat Info', { back: '' })}
    <div class="scroll wx-body" data-scroll="main">
      <div class="wx-members">${people.map((f) => html`<div class="wx-member" data-tap="openProfile" data-arg="${f.id}" data-id="member-${f.id}">${avatar(f.name, f.color, 52)}<span>${f.name}</span></div>`)}
        <div class="wx-member"><div class="wx-av add">${icon('add', 26, '#999')}</div><span></span></div></div>
      ${c.kind === 'group' ? html`<div class="wx-group"><div class="wx-cell"><span class="wx-cell-t">Group Name</span><span class="wx-cell-v">${c.name}</span></div>
        <div class="wx-cell"><span class="wx-cell-t">Group Notice</span><span class="wx-cell-v">None</span></div></div>` : ''}
      <div class="wx-group">${sw(c.muted, 'toggleMute', c.id, 'mute-switch', 'Mute Notifications')}${sw(c.pinned, 'togglePin', c.id, 'pin-switch', 'Sticky on Top')}</div>
      <div class="wx-group"><div class="wx-cell danger" data-tap="clearHistory" data-arg="${c.id}" data-id="clear-history"><span class="wx-cell-t">Clear Chat History</span></div></div>
    </div></div>`;
}

function profile(ctx: Ctx): Raw {
  const f = friendById(ctx.s, String(ctx.screen.params?.id));
  if (!f) return missing('This person is not your friend');
  return html`<div class="wx wx-profile">${topBar('', { back: '' })}
    <div class="scroll wx-body" data-scroll="main">
      <div class="wx-prof">${avatar(f.name, f.color, 64)}<div><div class="wx-prof-name">${f.name}</div><div class="wx-me-id">WeChat ID: ${f.handle}</div><div class="wx-me-id">Region: ${f.region}</div></div></div>
      <div class="wx-group">${html`<div class="wx-cell"><span class="wx-cell-t">Remark and Tags</span><span class="wx-chev">›</span></div><div class="wx-cell"><span class="wx-cell-t">Moments</span><span class="wx-chev">›</span></div>`}</div>
      <div class="wx-group"><div class="wx-cell center" data-tap="chatWith" data-arg="${f.id}" data-id="profile-message">${icon('message', 20, '#576b95')}<span class="wx-link">Messages</span></div>
        <div class="wx-cell center" data-tap="voiceCall" data-arg="${f.id}" data-id="profile-call">${icon('phone', 20, '#576b95')}<span class="wx-link">Voice or Video Call</span></div></div>
    </div></div>`;
}

export const chatScreens = { chat, forward, group, profile };
