export { openStore, Store, DB_FILE, BLOB_DIR } from './store.js';
export type { OpenOptions, NewTrajectory, FinishInfo, TrajectoryExtras } from './store.js';
export type { Annotation } from './rows.js';
export type { ListFilter, TrajectorySummary } from './query.js';
export { parseTime } from './query.js';
export { BlobStore, sha256Hex, assertSha } from './blobs.js';
export { newTrajectoryId } from './ids.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './schema.js';
export { resolveStoreDir, STORE_ENV, DEFAULT_STORE_DIR } from './location.js';
