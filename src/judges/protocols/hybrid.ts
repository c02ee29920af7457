/**
 * Hybrid ensembles (Beyond Monolithic Rewards; multi-objective alignment): declarative rule
 * checks plus member judges. Aggregation, documented in docs/JUDGES.md:
 *   p_m     = member m's confidence (P good), or sigmoid(score) when it gives none
 *   mean    = sum_m w_m p_m / sum_m w_m                     (aggregate: mean, the default)
 *   vote    = sum_m w_m [p_m >= 0.5] / sum_m w_m            (aggregate: vote)
 *   min     = min_m p_m                                     (aggregate: min; every aspect must hold)
 * A failed veto rule sets the result to 0 without asking the models. Every member and rule is
 * an aspect of the result (the multi-aspect vector); a member that fails is left out and
 * recorded in errors, and if all fail the item fails.
 */
import { z } from 'zod';
import { StepwiseError, errorMessage } from '../../core/errors.js';
import { pointwiseJudge, sigmoid } from '../base.js';
import { addCost, newCost } from '../endpoint.js';
import { registerProtocol } from '../registry.js';
import { responseOf } from '../render.js';
import type { JudgeItem, JudgeResult } from '../types.js';

const Rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stop-reason'), name: z.string().default('stop-reason'), fail: z.array(z.string()).min(1).describe('stop reasons that fail the item'), veto: z.boolean().default(true) }),
  z.object({ kind: z.literal('max-steps'), name: z.string().default('max-steps'), max: z.number().int().min(1), veto: z.boolean().default(true) }),
  z.object({ kind: z.literal('response-regex'), name: z.string().default('response-regex'), pattern: z.string().min(1), flags: z.string().default('i'), mustMatch: z.boolean().default(false).describe('false: a match fails the item'), veto: z.boolean().default(true) }),
]);
type RuleT = z.infer<typeof Rule>;

const Options = z.object({
  members: z.array(z.object({ name: z.string().min(1), weight: z.number().positive().default(1), judge: z.record(z.string(), z.unknown()) })).min(1),
  rules: z.array(Rule).default([]),
  aggregate: z.enum(['mean', 'vote', 'min']).default('mean'),
});

/** True when the item passes the rule. */
export function checkRule(rule: RuleT, item: JudgeItem): boolean {
  const t = item.target;
  if (rule.kind === 'stop-reason') return t.kind === 'text' || !rule.fail.includes(t.trajectory.stopReason ?? t.trajectory.status);
  if (rule.kind === 'max-steps') return t.kind === 'text' || t.trajectory.steps.length <= rule.max;
  let re: RegExp;
  try { re = new RegExp(rule.pattern, rule.flags); } catch (e) { throw new StepwiseError('config_error', `hybrid rule ${rule.name}: bad regex: ${errorMessage(e)}`, 'fix the pattern'); }
  const text = t.kind === 'text' ? t.response : `${responseOf(t)}`;
  return re.test(text) === rule.mustMatch;
}

registerProtocol<z.infer<typeof Options>>({
  name: 'hybrid', options: Options, needsEndpoint: false,
  build: (cfg, rt) => {
    const members = cfg.members.map((m) => ({ ...m, judge: rt.member(m.judge as never) }));
    // Validate rules now (a bad regex is a config error, not a per-item failure).
    for (const r of cfg.rules) if (r.kind === 'response-regex') checkRule(r, { target: { kind: 'text', prompt: '', response: '' } });
    return pointwiseJudge({
      protocol: 'hybrid', concurrency: cfg.concurrency,
      async score(item, o) {
        const cost = newCost();
        const aspects: Record<string, number> = {};
        const failed: string[] = [];
        for (const r of cfg.rules) {
          const ok = checkRule(r, item);
          aspects[`rule:${r.name}`] = ok ? 1 : 0;
          if (!ok && r.veto) failed.push(r.name);
        }
        if (failed.length) return { id: item.id, protocol: 'hybrid', score: 0, confidence: 0, verdict: 'failure', aspects, rationale: `rule failed: ${failed.join(', ')}`, raw: [], cost };
        const outs = await Promise.all(members.map(async (m) => {
          try { return { m, r: await m.judge.score(item, o) }; } catch (e) { return { m, err: `${m.name}: ${errorMessage(e)}` }; }
        }));
        const ok = outs.filter((x): x is { m: (typeof members)[number]; r: JudgeResult } => 'r' in x);
        const errors = outs.filter((x): x is { m: (typeof members)[number]; err: string } => 'err' in x).map((x) => x.err);
        for (const x of ok) addCost(cost, x.r.cost);
        if (ok.length === 0) throw new StepwiseError('model_error', `hybrid: every member failed: ${errors.join('; ')}`, 'check the member judges', { errors });
        const ps = ok.map((x) => ({ w: x.m.weight, p: x.r.confidence ?? sigmoid(x.r.score), name: x.m.name }));
        for (const x of ps) aspects[x.name] = x.p;
        const W = ps.reduce((a, x) => a + x.w, 0);
        const p = cfg.aggregate === 'min' ? Math.min(...ps.map((x) => x.p))
          : cfg.aggregate === 'vote' ? ps.reduce((a, x) => a + x.w * (x.p >= 0.5 ? 1 : 0), 0) / W
          : ps.reduce((a, x) => a + x.w * x.p, 0) / W;
        return {
          id: item.id, protocol: 'hybrid', score: p, confidence: p, verdict: p >= 0.5 ? 'success' : 'failure', aspects,
          rationale: ok.map((x) => `${x.m.name}: ${x.r.rationale ?? x.r.score.toFixed(3)}`).join('\n'),
          raw: ok.flatMap((x) => x.r.raw), cost, ...(errors.length && { errors }),
        };
      },
    });
  },
});
