import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll } from 'vitest';

const dirs: string[] = [];
/** A fresh temp folder, removed after the file's tests. */
export function tempDir(prefix = 'stepwise-bench-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export async function png(width = 108, height = 240, color = '#3366cc'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

/** A static set on disk: rows as given, each screenshot a real PNG under images/. */
export async function writeSet(dir: string, rows: Record<string, unknown>[], lines?: string[]): Promise<string> {
  mkdirSync(join(dir, 'images'), { recursive: true });
  const img = await png();
  for (const r of rows) if (typeof r.screenshot === 'string') writeFileSync(join(dir, r.screenshot), img);
  const file = join(dir, 'steps.jsonl');
  writeFileSync(file, (lines ?? rows.map((r) => JSON.stringify(r))).join('\n') + '\n');
  return file;
}

export function row(id: string, gt: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, episode: id.split('/')[0], step: Number(id.split('/')[1] ?? 0), task: 'a task', screenshot: `images/${id.replace('/', '-')}.png`, history: [], gt, ...extra };
}
