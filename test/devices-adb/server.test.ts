/** The emulated adb server's host protocol, byte for byte, over a raw socket (no adb client, no phones). */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedAdbServer } from '../../src/devices/emulated-adb/index.js';

let server: EmulatedAdbServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

const frame = (req: string) => `${Buffer.byteLength(req).toString(16).padStart(4, '0')}${req}`;

/** Sends requests on one connection and returns everything the server wrote until it closed. */
function talk(port: number, ...reqs: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    s.on('data', (d) => chunks.push(d));
    s.on('error', reject);
    s.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    s.write(reqs.map(frame).join(''));
  });
}

describe('emulated adb host protocol', () => {
  it('answers version, devices and features, and refuses what it does not serve', async () => {
    server = new EmulatedAdbServer();
    const port = await server.listen(0);
    expect(await talk(port, 'host:version')).toBe('OKAY00040029');
    expect(await talk(port, 'host:devices-l')).toBe('OKAY0000');
    expect(await talk(port, 'host:transport:abc')).toBe(`FAIL${(22).toString(16).padStart(4, '0')}device 'abc' not found`);
    expect(await talk(port, 'host:tport:any')).toMatch(/^FAIL....no devices\/emulators found$/);
    expect(await talk(port, 'shell:ls')).toMatch(/^FAIL....no transport selected/);
    expect(await talk(port, 'host:frobnicate')).toMatch(/^FAIL....unknown host service: host:frobnicate$/);
    expect(server.requests).toContain('host:frobnicate');
  });

  it('host:kill stops the server', async () => {
    server = new EmulatedAdbServer();
    const port = await server.listen(0);
    expect(await talk(port, 'host:kill')).toBe('OKAY');
    await expect(new Promise((resolve, reject) => { const s = net.connect(port, '127.0.0.1'); s.on('connect', () => { s.destroy(); resolve('open'); }); s.on('error', reject); })).rejects.toThrow(/ECONNREFUSED/);
  });
});
