/**
 * The reward server (node:http): every registered reward method over HTTP, a batch GUI action
 * endpoint, trajectory credit assignment and the OpenRLHF `/get_reward` convention. Binds
 * 127.0.0.1 by default. Bad input is a 4xx JSON reply naming the field; nothing a client sends
 * can stop the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isStepwiseError } from '../../core/errors.js';
import type { GuiActionOptions } from '../gui-action.js';
import { RewardInputError } from '../util.js';
import { HttpError, readJson, sendJson } from './http-util.js';
import type { FormatsLoader } from './openrlhf.js';
import { creditRoute, getRewardRoute, guiActionRoute, healthRoute, judgeRoute, methodsRoute, rewardRoute, type RouteContext } from './routes.js';

export interface RewardServerOptions {
  port?: number;
  host?: string;
  /** Largest accepted body in bytes (default 32 MiB); larger requests get 413. */
  maxBodyBytes?: number;
  /** Largest batch (default 100,000 items). */
  maxBatch?: number;
  /** Default model dialect for /get_reward outputs that are not JSON actions (e.g. "gelab"). */
  dialect?: string;
  gui?: GuiActionOptions;
  /** Source of model dialects for /get_reward (default: the src/formats module, imported at runtime). */
  loadFormats?: FormatsLoader;
  /** Judges served at POST /v1/judge/<name> (default: the config file's judges: section). */
  judges?: Record<string, Record<string, unknown>>;
  /** Called for unexpected (500) errors; the server keeps running. */
  onError?: (e: unknown) => void;
}

export interface RunningRewardServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

function errorReply(e: unknown): [number, Record<string, unknown>] {
  if (e instanceof HttpError) return [e.status, { ok: false, error: e.message, field: e.field }];
  if (e instanceof RewardInputError) return [e.details.field === 'method' ? 404 : 400, { ok: false, error: e.message, field: e.details.field }];
  if (isStepwiseError(e)) return [400, { ok: false, error: e.message, code: e.code }];
  return [500, { ok: false, error: `internal error: ${e instanceof Error ? e.message : String(e)}` }];
}

async function route(req: IncomingMessage, ctx: RouteContext, limit: number): Promise<unknown> {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (req.method === 'GET') {
    if (path === '/health') return healthRoute();
    if (path === '/v1/methods') return methodsRoute();
    throw new HttpError(404, `no GET route ${path}; try /health or /v1/methods`);
  }
  if (req.method !== 'POST') throw new HttpError(405, `method ${req.method} not allowed; use GET or POST`);
  const known = path === '/v1/gui-action' || path === '/v1/credit' || path === '/get_reward' || path.startsWith('/v1/rewards/') || path.startsWith('/v1/judge/');
  if (!known) throw new HttpError(404, `no POST route ${path}; see GET /v1/methods`);
  const body = await readJson(req, limit);
  if (path === '/v1/gui-action') return guiActionRoute(body, ctx, url.searchParams.get('components') !== 'false');
  if (path === '/v1/credit') return creditRoute(body, ctx);
  if (path === '/get_reward') return getRewardRoute(body, ctx);
  if (path.startsWith('/v1/judge/')) return judgeRoute(decodeURIComponent(path.slice('/v1/judge/'.length)), body, ctx.judges, ctx.maxBatch);
  return rewardRoute(decodeURIComponent(path.slice('/v1/rewards/'.length)), body, ctx);
}

export function createRewardServer(opts: RewardServerOptions = {}): Server {
  const limit = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const ctx: RouteContext = { dialect: opts.dialect, gui: opts.gui, maxBatch: opts.maxBatch ?? 100_000, loadFormats: opts.loadFormats, judges: opts.judges };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      sendJson(res, 200, await route(req, ctx, limit));
    } catch (e) {
      const [status, body] = errorReply(e);
      if (status >= 500) opts.onError?.(e);
      if (!res.headersSent) {
        // After a refused body, close the connection rather than drain an unbounded upload.
        if (status === 413) res.setHeader('connection', 'close');
        sendJson(res, status, body);
      } else res.destroy();
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  return server;
}

/** Start listening; port 0 picks a free port (see the returned url). */
export function startRewardServer(opts: RewardServerOptions = {}): Promise<RunningRewardServer> {
  const server = createRewardServer(opts);
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8787, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        port,
        url: `http://${shown}:${port}`,
        close: () => new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
      });
    });
  });
}
