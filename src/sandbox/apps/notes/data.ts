/** Notes app state (phone.apps.notes): notes in folders, pinned notes, checklists, trash, shares. */
import type { Rng } from '../../../core/random.js';

export interface CheckItem { text: string; done: boolean }

export interface Note {
  id: string;
  title: string;
  body: string;
  folder: string;
  pinned: boolean;
  /** Checklist notes carry items (the body is then an optional description). */
  checklist: CheckItem[] | null;
  /** Last edit, "YYYY-MM-DDTHH:MM". */
  updated: string;
}

export interface NotesState {
  notes: Note[];
  nextId: number;
  folders: string[];
  /** Folder filter of the list ("All" or a folder). */
  folder: string;
  /** Deleted notes (Recently deleted). */
  trash: Note[];
  /** Share history: which note went where. */
  shared: { noteId: string; via: string }[];
  /** The note open in the editor; id null = a new note not saved yet. */
  draft: { id: string | null; checklist: CheckItem[] | null; folder: string; pinned: boolean } | null;
}

export const FOLDERS = ['Personal', 'Work', 'Travel', '购物 Shopping'];
export const SHARE_TARGETS = ['WeChat 微信', 'Messages', 'Email', 'Copy to clipboard', 'Save as image'];

/** Facts stored in notes that query tasks ask about: title words, the key phrase and the value. */
export interface Fact { noteTitle: string; question: string; zh: string; value: string }

const items = (xs: string[], doneEvery = 0) => xs.map((text, i) => ({ text, done: doneEvery > 0 && i % doneEvery === doneEvery - 1 }));

export function seedNotes(rng: Rng): NotesState {
  const wifi = `${rng.pick(['panda', 'maple', 'lotus', 'tiger'])}${rng.int(1000, 9999)}`;
  const door = `${rng.int(1000, 9999)}#`;
  const passport = `E${rng.int(10000000, 99999999)}`;
  const parking = `B${rng.int(1, 3)}-${rng.int(100, 399)}`;
  const km = rng.int(40, 90) * 1000;
  const base: Omit<Note, 'id' | 'updated' | 'pinned'>[] = [
    { title: 'Home Wi-Fi', body: `Network: HomeNet_5G\nPassword: ${wifi}\nRouter admin: 192.168.1.1`, folder: 'Personal', checklist: null },
    { title: '门禁密码', body: `小区大门：${door}\n快递柜在 3 号楼旁边`, folder: 'Personal', checklist: null },
    { title: '护照信息 Passport', body: `护照号：${passport}\n有效期至 2031-05-14\n签发地：上海`, folder: 'Travel', checklist: null },
    { title: 'Parking spot', body: `Office garage, level ${parking.split('-')[0]}, spot ${parking}. Exit via gate C.`, folder: 'Work', checklist: null },
    { title: 'Car maintenance', body: `Next oil change at ${km.toLocaleString('en-US')} km.\nTyres rotated in September.`, folder: 'Personal', checklist: null },
    { title: 'Q4 roadmap meeting', body: 'Attendees: Wei, Li Na, Sam\n- Ship search v2 by Dec 15\n- Hire 2 backend engineers\n- 预算复核下周二', folder: 'Work', checklist: null },
    { title: '1:1 with Wei', body: 'Career goals: lead the payments project.\nFeedback: great demo last week.', folder: 'Work', checklist: null },
    { title: 'Interview questions', body: '1. Tell me about a hard bug.\n2. How do you review code?\n3. 为什么想加入我们？', folder: 'Work', checklist: null },
    { title: 'Project Phoenix ideas', body: 'Offline mode, dark theme, 分享到微信, export to PDF.', folder: 'Work', checklist: null },
    { title: '成都行程 Chengdu trip', body: 'Day 1: 宽窄巷子, 火锅\nDay 2: 大熊猫基地 (go early!)\nDay 3: 都江堰', folder: 'Travel', checklist: null },
    { title: 'Japan packing list', body: '', folder: 'Travel', checklist: items(['Passport', 'JR Pass', 'Power adapter', 'Umbrella', 'Yen cash', 'Suica card'], 3) },
    { title: 'Shopping list 购物清单', body: '', folder: '购物 Shopping', checklist: items(rng.shuffle(['牛奶 Milk', 'Eggs', 'Bread', 'Apples', '酱油', 'Rice', 'Tofu', 'Coffee beans', 'Toothpaste']).slice(0, 6), 4) },
    { title: 'Book list 2026', body: '', folder: 'Personal', checklist: items(['三体 The Three-Body Problem', '活着 To Live', 'Atomic Habits', 'Project Hail Mary', '人类简史 Sapiens'], 2) },
    { title: '周末计划 Weekend plan', body: '', folder: 'Personal', checklist: items(['Clean the balcony', '给妈妈打电话', 'Grocery run', 'Bike ride along the river']) },
    { title: 'Recipe: 红烧肉', body: '五花肉 500g, 冰糖 30g, 生抽 2 勺, 老抽 1 勺, 料酒, 姜片\n小火炖 60 分钟', folder: 'Personal', checklist: null },
    { title: 'Gift ideas', body: 'Mom: silk scarf\nDad: tea set 茶具\nMei: concert tickets', folder: 'Personal', checklist: null },
    { title: 'Doctor advice 医嘱', body: 'Take vitamin D daily. 少喝咖啡. Follow-up on Dec 18.', folder: 'Personal', checklist: null },
    { title: 'Wedding speech draft', body: 'Chen and Liu, I still remember the day you two met at the book club...', folder: 'Personal', checklist: null },
    { title: 'Standup notes', body: 'Blocked on API keys; pair with Sam on Thursday.', folder: 'Work', checklist: null },
    { title: 'Flight info', body: 'MU5101 SHA→PEK, Dec 12 08:00, seat 32A', folder: 'Travel', checklist: null },
  ];
  const keep = new Set([0, 1, 2, 3, 11]);
  const chosen = base.filter((_, i) => keep.has(i) || rng.chance(0.75));
  const notes: Note[] = rng.shuffle(chosen).map((n, i) => ({
    ...n, id: `n${i + 1}`, pinned: false,
    updated: `2026-11-${String(rng.int(1, 25)).padStart(2, '0')}T${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
  }));
  for (const n of rng.shuffle(notes).slice(0, 2)) n.pinned = true;
  return { notes, nextId: notes.length + 1, folders: FOLDERS.slice(), folder: 'All', trash: [], shared: [], draft: null };
}

/** Every text of a note, for search and verifiers. */
export function noteText(n: Note): string {
  return [n.title, n.body, ...(n.checklist ?? []).map((c) => c.text)].join('\n');
}

/** List order: pinned first, then most recently edited. */
export function ordered(notes: readonly Note[]): Note[] {
  return notes.slice().sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}
