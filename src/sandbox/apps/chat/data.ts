/** Chat app state (WeChat-like): friends, direct and group chats with messages, UI state. */
import type { Rng } from '../../../core/random.js';
import { DEFAULT_CLOCK } from '../../phone.js';
import { ALL_PEOPLE, AVATAR_COLORS, FAMILY, KEVINS } from '../contacts/people.js';
import { minusMinutes } from '../contacts/time.js';
import { GROUPS, THREADS_EN, THREADS_ZH, type Line } from './threads.js';

export interface Friend {
  id: string;
  name: string;
  color: string;
  /** WeChat-style ID shown on the profile. */
  handle: string;
  region: string;
  /** Latin spelling (pinyin for Chinese names): the A-Z section in the contacts tab. */
  sortKey: string;
}

export interface Message {
  id: string;
  /** 'me' or a friend id. */
  from: string;
  /** Text; emoji are written as codes like "[Smile]", drawn as stickers in bubbles. */
  text: string;
  /** ISO local time */
  time: string;
  /** Id of the message this one is a forwarded copy of. */
  forwardedFrom?: string;
}

export interface Chat {
  id: string;
  kind: 'direct' | 'group';
  name: string;
  /** Friend ids (without me). */
  members: string[];
  messages: Message[];
  unread: number;
  pinned: boolean;
  muted: boolean;
}

export interface ChatState {
  me: { name: string; handle: string };
  friends: Friend[];
  chats: Chat[];
  nextId: number;
  tab: 'chats' | 'contacts' | 'discover' | 'me';
  emojiOpen: boolean;
  /** Last text copied from a message (the app's view of the clipboard). */
  clipboard: string;
}

const REGIONS = ['Shanghai', 'Beijing', 'Hangzhou', 'Shenzhen', 'Chengdu', 'Guangzhou', 'Suzhou', 'Singapore', 'London', 'San Francisco'];

function handleFor(name: string, rng: Rng): string {
  const base = name.toLowerCase().replace(/[^a-z]/g, '') || 'wx';
  return `${base}_${rng.int(100, 9999)}`;
}

/** Messages of a scripted thread, ending at `end`, a few minutes apart. */
function thread(lines: readonly Line[], speakers: readonly string[], end: string, rng: Rng, next: () => string): Message[] {
  const out: Message[] = [];
  let t = end;
  for (let i = lines.length - 1; i >= 0; i--) {
    const [who, text] = lines[i];
    out.unshift({ id: next(), from: who === 'M' ? 'me' : speakers[who === 'T' ? 0 : Number(who) % speakers.length], text, time: t });
    t = minusMinutes(t, rng.int(1, 40));
  }
  return out;
}

