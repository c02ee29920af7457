// GUI-MCP round trip: click + get_screenshot over stdio (`stepwise mcp` subprocess, official SDK
// client) against the floor measured in the same run: device.act + device.observe called
// directly on a sandbox phone (1080x2400). Also bytes per screenshot result per resize profile.
// With PLAYWRIGHT_MCP=/path/to/@playwright/mcp/cli.js it also drives the same phone page in the
// same Chromium through Playwright MCP (browser_mouse_click_xy + browser_take_screenshot, scale
// device = 1080x2400), its defaults otherwise. The package is not a dependency of stepwise.
// Run: npm run build && [PLAYWRIGHT_MCP=...] node bench/mcp.mjs [rounds]
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function playwrightMcp(cli) {
  const html = readFileSync(new URL('../dist/sandbox/page/phone.html', import.meta.url));
  const http = createServer((_, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(html); });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  const dir = mkdtempSync(join(tmpdir(), 'pwmcp-'));
  const cfg = join(dir, 'config.json');
  writeFileSync(cfg, JSON.stringify({
    browser: { browserName: 'chromium', isolated: true, launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] }, contextOptions: { viewport: { width: 360, height: 800 }, deviceScaleFactor: 3 } },
    capabilities: ['vision'], outputDir: dir,
  }));
  const c = new Client({ name: 'bench', version: '1' });
  await c.connect(new StdioClientTransport({ command: process.execPath, args: [cli, '--config', cfg], stderr: 'ignore' }));
  const call = async (name, args) => {
    const r = await c.callTool({ name, arguments: args });
    if (r.isError) throw new Error(`${name}: ${r.content[0].text}`);
    return r;
  };
  await call('browser_navigate', { url: `http://127.0.0.1:${http.address().port}/` });
  await call('browser_evaluate', { function: `async () => { await new Promise((r) => { const t = () => window.__sandbox?.ready ? r() : setTimeout(t, 20); t(); }); await window.__sandbox.reset('1', 1); const a = window.__sandbox.apps().find((x) => /settings/i.test(x.name + x.id)); await window.__sandbox.openApp(a.id); }` });
  const [x, y] = [(POINT[0] / 1000) * 360, (POINT[1] / 1000) * 800];
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS + 5; i++) {
    const t = performance.now();
    await call('browser_mouse_click_xy', { x, y });
    const r = await call('browser_take_screenshot', { type: 'png', scale: 'device' });
    if (i >= 5) ms.push(performance.now() - t);
    bytes = Buffer.byteLength(JSON.stringify(r.content));
  }
  await c.close();
  http.close();
  return { ms, bytes };
}

const floor = await direct();
const mcp = await overMcp();
const pw = process.env.PLAYWRIGHT_MCP ? await playwrightMcp(process.env.PLAYWRIGHT_MCP) : null;
const base = p50(floor);
console.log(`click + screenshot at 1080x2400, ${ROUNDS} rounds after 5 warm-up`);
console.log('| path | p50 ms | p90 ms | ratio to direct p50 |');
console.log('|---|---|---|---|');
console.log(`| direct device.act + observe (floor) | ${base.toFixed(1)} | ${p90(floor).toFixed(1)} | 1.00 |`);
console.log(`| stepwise mcp over stdio: click + get_screenshot | ${p50(mcp.ms).toFixed(1)} | ${p90(mcp.ms).toFixed(1)} | ${(p50(mcp.ms) / base).toFixed(2)} |`);
if (pw) console.log(`| Playwright MCP over stdio: browser_mouse_click_xy + browser_take_screenshot | ${p50(pw.ms).toFixed(1)} | ${p90(pw.ms).toFixed(1)} | ${(p50(pw.ms) / base).toFixed(2)} |`);
console.log('\nbytes per get_screenshot result (JSON content, base64 image included)');
console.log('| profile | bytes | ratio to none |');
console.log('|---|---|---|');
for (const [k, v] of Object.entries(mcp.bytes)) console.log(`| ${k} | ${v} | ${(v / mcp.bytes.none).toFixed(2)} |`);
if (pw) console.log(`| Playwright MCP browser_take_screenshot (scale device) | ${pw.bytes} | ${(pw.bytes / mcp.bytes.none).toFixed(2)} |`);
