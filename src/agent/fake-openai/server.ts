/**
 * A fake OpenAI-compatible server on node:http for tests and demos. It speaks the real wire
 * protocol (the official SDK works against it unmodified): POST /v1/chat/completions (JSON or
 * SSE), GET /v1/models, POST /v1/embeddings, and for judges the scoring routes of scoring.ts
 * (/v1/completions with prompt log-probs, vLLM /pooling and /classify, TEI /predict, TGI /generate). Answers come from a script (a queue, then an
 * optional function); every request is logged with its decoded images so tests can check what
 * a policy sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import sharp from 'sharp';
import { StepwiseError } from '../../core/errors.js';
import { completionBody, prepare, streamChunks } from './responses.js';
import { hashEmbedding, tokenize } from './tokens.js';
import { classifyBody, completionChoice, poolingBody, predictBody, predictInputs, scoringInputs, tgiGenerateBody, type ScoringOptions } from './scoring.js';
import { isFault, type FakeAnswer, type FakeImage, type FakeReply, type FakeRequest, type FakeScript } from './types.js';

export interface FakeServerOptions extends ScoringOptions {
  script?: FakeScript;
  /** false: a server without log-prob support (logprobs/prompt_logprobs requests get none). */
  logprobs?: boolean;
  port?: number;
  host?: string;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Ids listed by GET /v1/models. */
  models?: string[];
  /** Default size of /v1/embeddings vectors. */
  embeddingDims?: number;
  /** Called for every chat request as it is logged (e.g. to print it). */
  onRequest?: (req: FakeRequest) => void;
}

