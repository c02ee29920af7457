/**
 * Import the stepwise JSONL format (see jsonl-format.ts) line by line with readline, so
 * memory stays bounded by the largest single trajectory. Idempotent: a trajectory whose id
 * is already in the store is skipped and reported. A bad line is reported and skipped;
 * the other lines still import. Each trajectory goes in with one transaction.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { isStepwiseError, StepwiseError } from '../core/errors.js';
import type { Outcome, Step, Trajectory } from '../core/trajectory.js';
import { JsonlLine } from './jsonl-format.js';
import type { Store, TrajectoryExtras } from './store.js';

export interface ImportReport {
  imported: number;
  steps: number;
  skipped: { line: number; id?: string; reason: string }[];
}

export async function importJsonl(store: Store, file: string): Promise<ImportReport> {
  if (!existsSync(file)) {
    throw new StepwiseError('import_error', `no such file ${file}`, 'pass the trajectories.jsonl written by `stepwise traj export`');
  }
  const base = dirname(resolve(file));
  const report: ImportReport = { imported: 0, steps: 0, skipped: [] };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    let id: string | undefined;
    try {
      const line = parseLine(text);
      id = line.id;
      if (store.hasTrajectory(line.id)) {
        report.skipped.push({ line: n, id, reason: 'already in the store' });
        continue;
      }
      const { trajectory, extras } = toTrajectory(store, line, base);
      store.putTrajectory(trajectory, extras);
      report.imported++;
      report.steps += trajectory.steps.length;
    } catch (e) {
      if (!isStepwiseError(e)) throw e;
      report.skipped.push({ line: n, ...(id ? { id } : {}), reason: e.message });
    }
  }
  return report;
}

function parseLine(text: string): JsonlLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new StepwiseError('import_error', `invalid JSON: ${(e as Error).message}`, 'each line must be one JSON trajectory');
  }
  const r = JsonlLine.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new StepwiseError('import_error', `${issue.path.join('.') || '(line)'}: ${issue.message}`, 'lines must follow the stepwise.trajectory/1 format (docs/STORE.md)');
  }
  return r.data;
}

function toTrajectory(store: Store, line: JsonlLine, base: string): { trajectory: Trajectory; extras: TrajectoryExtras } {
  const { format: _f, outcomes, annotations, ...rest } = line;
  const t = rest as unknown as Trajectory;
  t.steps = line.steps.map((s) => importStep(store, s as unknown as Step & { observation?: Record<string, unknown> }, base));
  // Nobody writes to an imported trajectory: a snapshot taken mid-run is an interrupted run.
  if (t.status === 'running') {
    t.status = 'interrupted';
    t.stopReason ??= 'interrupted';
  }
  const extras: TrajectoryExtras = { outcomes: (outcomes as Outcome[] | undefined) ?? (t.outcome ? [t.outcome] : []) };
  if (annotations) extras.annotations = annotations as TrajectoryExtras['annotations'];
  delete t.outcome;
  return { trajectory: t, extras };
}

function importStep(store: Store, s: Step & { observation?: Record<string, unknown> }, base: string): Step {
  if (!s.observation) return s;
  const { imageFile, uiTreeFile, ...obs } = s.observation as Record<string, unknown> & { imageFile?: string; uiTreeFile?: string; image?: string; uiTree?: string };
  if (imageFile !== undefined) obs.image = putFile(store, base, imageFile, obs.image, s.index);
  if (uiTreeFile !== undefined) obs.uiTree = putFile(store, base, uiTreeFile, obs.uiTree, s.index);
  return { ...s, observation: obs as unknown as Step['observation'] };
}

/** Reads a file named by a line, stores it, and checks it against the sha the line claims. */
function putFile(store: Store, base: string, rel: string, claimed: unknown, index: number): string {
  const path = resolve(base, rel);
  const inside = relative(base, path);
  if (isAbsolute(rel) || inside.startsWith('..') || isAbsolute(inside)) {
    throw new StepwiseError('import_error', `step ${index}: file ${JSON.stringify(rel)} is outside the export folder`, 'image and UI tree paths must be relative, inside the folder of the JSONL file');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new StepwiseError('import_error', `step ${index}: file ${rel} is missing`, 'copy the images/ and uitrees/ folders along with the JSONL file');
  }
  const sha = store.putBlob(bytes);
  if (claimed !== undefined && claimed !== sha) {
    throw new StepwiseError('import_error', `step ${index}: ${rel} does not match its sha256 ${String(claimed)}`, 'the file was changed or truncated after export; export again');
  }
  return sha;
}
