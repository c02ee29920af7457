import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { openStore, resolveStoreDir, type Store } from '../../store/index.js';
import { configuredJudges, createJudge, listProtocols, readJudgeConfigFile, scoreAll, type JudgeConfig } from '../../judges/index.js';
import { readItems } from '../../judges/items.js';
import { progressBar } from '../progress.js';

interface Opts {
  list?: boolean; json?: boolean; config?: string; baseUrl?: string; model?: string; apiKey?: string;
  in?: string; out?: string; store?: string; concurrency?: string; budgetTokens?: string; budgetUsd?: string;
  cache?: boolean; set: string[]; progress: boolean;
}

const num = (flag: string, v: string | undefined, int = true): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0 || (int && !Number.isInteger(n))) throw new StepwiseError('config_error', `${flag} ${JSON.stringify(v)} is not a positive ${int ? 'integer' : 'number'}`, `e.g. ${flag} 4`);
  return n;
};

/** --set key=value: the value is JSON when it parses (numbers, booleans, lists), else a string. */
function setting(kv: string): [string, unknown] {
  const i = kv.indexOf('=');
  if (i <= 0) throw new StepwiseError('config_error', `--set ${JSON.stringify(kv)} is not key=value`, 'e.g. --set route=pooling --set samples=4');
  const raw = kv.slice(i + 1);
  try { return [kv.slice(0, i), JSON.parse(raw)]; } catch { return [kv.slice(0, i), raw]; }
}

/** The config: a judge named in --config's (or stepwise.config.yaml's) judges: section, or a protocol plus options. */
function configFrom(name: string, o: Opts): JudgeConfig {
  let cfg: Record<string, unknown> | undefined;
  if (o.config) {
    const data = readJudgeConfigFile(o.config) as Record<string, unknown>;
    const section = data.judges as Record<string, JudgeConfig> | undefined;
    if (section && typeof section === 'object') {
      if (!section[name]) throw new StepwiseError('config_error', `no judge named ${JSON.stringify(name)} under judges: in ${o.config}`, `use one of: ${Object.keys(section).join(', ')}`);
      cfg = { ...section[name] };
    } else {
      cfg = { ...data };
      if (cfg.protocol !== undefined && cfg.protocol !== name) throw new StepwiseError('config_error', `${o.config} is a ${String(cfg.protocol)} judge, not ${name}`, `run stepwise judge ${String(cfg.protocol)} --config ${o.config}`);
    }
  } else {
    const named = configuredJudges()[name];
    if (named) cfg = { ...named };
  }
  cfg ??= {};
  cfg.protocol ??= name;
  const env = process.env;
  const flags: Record<string, unknown> = {
    baseURL: o.baseUrl ?? (cfg.baseURL === undefined ? env.STEPWISE_BASE_URL || undefined : undefined),
    model: o.model ?? (cfg.model === undefined ? env.STEPWISE_MODEL || undefined : undefined),
    apiKey: o.apiKey ?? (cfg.apiKey === undefined && cfg.apiKeyEnv === undefined ? env.STEPWISE_API_KEY || undefined : undefined),
    concurrency: num('--concurrency', o.concurrency),
    cache: o.cache ? true : undefined,
  };
  const tokens = num('--budget-tokens', o.budgetTokens);
  const usd = num('--budget-usd', o.budgetUsd, false);
  if (tokens !== undefined || usd !== undefined) flags.budget = { ...(cfg.budget as object | undefined), ...(tokens !== undefined && { tokens }), ...(usd !== undefined && { usd }) };
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) cfg[k] = v;
  for (const kv of o.set) {
    const [k, v] = setting(kv);
    cfg[k] = v;
  }
  return cfg as JudgeConfig;
}

