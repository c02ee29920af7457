/**
 * The output folder as a resumable log: JSONL files are only appended to, and after each
 * trajectory one line in state.jsonl records its id, content hash, counts and every file's
 * size. A new run truncates files back to the last recorded sizes (dropping a half-written
 * trajectory) and skips trajectories already recorded with the same hash.
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StepwiseError } from '../../core/errors.js';

export const STATE_FILE = 'state.jsonl';

export interface StateLine {
  id: string;
  hash: string;
  sizes: Record<string, number>;
  counts: Record<string, number>;
}

export class OutDir {
  readonly done = new Map<string, string>();
  /** Sum of `counts` over every recorded trajectory. */
  readonly totals: Record<string, number> = {};
  private sizes: Record<string, number> = {};

  constructor(readonly dir: string, private readonly files: readonly string[]) {
    try {
      mkdirSync(join(dir, 'images'), { recursive: true });
    } catch (e) {
      throw new StepwiseError('invalid_input', `cannot create the output folder ${dir}: ${(e as Error).message}`, 'pass --out DIR to a writable place');
    }
    const state = join(dir, STATE_FILE);
    if (existsSync(state)) {
      const text = readFileSync(state, 'utf8');
      const lines = text.split('\n');
      let good = 0;
      for (const line of lines) {
        if (!line.trim()) { good += line.length + 1; continue; }
        let s: StateLine;
        try { s = JSON.parse(line) as StateLine; } catch { break; } // a torn last line: drop it
        this.done.set(s.id, s.hash);
        for (const [k, v] of Object.entries(s.counts)) this.totals[k] = (this.totals[k] ?? 0) + v;
        this.sizes = s.sizes;
        good += line.length + 1;
      }
      if (good < Buffer.byteLength(text)) truncateSync(state, Math.min(good, Buffer.byteLength(text)));
    }
    for (const f of files) {
      const p = join(dir, f);
      const keep = this.sizes[f] ?? 0;
      if (existsSync(p) && statSync(p).size !== keep) truncateSync(p, keep);
    }
  }

  path(file: string): string { return join(this.dir, file); }

  append(file: string, rows: unknown[]): void {
    if (!this.files.includes(file)) throw new StepwiseError('invalid_input', `${file} is not an appendable output`, 'declare it when opening the output folder');
    if (rows.length === 0) return;
    const p = this.path(file);
    mkdirSync(dirname(p), { recursive: true });
    appendFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }

  copyImage(from: string, rel: string): void {
    const to = this.path(rel);
    if (!existsSync(to)) copyFileSync(from, to);
  }

  /** Records a finished trajectory: from here on a crash cannot duplicate its lines. */
  commit(id: string, hash: string, counts: Record<string, number>): void {
    const sizes: Record<string, number> = {};
    for (const f of this.files) {
      const p = this.path(f);
      sizes[f] = existsSync(p) ? statSync(p).size : 0;
    }
    this.sizes = sizes;
    appendFileSync(this.path(STATE_FILE), JSON.stringify({ id, hash, sizes, counts } satisfies StateLine) + '\n');
    this.done.set(id, hash);
    for (const [k, v] of Object.entries(counts)) this.totals[k] = (this.totals[k] ?? 0) + v;
  }

  /** Whole-file outputs rebuilt at the end of every run (pairs, rewards, card). */
  write(file: string, text: string): void {
    writeFileSync(this.path(file), text);
  }

  readLines<T>(file: string): T[] {
    const p = this.path(file);
    if (!existsSync(p)) return [];
    return readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
  }
}
