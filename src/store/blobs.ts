/**
 * Content-addressed blob folder: blobs/ab/cdef... named by the sha256 hex of the bytes.
 * Writes go to a temp file in the target folder, then rename, so a reader (or a crash)
 * never sees a half-written blob under its final name. An existing blob is not rewritten.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StepwiseError } from '../core/errors.js';

const SHA_RE = /^[0-9a-f]{64}$/;
/** Temp names carry pid and host, so only this host's dead writers' files are swept. */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** Start of the temp file names a writer with this pid uses on this host. */
export function tempPrefix(pid: number): string {
  return `.tmp-${pid}-${HOST_TAG}-`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws unless `sha` is 64 lowercase hex digits, the only names that may reach the filesystem. */
export function assertSha(sha: unknown): asserts sha is string {
  if (typeof sha !== 'string' || !SHA_RE.test(sha)) {
    throw new StepwiseError('store_error', `invalid blob id ${JSON.stringify(sha)}`, 'a blob id is the sha256 of its bytes: 64 lowercase hex digits');
  }
}

export class BlobStore {
  /** @param fsync flush file and folder to disk before the rename (power-loss safety). */
  constructor(readonly root: string, private readonly fsync = false) {
    mkdirSync(root, { recursive: true });
  }

  path(sha: string): string {
    assertSha(sha);
    return join(this.root, sha.slice(0, 2), sha.slice(2));
  }

  has(sha: string): boolean {
    return existsSync(this.path(sha));
  }

  /** Stores the bytes and returns their sha256 hex; a no-op when the blob already exists. */
  put(bytes: Uint8Array): string {
    if (!(bytes instanceof Uint8Array)) {
      throw new StepwiseError('store_error', `putBlob expects a Buffer, got ${typeof bytes}`, 'pass the raw bytes (e.g. a PNG Buffer)');
    }
    const sha = sha256Hex(bytes);
    const final = this.path(sha);
    if (existsSync(final)) return sha;
    const dir = join(this.root, sha.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${tempPrefix(process.pid)}${randomBytes(6).toString('hex')}`);
    try {
      const fd = openSync(tmp, 'w');
      try {
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
        if (this.fsync) fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      // Same content under the same name: a concurrent writer winning the race is harmless.
      renameSync(tmp, final);
      if (this.fsync) fsyncDir(dir);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new StepwiseError('store_error', `could not write blob ${sha}: ${(e as Error).message}`, `check that ${this.root} is writable and the disk is not full`);
    }
    return sha;
  }

  /**
   * Removes temp files left by writers that died mid-write (their pid is gone); returns how
   * many. Temp names carry the writer's pid, so a live writer's files are never touched.
   */
  sweepTemp(isDead: (pid: number) => boolean): number {
    let removed = 0;
    for (const sub of readdirSync(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const f of readdirSync(join(this.root, sub))) {
        const m = /^\.tmp-(\d+)-([0-9a-f]{8})-/.exec(f);
        if (m && m[2] === HOST_TAG && isDead(Number(m[1]))) {
          rmSync(join(this.root, sub, f), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  get(sha: string): Buffer {
    const p = this.path(sha);
    try {
      return readFileSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StepwiseError('not_found', `blob ${sha} is not in the store`, `expected at ${p}; it may have been deleted or the store copied without blobs/`, { sha });
      }
      throw e;
    }
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Some platforms cannot fsync a directory; the file itself is already flushed.
  }
}
