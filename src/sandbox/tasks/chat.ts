/** Task templates for the chat app: send, group mentions, forward, read back, pin, count. */
import type { PhoneState, SemanticStep, TaskTemplate } from '../framework.js';
import { directChatWith, sentSince, sortedChats, type Chat, type ChatState, type Friend, type Message } from '../apps/chat/data.js';
import { NOBODY } from '../apps/contacts/people.js';
import { minusMinutes } from '../apps/contacts/time.js';
import { fail, hasNumber, mentions, normText, pass } from './answers.js';
import { clockMinutes, timesIn } from '../apps/chat/answer-times.js';

const cs = (p: PhoneState) => p.apps.chat as ChatState;
const chatOf = (p: PhoneState, id: string) => cs(p).chats.find((c) => c.id === id)!;
const latin = (name: string) => /^[A-Za-z]/.test(name);
const friendNamed = (p: PhoneState, name: string) => cs(p).friends.find((f) => f.name === name)!;

/** Direct chats with a person no other friend shares a name with. */
function directChats(p: PhoneState, filter: (c: Chat, f: Friend) => boolean = () => true): Chat[] {
  const s = cs(p);
  return s.chats.filter((c) => {
    if (c.kind !== 'direct') return false;
    const f = s.friends.find((x) => x.id === c.members[0]);
    return !!f && s.friends.filter((x) => x.name === f.name).length === 1 && filter(c, f);
  });
}

/** The user's newest message (the one a reference solution just sent). */
function newest(p: PhoneState): { chat: Chat; msg: Message } {
  let best: { chat: Chat; msg: Message } | undefined;
  for (const chat of cs(p).chats) for (const msg of chat.messages) {
    if (msg.from === 'me' && (!best || Number(msg.id.slice(1)) > Number(best.msg.id.slice(1)))) best = { chat, msg };
  }
  if (!best) throw new Error('no message from me');
  return best;
}

const moveNewestTo = (chatId: string) => (p: PhoneState) => {
  const { chat, msg } = newest(p);
  chat.messages = chat.messages.filter((m) => m !== msg);
  chatOf(p, chatId).messages.push(msg);
};
const editNewest = (text: string) => (p: PhoneState) => { newest(p).msg.text = text; };
const dropNewest = (p: PhoneState) => { const { chat, msg } = newest(p); chat.messages = chat.messages.filter((m) => m !== msg); };
const sendExtra = (chatId: string, text: string) => (p: PhoneState) => {
  chatOf(p, chatId).messages.push({ id: `m${cs(p).nextId++}`, from: 'me', text, time: p.system.clock });
};

/** Exactly the right chat got a message that passes `ok`, and no other chat got anything. */
function verifySent(final: PhoneState, initial: PhoneState, chatId: string, ok: (text: string) => boolean, want: string) {
  const sent = sentSince(cs(final), cs(initial));
  const target = chatOf(initial, chatId);
  const elsewhere = sent.filter((x) => x.chat.id !== chatId);
  if (elsewhere.length) return fail(`also sent "${elsewhere[0].msg.text}" to ${elsewhere[0].chat.name}; only ${target.name} should get a message`);
  const here = sent.filter((x) => x.chat.id === chatId);
  if (!here.length) return fail(`nothing was sent to ${target.name}; expected ${want}`);
  return here.some((x) => ok(x.msg.text)) ? pass(`sent ${want} to ${target.name}`) : fail(`sent "${here.map((x) => x.msg.text).join(' / ')}" to ${target.name}, expected ${want}`);
}

const open = (chatId: string): SemanticStep[] => [{ do: 'open_app', app: 'Chat' }, { do: 'tap', id: `chat-${chatId}` }];
const say = (text: string): SemanticStep[] => [{ do: 'type', text, into: { id: 'compose-input' } }, { do: 'tap', id: 'send-btn' }];
const same = (want: string) => (t: string) => normText(t) === normText(want);

interface SendP { chat: string; name: string; text: string; other: string }

const LATE = ["I'll be 10 minutes late", 'Can we move our call to 4pm?', 'Thanks for your help today!', 'Running late, start without me', 'Just landed, see you soon'];

