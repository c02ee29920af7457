/**
 * Device leases: one session holds a device at a time, so two sessions (MCP clients, runner
 * pools) never interleave actions on it. A holder may re-acquire its own lease (re-entrant
 * by session id); others either wait in FIFO order or get a `device_busy`-style error.
 */
import { StepwiseError } from '../core/errors.js';

export interface AcquireOptions {
  /** Wait for the device instead of failing at once (default false: busy error). */
  wait?: boolean;
  /** Give up waiting after this many ms (default: wait until released or aborted). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface Lease {
  deviceId: string;
  sessionId: string;
  /** Ends this hold; the lease is released when every re-entrant hold has ended. */
  release(): void;
}

interface Holder {
  sessionId: string;
  depth: number;
}

interface Waiter {
  sessionId: string;
  grant: () => void;
}

export class LeaseManager {
  private holders = new Map<string, Holder>();
  private queues = new Map<string, Waiter[]>();

  /** Who holds a device now, if anyone. */
  holder(deviceId: string): string | undefined {
    return this.holders.get(deviceId)?.sessionId;
  }

  async acquire(deviceId: string, sessionId: string, opts: AcquireOptions = {}): Promise<Lease> {
    const h = this.holders.get(deviceId);
    if (!h) {
      this.holders.set(deviceId, { sessionId, depth: 1 });
      return this.lease(deviceId, sessionId);
    }
    if (h.sessionId === sessionId) {
      h.depth++;
      return this.lease(deviceId, sessionId);
    }
    if (!opts.wait) {
      throw new StepwiseError('device_error', `device ${deviceId} is busy: another session is using it`, 'wait for it to finish, use another device (list_devices), or ask the server to wait for busy devices', { busy: true, deviceId });
    }
    if (opts.signal?.aborted) throw cancelled(deviceId);
    await new Promise<void>((resolve, reject) => {
      const queue = this.queues.get(deviceId) ?? [];
      this.queues.set(deviceId, queue);
      let timer: NodeJS.Timeout | undefined;
      const drop = () => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => { drop(); reject(cancelled(deviceId)); };
      const waiter: Waiter = { sessionId, grant: () => { drop(); resolve(); } };
      queue.push(waiter);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.timeoutMs !== undefined) {
        timer = setTimeout(() => {
          drop();
          reject(new StepwiseError('timeout', `device ${deviceId} stayed busy for ${opts.timeoutMs} ms`, 'try again later or use another device', { deviceId }));
        }, opts.timeoutMs);
      }
    });
    return this.lease(deviceId, sessionId);
  }

  /** Drops every hold a session has (e.g. when an MCP session closes). */
  releaseAll(sessionId: string): void {
    for (const [deviceId, h] of [...this.holders]) {
      if (h.sessionId === sessionId) { h.depth = 1; this.releaseOne(deviceId, sessionId); }
    }
  }

  private lease(deviceId: string, sessionId: string): Lease {
    let done = false;
    return {
      deviceId,
      sessionId,
      release: () => {
        if (done) return;
        done = true;
        this.releaseOne(deviceId, sessionId);
      },
    };
  }

  private releaseOne(deviceId: string, sessionId: string): void {
    const h = this.holders.get(deviceId);
    if (!h || h.sessionId !== sessionId) return;
    if (--h.depth > 0) return;
    const next = this.queues.get(deviceId)?.shift();
    if (next) {
      // Hand over directly so nobody can slip in between release and the waiter's wake-up.
      this.holders.set(deviceId, { sessionId: next.sessionId, depth: 1 });
      next.grant();
    } else {
      this.holders.delete(deviceId);
    }
  }
}

function cancelled(deviceId: string): StepwiseError {
  return new StepwiseError('cancelled', `stopped waiting for device ${deviceId}`, 'the request was cancelled');
}
