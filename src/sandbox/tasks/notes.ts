/** Task templates for the Notes app: write, delete, look up, tick, pin, share, count. */
import type { PhoneState, SemanticStep, TaskTemplate, VerifyResult } from '../framework.js';
import { noteText, type Note, type NotesState } from '../apps/notes/data.js';
import { slug } from '../apps/settings/kit.js';
import { fail, hasNumber, normText, pass } from './answers.js';

const N = (p: PhoneState) => p.apps.notes as NotesState;
const OPEN = { do: 'open_app', app: 'Notes' } as const;

function withNotes(final: PhoneState, f: (s: NotesState) => VerifyResult): VerifyResult {
  const s = N(final);
  return s ? f(s) : fail('the phone has no notes data');
}

/** Notes other than `touched` must still exist with the same content. */
function othersIntact(initial: PhoneState, final: PhoneState, touched: string[]): VerifyResult | null {
  for (const n of N(initial).notes) {
    if (touched.includes(n.id)) continue;
    const f = N(final).notes.find((x) => x.id === n.id);
    if (!f) return fail(`the note "${n.title}" was deleted`);
    if (noteText(f) !== noteText(n) || f.folder !== n.folder) return fail(`the note "${n.title}" was changed`);
  }
  return null;
}

const added = (initial: PhoneState, final: PhoneState): Note[] => N(final).notes.filter((n) => !N(initial).notes.some((x) => x.id === n.id));
const byTitle = (p: PhoneState, t: string) => N(p).notes.find((n) => n.title === t);

const GROCERIES = ['milk', 'eggs', 'bread', 'butter', 'bananas', 'spinach', 'yogurt', 'chicken', 'rice', 'coffee', 'tomatoes', 'cheese'];

interface ShopP { items: string[] }
const shopping: TaskTemplate<ShopP> = {
  id: 'notes.write-shopping-list', app: 'notes', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'mid', lang: 'en',
  params: (rng) => ({ items: rng.shuffle(GROCERIES).slice(0, rng.int(3, 5)) }),
  instruction: (p) => `Write a note with my shopping list: ${p.items.join(', ')}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withNotes(final, () => {
    const fresh = added(initial, final);
    const hit = fresh.find((n) => p.items.every((i) => normText(noteText(n)).includes(normText(i))));
    if (!hit) return fail(`no new note lists all of ${p.items.join(', ')}`);
    return othersIntact(initial, final, []) ?? pass('shopping list written');
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'new-note' }, { do: 'tap', id: 'title-input' }, { do: 'type', text: 'Shopping list' }, { do: 'tap', id: 'body-input' }, { do: 'type', text: p.items.join(', ') }, { do: 'tap', id: 'save-note' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'an item missing', mutate: (ph) => { const n = N(ph).notes.find((x) => x.title === 'Shopping list')!; n.body = p.items.slice(1).join(', '); } },
    { name: 'not saved', mutate: (ph) => { N(ph).notes = N(ph).notes.filter((x) => x.title !== 'Shopping list'); } },
  ],
};

interface DelP { id: string; title: string; topic: string }
const TOPICS: Record<string, string> = {
  'Car maintenance': 'car maintenance', 'Recipe: 红烧肉': 'the 红烧肉 recipe', 'Gift ideas': 'gift ideas', 'Wedding speech draft': 'the wedding speech',
  'Standup notes': 'standup', 'Interview questions': 'interview questions', 'Project Phoenix ideas': 'Project Phoenix', 'Flight info': 'my flight info',
};
const deleteAbout: TaskTemplate<DelP> = {
  id: 'notes.delete-note-about', app: 'notes', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const n = rng.pick(N(phone).notes.filter((x) => TOPICS[x.title]));
    return { id: n.id, title: n.title, topic: TOPICS[n.title] };
  },
  instruction: (p) => `Delete the note about ${p.topic}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withNotes(final, (s) => (s.notes.some((n) => n.id === p.id) ? fail(`"${p.title}" still exists`) : othersIntact(initial, final, [p.id]) ?? pass('note deleted'))),
  solution: (p) => [OPEN, { do: 'tap', id: `note-${p.id}` }, { do: 'tap', id: 'delete-note' }, { do: 'tap', text: 'Delete' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'kept', mutate: (ph) => { const s = N(ph); const n = s.trash.find((x) => x.id === p.id)!; s.notes.push(n); } },
    { name: 'deleted another too', mutate: (ph) => { N(ph).notes.shift(); } },
  ],
};

