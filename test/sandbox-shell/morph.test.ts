/**
 * The sandbox re-renders by morphing the screen's DOM (only what changed) instead of replacing it.
 * Users depend on that being invisible: (1) morphing A into B gives exactly the DOM that parsing B
 * gives, for random trees; (2) real tasks on two phones in lockstep, one morphing and one replacing,
 * show the same pixels and the same UI tree after every step.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/devices/chromium.js';
import { SandboxBrowser } from '../../src/devices/sandbox/browser.js';
import { SandboxDevice } from '../../src/devices/sandbox/device.js';
import { Rng } from '../../src/core/random.js';
import { runTask } from '../../src/agent/runner.js';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { solutionFor } from '../../src/agent/sandbox-suite.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { instantiate, taskRef } from '../../src/sandbox/tasks/instance.js';
import type { Action, ActResult, Observation, ObserveOptions } from '../../src/core/index.js';

const MORPH = fileURLToPath(new URL('../../src/sandbox/shell/dom/morph.ts', import.meta.url));

/** A random HTML fragment: nested elements, SVG, inputs, attributes and text, drawn from few choices so that pairs share structure. */
function randomHtml(rng: Rng, depth = 0): string {
  const parts: string[] = [];
  const n = rng.int(0, depth === 0 ? 6 : 4);
  for (let i = 0; i < n; i++) {
    const kind = rng.int(0, 9);
    if (kind <= 1) { parts.push(['hello', 'world', '', ' a &amp; b ', '价格 ¥12'][rng.int(0, 4)]); continue; }
    if (kind === 2) { parts.push(`<input data-field="f${rng.int(0, 2)}"${rng.next() < 0.5 ? ' value="x"' : ''}>`); continue; }
    if (kind === 3) { parts.push(`<svg width="${rng.int(10, 12)}" viewBox="0 0 10 10"><path d="M0 0L${rng.int(1, 9)} 9"${rng.next() < 0.5 ? ' fill="red"' : ''}/></svg>`); continue; }
    if (kind === 4) { parts.push('<!-- c -->'); continue; }
    const tag = ['div', 'span', 'ul', 'button', 'p'][rng.int(0, 4)];
    const attrs = [
      rng.next() < 0.6 ? ` class="${['a', 'b', 'a b', 'row on'][rng.int(0, 3)]}"` : '',
      rng.next() < 0.3 ? ` data-tap="t${rng.int(0, 2)}"` : '',
      rng.next() < 0.2 ? ` style="color:${['red', 'blue'][rng.int(0, 1)]}"` : '',
      rng.next() < 0.1 ? ' disabled' : '',
    ].join('');
    parts.push(`<${tag}${attrs}>${depth < 3 ? randomHtml(rng, depth + 1) : 'leaf'}</${tag}>`);
  }
  return parts.join('');
}

describe('morphInto', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const bundle = await build({ entryPoints: [MORPH], bundle: true, write: false, format: 'iife', globalName: 'Morph', target: 'chrome110' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    page = await browser.newPage();
    await page.setContent('<div id="a"></div><div id="b"></div>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
  });
  afterAll(async () => { await browser?.close(); });

  it('turns any tree A into exactly the DOM of B, keeping the nodes it can', async () => {
    const rng = new Rng('morph-pairs');
    const pairs = Array.from({ length: 300 }, () => [randomHtml(rng), randomHtml(rng)] as const);
    const results = await page.evaluate((ps) => {
      const a = document.getElementById('a')!, b = document.getElementById('b')!;
      const morph = (window as unknown as { Morph: { morphInto(t: Element, h: string): void } }).Morph.morphInto;
      return ps.map(([from, to]) => {
        a.innerHTML = from;
        morph(a, to);
        b.innerHTML = to;
        return { got: a.innerHTML, want: b.innerHTML };
      });
    }, pairs);
    for (const r of results) expect(r.got).toBe(r.want);
  });

  it('touches only what changed: same HTML, one attribute, one text', async () => {
    const start = '<ul class="l"><li>one</li><li data-tap="x" class="sw">two</li></ul><svg><path d="M0 0"/></svg>';
    const edits = [start, start.replace('class="sw"', 'class="sw on"'), start.replace('>one<', '>uno<')];
    const got = await page.evaluate(([from, ...tos]) => tos.map((to) => {
      const a = document.getElementById('a')!;
      a.innerHTML = from;
      const before = [...a.querySelectorAll('*')];
      const mo = new MutationObserver(() => {});
      mo.observe(a, { subtree: true, childList: true, attributes: true, characterData: true });
      (window as unknown as { Morph: { morphInto(t: Element, h: string): void } }).Morph.morphInto(a, to);
      const kinds = mo.takeRecords().map((m) => m.type);
      mo.disconnect();
      const after = [...a.querySelectorAll('*')];
      return { kinds, sameNodes: before.length === after.length && before.every((n, i) => n === after[i]) };
    }), [start, ...edits]);
    expect(got).toEqual([
      { kinds: [], sameNodes: true },
      { kinds: ['attributes'], sameNodes: true },
      { kinds: ['characterData'], sameNodes: true },
    ]);
  });
});

