/**
 * The `adb` client binary, called asynchronously (execFile: no host shell, no sync calls) with a
 * timeout and an AbortSignal. Server port via `-P`, device via `-s`. adb's error text is mapped
 * to typed errors: a missing, offline or vanished device is `device_gone`.
 */
import { execFile } from 'node:child_process';
import { StepwiseError } from '../../core/errors.js';

export interface AdbClientOptions {
  /** Path of the adb binary (default: $STEPWISE_ADB or "adb" on PATH). */
  adbPath?: string;
  /** adb server port (default: $ANDROID_ADB_SERVER_PORT or 5037). */
  port?: number;
  /** Per-call limit in ms (default 20 s; screenshots of big screens can take seconds). */
  timeoutMs?: number;
}

export interface AdbCall {
  serial?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface AdbDeviceEntry {
  serial: string;
  /** device, offline, unauthorized, recovery, ... */
  state: string;
  /** product:, model:, device:, transport_id: fields of `adb devices -l`. */
  props: Record<string, string>;
}

const GONE = /device '.*' not found|device offline|device not found|no devices\/emulators found|device still authorizing|error: closed|protocol fault|connection reset/i;

export class AdbClient {
  readonly adbPath: string;
  readonly port: number;
  readonly timeoutMs: number;

  constructor(opts: AdbClientOptions = {}) {
    this.adbPath = opts.adbPath ?? process.env.STEPWISE_ADB ?? 'adb';
    const envPort = Number(process.env.ANDROID_ADB_SERVER_PORT);
    this.port = opts.port ?? (Number.isInteger(envPort) && envPort > 0 ? envPort : 5037);
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    if (!Number.isInteger(this.port) || this.port <= 0 || this.port > 65535) {
      throw new StepwiseError('config_error', `adb server port ${opts.port} is not a TCP port`, 'use 1-65535 (the default adb server port is 5037)');
    }
  }

  /** Runs adb with args; resolves with stdout bytes. */
  run(args: string[], call: AdbCall = {}): Promise<Buffer> {
    const full = ['-P', String(this.port), ...(call.serial ? ['-s', call.serial] : []), ...args];
    const timeout = call.timeoutMs ?? this.timeoutMs;
    if (call.signal?.aborted) return Promise.reject(new StepwiseError('cancelled', 'the adb call was cancelled'));
    return new Promise((resolve, reject) => {
      execFile(this.adbPath, full, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, timeout, signal: call.signal, windowsHide: true }, (err, stdout, stderr) => {
        if (!err) { resolve(stdout); return; }
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: unknown };
        const text = `${stderr.toString('utf8')}${stdout.toString('utf8')}`.trim();
        const what = `adb ${args[0]}${call.serial ? ` on ${call.serial}` : ''}`;
        if (e.code === 'ENOENT') {
          reject(new StepwiseError('config_error', `the adb client "${this.adbPath}" was not found`, 'install it (Debian/Ubuntu: apt-get install adb; or Android platform-tools) or set STEPWISE_ADB to its path'));
        } else if (call.signal?.aborted || e.name === 'AbortError') {
          reject(new StepwiseError('cancelled', `${what} was cancelled`));
        } else if (e.killed || e.signal === 'SIGTERM') {
          reject(new StepwiseError('timeout', `${what} did not finish within ${timeout} ms`, 'check the USB/Wi-Fi connection (adb devices -l) or raise the timeout'));
        } else if (/unauthorized/i.test(text)) {
          reject(new StepwiseError('device_error', `${call.serial ?? 'the device'} has not authorized this computer`, 'unlock the phone and accept the "Allow USB debugging?" prompt, then retry'));
        } else if (GONE.test(text)) {
          reject(new StepwiseError('device_gone', `${call.serial ?? 'the device'} is no longer connected (${text.split('\n')[0]})`, 'reconnect the device and check `adb devices -l`', { serial: call.serial }));
        } else if (/more than one device/i.test(text)) {
          reject(new StepwiseError('config_error', 'several adb devices are connected and none was chosen', 'pick one with --device adb:<serial> (see `stepwise devices`)'));
        } else if (/cannot connect to daemon|daemon not running|failed to start daemon/i.test(text)) {
          reject(new StepwiseError('device_error', `no adb server on port ${this.port} (${text.split('\n')[0]})`, `start one with \`adb -P ${this.port} start-server\``));
        } else {
          reject(new StepwiseError('device_error', `${what} failed: ${text.split('\n').slice(0, 3).join(' ') || err.message}`, 'run the same adb command by hand to see the device\'s answer'));
        }
      });
    });
  }

  /** `adb shell <cmdline>` (shell v1: the device's sh parses cmdline). */
  async shell(serial: string, cmdline: string, call: Omit<AdbCall, 'serial'> = {}): Promise<string> {
    return (await this.run(['shell', cmdline], { ...call, serial })).toString('utf8');
  }

  /** `adb exec-out <cmd>`: raw bytes, no pty translation (for screencap -p). */
  execOut(serial: string, cmd: string, call: Omit<AdbCall, 'serial'> = {}): Promise<Buffer> {
    return this.run(['exec-out', cmd], { ...call, serial });
  }

  /** `adb devices -l`, parsed. */
  async devices(call: Omit<AdbCall, 'serial'> = {}): Promise<AdbDeviceEntry[]> {
    const out = (await this.run(['devices', '-l'], call)).toString('utf8');
    return parseDevicesL(out);
  }
}

export function parseDevicesL(out: string): AdbDeviceEntry[] {
  const entries: AdbDeviceEntry[] = [];
  for (const line of out.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('List of devices') || t.startsWith('*')) continue;
    const [serial, state, ...rest] = t.split(/\s+/);
    if (!serial || !state) continue;
    const props: Record<string, string> = {};
    for (const kv of rest) {
      const i = kv.indexOf(':');
      if (i > 0) props[kv.slice(0, i)] = kv.slice(i + 1);
    }
    entries.push({ serial, state, props });
  }
  return entries;
}
