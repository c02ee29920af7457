/**
 * One emulated Android device whose screen IS a sandbox phone. Shell command lines are parsed
 * like the device's sh (sh-parse.ts) and device commands answer in a real device's output
 * format: input, screencap, uiautomator, wm, dumpsys, pm, cmd package, am, monkey, ime,
 * settings, getprop. Options emulate rotation, a locked or sleeping screen and a phone without
 * the ADB Keyboard IME. Nothing here touches the host.
 */
import sharp from 'sharp';
import type { Action, KeyName } from '../../core/actions.js';
import { displayToNatural, naturalToDisplay, toNorm1000, type Frame, type Rotation } from '../../core/coords.js';
import type { UiNode } from '../../core/uitree.js';
import type { SandboxDevice } from '../sandbox/device.js';
import { fail, ok, runSh, type ShContext, type ShResult } from './sh-exec.js';
import { toUiautomatorXml } from './uiautomator.js';

export const ADB_KEYBOARD_IME = 'com.android.adbkeyboard/.AdbIME';
export const DEFAULT_IME = 'com.stepwise.inputmethod/.SoftKeyboard';

export interface EmulatedPhoneOptions {
  serial: string;
  rotation?: Rotation;
  /** Keyguard showing (screen on but locked). */
  locked?: boolean;
  /** Screen off (mWakefulness=Asleep). */
  asleep?: boolean;
  /** Whether the ADB Keyboard app is installed (default true) and the current IME (default true). */
  adbKeyboard?: boolean;
  adbKeyboardActive?: boolean;
  model?: string;
  density?: number;
  /** Emulates a keyboard that changes typed text (autocorrect, a field that filters input). */
  textFilter?: (text: string) => string;
  /** `wm size` override line (e.g. {width: 720, height: 1600}); informational only. */
  overrideSize?: { width: number; height: number };
}

const KEYCODES: Record<number, KeyName> = {
  3: 'home', 4: 'back', 24: 'volume_up', 25: 'volume_down', 26: 'power', 61: 'tab', 62: 'space',
  66: 'enter', 67: 'delete', 82: 'menu', 84: 'search', 111: 'escape', 187: 'recent',
};
const KEYCODE_NAMES: Record<string, number> = {
  KEYCODE_HOME: 3, KEYCODE_BACK: 4, KEYCODE_VOLUME_UP: 24, KEYCODE_VOLUME_DOWN: 25, KEYCODE_POWER: 26, KEYCODE_TAB: 61,
  KEYCODE_SPACE: 62, KEYCODE_ENTER: 66, KEYCODE_DEL: 67, KEYCODE_MENU: 82, KEYCODE_SEARCH: 84, KEYCODE_ESCAPE: 111,
  KEYCODE_APP_SWITCH: 187, KEYCODE_WAKEUP: 224,
};

