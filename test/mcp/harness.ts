/** In-process MCP harness: sandbox phones + server state + official SDK clients over in-memory transports. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { createMcpServer, createState, type StateOptions } from '../../src/mcp/index.js';

export type Harness = Awaited<ReturnType<typeof openHarness>>;

export async function openHarness(k: number, opts: Partial<StateOptions> = {}) {
  const browser = new SandboxBrowser();
  const devices: SandboxDevice[] = [];
  for (let i = 0; i < k; i++) devices.push(await SandboxDevice.create(browser, { seed: 3 }));
  const logs: string[] = [];
  const store = mkdtempSync(join(tmpdir(), 'stepwise-mcp-'));
  const state = await createState({ devices, store, log: (l) => logs.push(l), ...opts });
  const clients: Client[] = [];
  const connect = async (capabilities: ConstructorParameters<typeof Client>[1] = {}, sessionId = 'test') => {
    const [a, b] = InMemoryTransport.createLinkedPair();
    await createMcpServer(state, { id: sessionId }).connect(b);
    const client = new Client({ name: 'test', version: '1' }, capabilities);
    await client.connect(a);
    clients.push(client);
    return client;
  };
  return {
    browser, devices, state, logs, store, connect,
    close: async () => {
      await Promise.allSettled(clients.map((c) => c.close()));
      await state.close();
      await browser.close();
    },
  };
}

export type Result = CallToolResult;

export async function call(client: Client, name: string, args: Record<string, unknown> = {}, opts: Parameters<Client['callTool']>[2] = {}): Promise<Result> {
  return (await client.callTool({ name, arguments: args }, undefined, { timeout: 300_000, ...opts })) as Result;
}

/** The JSON object of a result's first text block. */
export function data(r: Result): Record<string, any> {
  const t = r.content[0];
  if (t?.type !== 'text') throw new Error('no text content');
  return JSON.parse(t.text);
}

export function errorText(r: Result): string {
  const t = r.content[0];
  return t?.type === 'text' ? t.text : '';
}