interface FactP { title: string; ask: string; value: string; search: string }
const lookup: TaskTemplate<FactP> = {
  id: 'notes.look-up-fact', app: 'notes', scenario: 'system', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => {
    const s = N(phone);
    const facts: FactP[] = [
      { title: 'Home Wi-Fi', ask: '家里的 Wi-Fi 密码是多少？', value: /Password: (\S+)/.exec(byTitle(phone, 'Home Wi-Fi')!.body)![1], search: 'wi-fi' },
      { title: '门禁密码', ask: '小区大门的门禁密码是多少？', value: /小区大门：(\S+)/.exec(byTitle(phone, '门禁密码')!.body)![1], search: '门禁' },
      { title: '护照信息 Passport', ask: '我的护照号是多少？', value: /护照号：(\S+)/.exec(byTitle(phone, '护照信息 Passport')!.body)![1], search: '护照' },
      { title: 'Parking spot', ask: '我在公司的停车位是几号？', value: /spot (\S+)\./.exec(byTitle(phone, 'Parking spot')!.body)![1], search: 'parking' },
    ];
    return rng.pick(facts.filter((f) => s.notes.some((n) => n.title === f.title)));
  },
  instruction: (p) => `帮我查一下笔记：${p.ask}`,
  expect: 'complete',
  verify: (_f, answer, p) => (normText(answer ?? '').includes(normText(p.value)) ? pass(`answer has ${p.value}`) : fail(`expected ${p.value}, got "${answer ?? ''}"`)),
  solution: (p, phone) => [OPEN, { do: 'tap', id: 'search-input' }, { do: 'type', text: p.search }, { do: 'tap', id: `note-${byTitle(phone, p.title)!.id}` }, { do: 'complete', answer: p.value }],
  wrongEnds: (p) => [{ name: 'a digit off', answer: p.value.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10)) }, { name: 'no value', answer: '没找到' }],
};

