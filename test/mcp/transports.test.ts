import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListen, startHttp, type RunningHttp } from '../../src/mcp/index.js';
import { call, data, errorText, openHarness, type Harness } from './harness.js';

/** What every transport must do: list, screenshot, click, type, execute_task. */
async function smoke(c: Client): Promise<void> {
  const names = (await c.listTools()).tools.map((t) => t.name);
  expect(names).toEqual(expect.arrayContaining(['get_screenshot', 'click', 'type_text', 'execute_task']));
  const shot = await call(c, 'get_screenshot');
  expect(shot.content.some((x) => x.type === 'image')).toBe(true);
  expect((await call(c, 'open_app', { app: 'Notes' })).isError).toBeFalsy();
  const click = await call(c, 'click', { point: [500, 500], frameId: data(await call(c, 'get_screenshot')).frameId });
  expect(click.isError, errorText(click)).toBeFalsy();
  // typing needs a focused field: either it types or it says so; both are proper tool results
  const typed = await call(c, 'type_text', { text: 'hi' });
  expect(typed.content[0].type).toBe('text');
  const r = await call(c, 'execute_task', { task: 'contacts.query-email#3' });
  expect(data(r), errorText(r)).toMatchObject({ stop_reason: 'completed', verified: 'success' });
}

describe('stdio: `stepwise mcp` spawned as a subprocess', () => {
  it('serves the official SDK client', async () => {
    const store = mkdtempSync(join(tmpdir(), 'stepwise-mcp-stdio-'));
    const transport = new StdioClientTransport({ command: process.execPath, args: ['dist/cli/main.js', 'mcp', '--store', store, '--quiet'], stderr: 'pipe' });
    const c = new Client({ name: 'stdio-test', version: '1' });
    await c.connect(transport);
    try {
      await smoke(c);
    } finally {
      await c.close();
    }
  }, 240_000);
});

function raw(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }));
  });
}

describe('Streamable HTTP', () => {
  let h: Harness;
  let http: RunningHttp;
  beforeAll(async () => {
    h = await openHarness(2);
    http = await startHttp(h.state, { host: '127.0.0.1', port: 0, token: 'sekrit' });
  }, 180_000);
  afterAll(async () => { await http?.close(); await h?.close(); });

  const client = async () => {
    const c = new Client({ name: 'http-test', version: '1' });
    await c.connect(new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers: { authorization: 'Bearer sekrit' } } }));
    return c;
  };

  it('serves the official SDK client, with several sessions at once', async () => {
    const a = await client();
    const b = await client();
    expect(http.sessions()).toBeGreaterThanOrEqual(2);
    await smoke(a);
    await call(a, 'get_screenshot'); // execute_task released the device when it finished; hold it again
    // b works on the other device while a holds the first one
    const other = h.devices[1].id;
    expect((await call(b, 'select_device', { device: other })).isError).toBeFalsy();
    expect(data(await call(b, 'get_screenshot')).device).toBe(other);
    const busy = await call(b, 'get_screenshot', { device: h.devices[0].id });
    expect(errorText(busy)).toMatch(/busy/);
    await a.close();
    await b.close();
  }, 240_000);

  it('rejects a missing or wrong token, a foreign Host and a foreign Origin', async () => {
    expect(await raw(http.url, {})).toBe(401);
    expect(await raw(http.url, { authorization: 'Bearer nope' })).toBe(401);
    expect(await raw(http.url, { authorization: 'Bearer sekrit', host: 'evil.example:80' })).toBe(403);
    expect(await raw(http.url, { authorization: 'Bearer sekrit', origin: 'http://evil.example' })).toBe(403);
    expect(await raw(http.url, { authorization: 'Bearer sekrit' })).toBe(200);
  });

  it('refuses to bind beyond localhost without a token; parses listen specs', async () => {
    await expect(startHttp(h.state, { host: '0.0.0.0', port: 0 })).rejects.toThrow(/--token/);
    expect(parseListen('8765')).toEqual({ host: '127.0.0.1', port: 8765 });
    expect(parseListen('0.0.0.0:9000')).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(parseListen('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(() => parseListen('host:port')).toThrow(/\[host:\]port/);
  });
});
