// Studio: API latency for listing 1,000 trajectories and for one trajectory's step page (JSON
// and a real render in Chromium, step to step with the keyboard), and the time to export a
// 20-step trajectory as a GIF and a contact sheet. Screens are real: a sandbox phone runs a
// few demo tasks first, and the 1,000 trajectories reuse their screenshots.
// Baselines in the same run: the Store API calls the endpoints wrap (listTrajectories,
// getTrajectory) plus a 404 request as the HTTP floor, and for the GIF the bare decode + resize of the same 20 screenshots.
//
// Usage: npm run build && node bench/studio.mjs [--trajectories 1000] [--reps 20]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { chromium } from 'playwright-core';
import { DemoPolicy } from '../dist/agent/demo-policy.js';
import { runPool } from '../dist/agent/pool.js';
import { openSandboxDevices, sandboxTask, solutionFor } from '../dist/agent/sandbox-suite.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../dist/devices/chromium.js';
import { APPS } from '../dist/sandbox/apps/index.js';
import { TEMPLATES } from '../dist/sandbox/tasks/index.js';
import { sampleInstances } from '../dist/sandbox/tasks/instance.js';
import { openStore } from '../dist/store/index.js';
import { startStudio } from '../dist/studio/server.js';
import { contactSheet, trajectoryGif } from '../dist/studio/share.js';

const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const N = arg('trajectories', 1000);
const REPS = arg('reps', 20);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
async function timed(reps, fn) { const out = []; for (let i = 0; i < reps; i++) { const t = performance.now(); await fn(); out.push(performance.now() - t); } return median(out); }
const r1 = (x) => Math.round(x * 10) / 10;

// 1. Real screens: demo runs on one sandbox phone.
const dir = mkdtempSync(join(tmpdir(), 'sw-bench-studio-'));
const store = openStore(dir);
const { browser: phones, devices } = await openSandboxDevices(1);
const runs = await runPool({ tasks: sampleInstances(TEMPLATES, 6, 3, APPS).map(sandboxTask), devices, store, maxSteps: 20, policy: new DemoPolicy({ noise: 0.2, seed: 2, solutionFor }) });
await phones.close();
const real = runs.flatMap((r) => store.getTrajectory(r.result.trajectoryId).steps).filter((s) => s.observation?.image);
const steps20 = Array.from({ length: 20 }, (_, i) => ({ ...real[i % real.length], index: i }));

// 2. A 20-step trajectory and N trajectories of 10 steps (same screenshots, distinct rows).
const base = Date.now() - N * 1000;
const mk = (id, k, steps) => ({ id, task: { id: `bench.task-${k % 25}`, instruction: `Bench task ${k}`, app: ['clock', 'chat', 'settings', 'shop'][k % 4] }, policy: { name: k % 2 ? 'demo' : 'openai' },
  status: 'finished', stopReason: 'completed', startedAt: base + k * 1000, endedAt: base + k * 1000 + 900, steps, meta: { round: k % 5 } });
store.putTrajectory(mk('bench-20-steps', 0, steps20), { outcomes: [{ verdict: 'success', confidence: 1, source: 'verifier' }] });
for (let k = 1; k < N; k++) store.putTrajectory(mk(`bench-${String(k).padStart(5, '0')}`, k, steps20.slice(0, 10)), { outcomes: [{ verdict: k % 3 ? 'success' : 'failure', confidence: 0.9, source: 'verifier' }] });

const studio = await startStudio({ store: dir });
const get = async (p) => { const r = await fetch(studio.url + p); if (!r.ok) throw new Error(`${p}: ${r.status}`); return r.arrayBuffer(); };

// 3. API latency.
await get(`api/trajectories?limit=${N}`);
const listApi = await timed(REPS, () => get(`api/trajectories?limit=${N}`));
const listDirect = await timed(REPS, () => store.listTrajectories({ limit: N }));
const filteredApi = await timed(REPS, () => get(`api/trajectories?limit=${N}&round=2&q=task%201&sort=steps`));
const httpFloor = await timed(REPS, () => fetch(studio.url + 'api/trajectories/none').then((r) => r.arrayBuffer())); // a 404: HTTP + routing only
const stepApi = await timed(REPS, () => get('api/trajectories/bench-20-steps'));
const stepDirect = await timed(REPS, () => { store.getTrajectory('bench-20-steps'); store.getOutcomes('bench-20-steps'); store.getAnnotations('bench-20-steps'); });

// 4. Rendering a step page in Chromium: open the viewer, then j from step to step (screen loaded).
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const loaded = () => page.waitForFunction(() => { const i = document.querySelector('.screen img'); return !!i && i.complete && i.naturalWidth > 0; });
const opens = [];
for (let i = 0; i < 5; i++) {
  await page.goto('about:blank');
  const t = performance.now();
  await page.goto(`${studio.url}#/t/bench-20-steps/${i}`);
  await page.waitForSelector('#stepno');
  await loaded();
  opens.push(performance.now() - t);
}
const keys = [];
for (let i = 0; i < 15; i++) {
  const want = `${Math.min(20, i + 6)} / 20`; // the last open left the viewer on step 5 of 20
  const t = performance.now();
  await page.keyboard.press('j');
  await page.waitForFunction((w) => document.querySelector('#stepno')?.textContent === w, want);
  await loaded();
  keys.push(performance.now() - t);
}
await browser.close();

// 5. GIF and contact sheet of the 20-step trajectory vs bare decode + resize of its screens.
const t20 = store.getTrajectory('bench-20-steps');
const gifMs = await timed(3, () => trajectoryGif(store, 'bench-20-steps'));
const sheetMs = await timed(3, () => contactSheet(store, 'bench-20-steps'));
const decodeMs = await timed(3, async () => { for (const s of t20.steps) await sharp(store.getBlob(s.observation.image)).resize(360, 800).raw().toBuffer(); });
const gifBytes = (await trajectoryGif(store, 'bench-20-steps')).length;

await studio.close();
store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({
  bench: 'studio', trajectories: N, reps: REPS,
  list_api_ms: r1(listApi), list_store_ms: r1(listDirect), list_ratio: r1(listApi / listDirect), list_filtered_search_sort_api_ms: r1(filteredApi),
  http_404_floor_ms: r1(httpFloor), step_api_ms: r1(stepApi), step_store_ms: r1(stepDirect), step_ratio: r1(stepApi / stepDirect),
  viewer_open_ms: r1(median(opens)), viewer_next_step_ms: r1(median(keys)),
  gif_20_steps_ms: Math.round(gifMs), gif_kib: Math.round(gifBytes / 1024), decode_resize_20_ms: Math.round(decodeMs), gif_ratio: r1(gifMs / decodeMs),
  sheet_20_steps_ms: Math.round(sheetMs),
}));
