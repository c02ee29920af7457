/**
 * What a fake-model script says: answers (text, tool calls, reasoning), faults to inject, and
 * the shape of a logged request that tests assert on.
 */

export interface FakeToolCall {
  name: string;
  /** A JSON string as the wire carries it, or an object that is serialized. */
  arguments: string | Record<string, unknown>;
  id?: string;
}

export interface FakeAnswer {
  content?: string;
  /** Sent as message.reasoning_content, as vLLM reasoning parsers and DeepSeek do. */
  reasoning_content?: string;
  tool_calls?: FakeToolCall[];
  finish_reason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Overrides the estimated token counts. */
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Wait this long before answering (a slow model). */
  delayMs?: number;
  /** Streaming only: wait this long between chunks. */
  chunkDelayMs?: number;
  /**
   * Token log-probs sent verbatim (non-streamed chat) when the request asks for logprobs, e.g.
   * [{token: 'Yes', logprob: -0.1, top_logprobs: [{token: 'Yes', logprob: -0.1}, {token: 'No', logprob: -2.4}]}].
   */
  logprobs?: { token: string; logprob: number; top_logprobs?: { token: string; logprob: number }[] }[];
}

export type FakeFault =
  /** An HTTP error, e.g. 429 with Retry-After (seconds) or 500. */
  | { fault: 'status'; status: number; retryAfter?: number; message?: string }
  /** Never answer: the client's timeout (or cancel) has to end it. */
  | { fault: 'hang' }
  /** HTTP 200 with a body that is not JSON (a proxy's HTML page). */
  | { fault: 'garbage'; body?: string }
  /** HTTP 200 with JSON that is not a chat completion. */
  | { fault: 'wrong_json'; body?: unknown }
  /** Close the connection without an answer; with stream, after `afterChunks` chunks. */
  | { fault: 'reset'; afterChunks?: number };

/** A string is shorthand for { content }. */
export type FakeReply = string | FakeAnswer | FakeFault;

export interface FakeImage {
  /** Index of the message the image was in. */
  message: number;
  mediaType: string;
  bytes: number;
  /** Decoded size; undefined when the data URL is not a readable image (or is a remote URL). */
  width?: number;
  height?: number;
  url: string;
}

export interface FakeRequest {
  /** Order of arrival, from 0. */
  seq: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined for GET). */
  body: any;
  model?: string;
  messages: { role: string; content: unknown }[];
  images: FakeImage[];
  tools?: unknown[];
  stream: boolean;
  /** All text parts of all messages, joined with newlines (what a fake "model" reads). */
  text: string;
}

/** A queue of replies, or a function from the request to the reply. */
export type FakeScript = FakeReply[] | ((req: FakeRequest) => FakeReply | Promise<FakeReply>);

export function isFault(r: FakeReply): r is FakeFault {
  return typeof r === 'object' && r !== null && 'fault' in r;
}
