/**
 * Custom sidecar: models that need their own Python code (InternLM-XComposer2.5-Reward's
 * get_score, MM-RLHF-Reward, BaseReward) run behind a small HTTP service with this contract:
 *
 *   POST {root}{path}   {"model": str, "items": [{"id", "prompt", "response", "reference"?,
 *                        "principle"?, "images": [data URLs], "trajectory"?: {...}}]}
 *   200                 {"results": [{"score": number, "confidence"?: 0-1, "rationale"?: str,
 *                        "aspects"?: {name: number}}], "usage"?: {"prompt_tokens", "completion_tokens"}}
 *
 * One request carries up to batchSize items; results come back in item order.
 */
import { z } from 'zod';
import { pointwiseJudge } from '../base.js';
import { newCost } from '../endpoint.js';
import { registerProtocol } from '../registry.js';
import { imagesOf, promptOf, responseOf } from '../render.js';
import { needEndpoint } from '../runtime.js';
import type { JudgeItem, JudgeResult } from '../types.js';

const Options = z.object({
  path: z.string().startsWith('/').default('/score'),
  images: z.number().int().min(0).max(16).default(1),
  sendTrajectory: z.boolean().default(false).describe('include the whole trajectory object for GUI items'),
});

const ResultSchema = z.object({ score: z.number().finite(), confidence: z.number().min(0).max(1).optional(), rationale: z.string().optional(), aspects: z.record(z.string(), z.number()).optional() });

registerProtocol<z.infer<typeof Options>>({
  name: 'sidecar', options: Options, needsEndpoint: true,
  build: (cfg, rt) => {
    const ep = needEndpoint(rt);
    const wire = (item: JudgeItem) => ({
      id: item.id, prompt: promptOf(item.target), response: responseOf(item.target),
      ...(item.reference !== undefined && { reference: item.reference }), ...(item.principle !== undefined && { principle: item.principle }),
      images: imagesOf(item.target, rt.ctx, cfg.images),
      ...(cfg.sendTrajectory && item.target.kind !== 'text' && { trajectory: item.target.trajectory }),
    });
    const scoreBatch = async (items: JudgeItem[], o?: { signal?: AbortSignal }): Promise<JudgeResult[]> => {
      const out: JudgeResult[] = [];
      for (let i = 0; i < items.length; i += cfg.batchSize) {
        const chunk = items.slice(i, i + cfg.batchSize);
        const cost = newCost();
        const valid = (r: any) => Array.isArray(r?.results) && r.results.length === chunk.length && r.results.every((x: unknown) => ResultSchema.safeParse(x).success);
        const res = await ep.postRoot(cfg.path, { model: ep.opts.model, items: chunk.map(wire) }, cost, o?.signal, `sidecar answer {results: [{score, confidence?, rationale?}]} with ${chunk.length} result(s)`, valid);
        const share = chunk.length;
        chunk.forEach((item, k) => {
          const r = ResultSchema.parse(res.results[k]);
          out.push({
            id: item.id, protocol: 'sidecar', score: r.score, ...(r.confidence !== undefined && { confidence: r.confidence, verdict: r.confidence >= 0.5 ? 'success' : 'failure' }),
            ...(r.rationale && { rationale: r.rationale }), ...(r.aspects && { aspects: r.aspects }), raw: [JSON.stringify(res.results[k])],
            cost: { calls: cost.calls / share, promptTokens: cost.promptTokens / share, completionTokens: cost.completionTokens / share, latencyMs: cost.latencyMs / share },
          });
        });
      }
      return out;
    };
    return pointwiseJudge({ protocol: 'sidecar', concurrency: cfg.concurrency, scoreBatch, score: async (item, o) => (await scoreBatch([item], o))[0] });
  },
});