/** A device that performs every action on two phones and checks they show the same screen. */
function lockstep(a: SandboxDevice, b: SandboxDevice, mismatches: string[]) {
  let step = 0;
  return new Proxy(a, {
    get(target, prop, recv) {
      if (prop === 'act') {
        return async (action: Action): Promise<ActResult> => {
          // The frame id names the first phone's screen; the second is checked by pixels instead.
          const { frameId: _, ...forB } = action as Action & { frameId?: string };
          const [ra, rb] = await Promise.all([a.act(action), b.act(forB as Action)]);
          if (ra.ok !== rb.ok) mismatches.push(`step ${step}: ${action.type} ok ${ra.ok} vs ${rb.ok} ${JSON.stringify(ra.error ?? rb.error)}`);
          step++;
          return ra;
        };
      }
      if (prop === 'observe') {
        return async (opts?: ObserveOptions): Promise<Observation> => {
          const [oa, ob] = await Promise.all([a.observe(opts), b.observe(opts)]);
          const [pa, pb] = await Promise.all([sharp(oa.image.data).raw().toBuffer(), sharp(ob.image.data).raw().toBuffer()]);
          if (!pa.equals(pb)) mismatches.push(`step ${step}: pixels differ`);
          if (JSON.stringify(oa.uiTree) !== JSON.stringify(ob.uiTree)) mismatches.push(`step ${step}: ui trees differ`);
          return oa;
        };
      }
      const v = Reflect.get(target, prop, recv);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('sandbox phone: morph render equals replace render', () => {
  let browser: SandboxBrowser;
  let morphing: SandboxDevice;
  let replacing: SandboxDevice;
  beforeAll(async () => {
    browser = new SandboxBrowser();
    [morphing, replacing] = await Promise.all([SandboxDevice.create(browser, { seed: 1 }), SandboxDevice.create(browser, { seed: 1 })]);
    await replacing.page!.evaluate(() => { window.__SANDBOX_RENDER__ = 'replace'; });
  });
  afterAll(async () => { await browser?.close(); });

  it('every step of a task per app (and scrolling, typing, noise) looks the same both ways', async () => {
    // One template per app, plus noisy runs that wander (wrong taps, backs, scrolls).
    const picks = APPS.map((app) => TEMPLATES.find((t) => t.app === app.id)).filter((t) => t !== undefined);
    expect(picks.length).toBeGreaterThanOrEqual(10);
    let steps = 0;
    for (const [i, template] of picks.entries()) {
      const inst = instantiate(template, 3 + i, APPS);
      await Promise.all([morphing.reset(inst.initial), replacing.reset(inst.initial)]);
      const mismatches: string[] = [];
      const traj = await runTask({ device: lockstep(morphing, replacing, mismatches), policy: new DemoPolicy({ solutionFor, noise: 0.3, seed: i }), task: taskRef(inst), maxSteps: 25 });
      steps += traj.steps.length;
      expect(mismatches, `${inst.id}`).toEqual([]);
      expect(await morphing.state()).toEqual(await replacing.state());
    }
    expect(steps).toBeGreaterThan(50);
  }, 300_000);
});
