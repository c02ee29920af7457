/**
 * The MCP Inspector (@modelcontextprotocol/inspector, CLI mode) drives `stepwise mcp`: over stdio
 * it lists the tools, takes a screenshot and runs execute_task (each inspector call starts its
 * own server process); over Streamable HTTP, where the phone outlives a call, it opens an app,
 * clicks, types and reads the typed text back.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp, type RunningHttp } from '../../src/mcp/index.js';
import { openStore } from '../../src/store/index.js';
import { openHarness, type Harness } from './harness.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const INSPECTOR = join(dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/inspector/package.json')), 'cli', 'build', 'cli.js');
const store = mkdtempSync(join(tmpdir(), 'stepwise-mcp-inspector-'));
const SERVER = [process.execPath, 'dist/cli/main.js', 'mcp', '--quiet', '--store', store];

/** One inspector CLI call; its stdout is the JSON result. */
async function inspector(target: string[], method: string, tool?: string, args: Record<string, unknown> = {}): Promise<any> {
  const argv = [INSPECTOR, '--cli', ...target, '--method', method];
  if (tool) argv.push('--tool-name', tool);
  const pairs = Object.entries(args).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (pairs.length) argv.push('--tool-arg', ...pairs);
  const { stdout } = await promisify(execFile)(process.execPath, argv, { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}
const body = (r: any) => JSON.parse(r.content[0].text);

describe('MCP Inspector CLI over stdio', () => {
  it('lists the tools with their schemas and annotations', async () => {
    const r = await inspector(SERVER, 'tools/list');
    const byName = new Map(r.tools.map((t: any) => [t.name, t]));
    for (const n of ['list_devices', 'get_screenshot', 'get_ui_tree', 'click', 'type_text', 'swipe', 'execute_task']) expect(byName.has(n), n).toBe(true);
    expect((byName.get('click') as any).inputSchema.required).toContain('point');
    expect((byName.get('get_screenshot') as any).annotations).toMatchObject({ readOnlyHint: true });
    expect((byName.get('click') as any).annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  }, 200_000);

  it('takes a 1080x2400 screenshot with frame metadata', async () => {
    const r = await inspector(SERVER, 'tools/call', 'get_screenshot');
    expect(body(r)).toMatchObject({ space: 'norm1000', deviceSize: { width: 1080, height: 2400 } });
    const img = r.content.find((c: any) => c.type === 'image');
    const meta = await sharp(Buffer.from(img.data, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, 2400]);
  }, 200_000);

  it('runs execute_task to a verified result and stores the trajectory', async () => {
    const r = await inspector(SERVER, 'tools/call', 'execute_task', { task: 'contacts.query-email#3' });
    const d = body(r);
    expect(d, r.content[0].text).toMatchObject({ stop_reason: 'completed', verified: 'success' });
    const s = openStore(store);
    try {
      expect(s.getTrajectory(d.trajectory_id).steps).toHaveLength(d.steps);
    } finally { s.close(); }
  }, 200_000);

  it('passes a bad argument through as a tool error with guidance, not a crash', async () => {
    const r = await inspector(SERVER, 'tools/call', 'click', { point: [500, 5000] });
    expect(r.isError).toBe(true);
    expect(r.content[0].text).toMatch(/out_of_range|0-1000|range/);
  }, 200_000);
});

describe('MCP Inspector CLI over Streamable HTTP', () => {
  let h: Harness;
  let http: RunningHttp;
  // Each inspector call is a new MCP session: a short lease idle time hands the phone to the next one.
  beforeAll(async () => {
    h = await openHarness(1, { leaseIdleMs: 100, busy: 'wait' });
    http = await startHttp(h.state, { host: '127.0.0.1', port: 0 });
  }, 180_000);
  afterAll(async () => { await http?.close(); await h?.close(); });

  it('opens an app, clicks, types into a field and reads the text back', async () => {
    const target = [http.url, '--transport', 'http'];
    expect(body(await inspector(target, 'tools/call', 'open_app', { app: 'Contacts' }))).toMatchObject({ ok: true });
    const tree = body(await inspector(target, 'tools/call', 'get_ui_tree', { query: 'search' }));
    const m = /@\((\d+),(\d+)\)/.exec(tree.elements[0])!;
    const point = [Number(m[1]), Number(m[2])];
    const clicked = body(await inspector(target, 'tools/call', 'click', { point, frameId: tree.frameId }));
    expect(clicked).toMatchObject({ ok: true });
    expect(clicked.frameId).not.toBe(tree.frameId);
    expect(body(await inspector(target, 'tools/call', 'type_text', { text: 'Zed', point }))).toMatchObject({ ok: true });
    const after = body(await inspector(target, 'tools/call', 'get_ui_tree', { query: 'Zed' }));
    expect(after.elements.join('\n')).toContain('Zed');
  }, 300_000);
});
