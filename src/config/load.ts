/**
 * Finding and reading the config file: --config PATH, else $STEPWISE_CONFIG, else
 * stepwise.config.yaml / .yml / .json in the working directory (absent is fine: no file, no
 * settings). A named file that is missing or invalid is an error that says where and what.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';
import { StepwiseError, errorMessage } from '../core/errors.js';
import { ConfigSchema, type StepwiseConfig } from './schema.js';

export const CONFIG_FILES = ['stepwise.config.yaml', 'stepwise.config.yml', 'stepwise.config.json'] as const;

export interface LoadedConfig {
  config: StepwiseConfig;
  /** Absolute path of the file read; undefined when there was none. */
  path?: string;
}

export interface LoadOptions {
  /** Explicit path (--config). */
  path?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Parse and validate config text; `where` names the source in error messages. */
export function parseConfig(text: string, where: string): StepwiseConfig {
  let data: unknown;
  try {
    data = where.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { prettyErrors: true });
  } catch (e) {
    throw new StepwiseError('config_error', `${where} is not valid ${where.endsWith('.json') ? 'JSON' : 'YAML'}: ${errorMessage(e)}`, 'fix the syntax at the position shown');
  }
  if (data === null || data === undefined) return {};
  const r = ConfigSchema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new StepwiseError('config_error', `${where} is invalid: ${issues.join('; ')}`, 'see docs/MODELS.md for the provider keys');
  }
  return r.data;
}

export function loadConfig(opts: LoadOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const named = opts.path ?? (env.STEPWISE_CONFIG || undefined);
  if (named !== undefined) {
    const path = resolve(cwd, named);
    if (!existsSync(path)) {
      const from = opts.path !== undefined ? '--config' : 'STEPWISE_CONFIG';
      throw new StepwiseError('config_error', `config file ${path} (from ${from}) does not exist`, 'give the path of a YAML or JSON file, or unset it');
    }
    return { config: parseConfig(read(path), path), path };
  }
  for (const name of CONFIG_FILES) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return { config: parseConfig(read(path), path), path };
  }
  return { config: {} };
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new StepwiseError('config_error', `cannot read config file ${path}: ${errorMessage(e)}`, 'check the path and its permissions');
  }
}
