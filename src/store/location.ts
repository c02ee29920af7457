/**
 * Where the default store lives: an explicit flag wins, then STEPWISE_STORE, then
 * `.stepwise` in the current directory. Every command that touches the store calls this.
 */
import { resolve } from 'node:path';

export const STORE_ENV = 'STEPWISE_STORE';
export const DEFAULT_STORE_DIR = '.stepwise';

export function resolveStoreDir(flag?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = flag?.trim() || env[STORE_ENV]?.trim() || DEFAULT_STORE_DIR;
  return resolve(cwd, chosen);
}
