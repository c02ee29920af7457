/**
 * Embeddings through any OpenAI-compatible POST /v1/embeddings (vLLM, TEI, OpenAI, the fake
 * server), and the VLM-RM goal reward built on them: the prompts are embedded once, each
 * observation (as text, see frameText) once per call. Image inputs are not sent: the standard
 * endpoint takes text; a CLIP-style image embedder can be plugged in as an `Embed` function.
 */
import { createClient, endpointError, withRetries } from '../../agent/openai/index.js';
import { StepwiseError } from '../../core/errors.js';
import { meanOfNormalized, vlmRmReward } from './vlmrm.js';

export type Embed = (texts: string[]) => Promise<number[][]>;

export interface EmbeddingEndpoint {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  retries?: number;
  dimensions?: number;
}

export function openAIEmbedder(ep: EmbeddingEndpoint): Embed {
  const settings = { baseURL: ep.baseURL, apiKey: ep.apiKey, model: ep.model, timeoutMs: ep.timeoutMs ?? 60_000 };
  const client = createClient(settings);
  return async (texts) => {
    if (texts.length === 0) return [];
    let attempts = 0;
    try {
      const res = await withRetries((a) => {
        attempts = a + 1;
        return client.embeddings.create({ model: ep.model, input: texts, encoding_format: 'float', ...(ep.dimensions && { dimensions: ep.dimensions }) }, { timeout: settings.timeoutMs });
      }, { retries: ep.retries ?? 2, baseDelayMs: 200 });
      const rows = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding as number[]);
      if (rows.length !== texts.length || rows.some((r) => !Array.isArray(r) || r.length === 0)) {
        throw new StepwiseError('model_error', `${ep.model} at ${ep.baseURL} returned ${rows.length} embeddings for ${texts.length} inputs`, 'check the endpoint serves an embedding model');
      }
      return rows;
    } catch (e) {
      throw endpointError(e, settings, attempts);
    }
  };
}

export interface GoalRewardOptions {
  embed: Embed;
  /** Prompts describing the goal state, e.g. "the cart shows 2 bottles of milk". */
  goals: string[];
  /** Prompts describing the same kind of screen without the goal, e.g. "a shopping app screen". */
  baselines: string[];
  /** Projection strength a in [0, 1] (default 0.5). */
  alpha?: number;
}

export interface GoalReward {
  goal: number[];
  baseline: number[];
  alpha: number;
  score(observations: string[]): Promise<number[]>;
}

export async function createGoalReward(o: GoalRewardOptions): Promise<GoalReward> {
  if (o.goals.length === 0 || o.baselines.length === 0) throw new StepwiseError('invalid_input', 'VLM-RM needs at least one goal prompt and one baseline prompt', 'e.g. goals ["the note is deleted"], baselines ["a notes app screen"]');
  const all = await o.embed([...o.goals, ...o.baselines]);
  const goal = meanOfNormalized(all.slice(0, o.goals.length));
  const baseline = meanOfNormalized(all.slice(o.goals.length));
  const alpha = o.alpha ?? 0.5;
  return { goal, baseline, alpha, score: async (obs) => (await o.embed(obs)).map((x) => vlmRmReward(x, goal, baseline, alpha)) };
}
