/**
 * Sharing a trajectory: an animated GIF (one frame per step, the action drawn on the screen it
 * was taken on) and a contact-sheet PNG (all steps in a grid with labels). Both composite the
 * overlay SVG from overlay.ts onto the stored screenshots with sharp; gifenc encodes the GIF.
 */
import * as gifencModule from 'gifenc';
import sharp from 'sharp';
import { StepwiseError } from '../core/errors.js';
import type { Step, Trajectory } from '../core/trajectory.js';
import { esc } from '../report/html.js';
import type { Store } from '../store/index.js';
import { actionLabel, overlaySvg } from './overlay.js';

// Node loads gifenc's CommonJS build (functions on `default`), bundlers its ES build (named exports).
const gifenc = ('GIFEncoder' in gifencModule ? gifencModule : (gifencModule as unknown as { default: typeof gifencModule }).default) as typeof gifencModule;

export interface GifOptions {
  /** Frame width in pixels (height follows the first screen's aspect). */
  width?: number;
  /** Milliseconds per step. */
  delayMs?: number;
}

function screens(t: Trajectory): Step[] {
  const s = t.steps.filter((x) => x.observation?.image);
  if (!s.length) throw new StepwiseError('invalid_input', `trajectory ${t.id} has no screenshots to export`, 'pick a trajectory recorded with screenshots');
  return s;
}

function frameSize(t: Trajectory, width: number): { width: number; height: number } {
  const o = screens(t)[0].observation!;
  return { width, height: Math.round((width * o.height) / o.width) };
}

/** The step's screen at `size` with its action drawn. */
async function drawnScreen(store: Store, step: Step, size: { width: number; height: number }) {
  // Resize first, then composite in a second pipeline: in one pipeline libvips composited at
  // full screen size and took three times longer (bench/studio.mjs).
  const small = await sharp(store.getBlob(step.observation!.image!)).resize(size.width, size.height, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
  return sharp(small, { raw: { ...size, channels: 4 } })
    .composite([{ input: Buffer.from(overlaySvg(step.action ?? step.model?.action, size)) }]);
}

export async function trajectoryGif(store: Store, id: string, o: GifOptions = {}): Promise<Buffer> {
  const t = store.getTrajectory(id);
  const size = frameSize(t, o.width ?? 360);
  const frames = await Promise.all(screens(t).map(async (step) => (await drawnScreen(store, step, size)).ensureAlpha().raw().toBuffer()));
  // One palette for the whole GIF, from every 5th pixel of every frame in 12-bit colour: screens
  // have few distinct colours, and a shared palette keeps them steady from frame to frame.
  // (Quantizing each full frame in 24-bit colour took seconds per frame.)
  const stride = 5;
  const sample = new Uint8Array(frames.reduce((n, f) => n + Math.ceil(f.length / 4 / stride) * 4, 0));
  let j = 0;
  for (const f of frames) {
    for (let i = 0; i < f.length; i += 4 * stride) { sample[j++] = f[i]; sample[j++] = f[i + 1]; sample[j++] = f[i + 2]; sample[j++] = f[i + 3]; }
  }
  const palette = gifenc.quantize(sample, 256, { format: 'rgb444' });
  const gif = gifenc.GIFEncoder();
  frames.forEach((rgba, k) => {
    gif.writeFrame(gifenc.applyPalette(rgba, palette, 'rgb444'), size.width, size.height, { ...(k === 0 ? { palette } : {}), delay: o.delayMs ?? 900 });
  });
  gif.finish();
  return Buffer.from(gif.bytes());
}

export interface SheetOptions {
  columns?: number;
  thumbWidth?: number;
}

/** Cut a label to what fits under a thumbnail at 12 px (about 7 px per character). */
const fit = (s: string, px: number) => { const n = Math.floor(px / 7); return s.length > n ? `${s.slice(0, n - 1)}…` : s; };

export async function contactSheet(store: Store, id: string, o: SheetOptions = {}): Promise<Buffer> {
  const t = store.getTrajectory(id);
  const steps = screens(t);
  const cols = Math.min(o.columns ?? 6, steps.length);
  const thumb = frameSize(t, o.thumbWidth ?? 200);
  const gap = 12, label = 40, head = 56;
  const rows = Math.ceil(steps.length / cols);
  const W = gap + cols * (thumb.width + gap);
  const H = head + rows * (thumb.height + label + gap) + gap;
  const verdict = t.outcome ? `${t.outcome.verdict} (${t.outcome.source})` : t.status;
  const text = (x: number, y: number, s: string, size: number, weight = 400, fill = '#1d2330') =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans, WenQuanYi Micro Hei, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${esc(s)}</text>`;
  const labels: string[] = [text(gap, 24, t.task.instruction.slice(0, 120), 17, 700), text(gap, 44, `${t.id} · ${t.task.id ?? ''} · ${steps.length} steps · ${verdict}`, 12, 400, '#667')];
  const tiles = await Promise.all(steps.map(async (s, i) => {
    const x = gap + (i % cols) * (thumb.width + gap);
    const y = head + Math.floor(i / cols) * (thumb.height + label + gap);
    labels.push(text(x, y + thumb.height + 16, fit(`#${s.index} ${actionLabel(s.action ?? s.model?.action)}`, thumb.width), 12, 600));
    if (s.result && !s.result.ok) labels.push(text(x, y + thumb.height + 32, fit(`failed: ${s.result.error ?? ''}`, thumb.width), 11, 400, '#c94c64'));
    return { input: await (await drawnScreen(store, s, thumb)).png().toBuffer(), left: x, top: y };
  }));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${labels.join('')}</svg>`;
  return sharp({ create: { width: W, height: H, channels: 3, background: '#f4f6f9' } })
    .composite([...tiles, { input: Buffer.from(svg), left: 0, top: 0 }])
    .png()
    .toBuffer();
}
