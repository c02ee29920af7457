/**
 * The trajectory store: one folder with stepwise.db (SQLite, WAL) and blobs/ (content-
 * addressed images and UI trees). Synchronous on purpose: better-sqlite3 commits in
 * microseconds, and a synchronous appendStep means "returned" = "committed".
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { validateAction } from '../core/actions.js';
import { StepwiseError } from '../core/errors.js';
import type { Observation } from '../core/device.js';
import type { ObservationRef, Outcome, Step, StopReason, TaskRef, Trajectory } from '../core/trajectory.js';
import { STOP_REASONS } from '../core/trajectory.js';
import { assertSha, BlobStore } from './blobs.js';
import { newTrajectoryId } from './ids.js';
import { currentOwner, ownerLiveness } from './liveness.js';
import { buildListQuery, type ListFilter, rowToSummary, type TrajectorySummary } from './query.js';
import {
  type Annotation, type AnnotationRow, json, type OutcomeRow, outcomeToRow, rowToAnnotation, rowToOutcome,
  rowToStep, rowToTrajectory, type StepRow, stepToRow, type TrajectoryRow, trajectoryToRow,
} from './rows.js';
import { migrate } from './schema.js';

export const DB_FILE = 'stepwise.db';
export const BLOB_DIR = 'blobs';

export interface OpenOptions {
  /**
   * 'process' (default): WAL + synchronous=NORMAL; every committed step survives a crash or
   * kill of the writing process; a power loss may drop the last commits (never corrupts).
   * 'power': synchronous=FULL and fsync of each blob; commits also survive a power loss, slower.
   */
  durability?: 'process' | 'power';
  /** Create the folder when missing (default true); false makes a missing store a not_found error. */
  create?: boolean;
  /** Mark running trajectories whose writer process is dead as interrupted (default true). */
  recoverInterrupted?: boolean;
  /** How long to wait for another writer's lock, ms (default 5000). */
  busyTimeoutMs?: number;
}

export interface NewTrajectory {
  id?: string;
  task: TaskRef;
  device?: Trajectory['device'];
  policy?: Trajectory['policy'];
  startedAt?: number;
  meta?: Record<string, unknown>;
}

export interface FinishInfo {
  stopReason?: StopReason;
  answer?: string;
  /** Default 'finished'. */
  status?: 'finished' | 'interrupted';
  endedAt?: number;
}

/** Everything about a trajectory that is not in the Trajectory type: full outcome history and annotations. */
export interface TrajectoryExtras {
  outcomes?: Outcome[];
  annotations?: Omit<Annotation, 'trajectoryId' | 'seq'>[];
}

export function openStore(dir: string, opts: OpenOptions = {}): Store {
  return new Store(dir, opts);
}

export class Store {
  readonly dir: string;
  readonly blobs: BlobStore;
  private readonly db: Database.Database;
  private readonly st: ReturnType<typeof prepare>;

