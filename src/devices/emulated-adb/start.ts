/** Starts an emulated adb server with N sandbox phones (for `stepwise devices emulate`, demos and benches). */
import type { Rotation } from '../../core/coords.js';
import { StepwiseError } from '../../core/errors.js';
import { SandboxBrowser, SandboxDevice } from '../sandbox/index.js';
import { EmulatedPhone, type EmulatedPhoneOptions } from './phone.js';
import { EmulatedAdbServer } from './server.js';

export interface StartEmulatedOptions extends Omit<EmulatedPhoneOptions, 'serial'> {
  /** TCP port on 127.0.0.1 (0 = a free one). */
  port?: number;
  count?: number;
  seed?: string | number;
}

export interface EmulatedAdb {
  server: EmulatedAdbServer;
  phones: EmulatedPhone[];
  port: number;
  close(): Promise<void>;
}

export async function startEmulatedAdb(opts: StartEmulatedOptions = {}): Promise<EmulatedAdb> {
  const count = opts.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 16) throw new StepwiseError('config_error', `cannot emulate ${count} phones`, 'use 1 to 16');
  if (opts.rotation !== undefined && ![0, 90, 180, 270].includes(opts.rotation)) throw new StepwiseError('config_error', `rotation ${opts.rotation} is not 0, 90, 180 or 270`, 'pass one of 0, 90, 180, 270');
  const browser = new SandboxBrowser();
  const server = new EmulatedAdbServer();
  const phones: EmulatedPhone[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const sandbox = await SandboxDevice.create(browser, { seed: opts.seed ?? '1' });
      const phone = new EmulatedPhone(sandbox, { ...opts, rotation: opts.rotation as Rotation | undefined, serial: `emulated-${5554 + 2 * i}` });
      phones.push(phone);
      server.add(phone);
    }
    const port = await server.listen(opts.port ?? 0);
    return { server, phones, port, close: async () => { await server.close(); await browser.close(); } };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}
