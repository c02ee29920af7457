/**
 * Model settings from four layers, highest first: flags > env vars > config file provider >
 * defaults. Env vars: STEPWISE_BASE_URL, STEPWISE_API_KEY, STEPWISE_MODEL, STEPWISE_PROVIDER
 * (and STEPWISE_CONFIG for the file). `sources` records where each value came from, so a
 * wrong endpoint can be traced to the layer that set it.
 */
import type { Platform } from '../core/actions.js';
import { StepwiseError } from '../core/errors.js';
import { getDialect } from '../formats/index.js';
import { defaultProfileFor, getProfile } from '../agent/openai/profiles.js';
import { loadConfig, type LoadedConfig } from './load.js';
import { ProviderSchema, type ProviderConfig } from './schema.js';

export type SettingSource = 'flag' | 'env' | 'config' | 'default';

export interface ModelSettings {
  provider?: string;
  baseURL: string;
  apiKey: string;
  model: string;
  dialect: string;
  profile: string;
  temperature: number;
  topP?: number;
  maxTokens: number;
  timeoutMs: number;
  retries: number;
  parseRetries: number;
  historyImages: number;
  maxPixels?: number;
  minPixels?: number;
  imageFormat?: 'png' | 'jpeg';
  imageQuality?: number;
  stream: boolean;
  logprobs?: number;
  toolChoice: 'auto' | 'required' | 'none';
  platform: Platform;
  /** What pixel dialects (qwen, uitars-1.5) count in: the sent image's pixels, or 0-1000 (Qwen3-VL). */
  coordinates: 'image' | 'norm1000';
  price?: { prompt: number; completion: number };
  headers?: Record<string, string>;
  extraBody?: Record<string, unknown>;
  sources: Partial<Record<keyof ProviderConfig, SettingSource>>;
  configPath?: string;
}

/** Flags: any provider key, plus which provider and which config file. */
export type ModelFlags = ProviderConfig & { provider?: string; config?: string };

export const MODEL_DEFAULTS = {
  baseURL: 'http://localhost:8000/v1',
  apiKey: 'EMPTY',
  dialect: 'gelab',
  temperature: 0,
  maxTokens: 1024,
  timeoutMs: 60_000,
  retries: 3,
  parseRetries: 1,
  historyImages: 3,
  stream: false,
  toolChoice: 'auto',
  platform: 'phone',
  coordinates: 'image',
} as const;

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** An already loaded config (tests, or a caller that reads it once). */
  loaded?: LoadedConfig;
}

function pickProvider(loaded: LoadedConfig, name: string | undefined, from: string): { name?: string; cfg: ProviderConfig } {
  const providers = loaded.config.providers ?? {};
  const names = Object.keys(providers);
  const where = loaded.path ?? 'the config file';
  if (name !== undefined) {
    if (!Object.prototype.hasOwnProperty.call(providers, name)) {
      throw new StepwiseError('config_error', `provider ${JSON.stringify(name)} (from ${from}) is not in ${loaded.path ?? 'any config file'}`,
        names.length ? `use one of: ${names.join(', ')}` : 'add it under `providers:` in stepwise.config.yaml');
    }
    return { name, cfg: providers[name] };
  }
  const def = loaded.config.default;
  if (def !== undefined) {
    if (!providers[def]) throw new StepwiseError('config_error', `${where}: default provider ${JSON.stringify(def)} is not under providers`, `use one of: ${names.join(', ') || '(none defined)'}`);
    return { name: def, cfg: providers[def] };
  }
  if (names.length === 1) return { name: names[0], cfg: providers[names[0]] };
  if (names.length > 1) {
    throw new StepwiseError('config_error', `${where} defines ${names.length} providers and none is chosen`, `pass --provider NAME (${names.join(', ')}), set STEPWISE_PROVIDER, or set default: in the file`);
  }
  return { cfg: {} };
}

function checkFlags(flags: ProviderConfig): ProviderConfig {
  const r = ProviderSchema.safeParse(flags);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new StepwiseError('config_error', `invalid model option ${i.path.join('.') || '(options)'}: ${i.message}`, 'see `stepwise --help` or docs/MODELS.md');
  }
  return r.data;
}

export function resolveModelSettings(flags: ModelFlags = {}, opts: ResolveOptions = {}): ModelSettings {
  const env = opts.env ?? process.env;
  const { provider: providerFlag, config: configFlag, ...rest } = flags;
  const flagValues = checkFlags(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as ProviderConfig);
  const loaded = opts.loaded ?? loadConfig({ path: configFlag, env, cwd: opts.cwd });
  const providerName = providerFlag ?? (env.STEPWISE_PROVIDER || undefined);
  const { name, cfg } = pickProvider(loaded, providerName, providerFlag !== undefined ? '--provider' : 'STEPWISE_PROVIDER');

  const envValues: ProviderConfig = {};
  if (env.STEPWISE_BASE_URL) envValues.baseURL = env.STEPWISE_BASE_URL;
  if (env.STEPWISE_API_KEY) envValues.apiKey = env.STEPWISE_API_KEY;
  if (env.STEPWISE_MODEL) envValues.model = env.STEPWISE_MODEL;
  const fileValues: ProviderConfig = { ...cfg };
  if (cfg.apiKeyEnv !== undefined && cfg.apiKey === undefined) {
    const key = env[cfg.apiKeyEnv];
    if (!key) throw new StepwiseError('config_error', `provider ${name}: apiKeyEnv names ${cfg.apiKeyEnv}, which is not set`, `export ${cfg.apiKeyEnv}=... or set apiKey`);
    fileValues.apiKey = key;
  }

  const sources: ModelSettings['sources'] = {};
  const merged: Record<string, unknown> = {};
  const layers: [SettingSource, Record<string, unknown>][] = [['default', MODEL_DEFAULTS], ['config', fileValues], ['env', envValues], ['flag', flagValues]];
  for (const [source, values] of layers) {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || k === 'apiKeyEnv') continue;
      merged[k] = v;
      sources[k as keyof ProviderConfig] = source;
    }
  }
  checkUrl(merged.baseURL as string, sources.baseURL);
  if (typeof merged.model !== 'string' || merged.model === '') {
    throw new StepwiseError('config_error', 'no model name given', 'pass --model NAME, set STEPWISE_MODEL, or define a provider with `model:` in stepwise.config.yaml');
  }
  const dialect = getDialect(merged.dialect as string).name;
  if (merged.profile === undefined) {
    merged.profile = defaultProfileFor(dialect);
    sources.profile = 'default';
  }
  // Validate profile and overrides now, not on the first step.
  getProfile(merged.profile as string, { maxPixels: merged.maxPixels as number | undefined, minPixels: merged.minPixels as number | undefined });
  return { ...(merged as unknown as Omit<ModelSettings, 'sources'>), ...(name !== undefined && { provider: name }), sources, ...(loaded.path && { configPath: loaded.path }) };
}

function checkUrl(url: string, source: SettingSource | undefined): void {
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new StepwiseError('config_error', `base URL ${JSON.stringify(url)} (from ${source ?? 'default'}) is not an http(s) URL`, 'e.g. http://localhost:8000/v1');
  }
}
