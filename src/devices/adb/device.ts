/**
 * AdbDevice: an Android phone (or emulator) over the adb client. observe = `exec-out screencap
 * -p` in parallel with one shell call that prints the power/keyguard state, focus, rotation and
 * the uiautomator dump. act = `input` commands in display pixels (what `input tap` expects on a
 * rotated screen too); text goes through `input text` (single-quoted: never runs a command) or,
 * for non-ASCII, the ADB Keyboard broadcast; after typing, the field is read back.
 */
import { assertSupported, canonicalize, validateAction, type Action, type KeyName } from '../../core/actions.js';
import { toDevicePixel, type Frame, type Rotation } from '../../core/coords.js';
import type { ActResult, Device, DeviceInfo, Observation, ObserveOptions, Screenshot } from '../../core/device.js';
import { errorMessage, StepwiseError } from '../../core/errors.js';
import type { UiTree } from '../../core/uitree.js';
import { findApp, scanApps, type AndroidApp } from './apps.js';
import { AdbClient, type AdbClientOptions } from './client.js';
import { adbKeyboardCommand, inputTextCommand, isInputTextSafe, shQuote } from './escape.js';
import { parseDensity, parseFocus, parseRotation, parseScreenState, parseWmSize, pngSize } from './screen.js';
import { parseUiautomatorXml } from './uiautomator.js';

export const ADB_KEYBOARD_IME = 'com.android.adbkeyboard/.AdbIME';
export const KEYCODES: Record<KeyName, number> = {
  back: 4, home: 3, enter: 66, recent: 187, volume_up: 24, volume_down: 25, power: 26,
  delete: 67, tab: 61, escape: 111, space: 62, menu: 82, search: 84,
};
const DUMP_PATH = '/sdcard/stepwise_ui.xml';
const STATE_CMD = "dumpsys power | grep mWakefulness; dumpsys window | grep -E 'mShowingLockscreen|mDreamingLockscreen|isStatusBarKeyguard|mCurrentFocus|mFocusedApp|mCurrentRotation'";
const TREE_CMD = `uiautomator dump ${DUMP_PATH} >/dev/null && cat ${DUMP_PATH}`;

export interface AdbDeviceOptions extends AdbClientOptions {
  /** Device serial (`adb devices -l`); optional when exactly one device is attached. */
  serial?: string;
  /** Extra app names for open_app: {"WeChat": "com.tencent.mm"}. */
  appLabels?: Record<string, string>;
  /** Read the field back after typing and report a mismatch (default true). */
  verifyText?: boolean;
}

export class AdbDevice implements Device {
  readonly id: string;
  private seq = 0;
  private frame: Frame | null = null;
  private base: Omit<DeviceInfo, 'width' | 'height' | 'rotation'> & { natural: { width: number; height: number } } | null = null;
  private apps: AndroidApp[] | null = null;
  private closed = false;

  private constructor(readonly client: AdbClient, readonly serial: string, private readonly opts: AdbDeviceOptions) {
    this.id = `adb:${serial}`;
  }

  /** Connects to `serial`, or to the only attached device; a clear error otherwise. */
  static async connect(opts: AdbDeviceOptions = {}): Promise<AdbDevice> {
    const client = new AdbClient(opts);
    const all = await client.devices();
    let serial = opts.serial;
    if (!serial) {
      const ready = all.filter((d) => d.state === 'device');
      if (ready.length !== 1) {
        throw new StepwiseError('config_error', ready.length ? `${ready.length} adb devices are attached: ${ready.map((d) => d.serial).join(', ')}` : 'no adb device is attached', ready.length ? 'choose one with adb:<serial>' : 'connect a phone with USB debugging on and check `adb devices -l`');
      }
      serial = ready[0].serial;
    } else {
      const entry = all.find((d) => d.serial === serial);
      if (!entry) throw new StepwiseError('device_gone', `adb device ${serial} is not attached`, `attached: ${all.map((d) => d.serial).join(', ') || 'none'}; check the cable and \`adb devices -l\``);
      if (entry.state !== 'device') throw new StepwiseError('device_error', `adb device ${serial} is ${entry.state}`, entry.state === 'unauthorized' ? 'accept the "Allow USB debugging?" prompt on the phone' : 'reconnect it and wait until `adb devices` says "device"');
    }
    const d = new AdbDevice(client, serial, opts);
    await d.info();
    return d;
  }

