// Observe/act latency per device backend. Baseline: the sandbox phone called directly, measured
// in the same run. The emulated-adb rows go through the real adb client to our emulated server
// whose screen is that same kind of sandbox phone: they measure stepwise's adb path overhead
// (process spawn, protocol, PNG transfer, XML round trip), NOT a real phone.
// Run: npm run build && node bench/devices.mjs [iterations]
import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import { AdbDevice } from '../dist/devices/adb/index.js';
import { BrowserDevice } from '../dist/devices/browser/index.js';
import { startEmulatedAdb } from '../dist/devices/emulated-adb/index.js';
import { SandboxBrowser, SandboxDevice } from '../dist/devices/sandbox/index.js';

const N = Number(process.argv[2] ?? 12);

async function time(fn) {
  await fn(); // warm-up
  const xs = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], p90: xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] };
}

const rows = [];
const add = (backend, op, r) => rows.push({ backend, op, ...r });

const sb = new SandboxBrowser();
const phone = await SandboxDevice.create(sb);
add('sandbox (direct)', 'observe +tree', await time(() => phone.observe()));
add('sandbox (direct)', 'act key home', await time(() => phone.act({ type: 'key', key: 'home' })));
await sb.close();

const emu = await startEmulatedAdb({ port: 0 }); // a free port: others may run benches at once
const PORT = emu.port;
try {
  const adb = await AdbDevice.connect({ port: PORT, serial: emu.phones[0].serial, timeoutMs: 120_000 });
  add('emulated adb (overhead, not a phone)', 'observe +tree', await time(() => adb.observe()));
  add('emulated adb (overhead, not a phone)', 'observe no tree', await time(() => adb.observe({ uiTree: false })));
  add('emulated adb (overhead, not a phone)', 'act key home', await time(() => adb.act({ type: 'key', key: 'home' })));
} finally {
  await emu.close();
  await promisify(execFile)('adb', ['-P', String(PORT), 'kill-server']).catch(() => {});
}

const server = http.createServer((_, res) => { res.setHeader('content-type', 'text/html'); res.end('<!doctype html><h1>bench</h1><button onclick="this.textContent++">0</button>' + '<p>row</p>'.repeat(200)); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const web = await BrowserDevice.open({ url: `http://127.0.0.1:${server.address().port}/` });
try {
  add('browser (desktop 1280x800)', 'observe +tree', await time(() => web.observe()));
  add('browser (desktop 1280x800)', 'act click', await time(() => web.act({ type: 'click', point: [20, 80] })));
} finally {
  await web.close();
  server.close();
}

const base = Object.fromEntries(rows.filter((r) => r.backend.startsWith('sandbox')).map((r) => [r.op.startsWith('observe') ? 'observe' : 'act', r.median]));
console.log(`devices bench, ${N} iterations each (median/p90 ms; ratio = median / sandbox direct median of the same kind)`);
console.log('backend'.padEnd(38), 'operation'.padEnd(16), 'median'.padStart(8), 'p90'.padStart(8), 'ratio'.padStart(7));
for (const r of rows) {
  const b = base[r.op.startsWith('observe') ? 'observe' : 'act'];
  console.log(r.backend.padEnd(38), r.op.padEnd(16), r.median.toFixed(1).padStart(8), r.p90.toFixed(1).padStart(8), `${(r.median / b).toFixed(2)}x`.padStart(7));
}