const sendText: TaskTemplate<SendP> = {
  id: 'chat.send-text', app: 'chat', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const pool = directChats(phone, (_c, f) => latin(f.name));
    const c = rng.pick(pool);
    return { chat: c.id, name: c.name, text: rng.pick(LATE), other: rng.pick(pool.filter((x) => x !== c)).id };
  },
  instruction: (p) => `Send "${p.text}" to ${p.name}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifySent(final, initial, p.chat, same(p.text), `"${p.text}"`),
  solution: (p) => [...open(p.chat), ...say(p.text), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'sent to someone else', mutate: moveNewestTo(p.other) },
    { name: 'text cut short', mutate: editNewest(p.text.split(' ').slice(0, -1).join(' ')) },
    { name: 'never sent', mutate: dropNewest },
  ],
};

const HOME_ZH = ['我到家了', '我今晚不回家吃饭了', '这个周末我回家', '记得按时吃药'];

const momZh: TaskTemplate<SendP> = {
  id: 'chat.send-mom-zh', app: 'chat', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => {
    const mom = directChatWith(cs(phone), friendNamed(phone, '妈妈').id)!;
    return { chat: mom.id, name: '妈妈', text: rng.pick(HOME_ZH), other: directChatWith(cs(phone), friendNamed(phone, '爸爸').id)!.id };
  },
  instruction: (p) => `给妈妈发消息说${p.text}`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifySent(final, initial, p.chat, (t) => normText(t).includes(normText(p.text)), `"${p.text}"`),
  solution: (p) => [...open(p.chat), ...say(p.text), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'sent to dad', mutate: moveNewestTo(p.other) },
    { name: 'different words', mutate: editNewest('好的') },
    { name: 'never sent', mutate: dropNewest },
  ],
};

const FACTS = ['the meeting room changed to 4B', 'dinner is moved to 7pm', "I'll bring the projector", 'the slides are in the shared folder'];

interface GroupP { chat: string; group: string; member: string; names: string[]; fact: string; other: string }

const tellInGroup: TaskTemplate<GroupP> = {
  id: 'chat.tell-in-group', app: 'chat', scenario: 'social', type: 'filter', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const s = cs(phone);
    const g = rng.pick(s.chats.filter((c) => c.kind === 'group' && c.members.length >= 3 && !c.pinned));
    const memberId = rng.pick(g.members);
    const f = s.friends.find((x) => x.id === memberId)!;
    // Ways a person is addressed: full name, English first name, Chinese given name.
    const names = latin(f.name) ? [f.name, f.name.split(' ')[0]] : [f.name, f.name.slice(1)];
    return { chat: g.id, group: g.name, member: f.name, names, fact: rng.pick(FACTS), other: directChats(phone)[0].id };
  },
  instruction: (p) => `In the "${p.group}" group chat, tell ${p.member} that ${p.fact}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifySent(final, initial, p.chat, (t) => normText(t).includes(normText(p.fact)) && mentions(t, p.names), `a message to ${p.member} saying ${p.fact}`),
  solution: (p) => [...open(p.chat), ...say(`@${p.member} ${p.fact}`), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'sent privately instead of in the group', mutate: moveNewestTo(p.other) },
    { name: 'does not address the member', mutate: editNewest(p.fact) },
    { name: 'wrong news', mutate: editNewest(`@${p.member} ${FACTS.find((f) => f !== p.fact)}`) },
  ],
};

interface ForwardP { from: string; fromName: string; to: string; toName: string; msg: string; text: string; older: string; third: string }

const forwardLast: TaskTemplate<ForwardP> = {
  id: 'chat.forward-last', app: 'chat', scenario: 'social', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const pool = directChats(phone, (c, f) => latin(f.name) && c.messages.some((m) => m.from !== 'me'));
    const a = rng.pick(pool);
    const [b, c] = rng.shuffle(directChats(phone, (x, f) => x !== a && latin(f.name))).slice(0, 2);
    const theirs = a.messages.filter((m) => m.from !== 'me');
    const last = theirs[theirs.length - 1];
    const older = a.messages.find((m) => m.text !== last.text)?.text ?? 'OK';
    return { from: a.id, fromName: a.name, to: b.id, toName: b.name, msg: last.id, text: last.text, older, third: c.id };
  },
  instruction: (p) => `Forward the last message ${p.fromName} sent me to ${p.toName}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifySent(final, initial, p.to, (t) => t.trim() === p.text.trim(), `the message "${p.text}"`),
  solution: (p) => [...open(p.from), { do: 'long_press', id: `msg-${p.msg}` }, { do: 'tap', text: 'Forward' }, { do: 'tap', id: `fwd-${p.to}` }, { do: 'tap', text: 'Send' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'forwarded to the wrong chat', mutate: moveNewestTo(p.third) },
    { name: 'forwarded an older message', mutate: editNewest(p.older) },
    { name: 'nothing forwarded', mutate: dropNewest },
  ],
};

const MEETINGS = [[9, 30], [10, 0], [14, 0], [15, 30], [16, 45]] as const;

function twelveHour(h: number, m: number): string {
  return `${h % 12 || 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}

interface MeetingP { chat: string; name: string; h: number; m: number; said: string }

