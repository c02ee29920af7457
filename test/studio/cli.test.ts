/**
 * `stepwise studio` as a user runs it (built CLI; needs `npm run build`): serve and answer,
 * export a GIF and a contact sheet, and clear errors for a missing trajectory, a bad --listen
 * and a public bind without a token.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { tmp } from './fixture.js';

const exec = promisify(execFile);
const cli = (args: string[]) => exec(process.execPath, ['dist/cli/main.js', 'studio', ...args], { maxBuffer: 1 << 24 });
let dir: string;
let id: string;

beforeAll(async () => {
  dir = tmp();
  const store = openStore(dir);
  const shades = ['#3366cc', '#cc6633', '#33aa66'];
  const t = store.createTrajectory({ task: { id: 'demo.three', instruction: 'Three screens' }, policy: { name: 'demo' } });
  for (const [i, c] of shades.entries()) {
    const image = store.putBlob(await sharp({ create: { width: 216, height: 480, channels: 3, background: c } }).png().toBuffer());
    store.appendStep(t.id, { index: i, observation: { frameId: `f${i}`, image, format: 'png', width: 216, height: 480 }, action: i < 2 ? { type: 'click', point: [500, 500] } : { type: 'complete', answer: 'ok' }, result: { ok: true } });
  }
  store.finishTrajectory(t.id, { stopReason: 'completed' });
  store.close();
  id = t.id;
});

describe('stepwise studio (CLI)', () => {
  it('export-gif writes one frame per step; export-sheet writes a PNG', async () => {
    const gif = join(tmp(), 'run.gif'), png = join(tmp(), 'run.png');
    await cli(['export-gif', id, gif, '--store', dir]);
    await cli(['export-sheet', id, png, '--store', dir]);
    expect(readFileSync(gif).subarray(0, 6).toString()).toBe('GIF89a');
    expect((await sharp(readFileSync(gif), { animated: true }).metadata()).pages).toBe(3);
    expect((await sharp(png).metadata()).format).toBe('png');
  }, 120_000);

  it('names what is wrong: unknown id, bad --listen, public bind without a token, no store', async () => {
    await expect(cli(['export-gif', 'nope', join(tmp(), 'x.gif'), '--store', dir])).rejects.toThrow(/no trajectory "nope"/);
    await expect(cli(['serve', '--store', dir, '--listen', 'here:port'])).rejects.toThrow(/--listen here:port is not \[host:\]port/);
    await expect(cli(['serve', '--store', dir, '--listen', '0.0.0.0:0'])).rejects.toThrow(/--token/);
    await expect(cli(['serve', '--store', join(tmp(), 'absent'), '--listen', '127.0.0.1:0'])).rejects.toThrow(/no trajectory store at/);
  }, 120_000);

  it('serves on 127.0.0.1 and answers the API until stopped', async () => {
    const child = spawn(process.execPath, ['dist/cli/main.js', 'studio', '--store', dir, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (c) => { err += c; const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(err); if (m) resolve(m[1]); });
        child.on('exit', () => reject(new Error(`studio exited: ${err}`)));
      });
      const list = await (await fetch(`${url}api/trajectories`)).json();
      expect(list.items.map((r: { id: string }) => r.id)).toEqual([id]);
      expect((await fetch(url)).headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
