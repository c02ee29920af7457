// Render and routing cost of the RideNow, Metro, Shop and FoodGo sandbox apps.
// Baseline: one structuredClone of the whole phone state (what a reset or a verifier copy costs).
// Run after `npm run build`: node bench/sandbox-apps-a.mjs
import { createPhone, clonePhone } from '../dist/sandbox/phone.js';
import { openApp, renderScreen, dispatch } from '../dist/sandbox/runtime.js';
import { ride } from '../dist/sandbox/apps/ride/index.js';
import { metro } from '../dist/sandbox/apps/metro/index.js';
import { shop } from '../dist/sandbox/apps/shop/index.js';
import { food } from '../dist/sandbox/apps/food/index.js';
import { planRoute } from '../dist/sandbox/apps/metro/route.js';
import { STATIONS } from '../dist/sandbox/apps/metro/network.js';

const APPS = [ride, metro, shop, food];
const phone = createPhone(7, APPS);

function time(fn, minMs = 300) {
  for (let i = 0; i < 20; i++) fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) { fn(); n++; }
  return (performance.now() - t0) / n;
}

function screen(app, stack, setup = () => {}) {
  const p = clonePhone(phone);
  openApp(p, app.id);
  setup(p);
  p.system.stacks[app.id] = stack;
  return () => renderScreen(p, app);
}

const base = time(() => clonePhone(phone));
const rows = [
  ['baseline: clonePhone', base],
  ['ride home render', time(screen(ride, []))],
  ['ride confirm render', time(screen(ride, [{ name: 'confirm' }], (p) => { p.apps.ride.dest = 'pvg2'; }))],
  ['metro result render (2 routes)', time(screen(metro, [{ name: 'result' }], (p) => { p.apps.metro.from = 'hqrs'; p.apps.metro.to = 'wujiaochang'; }))],
  ['metro lines render', time(screen(metro, [{ name: 'lines' }]))],
  ['shop home feed render (49 cards)', time(screen(shop, []))],
  ['shop results render (sorted, filtered)', time(screen(shop, [{ name: 'results' }], (p) => { p.apps.shop.query = 't-shirt'; p.apps.shop.sort = 'price-asc'; }))],
  ['food home render (18 restaurants)', time(screen(food, []))],
  ['food restaurant menu render', time(screen(food, [{ name: 'restaurant', params: { id: 'r1' } }]))],
  ['shop tap+render (toggle sort)', (() => { const p = clonePhone(phone); openApp(p, 'shop'); p.system.stacks.shop = [{ name: 'results' }]; return time(() => { dispatch(p, APPS, 'shop', 'setSort', 'price'); renderScreen(p, shop); }); })()],
];
const status = Object.fromEntries(['L1', 'L2', 'L4', 'L8', 'L9', 'L10'].map((l) => [l, { level: 'normal' }]));
let k = 0;
rows.push(['metro planRoute (random pair)', time(() => { const a = STATIONS[k % STATIONS.length].id; const b = STATIONS[(k * 37 + 11) % STATIONS.length].id; k++; if (a !== b) planRoute(a, b, status); })]);

console.log('| operation | mean ms | × baseline |');
console.log('|---|---:|---:|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(3)} | ${(ms / base).toFixed(1)} |`);
