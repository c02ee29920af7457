/** A scripted device and policy for the runtime's own logic (no Chromium). */
import type { Action } from '../../src/core/actions.js';
import type { ActResult, Device, DeviceInfo, Observation } from '../../src/core/device.js';
import { StepwiseError } from '../../src/core/errors.js';
import type { Policy } from '../../src/agent/policy.js';

export class ScriptedDevice implements Device {
  acted: Action[] = [];
  frame = 0;
  busy = 0;
  maxBusy = 0;
  constructor(public id: string, private opts: { observeFails?: boolean } = {}) {}
  async info(): Promise<DeviceInfo> { return { id: this.id, platform: 'phone', backend: 'sandbox', width: 100, height: 200, rotation: 0 }; }
  async observe(): Promise<Observation> {
    if (this.opts.observeFails) throw new StepwiseError('device_gone', `${this.id} disconnected`, 'reconnect it');
    this.frame++;
    await new Promise((r) => setImmediate(r));
    return { frame: { id: `${this.id}#${this.frame}`, width: 100, height: 200, rotation: 0 }, image: { data: Buffer.from(`${this.id}-${this.frame}`), format: 'png', width: 100, height: 200 }, at: this.frame };
  }
  async act(a: Action): Promise<ActResult> {
    this.acted.push(a);
    return { ok: true, durationMs: 1 };
  }
  async close() {}
}

/** Taps n times, optionally asks a question after `askAt` taps, then completes. */
export function tapPolicy(n: number, askAt = -1): Policy {
  return {
    name: 'taps',
    describe: () => ({}),
    async decide(ctx) {
      const done = ctx.history.filter((s) => s.action?.type === 'click').length;
      const asked = ctx.history.some((s) => s.action?.type === 'info');
      if (done === askAt && !asked) return { action: { type: 'info', question: 'which one?' } };
      // The reply reaches exactly the first decision after the question; keep it in step meta.
      const meta = ctx.reply !== undefined ? { reply: ctx.reply } : undefined;
      if (done < n) return { action: { type: 'click', point: [100 + done, 200], frameId: ctx.observation.frame.id } as Action, meta };
      const replied = ctx.history.find((s) => typeof s.meta?.reply === 'string')?.meta?.reply as string | undefined;
      return { action: { type: 'complete', answer: ctx.reply ?? replied ?? `done ${done}` } };
    },
  };
}