/** `stepwise judge`: list protocols, or score a JSONL of items with one judge. */
export function register(program: Command): void {
  program
    .command('judge')
    .description('judges and reward models: --list, or `judge <protocol|name> --in items.jsonl` (see docs/JUDGES.md)')
    .argument('[protocol]', 'protocol (see --list), or a judge name under judges: in the config file')
    .option('--list', 'list the protocols')
    .option('--json', 'machine-readable output')
    .option('--config <file>', 'judge config file (YAML/JSON: one judge, or a judges: section)')
    .option('--base-url <url>', 'OpenAI-compatible base URL (or $STEPWISE_BASE_URL)')
    .option('--model <name>', 'model name (or $STEPWISE_MODEL)')
    .option('--api-key <key>', 'API key (or $STEPWISE_API_KEY)')
    .option('--in <file>', 'items, one JSON object a line')
    .option('--out <file>', 'results JSONL (default: stdout)')
    .option('--store <dir>', 'store for trajectory items and the cache (default: $STEPWISE_STORE or ./.stepwise)')
    .option('--concurrency <n>', 'requests in flight')
    .option('--budget-tokens <n>', 'stop before spending more tokens than this')
    .option('--budget-usd <x>', 'stop before spending more than this (needs price in the config)')
    .option('--cache', 'reuse results by content hash (judge-cache.sqlite in the store)')
    .option('--set <key=value>', 'a protocol option (repeatable), e.g. --set route=pooling', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--no-progress', 'no progress bar')
    .action(async (name: string | undefined, o: Opts) => {
      if (o.list || !name) {
        const ps = listProtocols();
        if (o.json) {
          process.stdout.write(JSON.stringify(ps, null, 2) + '\n');
          return;
        }
        const w = Math.max(...ps.map((p) => p.name.length));
        for (const p of ps) {
          process.stdout.write(`${p.name.padEnd(w)}  ${p.kind.padEnd(11)} ${p.implemented ? '' : '(not implemented) '}${p.summary}\n${' '.repeat(w + 2)}models: ${p.models.join('; ')}\n${' '.repeat(w + 2)}score: ${p.scale}${p.options.length ? `\n${' '.repeat(w + 2)}options: ${p.options.join(', ')}` : ''}\n`);
        }
        return;
      }
      if (!o.in) throw new StepwiseError('invalid_input', 'no items given', 'pass --in items.jsonl (one {"prompt","response"} or {"trajectory": id} object a line)');
      const cfg = configFrom(name, o);
      let store: Store | undefined;
      const storeDir = resolveStoreDir(o.store);
      const openStoreOnce = () => (store ??= openStore(storeDir, { create: false }));
      try {
        const lines = readItems(o.in, { trajectory: (id) => openStoreOnce().getTrajectory(id) });
        const judge = createJudge(cfg, { context: {
          storeDir,
          loadImage: (sha) => openStoreOnce().getBlob(sha),
          loadUiTree: (sha) => JSON.parse(openStoreOnce().getBlob(sha).toString('utf8')),
        } });
        const items = lines.flatMap((l) => ('item' in l ? [l.item] : []));
        const lineOf = lines.flatMap((l) => ('item' in l ? [l.line] : []));
        const bar = progressBar(items.length, `judge ${cfg.protocol}`, o.progress);
        const { outcomes, stopped } = await scoreAll(judge, items, {
          concurrency: Number(cfg.concurrency ?? 4), batchSize: Number(cfg.batchSize ?? 16),
          onItem: (x) => bar.tick(x.ok ? `${x.id ?? x.index}: ${x.result.score.toFixed(3)}` : `${x.id ?? x.index}: ${x.error.code}`),
        });
        bar.stop();
        const rows = [
          ...lines.flatMap((l) => ('error' in l ? [{ line: l.line, ok: false, error: { code: 'invalid_input', message: `line ${l.line}: ${l.error}` } }] : [])),
          ...outcomes.map((x) => ({ line: lineOf[x.index], ...x, index: undefined })),
        ].sort((a, b) => a.line - b.line);
        const text = rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
        const scored = outcomes.filter((x) => x.ok);
        const cost = scored.reduce((c, x) => (x.ok ? { calls: c.calls + x.result.cost.calls, promptTokens: c.promptTokens + x.result.cost.promptTokens, completionTokens: c.completionTokens + x.result.cost.completionTokens, cached: c.cached + (x.result.cost.cached ? 1 : 0) } : c), { calls: 0, promptTokens: 0, completionTokens: 0, cached: 0 });
        const summary = { ok: rows.every((r) => r.ok), protocol: cfg.protocol, items: rows.length, scored: scored.length, failed: rows.length - scored.length, cost, ...(stopped && { stopped }), ...(o.out && { out: o.out }) };
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
        const report = o.json ? JSON.stringify(summary) + '\n'
          : `judge ${cfg.protocol}: ${summary.scored}/${summary.items} scored, ${summary.failed} failed; ${cost.calls} calls, ${cost.promptTokens + cost.completionTokens} tokens${cost.cached ? `, ${cost.cached} cached` : ''}${stopped ? `\nstopped: ${stopped}` : ''}${o.out ? `\nresults: ${o.out}` : ''}\n`;
        (o.out ? process.stdout : process.stderr).write(report);
        if (!summary.ok) process.exitCode = 1;
      } finally {
        store?.close();
      }
    });
}