const meetingTime: TaskTemplate<MeetingP> = {
  id: 'chat.query-meeting-time', app: 'chat', scenario: 'social', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const c = rng.pick(directChats(phone, (_c, f) => latin(f.name)));
    const [h, m] = rng.pick(MEETINGS);
    return { chat: c.id, name: c.name, h, m, said: twelveHour(h, m) };
  },
  setup: (phone, p) => {
    const s = cs(phone);
    const c = chatOf(phone, p.chat);
    const at = (ago: number) => minusMinutes(phone.system.clock, ago);
    c.messages.push(
      { id: `m${s.nextId++}`, from: c.members[0], text: `Heads up: the design review meeting starts at ${p.said} tomorrow, room 4B.`, time: at(52) },
      { id: `m${s.nextId++}`, from: c.members[0], text: "I'll send the slides before 11:00.", time: at(50) },
    );
    c.unread += 2;
  },
  instruction: (p) => `What time did ${p.name} say the meeting starts?`,
  expect: 'complete',
  verify: (_f, answer, p) => (timesIn(answer ?? '').includes(clockMinutes(p.h, p.m)) ? pass(`answered ${p.said}`) : fail(`expected ${p.said}, got "${answer ?? ''}"`)),
  solution: (p) => [...open(p.chat), { do: 'complete', answer: p.said }],
  wrongEnds: () => [{ name: 'the slides deadline instead', answer: '11:00' }, { name: 'no time', answer: 'tomorrow' }],
};

interface KevinP { chat: string; name: string; friend: string; otherChat: string }

const kevin: TaskTemplate<KevinP> = {
  id: 'chat.message-kevin-info', app: 'chat', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'high', lang: 'en',
  params: (rng, phone) => {
    const [k, o] = rng.shuffle(['Kevin Zhang', 'Kevin Liu']).map((n) => friendNamed(phone, n));
    return { chat: directChatWith(cs(phone), k.id)!.id, name: k.name, friend: k.id, otherChat: directChatWith(cs(phone), o.id)!.id };
  },
  instruction: () => 'Send a message to Kevin saying the files are ready.',
  reply: (p) => `I mean ${p.name}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifySent(final, initial, p.chat, (t) => /files?/i.test(t) && /ready/i.test(t), 'that the files are ready'),
  solution: (p) => [
    { do: 'open_app', app: 'Chat' }, { do: 'tap', id: 'search-bar' }, { do: 'type', text: 'Kevin', into: { id: 'search-input' } },
    { do: 'info', question: 'I found two Kevins, Kevin Zhang and Kevin Liu. Which one should I message?' },
    { do: 'tap', id: `result-person-${p.friend}` }, ...say('The files are ready.'), { do: 'complete' },
  ],
  wrongEnds: (p) => [
    { name: 'the other Kevin', mutate: moveNewestTo(p.otherChat) },
    { name: 'both Kevins', mutate: sendExtra(p.otherChat, 'The files are ready.') },
    { name: 'not sent', mutate: dropNewest },
  ],
};

const nobody: TaskTemplate<{ name: string; someone: string }> = {
  id: 'chat.message-missing-person', app: 'chat', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => ({ name: rng.pick(NOBODY.filter((n) => latin(n) && !cs(phone).friends.some((f) => f.name === n))), someone: rng.pick(directChats(phone)).id }),
  instruction: (p) => `Send "Happy birthday!" to ${p.name}.`,
  expect: 'abort',
  verify: (final, _a, p, initial) => {
    const sent = sentSince(cs(final), cs(initial));
    return sent.length ? fail(`${p.name} is not a friend, yet "${sent[0].msg.text}" was sent to ${sent[0].chat.name}`) : pass('nothing sent to a person who is not in the app');
  },
  solution: (p) => [{ do: 'open_app', app: 'Chat' }, { do: 'tap', id: 'search-bar' }, { do: 'type', text: p.name, into: { id: 'search-input' } }, { do: 'abort', reason: `${p.name} is not among my chats or contacts.` }],
  wrongEnds: (p) => [{ name: 'sent to a random chat', mutate: sendExtra(p.someone, 'Happy birthday!') }, { name: 'sent anything at all', mutate: sendExtra(p.someone, 'Hi') }],
};

interface ReplyP { chat: string; name: string; question: boolean; other: string }

const replyIf: TaskTemplate<ReplyP> = {
  id: 'chat.reply-if-question', app: 'chat', scenario: 'social', type: 'filter', complexity: 'conditional', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const theirLast = (c: Chat) => [...c.messages].reverse().find((m) => m.from !== 'me');
    const isQ = (c: Chat) => /[?？]\s*$/.test(theirLast(c)?.text ?? '');
    const want = rng.chance(0.5);
    const pool = directChats(phone, (c, f) => latin(f.name) && !!theirLast(c));
    const c = rng.pick(pool.filter((x) => isQ(x) === want).length ? pool.filter((x) => isQ(x) === want) : pool);
    return { chat: c.id, name: c.name, question: isQ(c), other: rng.pick(pool.filter((x) => x !== c)).id };
  },
  instruction: (p) => `If ${p.name}'s last message to me is a question, reply "Yes"; otherwise reply "OK".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => verifySent(final, initial, p.chat, same(p.question ? 'Yes' : 'OK'), p.question ? '"Yes"' : '"OK"'),
  solution: (p) => [...open(p.chat), ...say(p.question ? 'Yes' : 'OK'), { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'the other reply', mutate: editNewest(p.question ? 'OK' : 'Yes') },
    { name: 'replied in another chat', mutate: moveNewestTo(p.other) },
    { name: 'no reply', mutate: dropNewest },
  ],
};

