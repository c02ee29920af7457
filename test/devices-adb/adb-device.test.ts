/**
 * AdbDevice through the real Debian adb client against the emulated adb server, whose phones
 * are sandbox phones: backend -> adb client -> server -> device, end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { runTask } from '../../src/agent/runner.js';
import { sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { AdbDevice, discoverDevices } from '../../src/devices/adb/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { instantiate, verifyInstance } from '../../src/sandbox/tasks/instance.js';
import { openDevices } from '../../src/devices/registry.js';
import { byId, center } from '../devices/helpers.js';
import { startRig, type Rig } from './helpers.js';

// A free port per file run: several engineers run the suite at once on this machine.
let PORT = 0;
let rig: Rig;

beforeAll(async () => {
  rig = await startRig(0, [{ serial: 'emu-1', model: 'Pixel Sandbox' }, { serial: 'emu-2' }]);
  PORT = rig.port;
}, 180_000);
afterAll(async () => { await rig?.close(); }, 120_000);

const connect = (serial: string) => AdbDevice.connect({ port: PORT, serial, timeoutMs: 60_000 });

async function openNoteTitle(d: AdbDevice) {
  expect((await d.act({ type: 'open_app', app: 'Notes' })).ok).toBe(true);
  let o = await d.observe();
  expect((await d.act({ type: 'click', point: center(byId(o.uiTree!, 'new-note'), o.frame) })).ok).toBe(true);
  o = await d.observe();
  return center(byId(o.uiTree!, 'title-input'), o.frame);
}

describe('AdbDevice over the real adb client', () => {
  it('lists the emulated devices with adb devices -l and reads the screen', async () => {
    const out = await rig.adb('devices', '-l');
    expect(out).toMatch(/emu-1\s+device .*model:Pixel_Sandbox/);
    const d = await connect('emu-1');
    const info = await d.info();
    expect(info).toMatchObject({ id: 'adb:emu-1', backend: 'adb', platform: 'phone', width: 1080, height: 2400, rotation: 0, density: 480, model: 'Pixel Sandbox' });
    const o = await d.observe();
    expect(o.image.data.subarray(1, 4).toString()).toBe('PNG');
    expect([o.image.width, o.image.height]).toEqual([1080, 2400]);
    expect(o.uiTree!.length).toBeGreaterThan(5);
    expect(o.app).toBe('com.stepwise.launcher');
  });

  it('discovery lists the sandbox, both adb serials with their size, and the browser backend', async () => {
    const rows = await discoverDevices({ port: PORT, timeoutMs: 60_000 });
    expect(rows.map((r) => r.spec)).toEqual(['sandbox', 'adb:emu-1', 'adb:emu-2', 'browser:<url>']);
    expect(rows[1]).toMatchObject({ backend: 'adb', platform: 'phone', state: 'device', width: 1080, height: 2400, model: 'Pixel Sandbox' });
  });

  it('the registry opens adb:<serial> on the server named by ANDROID_ADB_SERVER_PORT', async () => {
    const prev = process.env.ANDROID_ADB_SERVER_PORT;
    process.env.ANDROID_ADB_SERVER_PORT = String(PORT);
    try {
      const opened = await openDevices('adb:emu-2');
      expect(await opened.devices[0].info()).toMatchObject({ id: 'adb:emu-2', backend: 'adb' });
      await opened.close();
      await expect(openDevices('adb:nope')).rejects.toMatchObject({ code: 'device_gone' });
      await expect(openDevices('adb')).rejects.toThrow(/2 adb devices are attached: emu-1, emu-2/);
    } finally {
      if (prev === undefined) delete process.env.ANDROID_ADB_SERVER_PORT; else process.env.ANDROID_ADB_SERVER_PORT = prev;
    }
  });

  it('solves a sandbox task with the demo policy over adb', async () => {
    const phone = rig.phones.get('emu-1')!;
    const inst = instantiate(TEMPLATES.find((t) => t.id === 'notes.write-shopping-list')!, 3, APPS);
    await phone.sandbox.reset(inst.initial);
    const d = await connect('emu-1');
    const task = sandboxTask(inst);
    const r = await runTask({ device: d, policy: new DemoPolicy({ solutionFor }), task: task.ref, maxSteps: 40 });
    expect(r.stopReason).toBe('completed');
    const v = verifyInstance(inst, await phone.sandbox.state(), r.answer);
    expect(v.reason).toBeDefined();
    expect(v.ok).toBe(true);
    expect(r.steps.some((s) => s.action?.type === 'type' && s.result?.ok && (s.result.details as { via?: string }).via === 'input text')).toBe(true);
  });

  it('types shell metacharacters literally: nothing runs on the device', async () => {
    const phone = rig.phones.get('emu-2')!;
    await phone.sandbox.reset({ seed: 1 });
    const d = await connect('emu-2');
    const title = await openNoteTitle(d);
    const evil = `"; rm -rf /; echo $(id) ' \`id\` & | > x \\ 100% *`;
    const before = phone.commandLog.length;
    const r = await d.act({ type: 'type', text: evil, point: title });
    expect(r.error).toBeUndefined();
    expect(r.details).toMatchObject({ via: 'input text', readBack: evil });
    const ran = phone.commandLog.slice(before).map((a) => a[0]);
    expect(ran).not.toContain('rm');
    expect(ran).not.toContain('id');
    expect(ran.filter((c) => c === 'input')).toEqual(['input', 'input']);
    const o = await d.observe();
    expect(byId(o.uiTree!, 'title-input').text).toBe(evil);
  });

  it('types Chinese through the ADB Keyboard broadcast', async () => {
    const phone = rig.phones.get('emu-2')!;
    await phone.sandbox.reset({ seed: 1 });
    phone.adbKeyboard = true;
    phone.ime = 'com.stepwise.inputmethod/.SoftKeyboard';
    const d = await connect('emu-2');
    const title = await openNoteTitle(d);
    const r = await d.act({ type: 'type', text: '买菜：西红柿 & 鸡蛋', point: title });
    expect(r.error).toBeUndefined();
    expect(r.details).toMatchObject({ via: 'adb keyboard', readBack: '买菜：西红柿 & 鸡蛋' });
    // The IME the user had is restored after typing.
    expect(phone.ime).toBe('com.stepwise.inputmethod/.SoftKeyboard');
    expect(phone.commandLog.some((a) => a[0] === 'am' && a[1] === 'broadcast')).toBe(true);
  });

  it('reports a mismatch when the field does not show what was typed', async () => {
    const phone = rig.phones.get('emu-2')!;
    await phone.sandbox.reset({ seed: 1 });
    phone.textFilter = (t) => t.replace(/teh/g, 'the');
    try {
      const d = await connect('emu-2');
      const title = await openNoteTitle(d);
      const r = await d.act({ type: 'type', text: 'teh plan', point: title });
      expect(r.ok).toBe(false);
      expect(r.error?.message).toBe('typed "teh plan" but the field shows "the plan" (the field may filter or autocorrect input; for non-ASCII text make sure the ADB Keyboard is installed)');
      expect(r.details).toMatchObject({ expected: 'teh plan', readBack: 'the plan', via: 'input text' });
    } finally {
      phone.textFilter = undefined;
    }
  });

  it('without the ADB Keyboard, non-ASCII text fails with how to install it', async () => {
    const phone = rig.phones.get('emu-2')!;
    phone.adbKeyboard = false;
    try {
      const d = await connect('emu-2');
      const r = await d.act({ type: 'type', text: '你好' });
      expect(r.ok).toBe(false);
      expect(r.error?.message).toMatch(/ADB Keyboard/);
      expect(r.error?.hint).toMatch(/ime enable com\.android\.adbkeyboard\/\.AdbIME/);
    } finally {
      phone.adbKeyboard = true;
    }
  });

  it('cancels a wait and an adb call through the AbortSignal', async () => {
    const d = await connect('emu-1');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    await expect(d.act({ type: 'wait', seconds: 60 }, { signal: ac.signal })).rejects.toMatchObject({ code: 'cancelled' });
    await expect(d.observe({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'cancelled' });
    const o = await d.observe({ format: 'jpeg', uiTree: false });
    expect(o.image.format).toBe('jpeg');
    expect(o.image.data[0]).toBe(0xff);
  });

  it('scrolls a list with a swipe against the direction, and long-presses and swipes in display pixels', async () => {
    const phone = rig.phones.get('emu-1')!;
    await phone.sandbox.reset({ seed: 1 });
    const d = await connect('emu-1');
    expect((await d.act({ type: 'open_app', app: 'contacts' })).ok).toBe(true);
    const texts = async () => new Set((await d.observe()).uiTree!.map((n) => n.text).filter(Boolean));
    const before = await texts();
    expect((await d.act({ type: 'scroll', direction: 'down', amount: 1.5 })).ok).toBe(true);
    const after = await texts();
    expect([...after].filter((t) => !before.has(t)).length).toBeGreaterThan(2);
    expect((await d.act({ type: 'scroll', direction: 'up', amount: 1.5 })).ok).toBe(true);
    const back = await texts();
    expect([...before].filter((t) => !back.has(t))).toEqual([]);
    const log = phone.commandLog.filter((a) => a[0] === 'input' && a[1] === 'swipe').slice(-2);
    // Scroll down: the finger moves up (y decreases), 400 ms.
    expect(Number(log[0][5])).toBeLessThan(Number(log[0][3]));
    expect(log[0][6]).toBe('400');
    await d.act({ type: 'long_press', point: [500, 500] });
    expect(phone.commandLog.at(-1)).toEqual(['input', 'swipe', '540', '1200', '540', '1200', '800']);
  });

  it('open_app by a wrong name lists close matches instead of opening something else', async () => {
    const d = await connect('emu-1');
    const r = await d.act({ type: 'open_app', app: 'Spaceship Launcher' });
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('not_found');
    expect(r.error?.hint).toMatch(/closest/);
  });
});
