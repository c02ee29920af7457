import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { discoverDevices } from '../../devices/adb/discover.js';
import { startEmulatedAdb } from '../../devices/emulated-adb/start.js';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new StepwiseError('invalid_input', `--${name} ${v} is not a whole number`, `e.g. --${name} 5038`);
  return n;
};

/** `stepwise devices`: reachable devices; `stepwise devices emulate`: an emulated adb server of sandbox phones. */
export function register(program: Command): void {
  const cmd = program
    .command('devices')
    .description('list reachable devices (sandbox, adb serials, browser) with size and platform')
    .option('--json', 'print JSON')
    .option('--adb-port <port>', 'adb server port (default $ANDROID_ADB_SERVER_PORT or 5037)', int('adb-port'))
    .action(async (opts: { json?: boolean; adbPort?: number }) => {
      const rows = await discoverDevices({ port: opts.adbPort });
      if (opts.json) { process.stdout.write(JSON.stringify(rows, null, 2) + '\n'); return; }
      const cols = rows.map((r) => [r.spec, r.platform, r.state, r.width ? `${r.width}x${r.height}${r.rotation ? ` rot ${r.rotation}` : ''}` : '-', r.model ?? '', r.note ?? '']);
      const w = [0, 1, 2, 3, 4].map((i) => Math.max(...cols.map((c) => c[i].length), ['DEVICE', 'PLATFORM', 'STATE', 'SIZE', 'MODEL'][i].length));
      const line = (c: string[]) => c.slice(0, 5).map((x, i) => x.padEnd(w[i])).join('  ') + (c[5] ? `  ${c[5]}` : '');
      process.stdout.write([line(['DEVICE', 'PLATFORM', 'STATE', 'SIZE', 'MODEL', 'NOTE']), ...cols.map(line)].join('\n') + '\n');
    });
  cmd
    .command('emulate')
    .description('serve sandbox phones as adb devices on loopback (for trying the adb backend without a phone)')
    .option('--port <port>', 'TCP port on 127.0.0.1 (0 = any free port)', int('port'), 5038)
    .option('--count <n>', 'number of phones', int('count'), 1)
    .option('--rotation <deg>', 'display rotation: 0, 90, 180 or 270', int('rotation'), 0)
    .option('--locked', 'show the lock screen')
    .option('--no-adb-keyboard', 'emulate a phone without the ADB Keyboard IME')
    .action(async (opts: { port: number; count: number; rotation: number; locked?: boolean; adbKeyboard: boolean }) => {
      const emu = await startEmulatedAdb({ port: opts.port, count: opts.count, rotation: opts.rotation as 0, locked: opts.locked, adbKeyboard: opts.adbKeyboard });
      process.stdout.write(`emulated adb server on 127.0.0.1:${emu.port} with ${emu.phones.map((p) => p.serial).join(', ')}\n` +
        `try: adb -P ${emu.port} devices -l   or   ANDROID_ADB_SERVER_PORT=${emu.port} stepwise devices\nCtrl-C stops it.\n`);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = () => { if (stopping) return; stopping = true; void emu.close().then(resolve); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        emu.server.onClose = stop;
      });
    });
}
