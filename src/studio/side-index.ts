/**
 * Read-only queries the Store API has no call for: each trajectory's `meta.round` (the browser
 * filters by evolve round) and the times of every `review_done` annotation (review throughput).
 * A second, read-only SQLite connection to the store's database: it never writes, so the
 * store's own invariants stay with src/store.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DB_FILE } from '../store/index.js';

export class SideIndex {
  private readonly db: Database.Database;
  private readonly roundsSt: Database.Statement;
  private readonly reviewsSt: Database.Statement;

  constructor(storeDir: string) {
    this.db = new Database(join(storeDir, DB_FILE), { readonly: true, fileMustExist: true, timeout: 5000 });
    this.roundsSt = this.db.prepare(`SELECT id, json_extract(meta, '$.round') AS round FROM trajectories WHERE meta IS NOT NULL AND json_extract(meta, '$.round') IS NOT NULL`);
    this.reviewsSt = this.db.prepare(`SELECT trajectory_id AS id, author, at FROM annotations WHERE kind = 'review_done' ORDER BY at`);
  }

  /** Trajectory id -> its meta.round, as a string (rounds may be numbers or names). */
  rounds(): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.roundsSt.all() as { id: string; round: unknown }[]) out.set(r.id, String(r.round));
    return out;
  }

  /** Every review decision, oldest first. */
  reviews(): { id: string; author: string | null; at: number }[] {
    return this.reviewsSt.all() as { id: string; author: string | null; at: number }[];
  }

  close(): void {
    this.db.close();
  }
}
