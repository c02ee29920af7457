/**
 * `--judge SPEC` -> a Judge: the two built-in reference judges by name, a judge config file
 * (YAML/JSON), or a judge named under `judges:` in stepwise.config.yaml (src/judges createJudge).
 */
import { existsSync } from 'node:fs';
import { createJudge, readJudgeConfigFile } from '../../index.js';
import type { Judge } from '../../types.js';
import { heuristicJudge } from './heuristic.js';
import { verifierJudge } from './verifier.js';

export interface NamedJudge {
  /** What the user typed; reports are keyed by it. */
  name: string;
  judge: Judge;
  /** Who produced the numbers, in words. */
  description: string;
  /** Dataset formats it can judge (default: all). */
  accepts?: (format: string) => boolean;
}

export const BUILTIN_JUDGES: Record<string, { make: () => Judge; description: string; accepts?: (format: string) => boolean }> = {
  heuristic: { make: heuristicJudge, description: 'built-in rules, not a model: instruction key-phrase coverage for GUI trajectories, equation checks and answer matching for text' },
  verifier: { make: verifierJudge, description: 'the sandbox task verifier replaying synthetic trajectories (exact on sandbox probes; cannot judge text or recorded runs)', accepts: (f) => f === 'gui' },
};

export function resolveJudge(spec: string, opts: { config?: string } = {}): NamedJudge {
  const b = BUILTIN_JUDGES[spec];
  if (b) return { name: spec, judge: b.make(), description: b.description, ...(b.accepts ? { accepts: b.accepts } : {}) };
  if (/\.(ya?ml|json)$/i.test(spec) && existsSync(spec)) {
    const cfg = readJudgeConfigFile(spec);
    return { name: spec, judge: createJudge(cfg), description: `judge config file ${spec} (protocol ${String((cfg as { protocol?: unknown }).protocol)})` };
  }
  const judge = createJudge(spec, { path: opts.config });
  return { name: spec, judge, description: `judge "${spec}" from the config file (protocol ${judge.protocol})` };
}
