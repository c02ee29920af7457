// Sandbox phone performance: observe (PNG/JPEG), act, reset and multi-device throughput, with
// ratios against a bare Playwright page.screenshot of the same page measured in the same run.
// Run: npm run build && node bench/sandbox.mjs [--n 20] [--steps 20]
import { SandboxBrowser, SandboxDevice } from '../dist/devices/sandbox/index.js';

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const N = arg('n', 20);
const STEPS = arg('steps', 20);
const now = () => performance.now();
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
async function time(n, fn) { const xs = []; for (let i = 0; i < n; i++) { const t = now(); await fn(i); xs.push(now() - t); } return xs; }

const browser = new SandboxBrowser();
const dev = await SandboxDevice.create(browser, { seed: 1 });
await dev.observe(); // warm up
const page = dev.page;
const rows = [];
const base = await time(N, () => page.screenshot({ type: 'png', scale: 'device' }));
const baseP50 = pct(base, 50);
const row = (name, xs) => rows.push({ name, p50: pct(xs, 50), p95: pct(xs, 95) });
row('baseline: page.screenshot png', base);
row('observe png (+ui tree)', await time(N, () => dev.observe({ format: 'png' })));
row('observe jpeg q80 (+ui tree)', await time(N, () => dev.observe({ format: 'jpeg', quality: 80 })));
row('observe png, no tree', await time(N, () => dev.observe({ format: 'png', uiTree: false })));
// act: alternate opening the first grid app by tapping its icon and pressing Home
const home = await dev.observe();
const icon = home.uiTree.find((n) => n.resourceId.includes(':id/app_'));
const [l, t, r, b] = icon.bounds;
const point = [Math.round(((l + r) / 2 / 1080) * 1000), Math.round(((t + b) / 2 / 2400) * 1000)];
row('act (tap icon / key home)', await time(N, (i) => dev.act(i % 2 ? { type: 'key', key: 'home' } : { type: 'click', point })));
row('reset {seed}', await time(N, (i) => dev.reset({ seed: i % 3 })));
// in-page cost of one input (transaction + full re-render), without the paint wait or the round trip
const inPage = await page.evaluate(async ([n, x, y]) => {
  const api = window.__sandbox; const xs = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const p = i % 2 ? api.key('home') : api.tap(x, y);
    xs.push(performance.now() - t0);
    await p;
  }
  return xs;
}, [N, ((icon.bounds[0] + icon.bounds[2]) / 2) / 3, ((icon.bounds[1] + icon.bounds[3]) / 2) / 3]);
row('in-page input + re-render', inPage);

const out = [];
out.push('| measure | p50 ms | p95 ms | p50 vs baseline |', '|---|---:|---:|---:|');
for (const x of rows) out.push(`| ${x.name} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${(x.p50 / baseP50).toFixed(2)}x |`);

// throughput: K devices, each doing observe(png)+act steps concurrently
out.push('', '| devices | steps | steps/s | vs 1 device |', '|---:|---:|---:|---:|');
let one = 0;
for (const k of [1, 2, 4]) {
  const devs = await Promise.all(Array.from({ length: k }, (_, i) => SandboxDevice.create(browser, { seed: i })));
  const t0 = now();
  await Promise.all(devs.map(async (d) => {
    for (let i = 0; i < STEPS; i++) {
      await d.observe({ format: 'png' });
      await d.act(i % 2 ? { type: 'key', key: 'home' } : { type: 'click', point });
    }
  }));
  const rate = (k * STEPS) / ((now() - t0) / 1000);
  if (k === 1) one = rate;
  out.push(`| ${k} | ${k * STEPS} | ${rate.toFixed(1)} | ${(rate / one).toFixed(2)}x |`);
  await Promise.all(devs.map((d) => d.close()));
}
await browser.close();
process.stdout.write(out.join('\n') + '\n');
