/**
 * Export trajectories to a folder: trajectories.jsonl (one per line, written to a temp file
 * and renamed when complete) plus images/ and uitrees/ named by content hash. One
 * trajectory is in memory at a time; writes wait for the stream to drain.
 */
import { once } from 'node:events';
import { closeSync, constants, copyFileSync, createWriteStream, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StepwiseError } from '../core/errors.js';
import type { Step, Trajectory } from '../core/trajectory.js';
import { IMAGE_DIR, imageExt, JSONL_FILE, JSONL_FORMAT, UITREE_DIR } from './jsonl-format.js';
import type { ListFilter } from './query.js';
import type { Store } from './store.js';

export interface ExportReport {
  file: string;
  trajectories: number;
  steps: number;
  /** Image and UI tree files written (already present files are not rewritten). */
  files: number;
  bytes: number;
}

export async function exportJsonl(store: Store, outDir: string, filter: ListFilter = {}): Promise<ExportReport> {
  mkdirSync(join(outDir, IMAGE_DIR), { recursive: true });
  mkdirSync(join(outDir, UITREE_DIR), { recursive: true });
  const file = join(outDir, JSONL_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  // Errors surface through the awaits below; this listener keeps a late one from going unhandled.
  out.on('error', () => {});
  const report: ExportReport = { file, trajectories: 0, steps: 0, files: 0, bytes: 0 };
  try {
    for (const summary of store.iterate(filter)) {
      const t = store.getTrajectory(summary.id);
      const line = JSON.stringify(toLine(store, t, outDir, report)) + '\n';
      report.bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
      report.trajectories++;
      report.steps += t.steps.length;
    }
    out.end();
    await once(out, 'finish');
    renameSync(tmp, file);
  } catch (e) {
    // Let the stream finish opening/closing before removing its file, or it may reappear.
    if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()).destroy());
    rmSync(tmp, { force: true });
    if (e instanceof StepwiseError) throw e;
    throw new StepwiseError('store_error', `export to ${outDir} failed: ${(e as Error).message}`, 'check that the folder is writable and the disk is not full');
  }
  return report;
}

function toLine(store: Store, t: Trajectory, outDir: string, report: ExportReport): Record<string, unknown> {
  const line: Record<string, unknown> = { format: JSONL_FORMAT, ...t, steps: t.steps.map((s) => exportStep(store, s, outDir, report)) };
  const outcomes = store.getOutcomes(t.id);
  if (outcomes.length > 1) line.outcomes = outcomes;
  const annotations = store.getAnnotations(t.id).map(({ seq: _s, trajectoryId: _t, ...a }) => a);
  if (annotations.length) line.annotations = annotations;
  return line;
}

function exportStep(store: Store, s: Step, outDir: string, report: ExportReport): Step {
  if (!s.observation) return s;
  const obs: Record<string, unknown> = { ...s.observation };
  if (s.observation.image) {
    const sha = s.observation.image;
    const src = store.blobPath(sha);
    const ext = imageExt(s.observation.format, s.observation.format || !existsSync(src) ? undefined : head(src, 8));
    obs.imageFile = `${IMAGE_DIR}/${sha}.${ext}`;
    report.files += copyOnce(src, join(outDir, IMAGE_DIR, `${sha}.${ext}`));
  }
  if (s.observation.uiTree) {
    const sha = s.observation.uiTree;
    obs.uiTreeFile = `${UITREE_DIR}/${sha}.json`;
    report.files += copyOnce(store.blobPath(sha), join(outDir, UITREE_DIR, `${sha}.json`));
  }
  return { ...s, observation: obs as unknown as Step['observation'] };
}

/** Copies unless the target exists (same name = same content); temp + rename so no half file is left. */
function copyOnce(src: string, dst: string): number {
  if (existsSync(dst)) return 0;
  if (!existsSync(src)) {
    throw new StepwiseError('store_error', `blob file ${src} is missing from the store`, 'the store folder is incomplete; restore blobs/ from a backup or drop the trajectory');
  }
  const tmp = `${dst}.tmp-${process.pid}`;
  // A copy-on-write clone where the filesystem supports it, a plain copy elsewhere.
  copyFileSync(src, tmp, constants.COPYFILE_FICLONE);
  renameSync(tmp, dst);
  return 1;
}

/** The first n bytes of a file (to tell PNG from JPEG without reading the image). */
function head(path: string, n: number): Buffer {
  const buf = Buffer.alloc(n);
  const fd = openSync(path, 'r');
  try {
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}
