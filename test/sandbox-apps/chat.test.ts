import { describe, expect, it } from 'vitest';
import { chatApp } from '../../src/sandbox/apps/chat/index.js';
import { timesIn } from '../../src/sandbox/apps/chat/answer-times.js';
import { directChatWith, sortedChats, type ChatState } from '../../src/sandbox/apps/chat/data.js';
import { richText } from '../../src/sandbox/apps/chat/emoji.js';
import { createPhone, type PhoneState } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { CHAT_TASKS } from '../../src/sandbox/tasks/chat.js';
import { checkTemplates, runSolution } from './chat-headless.js';

const APPS = [chatApp];
const cs = (p: PhoneState) => p.apps.chat as ChatState;

function phoneAt(seed: number): PhoneState {
  const p = createPhone(seed, APPS);
  openApp(p, 'chat');
  return p;
}

describe('chat app', () => {
  it('seeds deterministically with groups, both Kevins, family and one top unread chat', () => {
    expect(createPhone(3, APPS).apps.chat).toEqual(createPhone(3, APPS).apps.chat);
    expect(createPhone(3, APPS).apps.chat).not.toEqual(createPhone(4, APPS).apps.chat);
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = cs(createPhone(seed, APPS));
      expect(s.chats.length).toBeGreaterThanOrEqual(24);
      expect(s.chats.filter((c) => c.kind === 'group').length).toBe(5);
      for (const n of ['Kevin Zhang', 'Kevin Liu', '妈妈']) expect(directChatWith(s, s.friends.find((f) => f.name === n)!.id)).toBeDefined();
      const unread = s.chats.map((c) => c.unread).sort((a, b) => b - a);
      expect(unread[0]).toBeGreaterThan(unread[1]);
      const ids = s.chats.flatMap((c) => c.messages.map((m) => m.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of s.chats) expect(c.messages.map((m) => m.time)).toEqual([...c.messages.map((m) => m.time)].sort());
    }
  });

  it('renders every screen for seeded data', () => {
    for (const seed of [1, 2]) {
      const p = phoneAt(seed);
      const s = cs(p);
      for (const tab of ['chats', 'contacts', 'discover', 'me']) {
        dispatch(p, APPS, 'chat', 'tab', tab);
        expect(renderScreen(p, chatApp)).toContain(`data-id="tab-${tab}"`);
      }
      dispatch(p, APPS, 'chat', 'tab', 'chats');
      const list = renderScreen(p, chatApp);
      for (const c of s.chats) expect(list).toContain(`data-id="chat-${c.id}"`);
      for (const c of s.chats) {
        dispatch(p, APPS, 'chat', 'openChat', c.id);
        const html = renderScreen(p, chatApp);
        for (const m of c.messages) expect(html).toContain(`data-id="msg-${m.id}"`);
        dispatch(p, APPS, 'chat', 'chatInfo', c.id);
        expect(renderScreen(p, chatApp)).toContain('data-id="pin-switch"');
        dispatch(p, APPS, 'chat', 'back');
        dispatch(p, APPS, 'chat', 'back');
      }
      dispatch(p, APPS, 'chat', 'openProfile', s.friends[5].id);
      expect(renderScreen(p, chatApp)).toContain(s.friends[5].handle);
      dispatch(p, APPS, 'chat', 'forwardMsg', s.chats[0].messages[0].id);
      expect(renderScreen(p, chatApp)).toContain('Select a Chat');
    }
  });

  it('sends typed text with emoji, clears the box and moves the chat to the top', () => {
    const p = phoneAt(8);
    const s = cs(p);
    const c = sortedChats(s).filter((x) => !x.pinned).at(-1)!;
    runSolution(p, APPS, [{ do: 'tap', id: `chat-${c.id}` }, { do: 'type', text: 'See you at 8', into: { id: 'compose-input' } }, { do: 'tap', id: 'emoji-btn' }, { do: 'tap', id: 'emoji-ThumbsUp' }, { do: 'tap', id: 'emoji-send' }]);
    expect(c.messages.at(-1)).toMatchObject({ from: 'me', text: 'See you at 8[ThumbsUp]', time: p.system.clock });
    expect(p.system.fields['chat.compose']).toBe('');
    expect(sortedChats(s).filter((x) => !x.pinned)[0].id).toBe(c.id);
    expect(renderScreen(p, chatApp)).toContain('aria-label="ThumbsUp"');
  });

  it('does not send an empty message', () => {
    const p = phoneAt(9);
    const c = cs(p).chats[3];
    const n = c.messages.length;
    dispatch(p, APPS, 'chat', 'openChat', c.id);
    p.system.fields['chat.compose'] = '   ';
    dispatch(p, APPS, 'chat', 'send');
    expect(c.messages).toHaveLength(n);
  });

  it('long-press menu: copy, forward to another chat, delete, pin', () => {
    const p = phoneAt(10);
    const s = cs(p);
    const [a, b] = s.chats.filter((c) => c.kind === 'direct');
    const m = a.messages[0];
    dispatch(p, APPS, 'chat', 'openChat', a.id);
    dispatch(p, APPS, 'chat', 'msgMenu', m.id);
    expect(p.system.overlay).toMatchObject({ kind: 'menu' });
    dispatch(p, APPS, 'chat', 'copyMsg', m.id);
    expect(s.clipboard).toBe(m.text);
    dispatch(p, APPS, 'chat', 'forwardMsg', m.id);
    dispatch(p, APPS, 'chat', 'forwardPick', `${m.id}|${b.id}`);
    expect(p.system.overlay).toMatchObject({ kind: 'dialog', title: `Send to ${b.name}` });
    dispatch(p, APPS, 'chat', 'forwardSend', `${m.id}|${b.id}`);
    expect(b.messages.at(-1)).toMatchObject({ from: 'me', text: m.text, forwardedFrom: m.id });
    expect(p.system.stacks.chat.at(-1)).toMatchObject({ name: 'chat', params: { id: a.id } });
    dispatch(p, APPS, 'chat', 'deleteMsgConfirm', m.id);
    expect(a.messages.some((x) => x.id === m.id)).toBe(false);
    dispatch(p, APPS, 'chat', 'togglePin', b.id);
    expect(sortedChats(s)[0].pinned).toBe(true);
  });

  it('search finds friends, groups and message text; chatWith opens or starts a chat', () => {
    const p = phoneAt(11);
    const s = cs(p);
    dispatch(p, APPS, 'chat', 'openSearch');
    p.system.fields['chat.q'] = 'kevin';
    const html = renderScreen(p, chatApp);
    for (const f of s.friends.filter((x) => x.name.startsWith('Kevin'))) expect(html).toContain(`result-person-${f.id}`);
    p.system.fields['chat.q'] = 'code freeze';
    expect(renderScreen(p, chatApp)).toContain('result-msg-');
    p.system.fields['chat.q'] = 'Nobody Atall';
    expect(renderScreen(p, chatApp)).toContain('No results');
    const lonely = s.friends.find((f) => !directChatWith(s, f.id))!;
    const before = s.chats.length;
    dispatch(p, APPS, 'chat', 'chatWith', lonely.id);
    expect(s.chats).toHaveLength(before + 1);
    dispatch(p, APPS, 'chat', 'chatWith', lonely.id);
    expect(s.chats).toHaveLength(before + 1);
  });

  it('draws known emoji codes as stickers and escapes everything else', () => {
    expect(richText('hi [Smile] <b>')).toMatch(/^hi <svg[^>]*aria-label="Smile".*&lt;b&gt;$/);
    expect(richText('[NotAnEmoji]')).toBe('[NotAnEmoji]');
  });

  it('reads clock times from answers in English and Chinese', () => {
    expect(timesIn('3:30 pm')).toEqual([15 * 60 + 30]);
    expect(timesIn('15:30')).toContain(15 * 60 + 30);
    expect(timesIn('at 3:30')).toContain(15 * 60 + 30);
    expect(timesIn('下午3点半')).toEqual([15 * 60 + 30]);
    expect(timesIn('10 am')).toEqual([600]);
    expect(timesIn('11:00')).not.toContain(15 * 60 + 30);
    expect(timesIn('tomorrow')).toEqual([]);
  });
});

describe('chat tasks', () => {
  it('has 8+ templates with unique ids, Chinese ones, an INFO task and an infeasible task', () => {
    const ids = CHAT_TASKS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(CHAT_TASKS.filter((t) => t.lang === 'zh').length).toBeGreaterThanOrEqual(2);
    expect(CHAT_TASKS.some((t) => t.reply)).toBe(true);
    expect(CHAT_TASKS.some((t) => t.expect === 'abort')).toBe(true);
  });
  checkTemplates(CHAT_TASKS, APPS, [1, 2, 3, 11, 42]);
});