  private sh(cmd: string, signal?: AbortSignal): Promise<string> {
    if (this.closed) throw new StepwiseError('device_gone', `${this.id} is closed`, 'connect again');
    return this.client.shell(this.serial, cmd, { signal });
  }

  async info(): Promise<DeviceInfo> {
    if (!this.base) {
      const out = await this.sh("wm size; echo ---; wm density; echo ---; getprop ro.product.model; echo ---; dumpsys input | grep SurfaceOrientation");
      const [size, density, model] = out.split('---');
      this.base = { id: this.id, platform: 'phone', backend: 'adb', natural: parseWmSize(size), density: parseDensity(density), model: model?.trim() || undefined };
      const rotation = parseRotation(out) ?? 0;
      this.frame = this.makeFrame(rotation);
    }
    const f = this.frame ?? this.makeFrame(0);
    const { natural: _n, ...rest } = this.base;
    return { ...rest, width: f.width, height: f.height, rotation: f.rotation };
  }

  private makeFrame(rotation: Rotation, size?: { width: number; height: number }): Frame {
    const n = this.base!.natural;
    const swap = rotation === 90 || rotation === 270;
    const s = size ?? { width: swap ? n.height : n.width, height: swap ? n.width : n.height };
    return { id: `${this.id}#${this.seq}`, width: s.width, height: s.height, rotation };
  }

  private screenError(state: { awake: boolean; locked: boolean }): StepwiseError | null {
    if (!state.awake) return new StepwiseError('device_error', `the screen of ${this.id} is off`, `wake it (adb -s ${this.serial} shell input keyevent KEYCODE_WAKEUP) and unlock it, or keep it on with Developer options > Stay awake`);
    if (state.locked) return new StepwiseError('device_error', `${this.id} shows the lock screen`, 'unlock the phone by hand (set screen lock to None for unattended runs); agents cannot type your PIN');
    return null;
  }

  /** Throws a clear error when the screen is off or locked. */
  async assertUsable(signal?: AbortSignal): Promise<void> {
    const err = this.screenError(parseScreenState(await this.sh(STATE_CMD, signal)));
    if (err) throw err;
  }

  async observe(opts: ObserveOptions = {}): Promise<Observation> {
    await this.info();
    const withTree = opts.uiTree ?? true;
    const t0 = performance.now();
    let tShot = 0, tState = 0;
    const [png, text] = await Promise.all([
      this.client.execOut(this.serial, 'screencap -p', { signal: opts.signal }).then((b) => { tShot = performance.now() - t0; return b; }),
      this.sh(withTree ? `${STATE_CMD}; ${TREE_CMD}` : STATE_CMD, opts.signal).then((s) => { tState = performance.now() - t0; return s; }),
    ]).catch((e) => this.explain(e));
    const err = this.screenError(parseScreenState(text));
    if (err) throw err;
    let size;
    try { size = pngSize(png); } catch (e) { return this.explain(e); }
    let tree: UiTree | undefined;
    let rotation = parseRotation(text);
    if (withTree) {
      // uiautomator sometimes fails while the screen animates ("could not get idle state"): retry once.
      const dump = await Promise.resolve().then(() => parseUiautomatorXml(text)).catch(async () => parseUiautomatorXml(await this.sh(TREE_CMD, opts.signal)));
      tree = dump.tree;
      rotation = ([0, 90, 180, 270] as const)[dump.rotation] ?? rotation;
    }
    this.seq++;
    this.frame = this.makeFrame(rotation ?? this.frame?.rotation ?? 0, size);
    let image: Screenshot = { data: png, format: 'png', width: size.width, height: size.height };
    if (opts.format === 'jpeg') {
      const { default: sharp } = await import('sharp');
      image = { ...image, data: await sharp(png).jpeg({ quality: opts.quality ?? 80 }).toBuffer(), format: 'jpeg' };
    }
    return { frame: this.frame, image, uiTree: tree, app: parseFocus(text), at: Date.now(), timing: { screenshot: tShot, tree: tState } };
  }

