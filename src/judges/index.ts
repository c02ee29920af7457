/**
 * Judges and reward models behind one interface (types.ts). `createJudge(config)` validates a
 * config (or looks one up by name under `judges:` in stepwise.config.yaml) and builds the
 * protocol's Judge; `listProtocols()` says which protocols exist and which are implemented.
 */
import { StepwiseError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import { BudgetMeter } from './budget.js';
import { CATALOGUE, protocolInfo, type ProtocolInfo } from './catalogue.js';
import { apiKeyOf, CommonSchema, judgeConfigByName, parseWith, type CommonConfig, type JudgeConfig, type LoadJudgeOptions } from './config.js';
import { JudgeEndpoint } from './endpoint.js';
import { implementation } from './registry.js';
import type { JudgeContext, JudgeRuntime } from './runtime.js';
import type { Judge } from './types.js';
import { withCache } from './cache.js';
import './protocols/index.js';

export * from './types.js';
export type { JudgeConfig, CommonConfig, Budget, LoadJudgeOptions } from './config.js';
export { judgeConfigByName, configuredJudges, readJudgeConfigFile } from './config.js';
export type { JudgeContext } from './runtime.js';
export type { ProtocolInfo, JudgeKind } from './catalogue.js';
export { BudgetExceededError, BudgetMeter } from './budget.js';
export { calibrateJudge, calibrated, type GoldItem, type CalibrationReport } from './calibrate.js';
export { scoreAll, type ItemOutcome, type ScoreAllOptions } from './batch.js';
export { contentHash } from './cache.js';

export interface ProtocolListing extends ProtocolInfo {
  implemented: boolean;
  /** The protocol's own config keys (besides the common ones). */
  options: string[];
}

export function listProtocols(): ProtocolListing[] {
  return CATALOGUE.map((p) => {
    const impl = implementation(p.name);
    return { ...p, implemented: impl !== undefined, options: impl ? Object.keys(impl.options.shape) : [] };
  });
}

export interface CreateOptions extends LoadJudgeOptions {
  context?: JudgeContext;
  /** Share a budget meter with other judges (ensembles, one run over many judges). */
  budget?: BudgetMeter;
}

/** Build a judge from a config object, or from the config file's `judges.<name>`. */
export function createJudge(config: JudgeConfig | string, opts: CreateOptions = {}): Judge {
  const raw = typeof config === 'string' ? judgeConfigByName(config, opts) : config;
  const where = typeof config === 'string' ? `judge ${JSON.stringify(config)}` : 'judge config';
  const { protocol } = parseWith(CommonSchema.pick({ protocol: true }).loose(), raw, where);
  if (!protocolInfo(protocol)) {
    throw new StepwiseError('config_error', `unknown judge protocol ${JSON.stringify(protocol)}`, `use one of: ${CATALOGUE.map((p) => p.name).join(', ')}`);
  }
  const impl = implementation(protocol);
  if (!impl) {
    const ready = CATALOGUE.filter((p) => implementation(p.name)).map((p) => p.name);
    throw new StepwiseError('not_implemented', `judge protocol ${JSON.stringify(protocol)} is not implemented yet`, `implemented: ${ready.join(', ') || '(none yet)'}; see docs/JUDGES.md`);
  }
  const cfg = parseWith(CommonSchema.extend(impl.options.shape).strict(), raw, `${where} (${protocol})`) as CommonConfig & Record<string, unknown>;
  const ctx = opts.context ?? {};
  const budget = opts.budget ?? new BudgetMeter(cfg.budget, cfg.price);
  let endpoint: JudgeEndpoint | undefined;
  if (impl.needsEndpoint) {
    if (!cfg.baseURL) throw new StepwiseError('config_error', `${where} (${protocol}) has no baseURL`, 'set baseURL, e.g. http://localhost:8000/v1 (or pass --base-url)');
    if (!cfg.model) throw new StepwiseError('config_error', `${where} (${protocol}) has no model`, 'set model to the name the server knows (or pass --model)');
    endpoint = new JudgeEndpoint({
      baseURL: cfg.baseURL, apiKey: apiKeyOf(cfg, ctx.env), model: cfg.model, timeoutMs: cfg.timeoutMs, retries: cfg.retries,
      retryDelayMs: cfg.retryDelayMs, headers: cfg.headers, maxTokens: cfg.maxTokens ?? 1024,
    }, budget);
  }
  const rt: JudgeRuntime = {
    cfg, endpoint, budget, ctx, rng: new Rng(cfg.seed),
    member: (c) => createJudge(c, { ...opts, context: ctx, budget }),
  };
  const judge = impl.build(cfg, rt);
  return cfg.cache ? withCache(judge, cfg, ctx) : judge;
}