  constructor(dir: string, opts: OpenOptions = {}) {
    this.dir = dir;
    if (!existsSync(join(dir, DB_FILE)) && opts.create === false) {
      throw new StepwiseError('not_found', `no trajectory store at ${dir}`, 'pass --store DIR (or set STEPWISE_STORE) to an existing store, or record a run first');
    }
    try {
      mkdirSync(dir, { recursive: true });
      this.db = new Database(join(dir, DB_FILE), { timeout: opts.busyTimeoutMs ?? 5000 });
    } catch (e) {
      throw new StepwiseError('store_error', `cannot open store ${dir}: ${(e as Error).message}`, 'check the path and its permissions');
    }
    const power = opts.durability === 'power';
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${power ? 'FULL' : 'NORMAL'}`);
      this.db.pragma('foreign_keys = ON');
      this.db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
      migrate(this.db);
    } catch (e) {
      this.db.close();
      if (e instanceof StepwiseError) throw e;
      throw new StepwiseError('store_error', `cannot open store ${dir}: ${(e as Error).message}`, `is ${join(dir, DB_FILE)} a stepwise store?`);
    }
    this.blobs = new BlobStore(join(dir, BLOB_DIR), power);
    this.st = prepare(this.db);
    if (opts.recoverInterrupted !== false && this.markInterrupted().length > 0) {
      // A writer died: it may also have left a half-written blob temp file.
      this.blobs.sweepTemp((pid) => ownerLiveness({ pid, host: currentOwner().host }) === 'dead');
    }
  }

  // ---- blobs ----
  putBlob(bytes: Buffer): string { return this.blobs.put(bytes); }
  getBlob(sha: string): Buffer { return this.blobs.get(sha); }
  blobPath(sha: string): string { return this.blobs.path(sha); }
  hasBlob(sha: string): boolean { return this.blobs.has(sha); }

  /** Stores an observation's image (and UI tree as JSON) and returns the reference a Step keeps. */
  putObservation(obs: Observation): ObservationRef {
    const ref: ObservationRef = {
      frameId: obs.frame.id,
      image: this.putBlob(obs.image.data),
      format: obs.image.format,
      width: obs.frame.width,
      height: obs.frame.height,
      rotation: obs.frame.rotation,
      at: obs.at,
    };
    if (obs.uiTree) ref.uiTree = this.putBlob(Buffer.from(JSON.stringify(obs.uiTree)));
    if (obs.app) ref.app = obs.app;
    return ref;
  }

  // ---- trajectories ----
  createTrajectory(p: NewTrajectory): Trajectory {
    checkTask(p.task);
    const t: Trajectory = { id: p.id ?? newTrajectoryId(), task: p.task, status: 'running', startedAt: p.startedAt ?? Date.now(), steps: [] };
    if (p.device) t.device = p.device;
    if (p.policy) t.policy = p.policy;
    if (p.meta) t.meta = p.meta;
    const owner = currentOwner();
    try {
      this.st.insertTraj.run({ ...trajectoryToRow(t), owner_pid: owner.pid, owner_host: owner.host, owner_start: owner.start ?? null });
    } catch (e) {
      throw this.insertError(e, t.id);
    }
    return t;
  }

  /** Appends one step in its own transaction: once this returns, the step survives a crash. */
  appendStep(trajectoryId: string, step: Step): void {
    checkStep(step, this.blobs);
    this.db.transaction(() => {
      const row = this.st.status.get(trajectoryId) as { status: string } | undefined;
      if (!row) throw notFound(trajectoryId);
      if (row.status !== 'running') {
        throw new StepwiseError('store_error', `trajectory ${trajectoryId} is ${row.status}; steps can only be appended while it is running`, 'start a new trajectory for a new attempt');
      }
      try {
        this.st.insertStep.run(stepToRow(trajectoryId, step));
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new StepwiseError('store_error', `trajectory ${trajectoryId} already has step ${step.index}`, 'number steps 0, 1, 2, ... once each');
        }
        throw e;
      }
    }).immediate();
  }

  finishTrajectory(id: string, info: FinishInfo = {}): void {
    const status = info.status ?? 'finished';
    if (status !== 'finished' && status !== 'interrupted') {
      throw new StepwiseError('store_error', `cannot finish a trajectory with status ${JSON.stringify(status)}`, 'use finished or interrupted');
    }
    if (info.stopReason !== undefined && !STOP_REASONS.includes(info.stopReason)) {
      throw new StepwiseError('store_error', `unknown stop reason ${JSON.stringify(info.stopReason)}`, `use one of: ${STOP_REASONS.join(', ')}`);
    }
    const r = this.st.finish.run({ id, status, stop_reason: info.stopReason ?? null, answer: info.answer ?? null, ended_at: info.endedAt ?? Date.now() });
    if (r.changes === 0) throw notFound(id);
  }

  /** Puts a finished trajectory back to running (continuing a needs_reply session); its steps stay. */
  reopenTrajectory(id: string): void {
    // The reopening process becomes the owner, so a crash now is detected as interrupted.
    const o = currentOwner();
    const r = this.db.prepare(`UPDATE trajectories SET status = 'running', stop_reason = NULL, ended_at = NULL, owner_pid = ?, owner_host = ?, owner_start = ?
      WHERE id = ? AND status = 'finished'`).run(o.pid, o.host, o.start ?? null, id);
    if (r.changes === 0) {
      if (!this.hasTrajectory(id)) throw notFound(id);
      throw new StepwiseError('store_error', `trajectory ${id} is not finished, so it cannot be reopened`, 'only finished trajectories (e.g. stopped with needs_reply) can be continued');
    }
  }

  /** Records an outcome; earlier outcomes stay in the history, the latest one wins. */
  setOutcome(id: string, outcome: Outcome): void {
    checkOutcome(outcome);
    try {
      this.st.insertOutcome.run(outcomeToRow(id, outcome, Date.now()));
    } catch (e) {
      throw this.fkError(e, id);
    }
  }

  addAnnotation(a: Annotation): number {
    if (typeof a.kind !== 'string' || a.kind === '') throw new StepwiseError('store_error', 'annotation needs a kind', 'e.g. kind: "label", "correction" or "comment"');
    if (a.stepIndex !== undefined && !(Number.isInteger(a.stepIndex) && a.stepIndex >= 0)) {
      throw new StepwiseError('store_error', `annotation stepIndex must be a step number, got ${a.stepIndex}`, 'omit it to annotate the whole trajectory');
    }
    try {
      const r = this.st.insertAnnotation.run({
        trajectory_id: a.trajectoryId, step_idx: a.stepIndex ?? null, kind: a.kind, value: json(a.value), author: a.author ?? null, at: a.at ?? Date.now(),
      });
      return Number(r.lastInsertRowid);
    } catch (e) {
      throw this.fkError(e, a.trajectoryId);
    }
  }

  hasTrajectory(id: string): boolean {
    return this.st.status.get(id) !== undefined;
  }

  /** The trajectory with its steps (in order) and latest outcome; not_found when absent. */
  getTrajectory(id: string): Trajectory {
    const row = this.st.getTraj.get(id) as TrajectoryRow | undefined;
    if (!row) throw notFound(id);
    const t = rowToTrajectory(row);
    t.steps = (this.st.getSteps.all(id) as StepRow[]).map(rowToStep);
    const o = this.st.latestOutcome.get(id) as OutcomeRow | undefined;
    if (o) t.outcome = rowToOutcome(o);
    return t;
  }

  /** Every outcome recorded for a trajectory, oldest first. */
  getOutcomes(id: string): Outcome[] {
    return (this.st.outcomes.all(id) as OutcomeRow[]).map(rowToOutcome);
  }

  getAnnotations(id: string): Annotation[] {
    return (this.st.annotations.all(id) as AnnotationRow[]).map(rowToAnnotation);
  }

  listTrajectories(filter: ListFilter = {}): TrajectorySummary[] {
    const { sql, params } = buildListQuery(filter);
    return (this.db.prepare(sql).all(...params) as Parameters<typeof rowToSummary>[0][]).map(rowToSummary);
  }

  /**
   * Summaries matching a filter, newest first, fetched a page at a time with keyset paging,
   * so an export walks any number of trajectories in bounded memory and is not thrown off
   * by trajectories added meanwhile.
   */
  *iterate(filter: ListFilter = {}, pageSize = 200): Generator<TrajectorySummary> {
    let left = filter.limit ?? Infinity;
    let page = this.listTrajectories({ ...filter, limit: Math.min(pageSize, left) });
    while (page.length > 0) {
      for (const s of page) yield s;
      left -= page.length;
      if (left <= 0 || page.length < pageSize) return;
      const last = page[page.length - 1];
      page = this.listTrajectories({ ...filter, offset: 0, after: { startedAt: last.startedAt, id: last.id }, limit: Math.min(pageSize, left) });
    }
  }

  /**
   * Inserts a complete trajectory (import, copy between stores) in one transaction: all of
   * it or nothing. Referenced blobs must already be in the store. Fails when the id exists.
   */
  putTrajectory(t: Trajectory, extras: TrajectoryExtras = {}): void {
    checkTask(t.task);
    for (const s of t.steps) checkStep(s, this.blobs);
    const outcomes = extras.outcomes ?? (t.outcome ? [t.outcome] : []);
    outcomes.forEach(checkOutcome);
    this.db.transaction(() => {
      try {
        this.st.insertTraj.run({ ...trajectoryToRow(t), owner_pid: null, owner_host: null, owner_start: null });
      } catch (e) {
        throw this.insertError(e, t.id);
      }
      for (const s of t.steps) this.st.insertStep.run(stepToRow(t.id, s));
      for (const o of outcomes) this.st.insertOutcome.run(outcomeToRow(t.id, o, Date.now()));
      for (const a of extras.annotations ?? []) {
        this.st.insertAnnotation.run({ trajectory_id: t.id, step_idx: a.stepIndex ?? null, kind: a.kind, value: json(a.value), author: a.author ?? null, at: a.at ?? Date.now() });
      }
    }).immediate();
  }

  /**
   * Marks running trajectories as interrupted and returns their ids. Default: only those
   * whose writer process is known dead (same host, pid gone or reused). Writers on another
   * host cannot be checked; pass { ids } or { all: true } to settle those explicitly.
   */
  markInterrupted(opts: { ids?: string[]; all?: boolean } = {}): string[] {
    const running = this.st.running.all() as { id: string; owner_pid: number | null; owner_host: string | null; owner_start: string | null }[];
    const chosen = running.filter((r) => {
      if (opts.all) return true;
      if (opts.ids) return opts.ids.includes(r.id);
      return ownerLiveness({ pid: r.owner_pid, host: r.owner_host, start: r.owner_start }) === 'dead';
    });
    this.db.transaction(() => { for (const r of chosen) this.st.interrupt.run(r.id); })();
    return chosen.map((r) => r.id);
  }

  /** SQLite's own integrity check; 'ok' when the database file is sound. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private insertError(e: unknown, id: string): Error {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return new StepwiseError('store_error', `trajectory ${id} already exists`, 'use a new id, or leave id out to get a fresh one', { exists: true, id });
    }
    return e as Error;
  }

  private fkError(e: unknown, id: string): Error {
    return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ? notFound(id) : (e as Error);
  }
}

function prepare(db: Database.Database) {
  return {
    insertTraj: db.prepare(`INSERT INTO trajectories (id, task, task_id, app, instruction, device, policy, policy_name, status, stop_reason, answer, started_at, ended_at, meta, owner_pid, owner_host, owner_start)
      VALUES (@id, @task, @task_id, @app, @instruction, @device, @policy, @policy_name, @status, @stop_reason, @answer, @started_at, @ended_at, @meta, @owner_pid, @owner_host, @owner_start)`),
    status: db.prepare('SELECT status FROM trajectories WHERE id = ?'),
    insertStep: db.prepare(`INSERT INTO steps (trajectory_id, idx, observation, model, action, result, started_at, duration_ms, meta)
      VALUES (@trajectory_id, @idx, @observation, @model, @action, @result, @started_at, @duration_ms, @meta)`),
    finish: db.prepare('UPDATE trajectories SET status = @status, stop_reason = COALESCE(@stop_reason, stop_reason), answer = COALESCE(@answer, answer), ended_at = @ended_at WHERE id = @id'),
    insertOutcome: db.prepare('INSERT INTO outcomes (trajectory_id, verdict, confidence, source, reason, by, at, cost) VALUES (@trajectory_id, @verdict, @confidence, @source, @reason, @by, @at, @cost)'),
    insertAnnotation: db.prepare('INSERT INTO annotations (trajectory_id, step_idx, kind, value, author, at) VALUES (@trajectory_id, @step_idx, @kind, @value, @author, @at)'),
    getTraj: db.prepare('SELECT * FROM trajectories WHERE id = ?'),
    getSteps: db.prepare('SELECT * FROM steps WHERE trajectory_id = ? ORDER BY idx'),
    latestOutcome: db.prepare('SELECT * FROM outcomes WHERE trajectory_id = ? ORDER BY seq DESC LIMIT 1'),
    outcomes: db.prepare('SELECT * FROM outcomes WHERE trajectory_id = ? ORDER BY seq'),
    annotations: db.prepare('SELECT * FROM annotations WHERE trajectory_id = ? ORDER BY seq'),
    running: db.prepare(`SELECT id, owner_pid, owner_host, owner_start FROM trajectories WHERE status = 'running'`),
    // ended_at: when the last recorded step ended, the best guess of when the writer died.
    interrupt: db.prepare(`UPDATE trajectories SET status = 'interrupted', stop_reason = 'interrupted',
      ended_at = COALESCE((SELECT MAX(started_at + COALESCE(duration_ms, 0)) FROM steps WHERE trajectory_id = trajectories.id), started_at)
      WHERE id = ? AND status = 'running'`),
  };
}

function notFound(id: string): StepwiseError {
  return new StepwiseError('not_found', `no trajectory ${JSON.stringify(id)} in the store`, 'list ids with `stepwise traj list`', { id });
}

function checkTask(task: TaskRef): void {
  if (!task || typeof task.instruction !== 'string') {
    throw new StepwiseError('store_error', 'a trajectory needs task.instruction (a string)', 'pass { task: { instruction: "..." } }');
  }
}

function checkStep(step: Step, blobs: BlobStore): void {
  if (!step || !Number.isInteger(step.index) || step.index < 0) {
    throw new StepwiseError('store_error', `step index must be an integer >= 0, got ${JSON.stringify(step?.index)}`, 'number steps 0, 1, 2, ...');
  }
  const obs = step.observation;
  for (const sha of [obs?.image, obs?.uiTree]) {
    if (sha === undefined) continue;
    assertSha(sha);
    if (!blobs.has(sha)) {
      throw new StepwiseError('store_error', `step ${step.index} references blob ${sha}, which is not in the store`, 'store the bytes with putBlob (or putObservation) before appending the step');
    }
  }
  if (step.action) validateAction(step.action);
  if (step.model?.action) validateAction(step.model.action);
}

function checkOutcome(o: Outcome): void {
  if (o.verdict !== 'success' && o.verdict !== 'failure') {
    throw new StepwiseError('store_error', `outcome verdict must be success or failure, got ${JSON.stringify(o.verdict)}`, 'record undecided cases as an annotation');
  }
  if (typeof o.confidence !== 'number' || !(o.confidence >= 0 && o.confidence <= 1)) {
    throw new StepwiseError('store_error', `outcome confidence must be a number in 0-1, got ${JSON.stringify(o.confidence)}`, 'give the probability that the verdict is right');
  }
  if (typeof o.source !== 'string') throw new StepwiseError('store_error', 'outcome needs a source', 'one of verifier, rule, judge, human, import');
}
