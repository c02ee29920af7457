// Render cost of the chat, news and contacts apps on the sandbox phone (whole page HTML, as the
// page sets it after every input), against a baseline measured in the same run: structuredClone
// of the same phone state. Run after `npm run build`: node bench/sandbox-social.mjs
import { chatApp } from '../dist/sandbox/apps/chat/index.js';
import { newsApp } from '../dist/sandbox/apps/news/index.js';
import { contactsApp } from '../dist/sandbox/apps/contacts/index.js';
import { createPhone, clonePhone } from '../dist/sandbox/phone.js';
import { dispatch, openApp } from '../dist/sandbox/runtime.js';
import { renderPhone } from '../dist/sandbox/shell/render.js';

const APPS = [chatApp, newsApp, contactsApp];

/** Best ops/s over `rounds` passes of at least `ms` milliseconds each. */
function measure(fn, rounds = 7, ms = 150) {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) { fn(); n++; t = performance.now(); }
    best = Math.max(best, (n * 1000) / (t - t0));
  }
  return best;
}

function at(setup) {
  const p = createPhone(1, APPS);
  setup(p);
  return p;
}

const chats = (p) => p.apps.chat;
const news = (p) => p.apps.news;
const cases = [
  ['chat: chat list', at((p) => openApp(p, 'chat'))],
  ['chat: group conversation', at((p) => { openApp(p, 'chat'); dispatch(p, APPS, 'chat', 'openChat', chats(p).chats.find((c) => c.kind === 'group').id); })],
  ['chat: stickers open', at((p) => { openApp(p, 'chat'); dispatch(p, APPS, 'chat', 'openChat', 'd1'); dispatch(p, APPS, 'chat', 'toggleEmoji'); })],
  ['news: For you feed', at((p) => openApp(p, 'news'))],
  ['news: article, end', at((p) => { openApp(p, 'news'); const id = news(p).articles[0].id; dispatch(p, APPS, 'news', 'openArticle', id); dispatch(p, APPS, 'news', 'readMore', id); dispatch(p, APPS, 'news', 'readMore', id); })],
  ['contacts: A-Z list', at((p) => openApp(p, 'contacts'))],
  ['contacts: detail', at((p) => { openApp(p, 'contacts'); dispatch(p, APPS, 'contacts', 'openContact', p.apps.contacts.contacts[2].id); })],
];

const base = measure(() => clonePhone(cases[0][1]));
const rows = [['structuredClone(phone) (baseline)', base, 0]];
for (const [name, phone] of cases) {
  const bytes = renderPhone(phone, APPS).html.length;
  rows.push([`render ${name}`, measure(() => renderPhone(phone, APPS)), bytes]);
}
let seedN = 0;
rows.push(['createPhone (seed all three apps)', measure(() => createPhone(seedN++, APPS)), 0]);

const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'case'.padEnd(w)} | ${'ops/s'.padStart(8)} | ${'HTML KB'.padStart(7)} | vs baseline`);
console.log(`${'-'.repeat(w)}-|-${'-'.repeat(8)}-|-${'-'.repeat(7)}-|------------`);
for (const [name, ops, bytes] of rows) {
  console.log(`${name.padEnd(w)} | ${ops.toFixed(0).padStart(8)} | ${(bytes ? (bytes / 1024).toFixed(1) : '').padStart(7)} | ${(ops / base).toFixed(2)}x`);
}
