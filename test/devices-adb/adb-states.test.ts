/** Rotation, a locked or sleeping screen and a device that vanishes mid-task, through the real adb client. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { runTask } from '../../src/agent/runner.js';
import { sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { naturalToDisplay } from '../../src/core/coords.js';
import { AdbDevice } from '../../src/devices/adb/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { instantiate } from '../../src/sandbox/tasks/instance.js';
import { openStore } from '../../src/store/index.js';
import { byText, center } from '../devices/helpers.js';
import { startRig, type Rig } from './helpers.js';

// A free port per file run: several engineers run the suite at once on this machine.
let PORT = 0;
let rig: Rig;
const dirs: string[] = [];

beforeAll(async () => {
  rig = await startRig(0, [
    { serial: 'rot-90', rotation: 90 },
    { serial: 'rot-270', rotation: 270 },
    { serial: 'locked', locked: true },
    { serial: 'asleep', asleep: true },
    { serial: 'vanishing' },
  ]);
  PORT = rig.port;
}, 180_000);
afterAll(async () => {
  await rig?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 120_000);

const connect = (serial: string) => AdbDevice.connect({ port: PORT, serial, timeoutMs: 60_000 });

describe.each([90, 270] as const)('rotation %d', (rot) => {
  it('reports a landscape frame, rotates the screenshot and taps what the rotated tree shows', async () => {
    const phone = rig.phones.get(`rot-${rot}`)!;
    const d = await connect(`rot-${rot}`);
    expect(await d.info()).toMatchObject({ width: 2400, height: 1080, rotation: rot });
    const o = await d.observe();
    expect(o.frame).toMatchObject({ width: 2400, height: 1080, rotation: rot });
    expect([o.image.width, o.image.height]).toEqual([2400, 1080]);
    // Pixels: the landscape image is the portrait sandbox image turned the way the frame says.
    const natural = await sharp((await phone.sandbox.observe({ uiTree: false })).image.data).raw().toBuffer({ resolveWithObject: true });
    const shown = await sharp(o.image.data).raw().toBuffer({ resolveWithObject: true });
    const px = (img: typeof shown, x: number, y: number) => [...img.data.subarray((y * img.info.width + x) * img.info.channels, (y * img.info.width + x) * img.info.channels + 3)];
    let same = 0;
    // A dense grid: a wrong turn (or a mirror) would mismatch on the icons and the status bar.
    const pts: [number, number][] = [];
    for (let x = 5; x < 1080; x += 53) for (let y = 7; y < 2400; y += 61) pts.push([x, y]);
    for (const [x, y] of pts) {
      const [dx, dy] = naturalToDisplay([x, y], o.frame);
      if (JSON.stringify(px(natural, x, y)) === JSON.stringify(px(shown, dx, dy))) same++;
    }
    expect(same).toBe(pts.length);
    // Bounds in the tree are display coordinates: tapping the Notes icon's center opens Notes.
    const icon = byText(o.uiTree!, 'Notes');
    expect(icon.bounds[2]).toBeLessThanOrEqual(2400);
    expect(icon.bounds[3]).toBeLessThanOrEqual(1080);
    expect((await d.act({ type: 'click', point: center(icon, o.frame) })).ok).toBe(true);
    expect((await phone.sandbox.state()).system.foreground).toBe('notes');
    expect((await d.observe()).app).toBe('com.stepwise.notes');
  });
});

describe('screen state', () => {
  it('a locked screen is a clear error, and input never reaches the apps', async () => {
    const d = await connect('locked');
    await expect(d.observe()).rejects.toThrow(/lock screen/);
    const r = await d.act({ type: 'type', text: 'hello' });
    expect(r.ok).toBe(false);
    expect(r.error?.hint).toMatch(/unlock/);
  });

  it('a sleeping screen says how to wake it', async () => {
    const d = await connect('asleep');
    await expect(d.observe()).rejects.toThrow(/screen of adb:asleep is off.*KEYCODE_WAKEUP/);
  });
});

describe('a device that vanishes mid-task', () => {
  it('stops the run with stop reason error and device_gone, keeping the steps so far', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-adb-'));
    dirs.push(dir);
    const store = openStore(dir);
    try {
      const phone = rig.phones.get('vanishing')!;
      const inst = instantiate(TEMPLATES.find((t) => t.id === 'notes.write-shopping-list')!, 5, APPS);
      await phone.sandbox.reset(inst.initial);
      const d = await connect('vanishing');
      const r = await runTask({
        device: d, store, policy: new DemoPolicy({ solutionFor }), task: sandboxTask(inst).ref, maxSteps: 40,
        onStep: (step) => { if (step.index === 2) rig.server.vanish('vanishing'); },
      });
      expect(r.stopReason).toBe('error');
      expect(r.error).toMatch(/no longer connected|disconnected/);
      expect(r.steps.length).toBe(3);
      const t = store.getTrajectory(r.trajectoryId!);
      expect(t.stopReason).toBe('error');
      expect(t.steps.length).toBe(3);
      expect((await rig.adb('devices')).includes('vanishing')).toBe(false);
      const again = await d.act({ type: 'key', key: 'back' }).catch((e: unknown) => e);
      expect(again).toMatchObject({ code: 'device_gone' });
    } finally {
      store.close();
    }
  });
});
