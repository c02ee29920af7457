/**
 * Model flags for commands that run the openai policy, declared once: `addModelOptions(cmd)`
 * adds them to a commander command, `modelFlags(opts)` turns the parsed strings into
 * ModelFlags (numbers checked, with the flag named in the error).
 */
import type { Command } from 'commander';
import { StepwiseError } from '../core/errors.js';
import type { ModelFlags } from './resolve.js';

type Kind = 'string' | 'number' | 'boolean';

/** [flag, key in ModelFlags, kind, help] */
export const MODEL_OPTIONS: readonly [string, keyof ModelFlags, Kind, string][] = [
  ['--provider <name>', 'provider', 'string', 'provider from the config file'],
  ['--config <file>', 'config', 'string', 'config file (default ./stepwise.config.yaml, or $STEPWISE_CONFIG)'],
  ['--base-url <url>', 'baseURL', 'string', 'OpenAI-compatible base URL (or $STEPWISE_BASE_URL)'],
  ['--api-key <key>', 'apiKey', 'string', 'API key (or $STEPWISE_API_KEY)'],
  ['--model <name>', 'model', 'string', 'model name (or $STEPWISE_MODEL)'],
  ['--dialect <name>', 'dialect', 'string', 'output dialect: gelab, uitars, uitars-1.5, qwen, json'],
  ['--profile <name>', 'profile', 'string', 'image resize profile: none, gelab, qwen, uitars, claude'],
  ['--temperature <t>', 'temperature', 'number', 'sampling temperature'],
  ['--max-tokens <n>', 'maxTokens', 'number', 'completion token limit'],
  ['--timeout <ms>', 'timeoutMs', 'number', 'per-request timeout in ms'],
  ['--retries <n>', 'retries', 'number', 'retries on 429/5xx/timeouts'],
  ['--parse-retries <n>', 'parseRetries', 'number', 'corrective retries for unparseable output'],
  ['--history-images <k>', 'historyImages', 'number', 'screenshots per request for uitars dialects'],
  ['--max-pixels <n>', 'maxPixels', 'number', 'cap for the resize profile (match the server)'],
  ['--stream', 'stream', 'boolean', 'use server-sent events'],
];

export function addModelOptions(cmd: Command): Command {
  for (const [flag, , , help] of MODEL_OPTIONS) cmd.option(flag, help);
  return cmd;
}

/** Commander's option names are camelCase of the flag: --base-url -> baseUrl. */
function optionName(flag: string): string {
  return flag.replace(/^--/, '').split(' ')[0].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function modelFlags(opts: Record<string, unknown>): ModelFlags {
  const out: Record<string, unknown> = {};
  for (const [flag, key, kind] of MODEL_OPTIONS) {
    const v = opts[optionName(flag)];
    if (v === undefined) continue;
    if (kind === 'number') {
      const n = Number(v);
      if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n)) {
        throw new StepwiseError('config_error', `${flag.split(' ')[0]} ${JSON.stringify(v)} is not a number`, `e.g. ${flag.split(' ')[0]} 3`);
      }
      out[key] = n;
    } else out[key] = kind === 'boolean' ? v === true : v;
  }
  return out as ModelFlags;
}