  /** A failed or garbled call: if the device left `adb devices`, say device_gone. */
  private async explain(e: unknown): Promise<never> {
    if (e instanceof StepwiseError && (e.code === 'device_gone' || e.code === 'cancelled')) throw e;
    const present = await this.client.devices().then((all) => all.some((d) => d.serial === this.serial && d.state === 'device'), () => false);
    if (!present) throw new StepwiseError('device_gone', `${this.id} disconnected (${errorMessage(e).split('\n')[0]})`, 'reconnect the device and check `adb devices -l`', { serial: this.serial });
    throw e;
  }

  async act(action: Action, opts: { signal?: AbortSignal } = {}): Promise<ActResult> {
    const start = performance.now();
    const done = (details: Record<string, unknown> = {}): ActResult => ({ ok: true, details, durationMs: performance.now() - start });
    let a: Action;
    try {
      if (!this.frame) await this.info();
      a = validateAction(action);
      assertSupported(a, 'phone');
      a = canonicalize(a, this.frame!);
    } catch (e) {
      return this.failure(e, start);
    }
    try {
      const details = await this.run(a, opts.signal);
      return done(details ?? {});
    } catch (e) {
      if (e instanceof StepwiseError && (e.code === 'device_gone' || e.code === 'cancelled')) throw e;
      try { await this.explain(e); } catch (gone) { if (gone instanceof StepwiseError && gone.code === 'device_gone') throw gone; }
      return this.failure(e, start);
    }
  }

  private failure(e: unknown, start: number): ActResult {
    const error = e instanceof StepwiseError ? { code: e.code, message: e.message, hint: e.hint || undefined } : { code: 'device_error', message: errorMessage(e) };
    return { ok: false, error, details: e instanceof StepwiseError ? e.details : {}, durationMs: performance.now() - start };
  }

  private px(p: readonly [number, number]): string {
    const [x, y] = toDevicePixel(p, this.frame!);
    return `${x} ${y}`;
  }

  private async run(a: Action, signal?: AbortSignal): Promise<Record<string, unknown> | void> {
    switch (a.type) {
      case 'click': await this.sh(`input tap ${this.px(a.point)}`, signal); return;
      // Two `input` calls in one shell: as close together as adb allows (see docs: double tap).
      case 'double_click': await this.sh(`input tap ${this.px(a.point)}; input tap ${this.px(a.point)}`, signal); return;
      case 'long_press': {
        const p = this.px(a.point);
        await this.sh(`input swipe ${p} ${p} ${a.duration_ms ?? 800}`, signal);
        return;
      }
      case 'swipe': await this.sh(`input swipe ${this.px(a.from)} ${this.px(a.to)} ${a.duration_ms ?? 300}`, signal); return;
      case 'scroll': return this.scroll(a, signal);
      case 'key': await this.sh(`input keyevent ${KEYCODES[a.key]}`, signal); return;
      case 'type': return this.type(a.text, a.point, signal);
      case 'open_app': return this.openApp(a.app, signal);
      case 'wait': await sleep(a.seconds * 1000, signal); return;
      case 'info': case 'complete': case 'abort': return;
      default: throw new StepwiseError('unsupported_action', `action "${a.type}" is not supported on Android`, 'use phone actions: click, long_press, type, swipe, scroll, key, open_app, wait');
    }
  }

