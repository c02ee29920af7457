/**
 * Streamable HTTP transport: one MCP session per Mcp-Session-Id, many at once. Binds 127.0.0.1
 * unless told otherwise, and then only with a bearer token. Every request's Host (and Origin,
 * when a browser sends one) must be on the allowlist, which stops DNS-rebinding pages from
 * talking to a local server.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { StepwiseError } from '../core/errors.js';
import type { ServerState } from './context.js';
import { createMcpServer } from './server.js';

export interface HttpOptions {
  host: string;
  port: number;
  token?: string;
  /** Extra Host names accepted besides localhost/127.0.0.1/[::1] and the bind host. */
  allowedHosts?: string[];
  /** Origins accepted (browsers); by default only http(s)://localhost and 127.0.0.1. */
  allowedOrigins?: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** "8080", ":8080", "0.0.0.0:8080", "[::1]:8080" -> host and port (default host 127.0.0.1). */
export function parseListen(spec: string): { host: string; port: number } {
  const m = /^(?:(\[[^\]]+\]|[^:]*):)?(\d{1,5})$/.exec(spec.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw new StepwiseError('config_error', `--http ${spec} is not [host:]port`, 'e.g. --http 8765 or --http 127.0.0.1:8765');
  return { host: (m[1] || '127.0.0.1').replace(/^\[|\]$/g, ''), port };
}

function hostOnly(h: string): string {
  const v = h.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(0, v.indexOf(']') + 1);
  return v.replace(/:\d+$/, '');
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

function tokenOk(req: IncomingMessage, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1].trim()), b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 4_000_000) throw new StepwiseError('invalid_input', 'request body above 4 MB', 'send smaller requests');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export interface RunningHttp {
  url: string;
  server: HttpServer;
  sessions(): number;
  close(): Promise<void>;
}

export async function startHttp(state: ServerState, o: HttpOptions): Promise<RunningHttp> {
  if (!LOOPBACK.has(o.host) && !o.token) {
    throw new StepwiseError('config_error', `binding ${o.host} exposes the devices to the network`, 'pass --token SECRET (or set STEPWISE_MCP_TOKEN), or bind 127.0.0.1');
  }
  const hosts = new Set([...LOOPBACK, o.host.toLowerCase(), ...(o.allowedHosts ?? []).map((h) => h.toLowerCase())]);
  const transports = new Map<string, StreamableHTTPServerTransport>();
  let boundPort = o.port;
  const origins = () => new Set([
    ...['localhost', '127.0.0.1', '[::1]'].flatMap((h) => [`http://${h}:${boundPort}`, `https://${h}:${boundPort}`]),
    ...(o.allowedOrigins ?? []),
  ]);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const host = hostOnly(req.headers.host ?? '');
    if (!hosts.has(host)) return deny(res, 403, `Host "${req.headers.host}" is not allowed (DNS rebinding protection); add it with --allow-host`);
    const origin = req.headers.origin;
    if (origin && !origins().has(origin)) return deny(res, 403, `Origin "${origin}" is not allowed; add it with --allow-origin`);
    if (o.token && !tokenOk(req, o.token)) {
      res.setHeader('www-authenticate', 'Bearer');
      return deny(res, 401, 'missing or wrong bearer token (Authorization: Bearer <token>)');
    }
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/mcp') return deny(res, 404, 'the MCP endpoint is /mcp');
    const sid = req.headers['mcp-session-id'];
    const existing = typeof sid === 'string' ? transports.get(sid) : undefined;
    if (req.method !== 'POST') {
      if (!existing) return deny(res, 400, 'unknown or missing Mcp-Session-Id');
      return existing.handleRequest(req, res);
    }
    let body: unknown;
    try { body = await readJson(req); } catch (e) { return deny(res, 400, `bad JSON body: ${e instanceof Error ? e.message : String(e)}`); }
    if (existing) return existing.handleRequest(req, res, body);
    if (sid !== undefined) return deny(res, 404, 'session not found; initialize a new one');
    if (!isInitializeRequest(body)) return deny(res, 400, 'no session: the first request must be initialize');
    const session = { id: '' };
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => { session.id = id; transports.set(id, transport); state.log(`session=${id} opened (http)`); },
    });
    transport.onclose = () => {
      if (!session.id) return;
      transports.delete(session.id);
      state.hub.release(session.id);
      state.log(`session=${session.id} closed (http)`);
    };
    // The session id is known only after initialize; the SessionState object is filled then.
    const mcp = createMcpServer(state, session as { id: string });
    await mcp.connect(transport);
    return transport.handleRequest(req, res, body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      state.log(`http error: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) deny(res, 500, 'internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new StepwiseError('config_error', `cannot listen on ${o.host}:${o.port}: ${e.message}`, 'pick another port')));
    server.listen(o.port, o.host, () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shownHost}:${boundPort}/mcp`,
    server,
    sessions: () => transports.size,
    close: async () => {
      await Promise.allSettled([...transports.values()].map((t) => t.close()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
