import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { scriptedShot } from '../../devices/sandbox/screenshot.js';
import { parseScript } from '../../devices/sandbox/script.js';
import { servePhone } from '../../devices/sandbox/serve.js';

/** `stepwise sandbox shot|serve`: look at the built-in phone. */
export function register(program: Command): void {
  const sandbox = program.command('sandbox').description('the built-in sandbox phone (real Chromium, 1080x2400)');
  sandbox
    .command('shot')
    .description('screenshot the phone from a seed, optionally after opening an app and running steps')
    .requiredOption('--out <file>', 'output image (.png or .jpg)')
    .option('--seed <seed>', 'phone seed', '1')
    .option('--open <app>', 'open this app first (name under its icon)')
    .option('--tap-sequence <steps>', 'steps separated by ";": "x,y" (norm1000), "@data-id", "Visible text", "type:...", "key:back", "scroll:down", "long:Text", "open:App"')
    .option('--tree <file>', 'also write the UI tree as JSON')
    .option('--width <px>', 'downscale the image to this width (default: full 1080)')
    .action(async (o: { out: string; seed: string; open?: string; tapSequence?: string; tree?: string; width?: string }) => {
      const width = o.width === undefined ? undefined : Number(o.width);
      if (width !== undefined && !(Number.isInteger(width) && width >= 36 && width <= 1080)) throw new StepwiseError('config_error', `--width ${o.width} is not a width in pixels`, 'use an integer from 36 to 1080');
      const jpeg = /\.jpe?g$/i.test(o.out);
      if (!jpeg && !/\.png$/i.test(o.out)) throw new StepwiseError('config_error', `--out ${o.out} is neither .png nor .jpg`, 'name the file shot.png or shot.jpg');
      const r = await scriptedShot(o.out, { seed: o.seed, open: o.open, steps: o.tapSequence ? parseScript(o.tapSequence) : [], treeFile: o.tree, width, format: jpeg ? 'jpeg' : 'png' });
      process.stdout.write(`${o.out}: ${r.bytes} bytes, frame ${r.frame}, app ${r.app}\n`);
    });
  sandbox
    .command('serve')
    .description('serve the phone on 127.0.0.1 for a person to use in a browser')
    .option('--port <port>', 'port', '7801')
    .option('--seed <seed>', 'phone seed', '1')
    .action(async (o: { port: string; seed: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StepwiseError('config_error', `--port ${o.port} is not a port number`, 'use 0-65535, e.g. --port 7801');
      const { url } = await servePhone({ port, seed: o.seed });
      process.stdout.write(`sandbox phone: ${url}  (Ctrl-C to stop)\n`);
    });
}
