/**
 * The store's schema as an ordered list of migrations. Opening a store applies every
 * migration newer than the store's version, each in its own transaction together with
 * its schema_migrations row, so an interrupted upgrade leaves a consistent older version.
 * Never edit a released migration: append a new one.
 */
import type Database from 'better-sqlite3';
import { StepwiseError } from '../core/errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial tables',
    sql: `
      CREATE TABLE trajectories (
        id TEXT PRIMARY KEY,
        task TEXT NOT NULL,
        task_id TEXT,
        app TEXT,
        instruction TEXT NOT NULL,
        device TEXT,
        policy TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
        stop_reason TEXT,
        answer TEXT,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        meta TEXT
      );
      CREATE TABLE steps (
        trajectory_id TEXT NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL CHECK (idx >= 0),
        observation TEXT,
        model TEXT,
        action TEXT,
        result TEXT,
        started_at INTEGER,
        duration_ms REAL,
        meta TEXT,
        PRIMARY KEY (trajectory_id, idx)
      ) WITHOUT ROWID;
      CREATE TABLE outcomes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        trajectory_id TEXT NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'failure')),
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        source TEXT NOT NULL,
        reason TEXT,
        by TEXT,
        at INTEGER NOT NULL,
        cost TEXT
      );
      CREATE TABLE annotations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        trajectory_id TEXT NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
        step_idx INTEGER,
        kind TEXT NOT NULL,
        value TEXT,
        author TEXT,
        at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'writer liveness and list indexes',
    sql: `
      ALTER TABLE trajectories ADD COLUMN policy_name TEXT;
      ALTER TABLE trajectories ADD COLUMN owner_pid INTEGER;
      ALTER TABLE trajectories ADD COLUMN owner_host TEXT;
      ALTER TABLE trajectories ADD COLUMN owner_start TEXT;
      UPDATE trajectories SET policy_name = json_extract(policy, '$.name') WHERE policy IS NOT NULL;
      CREATE INDEX trajectories_started ON trajectories(started_at DESC, id DESC);
      CREATE INDEX trajectories_status ON trajectories(status);
      CREATE INDEX trajectories_task ON trajectories(task_id);
      CREATE INDEX trajectories_app ON trajectories(app);
      CREATE INDEX outcomes_latest ON outcomes(trajectory_id, seq DESC);
      CREATE INDEX annotations_traj ON annotations(trajectory_id, seq);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the database to `target` (default: the newest version). Returns the versions applied.
 * A store written by a newer stepwise is refused rather than guessed at.
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new StepwiseError(
      'store_error',
      `store schema version ${current} is newer than this stepwise supports (${SCHEMA_VERSION})`,
      'upgrade stepwise to open this store',
    );
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    applied.push(m.version);
  }
  return applied;
}