export function seedChat(rng: Rng): ChatState {
  let n = 1;
  const next = () => `m${n++}`;
  const people = [...FAMILY, ...KEVINS, ...rng.shuffle(ALL_PEOPLE).slice(0, 24)];
  const friends: Friend[] = people.map((p, i) => ({
    id: `f${i + 1}`, name: p.name, color: rng.pick(AVATAR_COLORS), handle: handleFor(p.latin, rng), region: rng.pick(REGIONS), sortKey: p.latin,
  }));
  const chats: Chat[] = [];
  // Recent activity first: minutes before the clock, growing gaps for older chats.
  let ago = rng.int(2, 15);
  const when = () => {
    let t = minusMinutes(DEFAULT_CLOCK, ago);
    ago += rng.int(20, 900);
    const h = Number(t.slice(11, 13));
    if (h < 7) t = minusMinutes(t, (h + 2) * 60); // people rarely chat between midnight and 7am
    return t;
  };
  const direct = friends.slice(0, 20);
  const en = rng.shuffle(THREADS_EN);
  const zh = rng.shuffle(THREADS_ZH);
  const groupSlots = new Set([1, 4, 7, 11, 16]);
  let gi = 0;
  for (let i = 0; i < direct.length; i++) {
    if (groupSlots.has(i) && gi < GROUPS.length) {
      const g = GROUPS[gi++];
      const members = g.family ? [friends[0].id, friends[1].id, ...rng.shuffle(friends.slice(4)).slice(0, 1).map((f) => f.id)]
        : rng.shuffle(friends.slice(2)).slice(0, g.size).map((f) => f.id);
      chats.push({ id: `g${gi}`, kind: 'group', name: g.name, members, messages: thread(g.lines, members, when(), rng, next), unread: rng.chance(0.4) ? 0 : rng.int(1, 12), pinned: !!g.family, muted: !!g.muted });
    }
    const f = direct[i];
    const cjk = /[\u4e00-\u9fff]/.test(f.name);
    const lines: Line[] = i === 0 ? MOM : i === 1 ? DAD : [...(cjk || rng.chance(0.25) ? zh[i % zh.length] : en[i % en.length])];
    const msgs = thread(lines, [f.id], when(), rng, next);
    const older = en[(i + 5) % en.length];
    if (!cjk && rng.chance(0.5)) msgs.unshift(...thread(older, [f.id], minusMinutes(msgs[0].time, rng.int(1500, 6000)), rng, next));
    const last = msgs[msgs.length - 1];
    chats.push({ id: `d${i + 1}`, kind: 'direct', name: f.name, members: [f.id], messages: msgs, unread: last.from === 'me' || rng.chance(0.45) ? 0 : rng.int(1, 3), pinned: false, muted: false });
  }
  // Exactly one chat has the most unread messages (a query task asks for it).
  const top = Math.max(...chats.map((c) => c.unread));
  rng.pick(chats.filter((c) => c.messages[c.messages.length - 1].from !== 'me')).unread = top + rng.int(2, 6);
  return { me: { name: 'Lin Xiaoyu', handle: 'linxy_0926' }, friends, chats, nextId: n, tab: 'chats', emojiOpen: false, clipboard: '' };
}

const MOM: Line[] = [['T', '今天降温了，多穿点衣服'], ['M', '知道啦[Smile]'], ['T', '周末回家吃饭吗？']];
const DAD: Line[] = [['T', '车的保养约好了，周六上午九点'], ['M', '好的爸，我自己开过去'], ['T', '路上慢点']];

// ---------------------------------------------------------------- selectors (also used by tasks)

export function friendById(s: ChatState, id: string): Friend | undefined {
  return s.friends.find((f) => f.id === id);
}

export function chatById(s: ChatState, id: string): Chat | undefined {
  return s.chats.find((c) => c.id === id);
}

export function directChatWith(s: ChatState, friendId: string): Chat | undefined {
  return s.chats.find((c) => c.kind === 'direct' && c.members[0] === friendId);
}

export function lastMessage(c: Chat): Message | undefined {
  return c.messages[c.messages.length - 1];
}

/** Chats as the list shows them: pinned first, then most recent activity. */
export function sortedChats(s: ChatState): Chat[] {
  const t = (c: Chat) => lastMessage(c)?.time ?? '';
  return [...s.chats].sort((a, b) => Number(b.pinned) - Number(a.pinned) || t(b).localeCompare(t(a)) || a.id.localeCompare(b.id));
}

export function messageById(s: ChatState, id: string): { chat: Chat; msg: Message } | undefined {
  for (const chat of s.chats) {
    const msg = chat.messages.find((m) => m.id === id);
    if (msg) return { chat, msg };
  }
  return undefined;
}

/** Name shown for a sender: "me" is the user. */
export function senderName(s: ChatState, from: string): string {
  return from === 'me' ? s.me.name : friendById(s, from)?.name ?? 'Unknown';
}

/** Messages the user sent that were not in `before`, with their chats. */
export function sentSince(after: ChatState, before: ChatState): { chat: Chat; msg: Message }[] {
  const old = new Set(before.chats.flatMap((c) => c.messages.map((m) => m.id)));
  return after.chats.flatMap((chat) => chat.messages.filter((m) => m.from === 'me' && !old.has(m.id)).map((msg) => ({ chat, msg })));
}