export class EmulatedPhone {
  readonly serial: string;
  rotation: Rotation;
  locked: boolean;
  asleep: boolean;
  adbKeyboard: boolean;
  ime: string;
  textFilter: ((text: string) => string) | undefined;
  /** Every command line the device's sh executed. */
  readonly commandLog: string[][] = [];
  private readonly files = new Map<string, Buffer>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly sandbox: SandboxDevice, readonly opts: EmulatedPhoneOptions) {
    this.serial = opts.serial;
    this.rotation = opts.rotation ?? 0;
    this.locked = opts.locked ?? false;
    this.asleep = opts.asleep ?? false;
    this.adbKeyboard = opts.adbKeyboard ?? true;
    this.textFilter = opts.textFilter;
    this.ime = this.adbKeyboard && (opts.adbKeyboardActive ?? true) ? ADB_KEYBOARD_IME : DEFAULT_IME;
  }

  /** Natural (portrait) panel size in pixels. */
  private natural = { width: 1080, height: 2400 };
  private get display(): Frame {
    const swap = this.rotation === 90 || this.rotation === 270;
    const { width, height } = this.natural;
    return { id: 'display', width: swap ? height : width, height: swap ? width : height, rotation: this.rotation };
  }

  /** Runs one shell command line; calls are serialized like input on one device. */
  shell(cmdline: string): Promise<ShResult> {
    const run = this.queue.then(() => {
      const ctx: ShContext = { vars: { PATH: '/system/bin', HOME: '/', USER: 'shell' }, files: this.files, run: (argv, stdin) => this.command(argv, stdin), log: this.commandLog };
      return runSh(cmdline, ctx);
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private async act(a: Action): Promise<ShResult> {
    if (this.asleep || this.locked) return ok(); // input lands on the lock screen, not the apps
    const r = await this.sandbox.act(a);
    return r.ok || r.error?.code !== 'device_error' ? ok() : fail(`${r.error?.message}\n`);
  }

  /** Display pixel -> sandbox norm1000 (the sandbox draws the natural orientation). */
  private norm(x: number, y: number): [number, number] {
    const d = this.display;
    if (!(x >= 0 && y >= 0 && x < d.width && y < d.height)) throw new RangeError(`(${x}, ${y}) is off the ${d.width}x${d.height} display`);
    const [nx, ny] = displayToNatural([Math.floor(x), Math.floor(y)], d);
    return toNorm1000([nx + 0.5, ny + 0.5], 'device', { id: 'n', ...this.natural, rotation: 0 });
  }

  private async command(argv: string[], _stdin: Buffer): Promise<ShResult | null> {
    const [name, ...args] = argv;
    switch (name) {
      case 'input': return this.input(args);
      case 'screencap': return this.screencap(args);
      case 'uiautomator': return this.uiautomator(args);
      case 'wm': return this.wm(args);
      case 'dumpsys': return this.dumpsys(args);
      case 'pm': return this.pm(args);
      case 'cmd': return args[0] === 'package' ? this.cmdPackage(args.slice(1)) : fail(`cmd: Can't find service: ${args[0]}\n`, 20);
      case 'am': return this.am(args);
      case 'monkey': return this.monkey(args);
      case 'ime': return this.imeCmd(args);
      case 'settings': return this.settings(args);
      case 'getprop': return this.getprop(args);
      case 'id': return ok('uid=2000(shell) gid=2000(shell) groups=2000(shell) context=u:r:shell:s0\n');
      default: return null;
    }
  }

  private async input(args: string[]): Promise<ShResult> {
    const [sub, ...rest] = args;
    const nums = rest.map(Number);
    const usage = fail(`Error: Invalid arguments for command: ${sub}\nUsage: input [<source>] <command> [<arg>...]\n`);
    try {
      switch (sub) {
        case 'tap':
          if (rest.length !== 2 || nums.some((n) => !Number.isFinite(n))) return usage;
          return this.act({ type: 'click', point: this.norm(nums[0], nums[1]) });
        case 'swipe': {
          if (rest.length < 4 || nums.some((n) => !Number.isFinite(n))) return usage;
          const [x1, y1, x2, y2, ms] = nums;
          if (x1 === x2 && y1 === y2 && (ms ?? 0) >= 500) return this.act({ type: 'long_press', point: this.norm(x1, y1), duration_ms: ms });
          return this.act({ type: 'swipe', from: this.norm(x1, y1), to: this.norm(x2, y2), ...(ms ? { duration_ms: Math.max(1, Math.round(ms)) } : {}) });
        }
        case 'keyevent': return this.keyevent(rest);
        case 'text': {
          if (rest.length !== 1) return usage;
          // Real `input text` turns %s into a space.
          const text = rest[0].replace(/%s/g, ' ');
          return this.act({ type: 'type', text: this.textFilter ? this.textFilter(text) : text });
        }
        default: return usage;
      }
    } catch (e) {
      return fail(`Error: ${(e as Error).message}\n`);
    }
  }

  private async keyevent(args: string[]): Promise<ShResult> {
    for (const a of args.filter((x) => !x.startsWith('--'))) {
      const code = /^\d+$/.test(a) ? Number(a) : KEYCODE_NAMES[a];
      if (code === undefined) return fail(`Error: Invalid keycode: ${a}\n`);
      if (code === 26) { this.asleep = !this.asleep; continue; }
      if (code === 224) { this.asleep = false; continue; }
      if (code === 82 && this.locked && !this.asleep) { this.locked = false; continue; }
      const key = KEYCODES[code];
      if (key) await this.act({ type: 'key', key });
    }
    return ok();
  }

  private async screencap(args: string[]): Promise<ShResult> {
    const d = this.display;
    let png: Buffer;
    if (this.asleep) {
      png = await sharp({ create: { width: d.width, height: d.height, channels: 3, background: '#000' } }).png().toBuffer();
    } else {
      const shot = await this.sandbox.observe({ uiTree: false });
      png = this.rotation === 0 ? shot.image.data : await sharp(shot.image.data).rotate(360 - this.rotation).png().toBuffer();
    }
    const file = args.find((a) => !a.startsWith('-'));
    if (file) { this.files.set(file, png); return ok(); }
    return ok(png);
  }

  private async uiautomator(args: string[]): Promise<ShResult> {
    if (args[0] !== 'dump') return fail('Usage: uiautomator dump [--compressed] [file]\n');
    const file = args.slice(1).find((a) => !a.startsWith('--')) ?? '/sdcard/window_dump.xml';
    const obs = await this.sandbox.observe();
    const d = this.display;
    const map = (b: UiNode['bounds']): UiNode['bounds'] => {
      const [x1, y1] = naturalToDisplay([b[0], b[1]], d);
      const [x2, y2] = naturalToDisplay([b[2] - 1, b[3] - 1], d);
      return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2) + 1, Math.max(y1, y2) + 1];
    };
    const xml = toUiautomatorXml(this.asleep || this.locked ? [] : obs.uiTree ?? [], this.rotation / 90, map);
    if (file === '/dev/tty') return ok(`${xml}UI hierchary dumped to: /dev/tty\n`);
    this.files.set(file, Buffer.from(xml));
    return ok(`UI hierchary dumped to: ${file}\n`);
  }

  private wm(args: string[]): ShResult {
    if (args[0] === 'size') {
      const o = this.opts.overrideSize;
      return ok(`Physical size: ${this.natural.width}x${this.natural.height}\n${o ? `Override size: ${o.width}x${o.height}\n` : ''}`);
    }
    if (args[0] === 'density') return ok(`Physical density: ${this.opts.density ?? 480}\n`);
    return fail(`Error: unknown command '${args[0] ?? ''}'\n`);
  }

  private async foreground(): Promise<string> {
    const st = await this.sandbox.state();
    const fg = st.system.foreground;
    if (!fg) return 'com.stepwise.launcher';
    const app = (await this.sandbox.apps()).find((a) => a.id === fg);
    return app?.package ?? fg;
  }

  private async dumpsys(args: string[]): Promise<ShResult> {
    const [svc, arg] = args;
    const r = this.rotation / 90;
    switch (svc) {
      case 'window': {
        const pkg = await this.foreground();
        const focus = this.locked || this.asleep ? 'NotificationShade' : `${pkg}/${pkg}.MainActivity`;
        return ok(
          'WINDOW MANAGER POLICY STATE (dumpsys window policy)\n' +
            `    mShowingLockscreen=${this.locked} mShowingDream=false mDreamingLockscreen=${this.locked && this.asleep}\n` +
            `    mScreenOnEarly=${!this.asleep} mScreenOnFully=${!this.asleep}\n` +
            'WINDOW MANAGER DISPLAY CONTENTS (dumpsys window displays)\n' +
            `  Display: mDisplayId=0 rotation=${r}\n    mCurrentRotation=ROTATION_${this.rotation}\n` +
            `  mCurrentFocus=Window{1f2e3d u0 ${focus}}\n  mFocusedApp=ActivityRecord{4a5b6c u0 ${pkg}/.MainActivity t12}\n`,
        );
      }
      case 'display': return ok(`DISPLAY MANAGER (dumpsys display)\n  mCurrentOrientation=${r}\n  mBaseDisplayInfo=DisplayInfo{"Built-in Screen", rotation ${r}}\n`);
      case 'input': return ok(`INPUT MANAGER (dumpsys input)\n      SurfaceOrientation: ${r}\n`);
      case 'power': return ok(`POWER MANAGER (dumpsys power)\n  mWakefulness=${this.asleep ? 'Asleep' : 'Awake'}\n  mHoldingDisplaySuspendBlocker=${!this.asleep}\n`);
      case 'package': {
        if (!arg) return ok('');
        const app = (await this.packages()).find((p) => p.package === arg);
        if (!app) return ok(`Unable to find package: ${arg}\n`);
        return ok(`Packages:\n  Package [${app.package}] (3c1e):\n    versionName=1.0\n    enabled=0\n`);
      }
      default: return ok(`Can't find service: ${svc}\n`);
    }
  }

  /** Installed packages: the sandbox apps, the launcher and (if installed) the ADB Keyboard. */
  private async packages(): Promise<{ package: string; label: string | null; launchable: boolean }[]> {
    const apps = (await this.sandbox.apps()).map((a) => ({ package: a.package, label: a.label as string | null, launchable: true }));
    return [
      ...apps,
      { package: 'com.stepwise.launcher', label: null, launchable: false },
      { package: 'com.android.systemui', label: null, launchable: false },
      ...(this.adbKeyboard ? [{ package: 'com.android.adbkeyboard', label: 'ADB Keyboard', launchable: false }] : []),
    ];
  }

  private async pm(args: string[]): Promise<ShResult> {
    if (args[0] === 'list' && args[1] === 'packages') {
      const filter = args.slice(2).find((a) => !a.startsWith('-')) ?? '';
      const pk = (await this.packages()).filter((p) => p.package.includes(filter));
      return ok(pk.map((p) => `package:${p.package}\n`).join(''));
    }
    if (args[0] === 'path') {
      const p = (await this.packages()).find((x) => x.package === args[1]);
      return p ? ok(`package:/data/app/${p.package}-1/base.apk\n`) : fail('');
    }
    return fail(`Unknown command: ${args[0] ?? ''}\n`);
  }

  /** cmd package resolve-activity --brief PKG, cmd package query-activities [--brief] -a MAIN -c LAUNCHER. */
  private async cmdPackage(args: string[]): Promise<ShResult> {
    const pk = await this.packages();
    if (args[0] === 'resolve-activity') {
      const pkg = args[args.length - 1];
      const p = pk.find((x) => x.package === pkg && x.launchable);
      return ok(p ? `priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\n${p.package}/.MainActivity\n` : 'No activity found\n');
    }
    if (args[0] === 'query-activities') {
      const launchable = pk.filter((p) => p.launchable);
      if (args.includes('--brief')) return ok(launchable.map((p) => `priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n${p.package}/.MainActivity\n`).join(''));
      return ok(
        `${launchable.length} activities found:\n` +
          launchable
            .map((p, i) => `  Activity #${i}:\n    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n    ActivityInfo:\n      name=${p.package}.MainActivity\n      packageName=${p.package}\n      labelRes=0x0 nonLocalizedLabel=${p.label ?? 'null'} icon=0x7f0d0000\n`)
            .join(''),
      );
    }
    return fail(`Unknown command: ${args[0] ?? ''}\n`);
  }

  private async launch(pkg: string): Promise<ShResult | null> {
    const app = (await this.sandbox.apps()).find((a) => a.package === pkg);
    if (!app) return null;
    await this.act({ type: 'open_app', app: app.id });
    return ok();
  }

  private async am(args: string[]): Promise<ShResult> {
    if (args[0] === 'start') {
      const i = args.indexOf('-n');
      const comp = i >= 0 ? args[i + 1] ?? '' : '';
      const pkg = comp.split('/')[0];
      const r = await this.launch(pkg);
      return r ? ok(`Starting: Intent { cmp=${comp} }\n`) : fail(`Starting: Intent { cmp=${comp} }\nError type 3\nError: Activity class {${comp}} does not exist.\n`);
    }
    if (args[0] === 'broadcast') {
      const action = args[args.indexOf('-a') + 1];
      const e = args.indexOf('--es');
      const extra = e >= 0 ? { key: args[e + 1], value: args[e + 2] ?? '' } : null;
      const head = `Broadcasting: Intent { act=${action} flg=0x400000${extra ? ' (has extras)' : ''} }\n`;
      // Only the active ADB Keyboard IME listens for these broadcasts (as on a real phone).
      if (this.ime === ADB_KEYBOARD_IME && extra?.key === 'msg') {
        if (action === 'ADB_INPUT_B64') await this.act({ type: 'type', text: Buffer.from(extra.value, 'base64').toString('utf8') });
        else if (action === 'ADB_INPUT_TEXT') await this.act({ type: 'type', text: extra.value });
      }
      return ok(`${head}Broadcast completed: result=0\n`);
    }
    if (args[0] === 'force-stop') return ok();
    return fail(`Error: unknown command '${args[0] ?? ''}'\n`);
  }

  private async monkey(args: string[]): Promise<ShResult> {
    const i = args.indexOf('-p');
    const pkg = i >= 0 ? args[i + 1] : undefined;
    if (!pkg) return fail('** Error: no package given\n');
    const r = await this.launch(pkg);
    return r ? ok('  bash arg: -p\n  bash arg: ' + pkg + '\nEvents injected: 1\n## Network stats: elapsed time=12ms\n') : fail(`** No activities found to run, monkey aborted.\n`, 252);
  }

  private imeCmd(args: string[]): ShResult {
    const installed = [DEFAULT_IME, ...(this.adbKeyboard ? [ADB_KEYBOARD_IME] : [])];
    if (args[0] === 'list') return ok(installed.map((x) => `${x}\n`).join(''));
    if (args[0] === 'enable' || args[0] === 'set') {
      if (!installed.includes(args[1] ?? '')) return fail(`Unknown input method ${args[1]} cannot be selected for user #0\n`);
      if (args[0] === 'set') this.ime = args[1];
      return ok(`Input method ${args[1]} ${args[0] === 'set' ? 'selected' : 'enabled'} for user #0\n`);
    }
    return fail(`Unknown command: ${args[0] ?? ''}\n`);
  }

  private settings(args: string[]): ShResult {
    if (args[0] === 'get' && args[1] === 'secure' && args[2] === 'default_input_method') return ok(`${this.ime}\n`);
    if (args[0] === 'put' && args[1] === 'secure' && args[2] === 'default_input_method') { this.ime = args[3] ?? this.ime; return ok(); }
    if (args[0] === 'get') return ok('null\n');
    return fail('usage: settings [--user <USER_ID> | current] get namespace key\n');
  }

  private getprop(args: string[]): ShResult {
    const props: Record<string, string> = {
      'ro.product.model': this.opts.model ?? 'Stepwise Emulated Phone', 'ro.product.manufacturer': 'stepwise',
      'ro.build.version.release': '13', 'ro.build.version.sdk': '33', 'ro.sf.lcd_density': String(this.opts.density ?? 480),
    };
    if (args[0]) return ok(`${props[args[0]] ?? ''}\n`);
    return ok(Object.entries(props).map(([k, v]) => `[${k}]: [${v}]\n`).join(''));
  }
}
