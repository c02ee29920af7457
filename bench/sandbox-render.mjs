// Sandbox re-render: morph (only changed DOM nodes are touched; the default) against replace (the
// whole screen's DOM rebuilt after every input, as before), on two phones in one Chromium with
// rounds interleaved so load drift hits both alike. Per input kind: act p50 and act + observe
// (1080x2400 PNG, no tree) p50, and the ratio replace / morph.
// Run: npm run build && node bench/sandbox-render.mjs [rounds]
import { SandboxBrowser, SandboxDevice } from '../dist/devices/sandbox/index.js';

const ROUNDS = Number(process.argv[2] ?? 30);
const WARMUP = 4;
const p50 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Each scenario: setup actions, then inputs repeated in turn (each leaves the screen changed).
const SCENARIOS = [
  { name: 'tap a switch (Settings airplane mode)', setup: [{ type: 'open_app', app: 'Settings' }], inputs: [{ type: 'click', point: [858, 468] }] },
  { name: 'scroll a list (Contacts)', setup: [{ type: 'open_app', app: 'Contacts' }], inputs: [{ type: 'scroll', direction: 'down' }, { type: 'scroll', direction: 'up' }] },
  { name: 'open an app / go home', setup: [], inputs: [{ type: 'open_app', app: 'Contacts' }, { type: 'key', key: 'home' }] },
];

const browser = new SandboxBrowser();
const modes = [];
for (const mode of ['morph', 'replace']) {
  const dev = await SandboxDevice.create(browser, { seed: 1 });
  await dev.page.evaluate((m) => { window.__SANDBOX_RENDER__ = m; }, mode);
  modes.push({ mode, dev });
}
const rows = [];
for (const sc of SCENARIOS) {
  const res = modes.map((m) => ({ ...m, act: [], round: [] }));
  for (const r of res) { await r.dev.reset({ seed: 1 }); for (const a of sc.setup) await r.dev.act(a); }
  for (let i = 0; i < ROUNDS + WARMUP; i++) {
    for (const r of res) {
      const input = sc.inputs[i % sc.inputs.length];
      const t0 = performance.now();
      const out = await r.dev.act(input);
      if (!out.ok) throw new Error(`${sc.name} (${r.mode}): ${JSON.stringify(out.error)}`);
      const t1 = performance.now();
      await r.dev.observe({ uiTree: false });
      if (i >= WARMUP) { r.act.push(t1 - t0); r.round.push(performance.now() - t0); }
    }
  }
  const [m, rep] = res;
  rows.push({ name: sc.name, morphAct: p50(m.act), replaceAct: p50(rep.act), morphRound: p50(m.round), replaceRound: p50(rep.round) });
}
await browser.close();
console.log(`${ROUNDS} rounds per mode and input kind (p50 ms)\n`);
console.log('| input | act morph | act replace | ratio | act+observe morph | act+observe replace | ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.morphAct.toFixed(1)} | ${r.replaceAct.toFixed(1)} | ${(r.replaceAct / r.morphAct).toFixed(2)}x | ${r.morphRound.toFixed(1)} | ${r.replaceRound.toFixed(1)} | ${(r.replaceRound / r.morphRound).toFixed(2)}x |`);
}
