/**
 * The OpenAI-compatible model policy and its pieces. `openAIPolicyFromFlags` is the one call a
 * command needs: flags > env > config file > defaults, then the policy.
 */
import { resolveModelSettings, type ModelFlags, type ResolveOptions } from '../../config/resolve.js';
import { OpenAIPolicy } from './policy.js';

export { OpenAIPolicy, correction, type OpenAIPolicyOptions } from './policy.js';
export { PROFILES, PROFILE_NAMES, DEFAULT_PROFILE, defaultProfileFor, getProfile, smartResize, targetSize, type ResizeProfile, type ProfileOverrides } from './profiles.js';
export { prepareImage, type SentImage } from './image.js';
export { buildMessages, historyEntry, MULTI_IMAGE_DIALECTS, type MessageInput, type PastImage, type PromptImage } from './messages.js';
export { withRetries, classify, backoffMs, type RetryOptions } from './retry.js';
export { complete, createClient, endpointError, type Completion, type ToolCall } from './client.js';
export { chat, chatMessages, type ChatEndpoint, type ChatReply } from './chat.js';

export function openAIPolicyFromFlags(flags: ModelFlags = {}, opts: ResolveOptions = {}): OpenAIPolicy {
  return new OpenAIPolicy(resolveModelSettings(flags, opts));
}
