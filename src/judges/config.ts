/**
 * A judge's configuration, declared once with zod: the keys every protocol shares (endpoint,
 * retries, concurrency, cache, budget, price) plus each protocol's own options, checked
 * strictly so a misspelt key is an error. Configs come from code, from a JSON/YAML file, or by
 * name from the `judges:` section of stepwise.config.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { StepwiseError, errorMessage } from '../core/errors.js';
import { loadConfig } from '../config/load.js';
import { PriceSchema } from '../config/schema.js';

export const BudgetSchema = z
  .object({
    usd: z.number().positive().describe('stop before spending more than this (needs price)'),
    tokens: z.number().int().positive().describe('prompt + completion tokens'),
    calls: z.number().int().positive().describe('model requests'),
  })
  .partial()
  .strict();
export type Budget = z.infer<typeof BudgetSchema>;

/** Keys every protocol understands. */
export const CommonSchema = z.object({
  protocol: z.string().min(1),
  baseURL: z.url().optional().describe('OpenAI-compatible base URL ending in /v1 (root endpoints such as /pooling are derived from it)'),
  model: z.string().min(1).optional(),
  apiKey: z.string().optional(),
  apiKeyEnv: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  timeoutMs: z.number().int().positive().default(60_000),
  retries: z.number().int().min(0).max(20).default(3),
  /** First retry delay; doubles each time (with jitter), honouring Retry-After. */
  retryDelayMs: z.number().int().min(0).default(500),
  concurrency: z.number().int().min(1).max(256).default(4),
  /** Items per request for protocols whose endpoint takes a list (scalar heads). */
  batchSize: z.number().int().min(1).max(1024).default(16),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().optional(),
  price: PriceSchema.optional(),
  budget: BudgetSchema.optional(),
  /** true: judge-cache.sqlite in the store dir; a string: that file; false/absent: no cache. */
  cache: z.union([z.boolean(), z.string().min(1)]).optional(),
  /** Seed for anything random (A/B swaps), so runs repeat. */
  seed: z.number().int().default(0),
});
export type CommonConfig = z.infer<typeof CommonSchema>;

/** What callers pass: the common keys plus protocol options at the top level. */
export type JudgeConfig = z.input<typeof CommonSchema> & Record<string, unknown>;

/** Validation of `schema` with the first issues named, as a config_error. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
  throw new StepwiseError('config_error', `${where} is invalid: ${issues.join('; ')}`, 'see docs/JUDGES.md for each protocol\'s keys, or `stepwise judge --list`');
}

/** Resolve the API key: apiKey, else the variable apiKeyEnv names, else "EMPTY" (local servers). */
export function apiKeyOf(c: CommonConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (c.apiKey !== undefined) return c.apiKey;
  if (c.apiKeyEnv !== undefined) {
    const v = env[c.apiKeyEnv];
    if (!v) throw new StepwiseError('config_error', `judge config: apiKeyEnv names ${c.apiKeyEnv}, which is not set`, `export ${c.apiKeyEnv}=... or set apiKey`);
    return v;
  }
  return 'EMPTY';
}

export interface LoadJudgeOptions {
  /** Config file (--config); default: $STEPWISE_CONFIG or ./stepwise.config.yaml. */
  path?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Names under `judges:` in the config file. */
export function configuredJudges(opts: LoadJudgeOptions = {}): Record<string, JudgeConfig> {
  const { config, path } = loadConfig({ path: opts.path, cwd: opts.cwd, env: opts.env });
  const section = (config as Record<string, unknown>).judges;
  if (section === undefined) return {};
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    throw new StepwiseError('config_error', `${path}: judges must be a map of name -> judge config`, 'e.g. judges:\\n  rm:\\n    protocol: scalar\\n    baseURL: http://localhost:8000/v1\\n    model: Skywork/Skywork-Reward-V2-Llama-3.1-8B');
  }
  return section as Record<string, JudgeConfig>;
}

/** The judge named `name` in the config file's `judges:` section. */
export function judgeConfigByName(name: string, opts: LoadJudgeOptions = {}): JudgeConfig {
  const all = configuredJudges(opts);
  const c = all[name];
  if (c === undefined || typeof c !== 'object') {
    const names = Object.keys(all);
    throw new StepwiseError('config_error', `no judge named ${JSON.stringify(name)} in the config file`, names.length ? `use one of: ${names.join(', ')}` : 'add it under `judges:` in stepwise.config.yaml');
  }
  return c;
}

/** A standalone judge config file (YAML or JSON holding one config object). */
export function readJudgeConfigFile(file: string, cwd = process.cwd()): JudgeConfig {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new StepwiseError('config_error', `judge config file ${path} does not exist`, 'give the path of a YAML or JSON file with protocol, baseURL and model');
  let data: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    data = path.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    throw new StepwiseError('config_error', `judge config file ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${errorMessage(e)}`, 'fix the syntax at the position shown');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new StepwiseError('config_error', `judge config file ${path} must hold one object`, 'keys: protocol, baseURL, model, ...');
  return data as JudgeConfig;
}
