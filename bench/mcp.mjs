// GUI-MCP round trip: click + get_screenshot over stdio (`stepwise mcp` subprocess, official SDK
// client) against the floor measured in the same run: device.act + device.observe called
// directly on a sandbox phone (1080x2400). Also bytes per screenshot result per resize profile.
// Run: npm run build && node bench/mcp.mjs [rounds]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { SandboxBrowser, SandboxDevice } from '../dist/devices/sandbox/index.js';

const ROUNDS = Number(process.argv[2] ?? 40);
const p50 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p90 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length * 0.9)]; };
// The airplane-mode switch in Settings: each tap toggles it and re-renders, so every round is the same work.
const POINT = [858, 468];

async function direct() {
  const browser = new SandboxBrowser();
  const dev = await SandboxDevice.create(browser, { seed: 1 });
  await dev.act({ type: 'open_app', app: 'Settings' });
  const ms = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const t = performance.now();
    const r = await dev.act({ type: 'click', point: POINT });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    await dev.observe({ uiTree: false });
    if (i >= 5) ms.push(performance.now() - t);
  }
  await browser.close();
  return ms;
}

async function overMcp() {
  const transport = new StdioClientTransport({ command: process.execPath, args: ['dist/cli/main.js', 'mcp', '--no-store', '--quiet'], stderr: 'ignore' });
  const c = new Client({ name: 'bench', version: '1' });
  await c.connect(transport);
  const call = async (name, args) => {
    const r = await c.callTool({ name, arguments: args });
    if (r.isError) throw new Error(r.content[0].text);
    return r;
  };
  await call('open_app', { app: 'Settings' });
  const ms = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const t = performance.now();
    await call('click', { point: POINT });
    await call('get_screenshot', {});
    if (i >= 5) ms.push(performance.now() - t);
  }
  const bytes = {};
  for (const profile of ['none', 'claude', 'gelab']) {
    const r = await call('get_screenshot', { profile });
    bytes[profile] = Buffer.byteLength(JSON.stringify(r.content));
  }
  await c.close();
  return { ms, bytes };
}

const floor = await direct();
const mcp = await overMcp();
const base = p50(floor);
console.log(`click + screenshot at 1080x2400, ${ROUNDS} rounds after 5 warm-up`);
console.log('| path | p50 ms | p90 ms | ratio to direct p50 |');
console.log('|---|---|---|---|');
console.log(`| direct device.act + observe (floor) | ${base.toFixed(1)} | ${p90(floor).toFixed(1)} | 1.00 |`);
console.log(`| stepwise mcp over stdio: click + get_screenshot | ${p50(mcp.ms).toFixed(1)} | ${p90(mcp.ms).toFixed(1)} | ${(p50(mcp.ms) / base).toFixed(2)} |`);
console.log('\nbytes per get_screenshot result (JSON content, base64 image included)');
console.log('| profile | bytes | ratio to none |');
console.log('|---|---|---|');
for (const [k, v] of Object.entries(mcp.bytes)) console.log(`| ${k} | ${v} | ${(v / mcp.bytes.none).toFixed(2)} |`);
