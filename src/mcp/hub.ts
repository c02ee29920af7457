/**
 * The devices an MCP server drives, shared by all its sessions. Every use of a device goes
 * through `use()`: the caller's session takes a sticky lease (other sessions get a busy error
 * or wait, per `busy`), and a per-device queue runs one call at a time even within a session.
 * A lease is dropped after `leaseIdleMs` without calls, on release_device, or when the session ends.
 */
import type { Device, DeviceInfo } from '../core/device.js';
import { StepwiseError } from '../core/errors.js';
import { LeaseManager, type Lease } from '../devices/leases.js';

export type BusyMode = 'error' | 'wait';

export interface HubOptions {
  busy?: BusyMode;
  /** Idle time after which a session's lease on a device lapses (default 60 s). */
  leaseIdleMs?: number;
}

interface Held {
  lease: Lease;
  timer?: NodeJS.Timeout;
  /** Calls in flight: the idle timer only runs while this is 0. */
  active: number;
  /** The longest idle time asked for while held (a paused task's outlives later quick calls). */
  idleMs: number;
}

export class DeviceHub {
  readonly leases = new LeaseManager();
  private readonly byId = new Map<string, { device: Device; info: DeviceInfo }>();
  private readonly held = new Map<string, Held>();
  private readonly queues = new Map<string, Promise<unknown>>();
  readonly busy: BusyMode;
  readonly leaseIdleMs: number;

  private constructor(opts: HubOptions) {
    this.busy = opts.busy ?? 'error';
    this.leaseIdleMs = opts.leaseIdleMs ?? 60_000;
  }

  static async create(devices: Device[], opts: HubOptions = {}): Promise<DeviceHub> {
    if (!devices.length) throw new StepwiseError('config_error', 'the MCP server needs at least one device', 'start it with --device sandbox (or sandbox*3)');
    const hub = new DeviceHub(opts);
    for (const device of devices) {
      const info = await device.info();
      hub.byId.set(info.id, { device, info });
    }
    return hub;
  }

  list(): DeviceInfo[] {
    return [...this.byId.values()].map((d) => d.info);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The device a call names, or the fallback (session default, then the first device). */
  resolve(id: string | undefined, fallback?: string): { device: Device; info: DeviceInfo } {
    const want = id ?? fallback ?? this.ids()[0];
    const hit = this.byId.get(want);
    if (!hit) throw new StepwiseError('not_found', `unknown device "${want}"`, `use one of: ${this.ids().join(', ')} (see list_devices)`, { device: want });
    return hit;
  }

  /** Which session holds a device, if any. */
  holder(deviceId: string): string | undefined {
    return this.leases.holder(deviceId);
  }

  /**
   * Runs fn with the device leased to `owner` and no other call running on it. `idleMs`
   * overrides how long the lease outlives the call (execute_task keeps it while paused).
   */
  async use<T>(deviceId: string, owner: string, fn: () => Promise<T>, opts: { signal?: AbortSignal; idleMs?: number } = {}): Promise<T> {
    const key = `${deviceId}\u0000${owner}`;
    let h = this.held.get(key);
    if (!h) {
      const lease = await this.leases.acquire(deviceId, owner, { wait: this.busy === 'wait', signal: opts.signal });
      h = this.held.get(key) ?? { lease, active: 0, idleMs: 0 };
      if (h.lease !== lease) lease.release();
      this.held.set(key, h);
    }
    clearTimeout(h.timer);
    h.active++;
    h.idleMs = Math.max(h.idleMs, opts.idleMs ?? this.leaseIdleMs);
    try {
      return await this.serial(deviceId, fn);
    } finally {
      h.active--;
      if (h.active === 0 && this.held.get(key) === h) {
        h.timer = setTimeout(() => this.drop(key), h.idleMs);
        h.timer.unref();
      }
    }
  }

  /** Ends a session's lease on one device (release_device) or on all of them (session closed). */
  release(owner: string, deviceId?: string): string[] {
    const out: string[] = [];
    for (const [key, h] of [...this.held]) {
      if (h.lease.sessionId !== owner || (deviceId && h.lease.deviceId !== deviceId)) continue;
      out.push(h.lease.deviceId);
      this.drop(key);
    }
    return out;
  }

  private drop(key: string): void {
    const h = this.held.get(key);
    if (!h || h.active > 0) return;
    clearTimeout(h.timer);
    this.held.delete(key);
    h.lease.release();
  }

  /** One call at a time per device. */
  private serial<T>(deviceId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(deviceId) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    this.queues.set(deviceId, run.catch(() => undefined));
    return run;
  }

  async close(): Promise<void> {
    for (const key of [...this.held.keys()]) {
      const h = this.held.get(key)!;
      h.active = 0;
      this.drop(key);
    }
  }
}
