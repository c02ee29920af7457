// GUI action rewards: in-process throughput and the reward server on 1,000-item batches.
//
// What the server adds: each server round trip is paired with an in-process run of the same
// request (JSON.parse of the request text, validate + reward, JSON.stringify of the reply,
// JSON.parse of the reply text), alternating so both see the same machine load.
// Server overhead = round trip - that in-process equivalent: HTTP, routing, body buffering.
// A bare node:http echo server (reads the body, answers bytes of the reply's size) is the
// transport floor. Clients: node:http with keep-alive (what a trainer's pooled session does)
// and fetch (undici), which costs more on the client side.
//
// Usage: npm run build && node bench/rewards.mjs [--batch 1000] [--batches 300]
import { Agent, createServer, request } from 'node:http';
import { guiActionReward, parseGuiItem } from '../dist/rewards/index.js';
import { startRewardServer } from '../dist/rewards/server/server.js';
import { guiActionRoute } from '../dist/rewards/server/routes.js';
import { Rng } from '../dist/core/random.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const BATCH = arg('batch', 1000);
const BATCHES = arg('batches', 300);

/** A realistic mix: clicks (half with target boxes), swipes, typing, answers, keys, wrong types. */
function makeItems(n, seed) {
  const rng = new Rng(seed);
  const pt = () => [rng.int(0, 1000), rng.int(0, 1000)];
  const near = (p) => [Math.min(1000, Math.max(0, p[0] + rng.int(-20, 20))), Math.min(1000, Math.max(0, p[1] + rng.int(-20, 20)))];
  const words = ['open', 'settings', 'wifi', 'coffee', 'beijing', 'weather', 'tomorrow', 'price', 'order', 'music'];
  const text = () => Array.from({ length: rng.int(1, 5) }, () => rng.pick(words)).join(' ');
  return Array.from({ length: n }, () => {
    const k = rng.next();
    if (k < 0.55) {
      const g = pt();
      const item = { pred: { type: 'click', point: near(g) }, gt: { type: 'click', point: g } };
      if (rng.chance(0.5)) item.boxes = [[Math.max(0, g[0] - 40), Math.max(0, g[1] - 15), Math.min(1000, g[0] + 40), Math.min(1000, g[1] + 15)]];
      return item;
    }
    if (k < 0.65) return { pred: { type: 'swipe', from: pt(), to: pt() }, gt: { type: 'swipe', from: pt(), to: pt() } };
    if (k < 0.8) return { pred: { type: 'type', text: text() }, gt: { type: 'type', text: text() } };
    if (k < 0.88) return { pred: { type: 'complete', answer: text() }, gt: { type: 'complete', answer: text() } };
    if (k < 0.94) return { pred: { type: 'key', key: 'back' }, gt: { type: 'key', key: rng.pick(['back', 'home']) } };
    return { pred: rng.chance(0.5) ? null : { type: 'wait', seconds: 1 }, gt: { type: 'click', point: pt() } };
  });
}

const now = () => process.hrtime.bigint();
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
// Under a loaded machine the minimum is the least noisy estimate of the true cost; the median is shown too.
const stats = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};

/** ms per call of fn over BATCHES runs after a warm-up: {min, median}. */
async function timeIt(fn) {
  for (let i = 0; i < 30; i++) await fn(i);
  const t = [];
  for (let i = 0; i < BATCHES; i++) {
    const t0 = now();
    await fn(i);
    t.push(ms(t0));
  }
  return stats(t);
}

const items = makeItems(BATCH, 'bench');
const payload = JSON.stringify({ items });
const parsedItems = items.map((x, i) => parseGuiItem(x, `items[${i}]`));
const responseObj = (() => {
  const components = parsedItems.map((x) => guiActionReward(x));
  return { ok: true, rewards: components.map((c) => c.total), components };
})();
const responseText = JSON.stringify(responseObj);

const reward = await timeIt(() => {
  for (const x of parsedItems) guiActionReward(x);
});
const validateReward = await timeIt(() => {
  for (let i = 0; i < items.length; i++) guiActionReward(parseGuiItem(items[i], `items[${i}]`));
});
const jsonBaseline = await timeIt(() => {
  JSON.parse(payload);
  JSON.stringify(responseObj);
  JSON.parse(responseText);
});

const srv = await startRewardServer({ port: 0 });

