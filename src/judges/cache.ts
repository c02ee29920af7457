/**
 * Content-hash cache for judge results, in SQLite (judge-cache.sqlite in the store dir, or a
 * file the config names). The key hashes the method, the protocol, the model and every option
 * that changes an answer, and the items (image bytes by their sha256), so a changed prompt
 * option or a different screenshot is a miss. Hits report zero tokens and `cached: true`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StepwiseError, errorMessage } from '../core/errors.js';
import { resolveStoreDir } from '../store/location.js';
import type { CommonConfig } from './config.js';
import type { JudgeContext } from './runtime.js';
import type { CallOptions, Judge, JudgeCost, JudgeItem, JudgeResult, PairResult, RankResult } from './types.js';

/** Keys that change how a judge runs, not what it answers. */
const OPERATIONAL = new Set(['apiKey', 'apiKeyEnv', 'headers', 'timeoutMs', 'retries', 'retryDelayMs', 'concurrency', 'batchSize', 'budget', 'price', 'cache', 'baseURL']);

export function cachePath(cfg: Pick<CommonConfig, 'cache'>, ctx: JudgeContext): string {
  if (typeof cfg.cache === 'string') return resolve(cfg.cache);
  return join(ctx.storeDir ?? resolveStoreDir(undefined, ctx.env), 'judge-cache.sqlite');
}

/** A stable hash of any value; Buffers enter by their sha256. */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value, function (this: unknown, k, v) {
    const orig = (this as Record<string, unknown>)[k];
    if (Buffer.isBuffer(orig)) return `sha256:${createHash('sha256').update(orig).digest('hex')}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    return v;
  });
  return createHash('sha256').update(text ?? 'undefined').digest('hex');
}

const zeroCost = (): JudgeCost => ({ calls: 0, promptTokens: 0, completionTokens: 0, latencyMs: 0, cached: true });

export class JudgeCache {
  private readonly db: Database.Database;
  private readonly get: Database.Statement;
  private readonly put: Database.Statement;
  constructor(readonly path: string) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec('CREATE TABLE IF NOT EXISTS judge_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, at INTEGER NOT NULL)');
    } catch (e) {
      throw new StepwiseError('store_error', `cannot open the judge cache ${path}: ${errorMessage(e)}`, 'set cache: false, or point cache: at a writable file');
    }
    this.get = this.db.prepare('SELECT value FROM judge_cache WHERE key = ?');
    this.put = this.db.prepare('INSERT OR REPLACE INTO judge_cache (key, value, at) VALUES (?, ?, ?)');
  }
  read<T>(key: string): T | undefined {
    const row = this.get.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
  write(key: string, value: unknown): void {
    this.put.run(key, JSON.stringify(value), Date.now());
  }
  close(): void {
    this.db.close();
  }
}

const open = new Map<string, JudgeCache>();
function cacheAt(path: string): JudgeCache {
  let c = open.get(path);
  if (!c) open.set(path, (c = new JudgeCache(path)));
  return c;
}

export function withCache(judge: Judge, cfg: CommonConfig & Record<string, unknown>, ctx: JudgeContext): Judge {
  const cache = cacheAt(cachePath(cfg, ctx));
  const identity = Object.fromEntries(Object.entries(cfg).filter(([k]) => !OPERATIONAL.has(k)));
  const key = (method: string, args: unknown) => contentHash({ method, identity, args });
  async function cached<T extends { cost: JudgeCost }>(method: string, args: unknown, run: () => Promise<T>): Promise<T> {
    const k = key(method, args);
    const hit = cache.read<T>(k);
    if (hit) return { ...hit, cost: zeroCost() };
    const r = await run();
    cache.write(k, r);
    return r;
  }
  return {
    protocol: judge.protocol,
    score: (item: JudgeItem, o?: CallOptions) => cached<JudgeResult>('score', item, () => judge.score(item, o)),
    compare: (a: JudgeItem, b: JudgeItem, o?: CallOptions) => cached<PairResult>('compare', [a, b], () => judge.compare(a, b, o)),
    rank: (items: JudgeItem[], o?: CallOptions) => cached<RankResult>('rank', items, () => judge.rank(items, o)),
  };
}
