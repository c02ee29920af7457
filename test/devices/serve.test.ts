import { afterAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { servePhone } from '../../src/devices/sandbox/serve.js';
import { FIXTURE_ENTRY } from './helpers.js';

let server: Server | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe('sandbox serve', () => {
  it('serves the toolbar page and the self-contained phone page on 127.0.0.1', async () => {
    const s = await servePhone({ port: 0, seed: '42', page: { entry: FIXTURE_ENTRY } });
    server = s.server;
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const top = await (await fetch(s.url)).text();
    expect(top).toContain('src="/phone#seed=42"');
    const phone = await fetch(new URL('/phone', s.url));
    expect(phone.headers.get('content-type')).toContain('text/html');
    const html = await phone.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/); // no external assets
    expect((await fetch(new URL('/nope', s.url))).status).toBe(404);
  });
});