export interface FakeServer {
  /** Base URL for clients, ending in /v1. */
  url: string;
  port: number;
  /** Chat-completion requests in order of arrival. */
  requests: FakeRequest[];
  /** Append replies to the queue (used before the script function). */
  enqueue(...replies: FakeReply[]): void;
  /** Replace the fallback function. */
  respondWith(fn: ((req: FakeRequest) => FakeReply | Promise<FakeReply>) | undefined): void;
  /** Replies still queued. */
  pending(): number;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;
const SCORING_PATHS = new Set(['/v1/completions', '/pooling', '/v1/pooling', '/classify', '/v1/classify', '/predict', '/generate']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeOpenAI(opts: FakeServerOptions = {}): Promise<FakeServer> {
  const queue: FakeReply[] = Array.isArray(opts.script) ? [...opts.script] : [];
  let fallback = typeof opts.script === 'function' ? opts.script : undefined;
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const models = opts.models ?? ['fake-model'];

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, `fake server error: ${e instanceof Error ? e.message : String(e)}`, 'server_error');
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '');
    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided', 'invalid_request_error', 'invalid_api_key');
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'stepwise-fake' })) });
    }
    if (req.method === 'GET' && path.startsWith('/v1/models/')) {
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      if (!models.includes(id)) return sendError(res, 404, `The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found');
      return sendJson(res, 200, { id, object: 'model', created: 0, owned_by: 'stepwise-fake' });
    }
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/embeddings' && !SCORING_PATHS.has(path))) {
      return sendError(res, 404, `no route ${req.method} ${path}: the fake serves POST /v1/chat/completions, /v1/completions, /v1/embeddings, /pooling, /classify, /predict, /generate, GET /v1/models`, 'invalid_request_error');
    }
    let body: any;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'));
    } catch (e) {
      return sendError(res, 400, `request body is not JSON: ${e instanceof Error ? e.message : String(e)}`, 'invalid_request_error');
    }
    if (path === '/v1/embeddings') return embeddings(res, body, opts.embeddingDims ?? 256);
    if (SCORING_PATHS.has(path)) return scoring(req, res, path, body);
    if (!body || !Array.isArray(body.messages)) return sendError(res, 400, '`messages` must be an array', 'invalid_request_error');
    const logged = await describe(requests.length, req, path, body);
    requests.push(logged);
    opts.onRequest?.(logged);
    let reply: FakeReply | undefined = queue.shift();
    if (reply === undefined && fallback) reply = await fallback(logged);
    if (reply === undefined) {
      return sendError(res, 400, `the fake model's script is exhausted after ${requests.length - 1} replies`, 'invalid_request_error', 'script_exhausted');
    }
    return answer(res, logged, reply);
  }

  async function answer(res: ServerResponse, req: FakeRequest, reply: FakeReply): Promise<void> {
    if (isFault(reply)) {
      switch (reply.fault) {
        case 'status': {
          const headers: Record<string, string> = reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {};
          const type = reply.status === 429 ? 'rate_limit_error' : reply.status >= 500 ? 'server_error' : 'invalid_request_error';
          return sendError(res, reply.status, reply.message ?? `injected HTTP ${reply.status}`, type, undefined, headers);
        }
        case 'hang': return; // the socket stays open until the client gives up or close()
        case 'garbage':
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(reply.body ?? '<html><body>502 Bad Gateway</body></html>');
          return;
        case 'wrong_json': return sendJson(res, 200, reply.body ?? { object: 'chat.completion', result: 'not a completion' });
        case 'reset':
          if (!req.stream || !reply.afterChunks) {
            res.socket?.destroy();
            return;
          }
          return stream(res, req, { content: 'partial answer that never ends '.repeat(4) }, reply.afterChunks);
      }
    }
    const a: FakeAnswer = typeof reply === 'string' ? { content: reply } : reply;
    if (a.delayMs) await sleep(a.delayMs);
    if (res.destroyed) return;
    if (req.stream) return stream(res, req, a);
    return sendJson(res, 200, completionBody(prepare(req, a, req.seq, opts.logprobs !== false)));
  }

  /** Completions, pooling, classify, predict, generate: logged like chat; a queued fault applies to them too. */
  async function scoring(req: IncomingMessage, res: ServerResponse, path: string, body: any): Promise<void> {
    const generative = path === '/v1/completions' || path === '/generate';
    // /v1/completions takes a list of prompts too (one choice each, as vLLM answers).
    const prompts: string[] | undefined = path === '/v1/completions' ? (typeof body?.prompt === 'string' ? [body.prompt] : Array.isArray(body?.prompt) && body.prompt.length > 0 && body.prompt.every((x: unknown) => typeof x === 'string') ? body.prompt : undefined)
      : path === '/generate' ? (typeof body?.inputs === 'string' ? [body.inputs] : undefined) : undefined;
    const inputs = generative ? prompts : path === '/predict' ? predictInputs(body) : scoringInputs(body);
    if (!inputs) {
      const want = path === '/v1/completions' ? '`prompt` (a string)' : path === '/generate' ? '`inputs` (a string)' : path === '/predict' ? '`inputs`' : '`input` (string or list) or `messages`';
      return sendError(res, 400, `${path}: expected ${want}`, 'invalid_request_error');
    }
    const logged: FakeRequest = {
      seq: requests.length, method: req.method ?? 'POST', path, headers: req.headers, body,
      ...(typeof body.model === 'string' && { model: body.model }),
      messages: inputs.map((t) => ({ role: 'user', content: t })), images: [], stream: false, text: inputs.join('\n'),
    };
    requests.push(logged);
    opts.onRequest?.(logged);
    if (queue.length > 0 && isFault(queue[0])) return answer(res, logged, queue.shift()!);
    const lp = opts.logprobs !== false;
    if (path === '/pooling' || path === '/v1/pooling') return sendJson(res, 200, poolingBody(opts, body, inputs));
    if (path === '/classify' || path === '/v1/classify') return sendJson(res, 200, classifyBody(opts, body, inputs));
    if (path === '/predict') {
      const out = predictBody(opts, body);
      return out === undefined ? sendError(res, 422, '/predict: inputs must be a string, a [text, text_pair] pair, or a list of those', 'validation') : sendJson(res, 200, out);
    }
    // Generative routes: the script's next reply is the text; a scoring call (<= 1 token) needs none.
    let reply: FakeReply | undefined = queue.shift();
    if (reply === undefined && fallback) reply = await fallback(logged);
    const maxTokens = path === '/generate' ? body.parameters?.max_new_tokens : body.max_tokens;
    if (reply === undefined && typeof maxTokens === 'number' && maxTokens <= 1) reply = '';
    if (reply === undefined) return sendError(res, 400, `the fake model's script is exhausted after ${requests.length - 1} replies`, 'invalid_request_error', 'script_exhausted');
    if (isFault(reply)) return answer(res, logged, reply);
    const a: FakeAnswer = typeof reply === 'string' ? { content: reply } : reply;
    if (a.delayMs) await sleep(a.delayMs);
    if (res.destroyed) return;
    const text = a.content ?? '';
    if (path === '/generate') return sendJson(res, 200, tgiGenerateBody(opts, body, text, lp));
    const choices = prompts!.map((p, index) => ({ ...completionChoice(opts, body, p, text, lp), index }));
    const promptTokens = prompts!.reduce((a, p) => a + tokenize(p).length, 0);
    const completionTokens = tokenize(text).length * prompts!.length;
    return sendJson(res, 200, {
      id: `cmpl-fake-${logged.seq}`, object: 'text_completion', created: Math.floor(Date.now() / 1000), model: body.model ?? 'fake-model',
      choices, usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }

  async function stream(res: ServerResponse, req: FakeRequest, a: FakeAnswer, resetAfter?: number): Promise<void> {
    const includeUsage = req.body?.stream_options?.include_usage === true;
    const chunks = streamChunks(prepare(req, a, req.seq), includeUsage);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    for (let i = 0; i < chunks.length; i++) {
      if (resetAfter !== undefined && i >= resetAfter) {
        res.socket?.destroy();
        return;
      }
      if (res.destroyed) return;
      // Wait until the chunk is on the wire, so a later reset cuts after it, not before.
      await new Promise<void>((done) => res.write(`data: ${chunks[i]}\n\n`, () => done()));
      if (a.chunkDelayMs) await sleep(a.chunkDelayMs);
    }
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  }).catch((e: NodeJS.ErrnoException) => {
    throw new StepwiseError('config_error', `the fake model server cannot listen on ${opts.host ?? '127.0.0.1'}:${opts.port ?? 0}: ${e.message}`, 'pick a free port with --port');
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1`,
    port,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    respondWith: (fn) => void (fallback = fn),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error(`body larger than ${MAX_BODY} bytes`));
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** The logged form of a chat request: messages, decoded images, tools, all text. */
async function describe(seq: number, req: IncomingMessage, path: string, body: any): Promise<FakeRequest> {
  const images: FakeImage[] = [];
  const texts: string[] = [];
  const messages = body.messages as { role: string; content: unknown }[];
  for (let i = 0; i < messages.length; i++) {
    const c = messages[i]?.content;
    if (typeof c === 'string') texts.push(c);
    else if (Array.isArray(c)) {
      for (const part of c as { type?: string; text?: string; image_url?: { url?: string } }[]) {
        if (part?.type === 'text' && typeof part.text === 'string') texts.push(part.text);
        if (part?.type === 'image_url' && typeof part.image_url?.url === 'string') images.push(await decodeImage(i, part.image_url.url));
      }
    }
  }
  return {
    seq,
    method: req.method ?? 'POST',
    path,
    headers: req.headers,
    body,
    ...(typeof body.model === 'string' && { model: body.model }),
    messages,
    images,
    ...(Array.isArray(body.tools) && { tools: body.tools }),
    stream: body.stream === true,
    text: texts.join('\n'),
  };
}

async function decodeImage(message: number, url: string): Promise<FakeImage> {
  const m = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(url);
  if (!m) return { message, mediaType: 'url', bytes: 0, url };
  const data = m[2] ? Buffer.from(m[3], 'base64') : Buffer.from(decodeURIComponent(m[3]));
  const short = url.length > 64 ? `${url.slice(0, 61)}...` : url;
  try {
    const meta = await sharp(data).metadata();
    return { message, mediaType: m[1], bytes: data.length, width: meta.width, height: meta.height, url: short };
  } catch {
    return { message, mediaType: m[1], bytes: data.length, url: short };
  }
}

function embeddings(res: ServerResponse, body: any, defaultDims: number): void {
  const input: unknown = body?.input;
  const list = typeof input === 'string' ? [input] : Array.isArray(input) ? input : undefined;
  if (!list || list.length === 0) return sendError(res, 400, '`input` must be a string or a non-empty array', 'invalid_request_error');
  const dims = Number.isInteger(body.dimensions) && body.dimensions > 0 && body.dimensions <= 4096 ? body.dimensions : defaultDims;
  const texts = list.map((x) => (typeof x === 'string' ? x : Array.isArray(x) ? x.join(' ') : String(x)));
  const base64 = body.encoding_format === 'base64';
  const data = texts.map((t, index) => {
    const v = hashEmbedding(t, dims);
    return { object: 'embedding', index, embedding: base64 ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v };
  });
  const tokens = texts.reduce((a, t) => a + Math.ceil(t.length / 4), 0);
  sendJson(res, 200, { object: 'list', data, model: body.model ?? 'fake-embedding', usage: { prompt_tokens: tokens, total_tokens: tokens } });
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string, type: string, code?: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { message, type, param: null, code: code ?? null } }, headers);
}