const leanText = JSON.stringify({ ok: true, rewards: responseObj.rewards });
/** The in-process equivalent of one request: the JSON work of both ends plus validate + reward. */
const inProcess = (withComponents) => JSON.parse(JSON.stringify(guiActionRoute(JSON.parse(payload), { maxBatch: 1e6 }, withComponents)));

let echoReply = responseText;
const echo = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks).toString('utf8');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(echoReply) });
    res.end(echoReply);
  });
});
await new Promise((r) => echo.listen(0, '127.0.0.1', r));
const echoUrl = `http://127.0.0.1:${echo.address().port}/`;

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const clients = {
  'node:http': (url) => new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        res.statusCode === 200 ? resolve(body) : reject(new Error(JSON.stringify(body).slice(0, 300)));
      });
    });
    req.on('error', reject);
    req.end(payload);
  }),
  fetch: async (url) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
    const body = await res.json();
    if (res.status !== 200) throw new Error(JSON.stringify(body).slice(0, 300));
    return body;
  },
};
const check = await clients['node:http'](`${srv.url}/v1/gui-action`);
if (check.rewards.length !== BATCH || Math.abs(check.rewards[0] - responseObj.rewards[0]) > 1e-12) throw new Error('server rewards differ from in-process rewards');

/** Alternate an in-process run and a round trip BATCHES times; min and median of each and of the paired differences. */
async function paired(local, remote) {
  for (let i = 0; i < 30; i++) { local(); await remote(); }
  const a = [], b = [], d = [];
  for (let i = 0; i < BATCHES; i++) {
    let t0 = now();
    local();
    const x = ms(t0);
    t0 = now();
    await remote();
    const y = ms(t0);
    a.push(x); b.push(y); d.push(y - x);
  }
  return { local: stats(a), remote: stats(b), diff: stats(d) };
}

const results = [];
for (const [shape, withComponents, query, reply] of [['rewards + components (default)', true, '', responseText], ['rewards only (?components=false)', false, '?components=false', leanText]]) {
  for (const [client, post] of Object.entries(clients)) {
    echoReply = reply;
    const floor = await timeIt(() => post(echoUrl));
    const p = await paired(() => inProcess(withComponents), () => post(`${srv.url}/v1/gui-action${query}`));
    results.push({ shape, client, floor, ...p, replyKB: reply.length / 1024 });
  }
}
await srv.close();
echo.closeAllConnections();
echo.close();
agent.destroy();

console.log(`GUI action rewards, batches of ${BATCH} items (${(payload.length / 1024).toFixed(0)} KB request, ${(responseText.length / 1024).toFixed(0)} KB reply with components, ${(leanText.length / 1024).toFixed(0)} KB without), ${BATCHES} batches each; node ${process.version}`);
const row = (name, t) => ({ name, 'min ms/batch': t.min.toFixed(3), 'median ms': t.median.toFixed(3), 'rewards/s (min)': Math.round((BATCH / t.min) * 1000).toLocaleString('en'), 'x JSON baseline': (t.min / jsonBaseline.min).toFixed(2) });
console.table([
  row('baseline: JSON parse req + stringify res + parse res', jsonBaseline),
  row('in-process: reward only (pre-validated)', reward),
  row('in-process: validate + reward', validateReward),
]);
console.log('Server round trips, each paired with the in-process equivalent of the same request:');
console.table(results.map((r) => ({
  reply: r.shape,
  client: r.client,
  'in-process equiv. min/med ms': `${r.local.min.toFixed(3)} / ${r.local.median.toFixed(3)}`,
  'server round trip min/med ms': `${r.remote.min.toFixed(3)} / ${r.remote.median.toFixed(3)}`,
  'rewards/s via server (min)': Math.round((BATCH / r.remote.min) * 1000).toLocaleString('en'),
  'overhead min-min ms': (r.remote.min - r.local.min).toFixed(3),
  'overhead paired median ms': r.diff.median.toFixed(3),
  'echo floor min ms': r.floor.min.toFixed(3),
})));
for (const r of results.filter((x) => x.client === 'node:http')) {
  const o = r.remote.min - r.local.min;
  console.log(`server overhead beyond the in-process JSON + reward work, ${r.shape}: ${o.toFixed(3)} ms per ${BATCH}-item batch (min; paired median ${r.diff.median.toFixed(3)}), transport floor ${r.floor.min.toFixed(3)} ms; target < 1 ms: ${o < 1 ? 'met' : 'NOT met'}`);
}
