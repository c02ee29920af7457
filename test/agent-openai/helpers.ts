import sharp from 'sharp';
import type { Action } from '../../src/core/actions.js';
import type { ActResult, Device, DeviceInfo, Observation } from '../../src/core/device.js';
import type { Step } from '../../src/core/trajectory.js';
import type { PolicyContext } from '../../src/agent/policy.js';

const cache = new Map<string, Buffer>();

/** A real PNG of the given size (sharp), so the policy's resize runs on actual pixels. */
export async function png(width: number, height: number): Promise<Buffer> {
  const key = `${width}x${height}`;
  if (!cache.has(key)) cache.set(key, await sharp({ create: { width, height, channels: 3, background: '#e8eef4' } }).png().toBuffer());
  return cache.get(key)!;
}

export async function observation(width = 1080, height = 2400, frameId = 'f1'): Promise<Observation> {
  return { frame: { id: frameId, width, height, rotation: 0 }, image: { data: await png(width, height), format: 'png', width, height }, at: Date.now() };
}

export function context(obs: Observation, over: Partial<PolicyContext> = {}): PolicyContext {
  return { task: { instruction: 'Open Settings and turn on Wi-Fi' }, stepIndex: 0, observation: obs, history: [] as Step[], memory: {}, ...over };
}

/** Device-pixel box -> the point a model would name in an image of `img` size (rounded). */
export function boxCentreIn(box: [number, number, number, number], device: { width: number; height: number }, img: { width: number; height: number }): [number, number] {
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  return [Math.round((cx * img.width) / device.width), Math.round((cy * img.height) / device.height)];
}

/** Device-pixel box -> norm1000 box of the frame. */
export function normBox(box: [number, number, number, number], device: { width: number; height: number }): [number, number, number, number] {
  return [(box[0] * 1000) / device.width, (box[1] * 1000) / device.height, (box[2] * 1000) / device.width, (box[3] * 1000) / device.height];
}

export function inside(p: readonly [number, number], b: readonly [number, number, number, number]): boolean {
  return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
}

/** A phone that records actions and shows a new frame after each one. */
export class RecordingPhone implements Device {
  acted: Action[] = [];
  private n = 0;
  constructor(readonly width = 1080, readonly height = 2400) {}
  async info(): Promise<DeviceInfo> { return { id: 'test:1', platform: 'phone', backend: 'sandbox', width: this.width, height: this.height, rotation: 0 }; }
  async observe(): Promise<Observation> { this.n++; return observation(this.width, this.height, `f${this.n}`); }
  async act(a: Action): Promise<ActResult> { this.acted.push(a); return { ok: true, durationMs: 0 }; }
  async close(): Promise<void> {}
}
