import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveModelSettings } from '../../src/config/index.js';
import { StepwiseError } from '../../src/core/errors.js';

function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'sw-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const YAML_CONFIG = `
default: local
providers:
  local:
    baseURL: http://localhost:8000/v1
    model: gelab-zero-4b
    dialect: gelab
    temperature: 0.2
    price: { prompt: 0.1, completion: 0.4 }
  tars:
    baseURL: http://gpu-box:8001/v1
    apiKeyEnv: TARS_KEY
    model: ui-tars-1.5-7b
    dialect: uitars-1.5
    maxPixels: 1003520
    historyImages: 5
`;

function configError(f: () => unknown): StepwiseError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StepwiseError);
    expect((e as StepwiseError).code).toBe('config_error');
    return e as StepwiseError;
  }
  throw new Error('expected a config error');
}

describe('model settings: flags > env > config file > defaults', () => {
  it('reads stepwise.config.yaml from the working directory and uses the default provider', () => {
    const cwd = dir({ 'stepwise.config.yaml': YAML_CONFIG });
    const s = resolveModelSettings({}, { cwd, env: {} });
    expect(s).toMatchObject({ provider: 'local', baseURL: 'http://localhost:8000/v1', model: 'gelab-zero-4b', dialect: 'gelab', profile: 'gelab', temperature: 0.2, maxTokens: 1024, retries: 3, parseRetries: 1 });
    expect(s.price).toEqual({ prompt: 0.1, completion: 0.4 });
    expect(s.sources).toMatchObject({ model: 'config', temperature: 'config', maxTokens: 'default', profile: 'default' });
    expect(s.configPath).toBe(join(cwd, 'stepwise.config.yaml'));
  });

  it('env overrides the file and flags override env', () => {
    const cwd = dir({ 'stepwise.config.yaml': YAML_CONFIG });
    const env = { STEPWISE_MODEL: 'env-model', STEPWISE_BASE_URL: 'http://env:9000/v1', STEPWISE_API_KEY: 'env-key' };
    const s = resolveModelSettings({ model: 'flag-model', maxTokens: 64 }, { cwd, env });
    expect(s).toMatchObject({ model: 'flag-model', baseURL: 'http://env:9000/v1', apiKey: 'env-key', maxTokens: 64, temperature: 0.2 });
    expect(s.sources).toMatchObject({ model: 'flag', baseURL: 'env', apiKey: 'env', maxTokens: 'flag', temperature: 'config' });
  });

  it('picks a provider by flag or STEPWISE_PROVIDER, reads its key from apiKeyEnv, and defaults the profile by dialect', () => {
    const cwd = dir({ 'stepwise.config.yaml': YAML_CONFIG });
    const s = resolveModelSettings({}, { cwd, env: { STEPWISE_PROVIDER: 'tars', TARS_KEY: 'sk-tars' } });
    expect(s).toMatchObject({ provider: 'tars', apiKey: 'sk-tars', dialect: 'uitars-1.5', profile: 'uitars', maxPixels: 1003520, historyImages: 5 });
    const e = configError(() => resolveModelSettings({ provider: 'tars' }, { cwd, env: {} }));
    expect(e.message).toMatch(/apiKeyEnv names TARS_KEY, which is not set/);
    const unknown = configError(() => resolveModelSettings({ provider: 'nope' }, { cwd, env: {} }));
    expect(unknown.hint).toMatch(/local, tars/);
  });

  it('works with no file at all from flags or env, and says how to give a model when none is set', () => {
    const cwd = dir();
    const s = resolveModelSettings({}, { cwd, env: { STEPWISE_MODEL: 'qwen2.5-vl-7b' } });
    expect(s).toMatchObject({ baseURL: 'http://localhost:8000/v1', apiKey: 'EMPTY', model: 'qwen2.5-vl-7b', dialect: 'gelab' });
    expect(s.configPath).toBeUndefined();
    const e = configError(() => resolveModelSettings({}, { cwd, env: {} }));
    expect(e.message).toBe('no model name given (pass --model NAME, set STEPWISE_MODEL, or define a provider with `model:` in stepwise.config.yaml)');
  });

  it('reads JSON via --config or STEPWISE_CONFIG, and a missing named file is an error', () => {
    const cwd = dir({ 'models.json': JSON.stringify({ providers: { q: { baseURL: 'http://q:1/v1', model: 'qwen', dialect: 'qwen' } } }) });
    expect(resolveModelSettings({ config: 'models.json' }, { cwd, env: {} })).toMatchObject({ provider: 'q', dialect: 'qwen', profile: 'qwen' });
    expect(resolveModelSettings({}, { cwd, env: { STEPWISE_CONFIG: join(cwd, 'models.json') } }).provider).toBe('q');
    const e = configError(() => loadConfig({ path: 'missing.yaml', cwd, env: {} }));
    expect(e.message).toMatch(/missing\.yaml \(from --config\) does not exist/);
  });

  it('rejects misspelt keys, bad values, bad YAML, unknown dialects and ambiguous providers with the place of the problem', () => {
    const typo = dir({ 'stepwise.config.yaml': 'providers:\n  a:\n    baseURL: http://x/v1\n    modle: m\n' });
    expect(configError(() => resolveModelSettings({}, { cwd: typo, env: {} })).message).toMatch(/providers\.a: Unrecognized key: "modle"/);
    const bad = dir({ 'stepwise.config.yaml': 'providers:\n  a:\n    model: m\n    temperature: hot\n' });
    expect(configError(() => resolveModelSettings({}, { cwd: bad, env: {} })).message).toMatch(/providers\.a\.temperature/);
    const broken = dir({ 'stepwise.config.yaml': 'providers: [\n' });
    expect(configError(() => resolveModelSettings({}, { cwd: broken, env: {} })).message).toMatch(/is not valid YAML/);
    const two = dir({ 'stepwise.config.yaml': 'providers:\n  a: { model: m }\n  b: { model: n }\n' });
    expect(configError(() => resolveModelSettings({}, { cwd: two, env: {} })).hint).toMatch(/--provider NAME \(a, b\)/);
    const cwd = dir();
    expect(configError(() => resolveModelSettings({ model: 'm', dialect: 'klingon' }, { cwd, env: {} })).hint).toMatch(/gelab, uitars/);
    expect(configError(() => resolveModelSettings({ model: 'm', profile: 'huge' }, { cwd, env: {} })).hint).toMatch(/none, gelab, qwen/);
    expect(configError(() => resolveModelSettings({ model: 'm', maxTokens: -1 }, { cwd, env: {} })).message).toMatch(/maxTokens/);
    expect(configError(() => resolveModelSettings({ model: 'm' }, { cwd, env: { STEPWISE_BASE_URL: 'localhost:8000' } })).message).toMatch(/from env/);
  });

  it('keeps other subsystems\' top-level sections', () => {
    const cwd = dir({ 'stepwise.config.yaml': 'judges: { strict: true }\nproviders:\n  a: { model: m }\n' });
    expect(loadConfig({ cwd, env: {} }).config.judges).toEqual({ strict: true });
  });
});

describe('model flags for commands', () => {
  it('adds the options to a command and converts what commander parsed', async () => {
    const { Command } = await import('commander');
    const { addModelOptions, modelFlags } = await import('../../src/config/index.js');
    const cmd = addModelOptions(new Command('run').exitOverride());
    cmd.parse(['--base-url', 'http://h:1/v1', '--model', 'm', '--max-tokens', '256', '--stream', '--dialect', 'qwen'], { from: 'user' });
    const flags = modelFlags(cmd.opts());
    expect(flags).toEqual({ baseURL: 'http://h:1/v1', model: 'm', maxTokens: 256, stream: true, dialect: 'qwen' });
    expect(resolveModelSettings(flags, { cwd: dir(), env: {} })).toMatchObject({ maxTokens: 256, profile: 'qwen', sources: { maxTokens: 'flag' } });
    expect(() => modelFlags({ maxTokens: 'lots' })).toThrow(/--max-tokens "lots" is not a number/);
  });
});
