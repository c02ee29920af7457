/**
 * `stepwise studio`: a local HTTP server with a JSON API over the trajectory store and the
 * single-page UI. Bad ids and bad parameters answer JSON errors (404 / 400), never a crash.
 * Images are served only by sha256 through the store's blob API, so no request can name a
 * file outside the store folder.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isStepwiseError, StepwiseError } from '../core/errors.js';
import { openStore, type Store } from '../store/index.js';
import { browse, parseBrowseQuery } from './browse.js';
import { CsrsData } from './csrs-data.js';
import { checkBind, makeGuard, TOKEN_COOKIE, type GuardOptions } from './guard.js';
import { loadStudioHtml } from './page.js';
import { compareReports, listReports, loadReport, renderReport } from './reports.js';
import { addNote, checkDecision, decide, queue, throughput } from './review.js';
import { contactSheet, trajectoryGif } from './share.js';
import { SideIndex } from './side-index.js';
import { checkGroupBy, groupRuns, groupsHtml } from './summary.js';
import { liveRuns, trajectoryView } from './views.js';

export interface StudioOptions extends Partial<GuardOptions> {
  /** Store folder (must hold a store). */
  store: string;
  port?: number;
  /** A `stepwise csrs --out` folder whose step data the viewer shows. */
  csrs?: string;
  /** Default reviewer name written with decisions. */
  reviewer?: string;
}

export interface RunningStudio {
  url: string;
  server: Server;
  store: Store;
  close(): Promise<void>;
}

type Handler = (m: RegExpExecArray, req: IncomingMessage, url: URL) => Promise<Reply> | Reply;
interface Reply { status?: number; type?: string; body: unknown; headers?: Record<string, string> }

const STATUS: Partial<Record<string, number>> = { not_found: 404, invalid_input: 400, config_error: 400, invalid_action: 400 };

