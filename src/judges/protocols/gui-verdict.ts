/**
 * The GELab-style reference judge for GUI trajectories (STEP-GUI.md): quick rules first (an
 * aborted run fails; failure words in the final answer fail with 0.9), then a VLM over the
 * task, the action log and the last screens answering JSON {verdict, confidence, reason}.
 * k samples vote; P(success) averages the votes (a failure vote with confidence c counts 1-c).
 * CSRS's LLM-judge step runs through this protocol.
 */
import { z } from 'zod';
import { StepwiseError, errorMessage } from '../../core/errors.js';
import { pointwiseJudge } from '../base.js';
import { addCost, newCost } from '../endpoint.js';
import { registerProtocol } from '../registry.js';
import { imagesOf, promptOf, responseOf, userMessage } from '../render.js';
import { needEndpoint } from '../runtime.js';
import type { JudgeItem } from '../types.js';

const Reply = z.object({ verdict: z.enum(['success', 'failure']), confidence: z.number().min(0).max(1), reason: z.string().default('') });
export type GuiVerdictReply = z.infer<typeof Reply>;

export const GUI_VERDICT_SYSTEM = 'You judge whether a phone agent completed its task. Read the task, the action log and the final screen(s). ' +
  'Answer with JSON only: {"verdict":"success"|"failure","confidence":0.0-1.0,"reason":"one sentence"}.';

export function parseGuiVerdict(text: string): GuiVerdictReply {
  const m = /\{[\s\S]*\}/.exec(text);
  if (!m) throw new StepwiseError('parse_error', `the judge answered without JSON: ${JSON.stringify(text.slice(0, 120))}`, 'the judge prompt asks for {"verdict","confidence","reason"}; check the model');
  try {
    return Reply.parse(JSON.parse(m[0]));
  } catch (e) {
    throw new StepwiseError('parse_error', `the judge's JSON is not a verdict: ${errorMessage(e).slice(0, 200)}`, 'expected {"verdict":"success"|"failure","confidence":0-1,"reason":"..."}');
  }
}

export function guiVerdictMessages(item: JudgeItem, images: string[]) {
  return [{ role: 'system', content: GUI_VERDICT_SYSTEM }, userMessage(`${promptOf(item.target)}\n${responseOf(item.target)}`, images)];
}

const DEFAULT_FAILURE_WORDS = ['cannot', "can't", 'unable', 'failed', 'not possible', 'impossible', 'could not', "couldn't"];

/** A verdict from rules alone, or undefined when the model must look. */
export function quickRule(item: JudgeItem, failureWords: string[]): { pSuccess: number; reason: string } | undefined {
  if (item.target.kind === 'text') return undefined;
  const t = item.target.trajectory;
  if (t.stopReason === 'aborted') return { pSuccess: 0, reason: 'rule: the agent aborted' };
  const answer = (t.answer ?? '').toLowerCase();
  const word = failureWords.find((w) => answer.includes(w.toLowerCase()));
  if (word) return { pSuccess: 0.1, reason: `rule: the final answer says "${word}"` };
  return undefined;
}

const Options = z.object({
  samples: z.number().int().min(1).max(64).default(1),
  images: z.number().int().min(0).max(8).default(1).describe('last screenshots shown'),
  rules: z.boolean().default(true).describe('quick rules before the model'),
  failureWords: z.array(z.string().min(1)).default(DEFAULT_FAILURE_WORDS),
});
registerProtocol<z.infer<typeof Options>>({
  name: 'gui-verdict', options: Options, needsEndpoint: true,
  build: (cfg, rt) => pointwiseJudge({
    protocol: 'gui-verdict', concurrency: cfg.concurrency,
    async score(item, o) {
      const cost = newCost();
      const rule = cfg.rules ? quickRule(item, cfg.failureWords) : undefined;
      if (rule) return { id: item.id, protocol: 'gui-verdict', score: rule.pSuccess, confidence: rule.pSuccess, verdict: 'failure', rationale: rule.reason, raw: [], cost };
      const messages = guiVerdictMessages(item, imagesOf(item.target, rt.ctx, cfg.images));
      const ep = needEndpoint(rt);
      const outs = await Promise.all(Array.from({ length: cfg.samples }, async () => {
        const c = newCost();
        try {
          const a = await ep.chat({ messages, temperature: cfg.temperature ?? 0.7 }, c, o?.signal);
          try { return { reply: parseGuiVerdict(a.content), raw: a.content }; } catch (e) { return { error: errorMessage(e), raw: a.content }; }
        } catch (e) {
          return { error: errorMessage(e), raw: '' };
        } finally {
          addCost(cost, c);
        }
      }));
      const votes = outs.flatMap((x) => ('reply' in x && x.reply ? [x.reply] : []));
      const errors = outs.flatMap((x) => ('error' in x && x.error ? [x.error] : []));
      if (votes.length === 0) {
        throw new StepwiseError('model_error', `the judge gave no usable verdict in ${cfg.samples} call(s): ${errors[0] ?? ''}`, 'check the judge endpoint and model', { cost, errors });
      }
      const yes = votes.filter((v) => v.verdict === 'success').length;
      const verdict = yes * 2 >= votes.length ? 'success' : 'failure';
      const pSuccess = votes.reduce((a, v) => a + (v.verdict === 'success' ? v.confidence : 1 - v.confidence), 0) / votes.length;
      const reason = votes.find((v) => v.verdict === verdict)?.reason ?? '';
      return {
        id: item.id, protocol: 'gui-verdict', score: pSuccess, confidence: pSuccess, verdict,
        rationale: cfg.samples > 1 ? `${reason} (${votes.length} votes, ${yes} success)` : reason,
        raw: outs.map((x) => x.raw), cost, ...(errors.length && { errors }),
      };
    },
  }),
});