const mostUnread: TaskTemplate<{ name: string; runnerUp: string }> = {
  id: 'chat.most-unread', app: 'chat', scenario: 'social', type: 'analyze', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (_rng, phone) => {
    const byUnread = sortedChats(cs(phone)).sort((a, b) => b.unread - a.unread);
    return { name: byUnread[0].name, runnerUp: byUnread[1].name };
  },
  instruction: () => 'Which chat has the most unread messages? Tell me its name.',
  expect: 'complete',
  verify: (_f, answer, p) => (mentions(answer, [p.name]) && !mentions(answer, [p.runnerUp]) ? pass(`answered ${p.name}`) : fail(`expected ${p.name} (and only it), got "${answer ?? ''}"`)),
  solution: (p) => [{ do: 'open_app', app: 'Chat' }, { do: 'complete', answer: p.name }],
  wrongEnds: (p) => [{ name: 'runner-up', answer: p.runnerUp }, { name: 'hedged with both', answer: `${p.name} or ${p.runnerUp}` }, { name: 'empty', answer: '' }],
};

const groupSize: TaskTemplate<{ chat: string; group: string; size: number }> = {
  id: 'chat.group-size-zh', app: 'chat', scenario: 'social', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => {
    const g = rng.pick(cs(phone).chats.filter((c) => c.kind === 'group'));
    return { chat: g.id, group: g.name, size: g.members.length + 1 };
  },
  instruction: (p) => `“${p.group}”这个群一共有多少人（算上我）？`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.size) ? pass(`answered ${p.size}`) : fail(`expected ${p.size}, got "${answer ?? ''}"`)),
  solution: (p) => [...open(p.chat), { do: 'complete', answer: `${p.size}人` }],
  wrongEnds: (p) => [{ name: 'forgot to count me', answer: String(p.size - 1) }, { name: 'one too many', answer: `${p.size + 1}人` }],
};

const pinGroup: TaskTemplate<{ chat: string; group: string; other: string }> = {
  id: 'chat.pin-chat', app: 'chat', scenario: 'social', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const groups = cs(phone).chats.filter((c) => c.kind === 'group' && !c.pinned);
    const g = rng.pick(groups);
    return { chat: g.id, group: g.name, other: rng.pick(cs(phone).chats.filter((c) => c !== g && !c.pinned)).id };
  },
  instruction: (p) => `Pin the "${p.group}" chat to the top of my chat list.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => {
    if (!chatOf(final, p.chat)?.pinned) return fail(`${p.group} is not pinned`);
    const extra = cs(final).chats.filter((c) => c.pinned && !chatOf(initial, c.id)?.pinned && c.id !== p.chat);
    return extra.length ? fail(`also pinned ${extra.map((c) => c.name).join(', ')}`) : pass(`${p.group} pinned`);
  },
  solution: (p) => [{ do: 'open_app', app: 'Chat' }, { do: 'long_press', id: `chat-${p.chat}` }, { do: 'tap', text: 'Pin to Top' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'not pinned', mutate: (ph) => { chatOf(ph, p.chat).pinned = false; } },
    { name: 'pinned another chat instead', mutate: (ph) => { chatOf(ph, p.chat).pinned = false; chatOf(ph, p.other).pinned = true; } },
    { name: 'muted instead of pinned', mutate: (ph) => { chatOf(ph, p.chat).pinned = false; chatOf(ph, p.chat).muted = true; } },
  ],
};


export const CHAT_TASKS: TaskTemplate[] = [sendText, momZh, tellInGroup, forwardLast, meetingTime, kevin, nobody, replyIf, mostUnread, groupSize, pinGroup];