export async function startStudio(o: StudioOptions): Promise<RunningStudio> {
  const host = o.host ?? '127.0.0.1';
  const guardOpts: GuardOptions = { host, token: o.token, allowedHosts: o.allowedHosts, allowedOrigins: o.allowedOrigins };
  checkBind(guardOpts);
  const store = openStore(o.store, { create: false, recoverInterrupted: false });
  const side = new SideIndex(o.store);
  const csrs = new CsrsData(o.csrs);
  const reviewer = o.reviewer ?? 'human';
  let port = o.port ?? 0;
  const guard = makeGuard(guardOpts, () => port);

  const json = (body: unknown, status = 200): Reply => ({ status, body, type: 'application/json' });
  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/$/, async () => ({ type: 'text/html; charset=utf-8', body: await loadStudioHtml() })],
    ['GET', /^\/favicon\.ico$/, () => ({ status: 204, body: '' })],
    ['GET', /^\/api\/trajectories$/, (_m, _r, url) => json(browse(store, side, parseBrowseQuery(url.searchParams)))],
    ['GET', /^\/api\/trajectories\/([^/]+)$/, (m) => json(trajectoryView(store, m[1], csrs.get(m[1])))],
    ['GET', /^\/api\/trajectories\/([^/]+)\/gif$/, async (m) => ({ type: 'image/gif', body: await trajectoryGif(store, m[1]), headers: disposition(m[1], 'gif') })],
    ['GET', /^\/api\/trajectories\/([^/]+)\/sheet\.png$/, async (m) => ({ type: 'image/png', body: await contactSheet(store, m[1]), headers: disposition(m[1], 'png') })],
    ['POST', /^\/api\/trajectories\/([^/]+)\/notes$/, async (m, req) => json({ seq: addNote(store, m[1], await readJson(req), reviewer) }, 201)],
    ['GET', /^\/api\/blobs\/([^/]+)$/, (m) => blob(store, m[1])],
    ['GET', /^\/api\/review\/queue$/, () => json({ items: queue(store), throughput: throughput(side.reviews().map((r) => r.at)), reviewer })],
    ['POST', /^\/api\/review\/([^/]+)$/, async (m, req) => {
      const d = checkDecision(await readJson(req), reviewer);
      decide(store, m[1], d);
      return json({ ok: true, id: m[1], ...d, throughput: throughput(side.reviews().map((r) => r.at)) });
    }],
    ['GET', /^\/api\/live$/, () => json({ runs: liveRuns(store), now: Date.now() })],
    ['GET', /^\/api\/runs$/, (_m, _r, url) => {
      const by = checkGroupBy(url.searchParams.get('by'));
      const groups = groupRuns(store, side, by);
      return json({ by, groups, html: groupsHtml(by, groups) });
    }],
    ['GET', /^\/api\/reports$/, () => json({ reports: listReports(o.store) })],
    ['GET', /^\/api\/reports\/compare$/, (_m, _r, url) => {
      const names = (url.searchParams.get('names') ?? '').split(',').filter(Boolean);
      if (names.length < 2) throw new StepwiseError('invalid_input', 'compare needs at least two report names', 'use /api/reports/compare?names=a.json,b.json');
      return json({ html: compareReports(names.map((name) => ({ name, report: loadReport(o.store, name) }))) });
    }],
    ['GET', /^\/api\/reports\/([^/]+)$/, (m) => { const report = loadReport(o.store, m[1]); return json({ name: m[1], report, html: renderReport(m[1], report) }); }],
  ];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://studio');
    const g = guard.check(req, url.pathname === '/' ? url.searchParams.get('token') : null);
    if (!g.ok) return send(res, { status: g.status, body: { error: { code: g.status === 401 ? 'unauthorized' : 'forbidden', message: g.message } }, type: 'application/json', headers: g.status === 401 ? { 'www-authenticate': 'Bearer' } : {} });
    if (o.token && url.pathname === '/' && url.searchParams.has('token')) {
      // Trade the token in the address bar for a cookie, then drop it from the URL.
      return send(res, { status: 303, body: '', headers: { location: '/', 'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(o.token)}; HttpOnly; SameSite=Strict; Path=/` } });
    }
    let path: string;
    try { path = decodeURIComponent(url.pathname); } catch { return send(res, json({ error: { code: 'not_found', message: 'malformed path' } }, 404)); }
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const known = routes.filter(([, re]) => re.test(path));
    if (!known.length) return send(res, json({ error: { code: 'not_found', message: `no such page: ${url.pathname}`, hint: 'the API lives under /api/' } }, 404));
    const route = known.find(([m]) => m === method);
    if (!route) return send(res, json({ error: { code: 'method_not_allowed', message: `${req.method} is not allowed on ${url.pathname}` } }, 405));
    if (method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return send(res, json({ error: { code: 'invalid_input', message: 'POST bodies must be JSON (Content-Type: application/json)' } }, 415));
    }
    try {
      send(res, await route[2](route[1].exec(path)!, req, url));
    } catch (e) {
      if (!isStepwiseError(e)) throw e;
      send(res, json({ error: e.toJSON() }, STATUS[e.code] ?? 500));
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      process.stderr.write(`[stepwise studio] ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}\n`);
      if (!res.headersSent) send(res, { status: 500, type: 'application/json', body: { error: { code: 'internal', message: 'internal error (see the studio log)' } } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new StepwiseError('config_error', `cannot listen on ${host}:${port}: ${e.message}`, 'pick another port with --listen')));
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    server,
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      side.close();
      store.close();
    },
  };
}

function disposition(id: string, ext: string): Record<string, string> {
  return { 'content-disposition': `inline; filename="${id.replace(/[^\w.-]/g, '_')}.${ext}"` };
}

function blob(store: Store, sha: string): Reply {
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new StepwiseError('not_found', 'blobs are named by 64 lowercase hex digits (sha256)', 'use an image sha from a step');
  if (!store.hasBlob(sha)) throw new StepwiseError('not_found', `no blob ${sha}`, 'use an image sha from a step');
  const bytes = store.getBlob(sha);
  const type = bytes[0] === 0x89 ? 'image/png' : bytes[0] === 0xff ? 'image/jpeg' : bytes[0] === 0x7b ? 'application/json' : 'application/octet-stream';
  return { type, body: bytes, headers: { 'cache-control': 'private, max-age=31536000, immutable' } };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 1_000_000) throw new StepwiseError('invalid_input', 'request body above 1 MB', 'send a smaller body');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch (e) {
    throw new StepwiseError('invalid_input', `body is not JSON: ${(e as Error).message}`, 'send a JSON object');
  }
}

function send(res: ServerResponse, r: Reply): void {
  const body = Buffer.isBuffer(r.body) ? r.body : typeof r.body === 'string' ? Buffer.from(r.body) : Buffer.from(JSON.stringify(r.body));
  res.writeHead(r.status ?? 200, {
    'content-type': r.type ?? 'application/json',
    'content-length': body.length,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...r.headers,
  });
  res.end(body);
}
