/**
 * At `summary` and `private`, no image content and no unredacted PII reach the client, in any
 * tool's result or error. The PII list comes from the phone's own state (every contact's
 * numbers and email), not from the redactor, so a detector gap would fail this test.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { call, data, errorText, openHarness, type Harness, type Result } from './harness.js';

let h: Harness;
let pii: string[] = [];
let tools: Tool[] = [];
let client: Client;

const SAMPLE_PII = ['138 1234 5678', '+86 139-1234-5678', 'zhang.wei@example.cn', '11010519491231002X', '4111 1111 1111 1111'];

async function openContact(name: string): Promise<void> {
  h.state.privacy = 'open';
  await h.devices[0].reset({ seed: 3 });
  await call(client, 'open_app', { app: 'Contacts' });
  const el = data(await call(client, 'get_ui_tree', { query: name })).elements as string[];
  const m = /@\((\d+),(\d+)\)/.exec(el[0])!;
  const r = await call(client, 'click', { point: [Number(m[1]), Number(m[2])] });
  expect(r.isError, errorText(r)).toBeFalsy();
}

function assertClean(r: Result, level: string, what: string): void {
  for (const c of r.content) expect(c.type, `${level} ${what}: image content`).not.toBe('image');
  const text = JSON.stringify(r);
  const flat = text.replace(/[\s-]/g, '');
  for (const p of [...pii, ...SAMPLE_PII]) {
    expect(text.includes(p), `${level} ${what}: leaked ${p}`).toBe(false);
    expect(flat.includes(p.replace(/[\s-]/g, '')), `${level} ${what}: leaked ${p} (unspaced)`).toBe(false);
  }
}

/** Arguments from a tool's JSON schema: valid values, wrong types and PII-laden strings. */
function argsFor(tool: Tool): fc.Arbitrary<Record<string, unknown>> {
  const props = (tool.inputSchema.properties ?? {}) as Record<string, { type?: string; enum?: string[] }>;
  const piiString = fc.constantFrom(...SAMPLE_PII, 'Anna Novak', 'Contacts', 'sandbox:1');
  const value = (k: string, p: { type?: string; enum?: string[] }): fc.Arbitrary<unknown> => {
    if (k === 'device') return fc.oneof(fc.constant('sandbox:1'), piiString);
    if (p.enum) return fc.oneof(fc.constantFrom(...p.enum), piiString);
    if (p.type === 'array') return fc.oneof(fc.tuple(fc.integer({ min: -50, max: 1100 }), fc.integer({ min: -50, max: 1100 })), fc.array(piiString, { maxLength: 2 }));
    if (p.type === 'number' || p.type === 'integer') return fc.oneof(fc.integer({ min: -2, max: 3 }), piiString);
    return fc.oneof(piiString, fc.string({ maxLength: 8 }), fc.integer());
  };
  const entries = Object.entries(props).map(([k, p]) => fc.option(value(k, p), { nil: undefined }).map((v) => [k, v] as const));
  return fc.tuple(...entries).map((kv) => Object.fromEntries(kv.filter(([, v]) => v !== undefined)));
}

beforeAll(async () => {
  h = await openHarness(1);
  client = await h.connect();
  const state = await h.devices[0].state();
  const contacts = (state.apps.contacts as { contacts: { phones: { number: string }[]; email: string }[] }).contacts;
  pii = contacts.flatMap((c) => [...c.phones.map((p) => p.number), c.email]).filter(Boolean);
  tools = (await client.listTools()).tools;
}, 180_000);
afterAll(async () => { await h?.close(); });

describe.each(['summary', 'private'] as const)('privacy %s', (level) => {
  it('screenshots become redacted text: PII on screen reaches the client only as labels', async () => {
    await openContact('Anna Novak');
    h.state.privacy = level;
    const shot = await call(client, 'get_screenshot');
    assertClean(shot, level, 'get_screenshot');
    const tree = await call(client, 'get_ui_tree');
    assertClean(tree, level, 'get_ui_tree');
    const all = JSON.stringify(shot.content) + JSON.stringify(tree.content);
    if (level === 'summary') {
      expect(all).toContain('[PHONE]');
      expect(all).toContain('[EMAIL]');
      expect(all).toContain('Anna Novak'); // names are not redacted: the summary stays useful
      expect(data(shot).text_from).toEqual(['ui_tree', 'ocr']); // the real on-device OCR read this screen too
    } else {
      expect(all).not.toContain('Anna Novak');
      expect(data(shot).frameId).toBeTruthy();
    }
  });

  it('execute_task answers and step logs are redacted', async () => {
    h.state.privacy = level;
    const r = await call(client, 'execute_task', { task: 'contacts.query-email#3' });
    assertClean(r, level, 'execute_task');
    expect(data(r)).toMatchObject({ stop_reason: 'completed', answer: '[EMAIL]' });
    if (level === 'private') expect(data(r).log).toBeUndefined();
  });

  it('property: any tool with any arguments leaks no image and no PII, in results and errors', async () => {
    await openContact('Anna Novak');
    h.state.privacy = level;
    const callable = tools.filter((t) => t.name !== 'execute_task');
    const pick = fc.constantFrom(...callable).chain((t) => argsFor(t).map((a) => [t.name, a] as const));
    await fc.assert(fc.asyncProperty(pick, async ([name, args]) => {
      const r = await call(client, name, args);
      assertClean(r, level, `${name} ${JSON.stringify(args)}`);
    }), { numRuns: 60, seed: level === 'summary' ? 11 : 12 });
  }, 600_000);
});

it('open level sends images and raw text (the filter is the only thing that removes them)', async () => {
  await openContact('Anna Novak');
  const shot = await call(client, 'get_screenshot');
  expect(shot.content.some((c) => c.type === 'image')).toBe(true);
  expect(JSON.stringify((await call(client, 'get_ui_tree')).content)).toContain(pii.find((p) => p.startsWith('158'))!);
});