interface TickP { noteId: string; title: string; item: string; index: number }
const tick: TaskTemplate<TickP> = {
  id: 'notes.tick-checklist-item', app: 'notes', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const n = rng.pick(N(phone).notes.filter((x) => x.checklist?.some((c) => !c.done)));
    const open = n.checklist!.map((c, i) => ({ c, i })).filter((x) => !x.c.done);
    const { c, i } = rng.pick(open);
    return { noteId: n.id, title: n.title, item: c.text, index: i };
  },
  instruction: (p) => `In my "${p.title}" checklist, tick off "${p.item}".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withNotes(final, (s) => {
    const n = s.notes.find((x) => x.id === p.noteId);
    if (!n?.checklist) return fail(`the checklist "${p.title}" is gone`);
    const before = N(initial).notes.find((x) => x.id === p.noteId)!.checklist!;
    if (n.checklist.length !== before.length) return fail('items were added or removed');
    for (let i = 0; i < before.length; i++) {
      const want = i === p.index ? true : before[i].done;
      if (n.checklist[i].done !== want) return fail(`"${before[i].text}" is ${n.checklist[i].done ? 'ticked' : 'not ticked'}`);
    }
    return othersIntact(initial, final, [p.noteId]) ?? pass('item ticked');
  }),
  solution: (p) => [OPEN, { do: 'tap', id: `note-${p.noteId}` }, { do: 'tap', id: `item-${p.index}` }, { do: 'key', key: 'back' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'not ticked', mutate: (ph) => { N(ph).notes.find((x) => x.id === p.noteId)!.checklist![p.index].done = false; } },
    { name: 'another item ticked too', mutate: (ph) => { const cl = N(ph).notes.find((x) => x.id === p.noteId)!.checklist!; const j = cl.findIndex((c, i) => i !== p.index); cl[j].done = !cl[j].done; } },
  ],
};

interface ShareP { id: string; title: string; via: string }
const share: TaskTemplate<ShareP> = {
  id: 'notes.share-note', app: 'notes', scenario: 'system', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => { const n = rng.pick(N(phone).notes.filter((x) => !x.pinned)); return { id: n.id, title: n.title, via: rng.pick(['Email', 'WeChat 微信', 'Messages']) }; },
  instruction: (p) => `Pin my note "${p.title}" and share it via ${p.via.split(' ')[0]}.`,
  expect: 'complete',
  verify: (final, _a, p) => withNotes(final, (s) => {
    const n = s.notes.find((x) => x.id === p.id);
    if (!n?.pinned) return fail(`"${p.title}" is not pinned`);
    return s.shared.some((x) => x.noteId === p.id && x.via === p.via) ? pass('pinned and shared') : fail(`"${p.title}" was not shared via ${p.via}`);
  }),
  solution: (p) => [OPEN, { do: 'tap', id: `note-${p.id}` }, { do: 'tap', id: 'pin-note' }, { do: 'tap', id: 'share-note' }, { do: 'tap', text: p.via }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'shared elsewhere', mutate: (ph) => { N(ph).shared = [{ noteId: p.id, via: 'Copy to clipboard' }]; } },
    { name: 'not pinned', mutate: (ph) => { N(ph).notes.find((x) => x.id === p.id)!.pinned = false; } },
    { name: 'another note shared', mutate: (ph) => { N(ph).shared = [{ noteId: 'n999', via: p.via }]; } },
  ],
};

const MISSING = ['my tax return', 'the piano lesson schedule', 'the landlord contract', 'my gym membership', 'the birthday party budget'];
const deleteMissing: TaskTemplate<{ topic: string }> = {
  id: 'notes.delete-missing-note', app: 'notes', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng) => ({ topic: rng.pick(MISSING) }),
  instruction: (p) => `Delete the note about ${p.topic}.`,
  expect: 'abort',
  verify: (final, _a, _p, initial) => withNotes(final, () => othersIntact(initial, final, []) ?? pass('no note deleted: there is none about that')),
  solution: (p) => [OPEN, { do: 'tap', id: 'search-input' }, { do: 'type', text: p.topic.split(' ').slice(-1)[0] }, { do: 'abort', reason: `there is no note about ${p.topic}` }],
  wrongEnds: () => [
    { name: 'deleted some other note', mutate: (ph) => { N(ph).notes.pop(); } },
    { name: 'deleted the first note', mutate: (ph) => { N(ph).notes.shift(); } },
  ],
};

interface CountP { folder: string; count: number }
const countFolder: TaskTemplate<CountP> = {
  id: 'notes.count-folder', app: 'notes', scenario: 'system', type: 'analyze', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => { const f = rng.pick(['Work', 'Travel', 'Personal']); return { folder: f, count: N(phone).notes.filter((n) => n.folder === f).length }; },
  instruction: (p) => `我的「${p.folder}」文件夹里一共有几条笔记？`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.count) ? pass(`${p.count} notes`) : fail(`expected ${p.count}, got "${answer ?? ''}"`)),
  solution: (p) => [OPEN, { do: 'tap', id: `folder-${slug(p.folder)}` }, { do: 'complete', answer: `${p.count}条` }],
  wrongEnds: (p) => [{ name: 'all notes', answer: String(p.count + 3) }, { name: 'one off', answer: String(p.count + 1) }],
};

interface CondP { noteId: string; item: string; index: number }
const addOrTick: TaskTemplate<CondP> = {
  id: 'notes.shopping-add-or-tick', app: 'notes', scenario: 'system', type: 'filter', complexity: 'conditional', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const n = byTitle(phone, 'Shopping list 购物清单')!;
    const open = n.checklist!.map((c, i) => ({ c, i })).filter((x) => !x.c.done);
    if (rng.chance(0.5) && open.length) { const o = rng.pick(open); return { noteId: n.id, item: o.c.text, index: o.i }; }
    const item = rng.pick(['Butter', 'Bananas', 'Spinach', 'Yogurt'].filter((x) => !n.checklist!.some((c) => c.text === x)));
    return { noteId: n.id, item, index: -1 };
  },
  instruction: (p) => `I just bought ${p.item}. If it's on my shopping list, tick it off; if it isn't, add it to the list as already bought.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withNotes(final, (s) => {
    const cl = s.notes.find((x) => x.id === p.noteId)?.checklist;
    if (!cl) return fail('the shopping list is gone');
    const hits = cl.filter((c) => normText(c.text) === normText(p.item));
    if (hits.length !== 1) return fail(`"${p.item}" appears ${hits.length} times on the list`);
    if (!hits[0].done) return fail(`"${p.item}" is not ticked`);
    const before = N(initial).notes.find((x) => x.id === p.noteId)!.checklist!;
    const changed = before.filter((b) => b.text !== p.item && cl.find((c) => c.text === b.text)?.done !== b.done);
    if (changed.length) return fail(`other items changed: ${changed.map((c) => c.text).join(', ')}`);
    return othersIntact(initial, final, [p.noteId]) ?? pass('shopping list updated');
  }),
  solution: (p, phone) => {
    const open: SemanticStep[] = [OPEN, { do: 'tap', id: `note-${p.noteId}` }];
    if (p.index >= 0) return [...open, { do: 'tap', id: `item-${p.index}` }, { do: 'key', key: 'back' }, { do: 'complete' }];
    const n = N(phone).notes.find((x) => x.id === p.noteId)!.checklist!.length;
    return [...open, { do: 'tap', id: 'new-item-input' }, { do: 'type', text: p.item }, { do: 'key', key: 'enter' }, { do: 'tap', id: `item-${n}` }, { do: 'tap', id: 'save-note' }, { do: 'complete' }];
  },
  wrongEnds: (p) => [
    { name: 'left unticked', mutate: (ph) => { N(ph).notes.find((x) => x.id === p.noteId)!.checklist!.find((c) => c.text === p.item)!.done = false; } },
    { name: 'added twice', mutate: (ph) => { const cl = N(ph).notes.find((x) => x.id === p.noteId)!.checklist!; cl.push({ text: p.item, done: true }); } },
  ],
};

export const NOTES_TASKS: TaskTemplate[] = [shopping, deleteAbout, lookup, tick, share, deleteMissing, countFolder, addOrTick];
