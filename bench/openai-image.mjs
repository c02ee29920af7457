// Cost of preparing one 1080x2400 screenshot for a model, per resize profile.
// Baseline: the default "gelab" profile, measured in the same run ("none" only base64-encodes).
// Run: npm run build && node bench/openai-image.mjs
import sharp from 'sharp';
import { getProfile, prepareImage } from '../dist/agent/openai/index.js';

const W = 1080, H = 2400;
// A UI-like screenshot: flat bands, list rows and high-frequency "text" stripes.
const raw = Buffer.alloc(W * H * 3);
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 3;
    const row = Math.floor(y / 160);
    const text = y % 160 > 50 && y % 160 < 90 && x > 60 && x < 60 + ((row * 97) % 700) && (x * 7 + y * 3) % 11 < 5;
    const v = text ? 40 : row % 2 ? 250 : 236;
    raw[i] = v; raw[i + 1] = text ? 40 : v - (row % 3) * 6; raw[i + 2] = text ? 60 : 255;
  }
}
const png = await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).png().toBuffer();
const shot = { data: png, format: 'png', width: W, height: H };

const cases = [
  ['gelab (1 MP jpeg q85)', getProfile('gelab')],
  ['none', getProfile('none')],
  ['claude (1.15 MP png)', getProfile('claude')],
  ['qwen (28-grid png)', getProfile('qwen')],
  ['qwen capped 1280*28*28 png', getProfile('qwen', { maxPixels: 1280 * 28 * 28 })],
  ['qwen (28-grid jpeg q85)', getProfile('qwen', { format: 'jpeg', quality: 85 })],
  ['uitars (28-grid png)', getProfile('uitars')],
];

async function measure(profile) {
  for (let i = 0; i < 3; i++) await prepareImage(shot, profile);
  const n = 15;
  const t0 = process.hrtime.bigint();
  let out;
  for (let i = 0; i < n; i++) out = await prepareImage(shot, profile);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6 / n, out };
}

const rows = [];
let base;
for (const [name, profile] of cases) {
  const { ms, out } = await measure(profile);
  base ??= ms;
  rows.push({ profile: name, size: `${out.width}x${out.height}`, 'ms/image': ms.toFixed(1), 'x gelab': (ms / base).toFixed(2), 'KB sent': (out.bytes / 1024).toFixed(0) });
}
console.log(`source: ${W}x${H} PNG, ${(png.length / 1024).toFixed(0)} KB`);
console.table(rows);
