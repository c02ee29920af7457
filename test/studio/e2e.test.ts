/**
 * Studio end to end in real Chromium, on trajectories the real runner recorded on a sandbox
 * phone: step through a trajectory with the keyboard, filter the browser, approve / reject /
 * flag in the review queue (and see the store change), watch a step land in the live view,
 * read and compare benchmark reports, export a GIF and a contact sheet.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import type { Policy, PolicyContext } from '../../src/agent/policy.js';
import { runTask } from '../../src/agent/runner.js';
import { openSandboxDevices, sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { runCsrs } from '../../src/csrs/pipeline.js';
import { reviewQueue } from '../../src/csrs/review.js';
import type { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { actionLabel } from '../../src/studio/overlay.js';
import { startStudio, type RunningStudio } from '../../src/studio/server.js';
import { docsImage, instance, launchViewer, record, tmp } from './fixture.js';

let phones: SandboxBrowser;
let device: SandboxDevice;
let viewer: Browser;
let studio: RunningStudio;
let writer: Store;
let dir: string;
let chat: string; // chat.send-text, round 1
let dark: string; // settings.dark-mode-on, round 2

beforeAll(async () => {
  const opened = await openSandboxDevices(1);
  phones = opened.browser;
  device = opened.devices[0];
  dir = tmp();
  writer = openStore(dir);
  chat = await record(writer, device, 'chat.send-text', 3, 1);
  dark = await record(writer, device, 'settings.dark-mode-on', 2, 2);
  const csrsOut = tmp();
  await runCsrs({ store: writer, out: csrsOut }); // step data and rewards for the viewer
  await runCsrs({ store: writer, out: tmp(), reviewBelow: 1.01 }); // routes both to the human queue
  studio = await startStudio({ store: dir, csrs: csrsOut, reviewer: 'ann' });
  viewer = await launchViewer();
}, 300_000);

afterAll(async () => {
  await viewer?.close();
  await studio?.close();
  writer?.close();
  await phones?.close();
});

async function open(hash: string): Promise<Page> {
  const page = await viewer.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${studio.url}${hash}`);
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

const text = (page: Page, sel: string) => page.locator(sel).first().textContent();

describe('studio in Chromium', () => {
  it('opens a stored trajectory and steps through it with j/k and the arrow keys', async () => {
    const t = writer.getTrajectory(chat);
    const n = t.steps.length;
    expect(n).toBeGreaterThanOrEqual(3);
    const page = await open(`#/t/${chat}`);
    await expect.poll(() => text(page, '#stepno')).toBe(`1 / ${n}`);
    await page.keyboard.press('j');
    await expect.poll(() => text(page, '#stepno')).toBe(`2 / ${n}`);
    expect(await text(page, '#action-label')).toBe(actionLabel(t.steps[1].action));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text(page, '#stepno')).toBe(`3 / ${n}`);
    await page.keyboard.press('k');
    await expect.poll(() => text(page, '#stepno')).toBe(`2 / ${n}`);
    expect(page.url()).toMatch(new RegExp(`#/t/${chat}/1$`));
    await page.keyboard.press('G');
    await expect.poll(() => text(page, '#stepno')).toBe(`${n} / ${n}`);
    // CSRS step data from the csrs output folder, for the step on screen.
    await page.keyboard.press('g');
    await expect.poll(() => text(page, '#csrs')).toMatch(/label\s*useful/);
    expect(await text(page, '#csrs')).toMatch(/effect_prediction/);
    await page.screenshot({ path: docsImage('studio-viewer.png') });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('draws a tap where the action points, on the norm1000 grid of the screen', async () => {
    const t = writer.getTrajectory(chat);
    const k = t.steps.findIndex((s) => s.action?.type === 'click');
    const s = t.steps[k];
    const a = s.action as { point: [number, number] };
    const page = await open(`#/t/${chat}/${k}`);
    await page.waitForSelector('.screen svg circle');
    const cx = Number(await page.locator('.screen svg circle').first().getAttribute('cx'));
    const cy = Number(await page.locator('.screen svg circle').first().getAttribute('cy'));
    expect(cx).toBeCloseTo((a.point[0] * s.observation!.width) / 1000, 0);
    expect(cy).toBeCloseTo((a.point[1] * s.observation!.height) / 1000, 0);
    await page.close();
  });

  it('filters the browser by round, search and verdict', async () => {
    const page = await open('#/');
    await page.waitForSelector('tr.row');
    expect(await page.locator('tr.row').count()).toBe(2);
    await page.screenshot({ path: docsImage('studio-browser.png') });
    await page.goto(`${studio.url}#/?round=2`);
    await expect.poll(() => page.locator('tr.row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id))).toEqual([dark]);
    const word = writer.getTrajectory(chat).task.instruction.split(' ').find((w) => w.length > 5)!;
    await page.goto(`${studio.url}#/?q=${encodeURIComponent(word)}`);
    await expect.poll(() => page.locator('tr.row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id))).toEqual([chat]);
    await page.goto(`${studio.url}#/?verdict=failure`);
    await page.waitForSelector('.empty');
    expect(await page.locator('tr.row').count()).toBe(0);
    // Keyboard: j selects the first row, Enter opens it.
    await page.goto(`${studio.url}#/`);
    await page.waitForSelector('tr.row');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#stepno');
    await page.close();
  });

  it('review queue: flag a step, approve one, reject the other; the store records reviewer and time', async () => {
    const [first, second] = reviewQueue(writer);
    expect(new Set([first, second])).toEqual(new Set([chat, dark]));
    const before = Date.now();
    const page = await open('#/review');
    await expect.poll(() => text(page, '#queue-left')).toBe('2');
    await page.keyboard.press('j');
    await page.keyboard.press('f');
    await page.locator('#note').fill('tapped the wrong row');
    await page.keyboard.press('Enter');
    await expect.poll(() => writer.getAnnotations(first).filter((a) => a.kind === 'review_flag')).toMatchObject([{ stepIndex: 1, value: { text: 'tapped the wrong row' }, author: 'ann' }]);
    await page.waitForSelector('.film .thumb.flag');
    await page.screenshot({ path: docsImage('studio-review.png') });

    await page.keyboard.press('a');
    await expect.poll(() => text(page, '#queue-left')).toBe('1');
    const approved = writer.getOutcomes(first).filter((o) => o.source === 'human');
    expect(approved).toMatchObject([{ verdict: 'success', by: 'ann', confidence: 1 }]);
    expect(approved[0].at).toBeGreaterThanOrEqual(before);
    expect(writer.getAnnotations(first).some((a) => a.kind === 'review_done' && a.author === 'ann')).toBe(true);

    await page.keyboard.press('r');
    await page.waitForSelector('#queue-empty');
    expect(writer.getOutcomes(second).filter((o) => o.source === 'human')).toMatchObject([{ verdict: 'failure', by: 'ann' }]);
    expect(writer.getTrajectory(second).outcome).toMatchObject({ verdict: 'failure', source: 'human' });
    expect(reviewQueue(writer)).toEqual([]);
    expect(await text(page, '#reviewed')).toBe('2');
    expect(Number(await text(page, '#throughput'))).toBeGreaterThan(0);
    await page.close();
  });

  it('live view shows a step that lands while the page is open', { timeout: 240_000 }, async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const demo = new DemoPolicy({ noise: 0, seed: 1, solutionFor });
    // The demo policy, held before its second decision until the test has seen the first step.
    const held: Policy = { name: 'demo', describe: () => demo.describe(), decide: async (ctx: PolicyContext) => { if (ctx.stepIndex === 1) await gate; return demo.decide(ctx); } };
    const task = sandboxTask(instance('settings.dark-mode-on', 7));
    await task.prepare(device);
    const page = await open('#/live');
    await page.waitForSelector('#live-status');
    const run = runTask({ device, policy: held, task: task.ref, store: writer, maxSteps: 20 });
    const seen = async () => `run: ${JSON.stringify(await Promise.race([run.then((r) => ({ stop: r.stopReason, steps: r.steps.length, error: r.error })), new Promise((r) => setTimeout(() => r('still running'), 10))]))}; page: ${await page.locator('#cards').innerHTML()}`;
    try {
      const card = page.locator('.card[data-steps="1"]');
      await card.waitFor({ timeout: 90_000 }).catch(async (e) => { throw new Error(`${e}\n${await seen()}`); });
      expect(await card.textContent()).toContain(task.ref.instruction);
      expect(await card.locator('.pill').textContent()).toBe('running');
      await page.screenshot({ path: docsImage('studio-live.png') });
      release();
      // Later steps may land between two polls: any count above 1 shows the new step arrived.
      await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>(`.card[data-id="${id}"]`)?.dataset.steps) >= 2, (await card.getAttribute('data-id'))!, { timeout: 90_000 }).catch(async (e) => { throw new Error(`${e}\n${await seen()}`); });
    } finally {
      release();
      await run;
    }
    await page.close();
  });

  it('lists benchmark reports, charts them and compares two side by side; a broken file is named, not fatal', async () => {
    const reports = join(dir, 'reports');
    mkdirSync(reports, { recursive: true });
    const report = (round: number, rate: number) => ({
      title: `Sandbox suite, round ${round}`, success_rate: rate, mean_steps: 5 - round,
      tasks: [{ task: 'settings.dark-mode-on', success: 1, steps: 3 }, { task: 'chat.send-text', success: rate > 0.6 ? 1 : 0, steps: 6 }],
    });
    writeFileSync(join(reports, 'round-1.json'), JSON.stringify(report(1, 0.5)));
    writeFileSync(join(reports, 'round-2.json'), JSON.stringify(report(2, 0.75)));
    writeFileSync(join(reports, 'broken.json'), '{"title": ');
    // Round 2 is the newer file: listed first, yet compared after round 1 (oldest first).
    const now = Date.now() / 1000;
    utimesSync(join(reports, 'round-1.json'), now - 120, now - 120);
    utimesSync(join(reports, 'round-2.json'), now - 60, now - 60);
    const page = await open('#/reports');
    await page.waitForSelector('#report svg');
    // Runs straight from the store: one bar per round (the two recorded runs are rounds 1 and 2).
    expect(await page.locator('#runs svg').count()).toBe(2);
    expect(await page.locator('#runs tbody tr').evaluateAll((rows) => rows.map((r) => r.firstElementChild!.textContent))).toEqual(['1', '2', '(none)']);
    expect(await page.locator('#report svg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.reports li').filter({ hasText: 'not JSON' }).count()).toBe(1);
    expect((await page.locator('.reports li input').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).filter((n) => n.startsWith('round'))).toEqual(['round-2.json', 'round-1.json']);
    await page.locator('input[value="round-1.json"]').check();
    await page.locator('input[value="round-2.json"]').check();
    await page.click('#compare');
    await expect.poll(() => text(page, '#report h2')).toContain('round-1.json vs round-2.json');
    expect(await text(page, '#report')).toContain('success_rate');
    await page.screenshot({ path: docsImage('studio-reports.png') });
    await page.close();
  });

  it('exports a GIF (one frame per step) and a contact sheet with the tap drawn where it happened', async () => {
    const t = writer.getTrajectory(chat);
    const gif = await fetch(`${studio.url}api/trajectories/${chat}/gif`);
    expect(gif.headers.get('content-type')).toBe('image/gif');
    const bytes = Buffer.from(await gif.arrayBuffer());
    const meta = await sharp(bytes, { animated: true }).metadata();
    expect(meta.pages).toBe(t.steps.filter((s) => s.observation?.image).length);
    const k = t.steps.findIndex((s) => s.action?.type === 'click');
    const p = (t.steps[k].action as { point: [number, number] }).point;
    const frame = await sharp(bytes, { page: k }).raw().toBuffer({ resolveWithObject: true });
    const x = Math.round((p[0] * frame.info.width) / 1000), y = Math.round((p[1] * frame.info.height) / 1000);
    const at = (y * frame.info.width + x) * frame.info.channels;
    const [r, g, b] = [frame.data[at], frame.data[at + 1], frame.data[at + 2]];
    expect(r).toBeGreaterThan(200); // the overlay's tap dot (#ff2d6f)
    expect(g).toBeLessThan(100);
    expect(b).toBeGreaterThan(60);
    const sheet = await fetch(`${studio.url}api/trajectories/${chat}/sheet.png`);
    expect(sheet.headers.get('content-type')).toBe('image/png');
    const sheetBytes = Buffer.from(await sheet.arrayBuffer());
    expect((await sharp(sheetBytes).metadata()).width).toBeGreaterThan(400);
    if (process.env.STEPWISE_UPDATE_DOCS_IMG === '1') writeFileSync(docsImage('studio-sheet.png'), sheetBytes);
  });
});
