/** An emulated adb server with sandbox phones, reached through the real adb client on a port of our own. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { EmulatedAdbServer, EmulatedPhone, type EmulatedPhoneOptions } from '../../src/devices/emulated-adb/index.js';

const run = promisify(execFile);

export interface Rig {
  server: EmulatedAdbServer;
  browser: SandboxBrowser;
  phones: Map<string, EmulatedPhone>;
  port: number;
  adb(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Starts the server on `port` (0 = a free one) with one sandbox phone per option set. */
export async function startRig(port: number, phones: EmulatedPhoneOptions[]): Promise<Rig> {
  const browser = new SandboxBrowser();
  const server = new EmulatedAdbServer();
  const map = new Map<string, EmulatedPhone>();
  for (const o of phones) {
    const phone = new EmulatedPhone(await SandboxDevice.create(browser, { seed: 1 }), o);
    server.add(phone);
    map.set(o.serial, phone);
  }
  port = await server.listen(port);
  return {
    server, browser, phones: map, port,
    adb: async (...args) => (await run('adb', ['-P', String(port), ...args], { timeout: 60_000 })).stdout,
    close: async () => {
      await server.close();
      // Never leave an adb server behind on our port (the client starts one if ours is gone).
      await run('adb', ['-P', String(port), 'kill-server'], { timeout: 30_000 }).catch(() => {});
      await browser.close();
    },
  };
}
