/**
 * Device specs -> open devices. A spec names a backend by prefix and optionally a count:
 * "sandbox", "sandbox*3", "sandbox:seed=7", "sandbox:seed=7;frames=on", "adb:emulator-5554". Backends register one line
 * each in BACKENDS; callers (CLI, MCP server, runner pools) only call openDevices(spec).
 */
import type { Device } from '../core/device.js';
import { StepwiseError } from '../core/errors.js';
import { existsSync } from 'node:fs';
import { CHROMIUM_SHELL_PATH } from './chromium.js';
import { SandboxBrowser, SandboxDevice } from './sandbox/index.js';

export interface OpenedDevices {
  devices: Device[];
  /** Closes every device and whatever they share (browsers, adb connections). */
  close(): Promise<void>;
}

/** A parsed spec: the backend prefix, what follows the first ':' (if any) and the count. */
export interface DeviceSpec {
  backend: string;
  arg: string;
  count: number;
  /** Defaults for options the spec does not give (the caller's: `stepwise mcp` wants frame control). */
  defaults?: OpenDefaults;
}

/** Sandbox frame control (see sandbox/frames.ts): on, off, or on when chromium-headless-shell is installed. */
export type FramesMode = 'on' | 'off' | 'auto';
export interface OpenDefaults {
  frames?: FramesMode;
}

export type BackendOpener = (spec: DeviceSpec) => Promise<OpenedDevices>;

const MAX_DEVICES = 16;

async function openSandbox(spec: DeviceSpec): Promise<OpenedDevices> {
  const opts = parseKv(spec.arg, ['seed', 'frames']);
  const frames = opts.frames ?? spec.defaults?.frames ?? 'off';
  if (frames !== 'on' && frames !== 'off' && frames !== 'auto') {
    throw new StepwiseError('config_error', `bad sandbox option frames=${frames}`, 'use frames=on, frames=off or frames=auto');
  }
  const browser = new SandboxBrowser({ frameControl: frames === 'on' || (frames === 'auto' && existsSync(CHROMIUM_SHELL_PATH)) });
  const devices: Device[] = [];
  try {
    for (let i = 0; i < spec.count; i++) devices.push(await SandboxDevice.create(browser, { seed: opts.seed ?? '1' }));
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
  return {
    devices,
    close: async () => {
      await Promise.allSettled(devices.map((d) => d.close()));
      await browser.close();
    },
  };
}

/** Backends by prefix; other backends add one line here (e.g. adb: openAdb). */
export const BACKENDS: Record<string, BackendOpener> = {
  sandbox: openSandbox,
  adb: (spec) => import('./adb/open.js').then((m) => m.openAdb(spec)),
  browser: (spec) => import('./browser/open.js').then((m) => m.openBrowser(spec)),
};

/** "sandbox*3" -> {backend: sandbox, arg: '', count: 3}; "adb:serial" -> {backend: adb, arg: serial, count: 1}. */
export function parseDeviceSpec(spec: string): DeviceSpec {
  const m = /^\s*([a-z][a-z0-9_-]*)(?::([^*]*))?(?:\*(\d+))?\s*$/i.exec(spec);
  if (!m) {
    throw new StepwiseError('config_error', `"${spec}" is not a device spec`, `write BACKEND[:ARG][*COUNT], e.g. sandbox, sandbox*3; backends: ${Object.keys(BACKENDS).join(', ')}`);
  }
  const count = m[3] ? Number(m[3]) : 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEVICES) {
    throw new StepwiseError('config_error', `cannot open ${m[3]} devices from "${spec}"`, `use a count from 1 to ${MAX_DEVICES}`);
  }
  return { backend: m[1].toLowerCase(), arg: m[2] ?? '', count };
}

/** Opens the devices a spec names; several specs may be joined with commas ("sandbox*2,adb:X"). */
export async function openDevices(spec: string, defaults: OpenDefaults = {}): Promise<OpenedDevices> {
  const parts = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (!parts.length) throw new StepwiseError('config_error', 'no device spec given', 'use e.g. --device sandbox or --device sandbox*3');
  const parsed = parts.map((p) => ({ ...parseDeviceSpec(p), defaults }));
  for (const p of parsed) {
    if (!BACKENDS[p.backend]) {
      throw new StepwiseError('config_error', `unknown device backend "${p.backend}"`, `use one of: ${Object.keys(BACKENDS).join(', ')}`);
    }
  }
  const opened: OpenedDevices[] = [];
  try {
    for (const p of parsed) opened.push(await BACKENDS[p.backend](p));
  } catch (e) {
    await Promise.allSettled(opened.map((o) => o.close()));
    throw e;
  }
  return {
    devices: opened.flatMap((o) => o.devices),
    close: async () => { await Promise.allSettled(opened.map((o) => o.close())); },
  };
}

/** "seed=7,x=y" style options after the ':'; unknown keys are errors so typos do not pass silently. */
export function parseKv(arg: string, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!arg) return out;
  for (const part of arg.split(';')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined || !allowed.includes(k)) {
      throw new StepwiseError('config_error', `bad device option "${part}"`, `options are ${allowed.map((a) => `${a}=VALUE`).join(', ') || 'none'}`);
    }
    out[k] = v;
  }
  return out;
}