  /** A finger swipe against the direction: scroll down = finger moves up. */
  private async scroll(a: Extract<Action, { type: 'scroll' }>, signal?: AbortSignal): Promise<void> {
    const [cx, cy] = a.point ?? [500, 500];
    const d = Math.min(450, 300 * (a.amount ?? 1));
    const clamp = (v: number) => Math.max(20, Math.min(980, Math.round(v)));
    const [dx, dy] = { up: [0, d], down: [0, -d], left: [d, 0], right: [-d, 0] }[a.direction];
    const from: [number, number] = [clamp(cx - dx / 2), clamp(cy - dy / 2)];
    const to: [number, number] = [clamp(cx + dx / 2), clamp(cy + dy / 2)];
    await this.sh(`input swipe ${this.px(from)} ${this.px(to)} 400`, signal);
  }

  private async type(text: string, point: readonly [number, number] | undefined, signal?: AbortSignal): Promise<Record<string, unknown>> {
    await this.assertUsable(signal);
    if (point) await this.sh(`input tap ${this.px(point)}`, signal);
    let via: string;
    if (isInputTextSafe(text)) {
      via = 'input text';
      if (text.length) await this.sh(inputTextCommand(text), signal);
    } else {
      via = 'adb keyboard';
      await this.typeWithAdbKeyboard(text, signal);
    }
    if (this.opts.verifyText === false) return { via };
    const dump = parseUiautomatorXml(await this.sh(TREE_CMD, signal));
    const field = dump.tree.find((n) => n.focused && /EditText|TextField|AutoComplete/i.test(n.class)) ?? dump.tree.find((n) => n.focused);
    if (!field || dump.passwords.has(field.index)) return { via, readBack: null };
    if (!field.text.includes(text)) {
      throw new StepwiseError('device_error', `typed ${JSON.stringify(text)} but the field shows ${JSON.stringify(field.text)}`, 'the field may filter or autocorrect input; for non-ASCII text make sure the ADB Keyboard is installed', { via, expected: text, readBack: field.text });
    }
    return { via, readBack: field.text };
  }

  private async typeWithAdbKeyboard(text: string, signal?: AbortSignal): Promise<void> {
    const out = await this.sh('ime list -s; echo ---; settings get secure default_input_method', signal);
    const [list, current = ''] = out.split('---');
    if (!list.split('\n').some((l) => l.trim() === ADB_KEYBOARD_IME)) {
      throw new StepwiseError(
        'device_error',
        `typing non-ASCII text on ${this.id} needs the ADB Keyboard, which is not installed or not enabled`,
        `install ADBKeyboard.apk (github.com/senzhk/ADBKeyBoard): adb -s ${this.serial} install ADBKeyboard.apk; then adb -s ${this.serial} shell ime enable ${ADB_KEYBOARD_IME}`,
      );
    }
    const previous = current.trim();
    const switchIme = previous !== ADB_KEYBOARD_IME;
    if (switchIme) await this.sh(`ime set ${ADB_KEYBOARD_IME}`, signal);
    try {
      await this.sh(adbKeyboardCommand(text), signal);
    } finally {
      if (switchIme && previous && previous !== 'null') await this.sh(`ime set ${shQuote(previous)}`).catch(() => {});
    }
  }

  private async openApp(name: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    this.apps ??= await scanApps(this.client, this.serial, this.opts.appLabels, signal);
    const app = findApp(this.apps, name);
    const pkg = shQuote(app.id);
    const comp = app.activity ? `${app.id}/${app.activity}` : (await this.sh(`cmd package resolve-activity --brief ${pkg}`, signal)).trim().split('\n').pop()?.trim();
    const out = comp && comp.includes('/')
      ? await this.sh(`am start -n ${shQuote(comp)}`, signal)
      : await this.sh(`monkey -p ${pkg} -c android.intent.category.LAUNCHER 1`, signal);
    if (/Error|No activities found/.test(out)) throw new StepwiseError('device_error', `could not start ${app.label} (${app.id}): ${out.trim().split('\n').pop()}`, 'open it by hand once, or check `adb shell cmd package resolve-activity --brief ' + app.id + '`');
    return { package: app.id, label: app.label };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new StepwiseError('cancelled', 'wait was cancelled')); return; }
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(t); reject(new StepwiseError('cancelled', 'wait was cancelled')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
