// GUI action rewards: in-process throughput and the reward server on 1,000-item batches.
//
// Baseline, measured in the same run: the JSON work a round trip cannot avoid
// (JSON.parse of the request text + JSON.stringify of the response + JSON.parse of the
// response text), done in-process. "Overhead beyond JSON" = server round trip - that baseline:
// HTTP, validation of every action and the reward computation itself.
// A bare node:http echo server (reads the body, answers a fixed string) shows the transport cost.
//
// Usage: npm run build && node bench/rewards.mjs [--batch 1000] [--batches 300]
import { createServer } from 'node:http';
import { guiActionReward, parseGuiItem } from '../dist/rewards/index.js';
import { startRewardServer } from '../dist/rewards/server/server.js';
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
const echo = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(responseText) });
    res.end(responseText);
  });
});
await new Promise((r) => echo.listen(0, '127.0.0.1', r));
const echoUrl = `http://127.0.0.1:${echo.address().port}/`;

const post = async (url) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  const body = await res.json();
  if (res.status !== 200) throw new Error(JSON.stringify(body).slice(0, 300));
  return body;
};
const check = await post(`${srv.url}/v1/gui-action`);
if (check.rewards.length !== BATCH || Math.abs(check.rewards[0] - responseObj.rewards[0]) > 1e-12) throw new Error('server rewards differ from in-process rewards');

const httpEcho = await timeIt(() => post(echoUrl));
const server = await timeIt(() => post(`${srv.url}/v1/gui-action`));
const serverLean = await timeIt(() => post(`${srv.url}/v1/gui-action?components=false`));
await srv.close();
echo.closeAllConnections();
echo.close();

console.log(`GUI action rewards, batches of ${BATCH} items (${(payload.length / 1024).toFixed(0)} KB request, ${(responseText.length / 1024).toFixed(0)} KB response), ${BATCHES} batches each; node ${process.version}`);
const row = (name, t) => ({ name, 'min ms/batch': t.min.toFixed(3), 'median ms': t.median.toFixed(3), 'rewards/s (min)': Math.round((BATCH / t.min) * 1000).toLocaleString('en'), 'x JSON baseline': (t.min / jsonBaseline.min).toFixed(2) });
console.table([
  row('baseline: JSON parse req + stringify res + parse res', jsonBaseline),
  row('in-process: reward only (pre-validated)', reward),
  row('in-process: validate + reward', validateReward),
  row('HTTP echo server (no work) round trip', httpEcho),
  row('reward server POST /v1/gui-action round trip', server),
  row('reward server, ?components=false (rewards only)', serverLean),
]);
const overhead = server.min - jsonBaseline.min;
console.log(`server overhead beyond JSON (min): ${overhead.toFixed(3)} ms per ${BATCH}-item batch (target < 1 ms): ${overhead < 1 ? 'met' : 'NOT met'}`);
console.log(`  server round trip - JSON baseline - in-process validate+reward (HTTP + routing): ${(server.min - jsonBaseline.min - validateReward.min).toFixed(3)} ms`);
console.log(`  HTTP transport alone (echo - JSON baseline): ${(httpEcho.min - jsonBaseline.min).toFixed(3)} ms; validate + reward in-process: ${validateReward.min.toFixed(3)} ms`);
