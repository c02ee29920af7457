/**
 * The config file's shape (stepwise.config.yaml / .json), validated with zod. Providers are
 * strict so a misspelt key is an error, not a silently ignored setting; the top level stays
 * open so other subsystems can add their own sections to the same file.
 */
import { z } from 'zod';

export const PriceSchema = z
  .object({
    /** USD per 1M prompt tokens. */
    prompt: z.number().nonnegative(),
    /** USD per 1M completion tokens. */
    completion: z.number().nonnegative(),
  })
  .strict();

/** One model endpoint. Every field is optional here: flags and env vars can fill the rest. */
export const ProviderSchema = z
  .object({
    baseURL: z.url().describe('OpenAI-compatible base URL, e.g. http://localhost:8000/v1'),
    apiKey: z.string().describe('API key (use apiKeyEnv to keep it out of the file)'),
    apiKeyEnv: z.string().min(1).describe('name of the environment variable holding the API key'),
    model: z.string().min(1).describe('model name as the server knows it'),
    dialect: z.string().min(1).describe('output dialect: gelab, uitars, uitars-1.5, qwen, json'),
    profile: z.string().min(1).describe('image resize profile: none, gelab, qwen, uitars, claude'),
    temperature: z.number().min(0).max(2),
    topP: z.number().gt(0).max(1),
    maxTokens: z.number().int().positive(),
    timeoutMs: z.number().int().positive().describe('per request'),
    retries: z.number().int().min(0).max(20).describe('retries on 429/5xx/timeouts/connection errors'),
    parseRetries: z.number().int().min(0).max(5).describe('corrective retries when the output does not parse'),
    historyImages: z.number().int().min(1).max(20).describe('screenshots sent to uitars dialects (current included)'),
    maxPixels: z.number().int().positive().describe('cap for the resize profile, e.g. 1003520 (1280*28*28)'),
    minPixels: z.number().int().positive(),
    imageFormat: z.enum(['png', 'jpeg']),
    imageQuality: z.number().int().min(1).max(100),
    stream: z.boolean().describe('use server-sent events'),
    logprobs: z.number().int().min(0).max(20).describe('ask for token logprobs with this many alternatives'),
    toolChoice: z.enum(['auto', 'required', 'none']).describe('tool_choice for the json dialect'),
    platform: z.enum(['phone', 'web', 'desktop']),
    coordinates: z.enum(['image', 'norm1000']).describe('what pixel dialects count in: pixels of the sent image, or a 0-1000 grid (Qwen3-VL)'),
    price: PriceSchema,
    headers: z.record(z.string(), z.string()),
    extraBody: z.record(z.string(), z.unknown()).describe('extra request fields, e.g. {top_k: 1} for vLLM'),
  })
  .partial()
  .strict();

export type ProviderConfig = z.infer<typeof ProviderSchema>;

export const ConfigSchema = z.looseObject({
  /** The provider used when none is named. */
  default: z.string().min(1).optional(),
  providers: z.record(z.string().min(1), ProviderSchema).optional(),
});

export type StepwiseConfig = z.infer<typeof ConfigSchema>;
