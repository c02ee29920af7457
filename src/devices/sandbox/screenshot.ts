/** One-off screenshots of a phone state (for app authors, docs and `stepwise sandbox shot`). */
import { writeFile } from 'node:fs/promises';
import type { PhoneState } from '../../sandbox/framework.js';
import { SandboxBrowser, type SandboxBrowserOptions } from './browser.js';
import { SandboxDevice } from './device.js';

export interface ShotOptions extends SandboxBrowserOptions {
  format?: 'png' | 'jpeg';
  quality?: number;
}

/** Render `state` in a throwaway browser and write the 1080x2400 image to `outFile`. */
export async function screenshotPhone(state: PhoneState, outFile: string, opts: ShotOptions = {}): Promise<{ bytes: number }> {
  const browser = new SandboxBrowser(opts);
  try {
    const device = await SandboxDevice.create(browser, { state });
    const obs = await device.observe({ format: opts.format ?? 'png', quality: opts.quality, uiTree: false });
    await writeFile(outFile, obs.image.data);
    return { bytes: obs.image.data.length };
  } finally {
    await browser.close();
  }
}

export interface ScriptedShot extends ShotOptions {
  seed: string | number;
  /** App to open first (name as under its icon). */
  open?: string;
  /** Steps in the script language of ./script.ts. */
  steps?: string[];
  /** Also write the UI tree as JSON here. */
  treeFile?: string;
  /** Downscale the written image to this width (keeps the aspect ratio), e.g. for docs. */
  width?: number;
}

/** Fresh phone from a seed, optional app and steps, then one screenshot: what `sandbox shot` does. */
export async function scriptedShot(outFile: string, o: ScriptedShot): Promise<{ bytes: number; frame: string; app?: string }> {
  const { runScript } = await import('./script.js');
  const browser = new SandboxBrowser(o);
  try {
    const device = await SandboxDevice.create(browser, { seed: o.seed });
    const steps = [...(o.open ? [`open:${o.open}`] : []), ...(o.steps ?? [])];
    await runScript(device, steps);
    const obs = await device.observe({ format: o.format ?? 'png', quality: o.quality, uiTree: !!o.treeFile });
    let data = obs.image.data;
    if (o.width) {
      const { default: sharp } = await import('sharp');
      const img = sharp(data).resize({ width: o.width });
      data = await (obs.image.format === 'png' ? img.png({ palette: true, quality: 95, effort: 8, dither: 0.4 }) : img.jpeg({ quality: o.quality ?? 80 })).toBuffer();
    }
    await writeFile(outFile, data);
    if (o.treeFile) await writeFile(o.treeFile, JSON.stringify(obs.uiTree, null, 1));
    return { bytes: data.length, frame: obs.frame.id, app: obs.app };
  } finally {
    await browser.close();
  }
}
