// Store throughput: ingest N steps, each with a DISTINCT 1080x2400 PNG, into the trajectory
// store, against plain fs writes of the same bytes in the same run; then export/import.
//
// Images: sharp renders 4 screenshot-like PNGs (UI rows and text as SVG plus a noisy photo
// band, so they compress like real screens, a few hundred KB). Each step takes one of them
// and inserts a unique tEXt chunk before IEND (with its CRC recomputed), so every blob is a
// valid, distinct PNG and dedupe never hides work.
//
// Usage: npm run build && node bench/store.mjs [--steps 10000] [--per-traj 20] [--power-steps 1000] [--dir /dev/shm]
// (--dir: where to put the temporary stores; default the OS temp folder. On tmpfs the ratio shows CPU cost only.)
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { exportJsonl, importJsonl, openStore } from '../dist/store/index.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const STEPS = arg('steps', 10000);
const PER_TRAJ = arg('per-traj', 20);
const POWER_STEPS = Math.min(arg('power-steps', 1000), STEPS);
const W = 1080, H = 2400;

async function baseImages() {
  const out = [];
  for (let k = 0; k < 4; k++) {
    const rows = Array.from({ length: 14 }, (_, i) => `<rect x="40" y="${700 + i * 120}" width="1000" height="100" rx="16" fill="hsl(${(k * 70 + i * 25) % 360},40%,92%)"/>
      <text x="80" y="${765 + i * 120}" font-size="40" font-family="sans-serif" fill="#222">Item ${k}-${i}: settings entry with some text</text>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fafafa"/>
      <rect width="${W}" height="90" fill="#333"/><text x="40" y="62" font-size="44" fill="#fff" font-family="sans-serif">12:0${k}  stepwise bench</text>${rows}</svg>`;
    const noise = await sharp({ create: { width: W, height: 180, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    out.push(await sharp(Buffer.from(svg)).composite([{ input: noise, top: 300 + k * 60, left: 0 }]).png().toBuffer());
  }
  return out;
}

/** A copy of `png` with a tEXt chunk "stepwise"=tag before IEND: valid and distinct. */
function tagged(png, tag) {
  const data = Buffer.from(`stepwise\0${tag}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

function stepOf(i, image) {
  return {
    index: i % PER_TRAJ,
    observation: { frameId: `f${i}`, image, format: 'png', width: W, height: H, app: 'com.android.settings' },
    model: { raw: `<THINK> step ${i} </THINK>\nexplain:tap\taction:CLICK\tpoint:500,${i % 1000}\tsummary:tapped row`, thought: `step ${i}`, action: { type: 'click', point: [500, i % 1000] }, tokens: { prompt: 1500, completion: 40 }, latencyMs: 800 },
    action: { type: 'click', point: [500, i % 1000] },
    result: { ok: true },
    startedAt: Date.now(),
    durationMs: 120,
  };
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Store ingest, one chunk at a time, so it can be interleaved with the baseline. */
function storeWriter(dir, durability) {
  const store = openStore(dir, { durability });
  let traj, i = 0;
  const r = { ms: 0, bytes: 0, blobMs: 0 };
  return {
    r,
    chunk(n, bases) {
      for (const end = i + n; i < end; i++) {
        const png = tagged(bases[i % bases.length], `${durability}-${i}`);
        r.bytes += png.length;
        const t0 = process.hrtime.bigint();
        if (i % PER_TRAJ === 0) {
          if (traj) store.finishTrajectory(traj.id, { stopReason: 'completed' });
          traj = store.createTrajectory({ task: { id: `bench.${i / PER_TRAJ}`, instruction: 'bench', app: 'settings' }, policy: { name: 'bench' } });
        }
        const sha = store.putBlob(png);
        r.blobMs += ms(t0);
        store.appendStep(traj.id, stepOf(i, sha));
        r.ms += ms(t0);
      }
    },
    close() { if (traj) store.finishTrajectory(traj.id, { stopReason: 'completed' }); store.close(); },
  };
}

/** Baseline: the same bytes written as plain files (optionally temp + fsync + rename, like the power mode). */
function fsWriter(dir, safe) {
  mkdirSync(dir, { recursive: true });
  let i = 0;
  const r = { ms: 0, bytes: 0 };
  return {
    r,
    chunk(n, bases) {
      for (const end = i + n; i < end; i++) {
        const png = tagged(bases[i % bases.length], `fs-${i}`);
        r.bytes += png.length;
        const t0 = process.hrtime.bigint();
        const file = join(dir, `${i}.png`);
        if (!safe) writeFileSync(file, png);
        else {
          const fd = openSync(`${file}.tmp`, 'w');
          writeSync(fd, png);
          fsyncSync(fd);
          closeSync(fd);
          renameSync(`${file}.tmp`, file);
        }
        r.ms += ms(t0);
      }
    },
    close() {},
  };
}

/** Alternates chunks of baseline and store work so disk noise (shared machine) hits both alike. */
function interleave(a, b, n, bases, chunk = 250) {
  for (let done = 0; done < n; done += chunk) {
    const k = Math.min(chunk, n - done);
    a.chunk(k, bases);
    b.chunk(k, bases);
  }
  a.close();
  b.close();
  return [a.r, b.r];
}

const dirArg = process.argv.indexOf('--dir');
const root = mkdtempSync(join(dirArg > 0 ? process.argv[dirArg + 1] : tmpdir(), 'stepwise-bench-'));
try {
  const bases = await baseImages();
  const avg = bases.reduce((s, b) => s + b.length, 0) / bases.length;
  console.log(`steps ${STEPS} (${PER_TRAJ} per trajectory), distinct 1080x2400 PNGs, avg ${(avg / 1024).toFixed(0)} KB; node ${process.version}; in ${root}`);
  // Hashing alone, for reading the ingest numbers: content addressing costs one sha256 per blob.
  const h0 = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) createHash('sha256').update(tagged(bases[i % 4], `h${i}`)).digest('hex');
  console.log(`sha256 of one image: ${(ms(h0) / 200).toFixed(2)} ms (incl. tagging)`);
  const rows = [];
  const row = (name, r, n, base) => {
    const sps = n / (r.ms / 1000), mbs = r.bytes / 1048576 / (r.ms / 1000);
    rows.push({
      name, steps: n, 'steps/s': sps.toFixed(0), 'MB/s': mbs.toFixed(1), 'x baseline': base ? (base.ms / r.ms).toFixed(2) : '1.00',
      'ms/step blob+row': r.blobMs !== undefined ? `${(r.blobMs / n).toFixed(2)} + ${((r.ms - r.blobMs) / n).toFixed(2)}` : (r.ms / n).toFixed(2),
    });
  };
  const [fsPlain, store] = interleave(fsWriter(join(root, 'fs'), false), storeWriter(join(root, 'store'), 'process'), STEPS, bases);
  rmSync(join(root, 'fs'), { recursive: true, force: true });
  row('baseline: fs.writeFileSync', fsPlain, STEPS);
  row('store (durability process)', store, STEPS, fsPlain);
  const [fsSafe, power] = interleave(fsWriter(join(root, 'fs-safe'), true), storeWriter(join(root, 'store-power'), 'power'), POWER_STEPS, bases, 50);
  rmSync(join(root, 'fs-safe'), { recursive: true, force: true });
  rmSync(join(root, 'store-power'), { recursive: true, force: true });
  row('baseline: fs temp+fsync+rename', fsSafe, POWER_STEPS);
  row('store (durability power)', power, POWER_STEPS, fsSafe);
  console.log('\ningest (ratio = baseline time / store time; > 1 means faster than baseline)');
  console.table(rows);

  // Export / import of everything just ingested, against copying the blob files (run after the
  // export, so the baseline reads from a warm page cache: a conservative ratio).
  const src = openStore(join(root, 'store'));
  const trajs = Math.ceil(STEPS / PER_TRAJ);
  let t0 = process.hrtime.bigint();
  const exp = await exportJsonl(src, join(root, 'export'));
  const expMs = ms(t0);
  t0 = process.hrtime.bigint();
  mkdirSync(join(root, 'copy'));
  for (const s of src.listTrajectories()) for (const st of src.getTrajectory(s.id).steps) copyFileSync(src.blobPath(st.observation.image), join(root, 'copy', st.observation.image));
  const copyMs = ms(t0);
  rmSync(join(root, 'copy'), { recursive: true, force: true });
  src.close();
  rmSync(join(root, 'store'), { recursive: true, force: true }); // keep peak disk use at two copies
  const dst = openStore(join(root, 'imported'));
  t0 = process.hrtime.bigint();
  const imp = await importJsonl(dst, exp.file);
  const impMs = ms(t0);
  dst.close();
  if (exp.steps !== STEPS || imp.steps !== STEPS) throw new Error(`export/import lost steps: ${exp.steps}/${imp.steps}`);
  const rate = (n, m) => (n / (m / 1000)).toFixed(0);
  console.log('\nexport / import (ratio = baseline time / time)');
  console.table([
    { name: 'baseline: copyFileSync of the blobs', 'traj/s': rate(trajs, copyMs), 'steps/s': rate(STEPS, copyMs), 'x baseline': '1.00' },
    { name: 'exportJsonl', 'traj/s': rate(trajs, expMs), 'steps/s': rate(STEPS, expMs), 'x baseline': (copyMs / expMs).toFixed(2) },
    { name: 'importJsonl', 'traj/s': rate(trajs, impMs), 'steps/s': rate(STEPS, impMs), 'x baseline': (copyMs / impMs).toFixed(2) },
  ]);
} finally {
  rmSync(root, { recursive: true, force: true });
}
