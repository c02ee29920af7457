/**
 * Who may talk to Studio. Loopback by default; any other bind address needs a token. Every
 * request's Host (and Origin, when a browser sends one) must be allowed, which stops a DNS-
 * rebinding page from reading a local Studio (the approach of src/mcp/http.ts). The token
 * comes as `Authorization: Bearer`, or once as `/?token=` which sets an HttpOnly cookie.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { StepwiseError } from '../core/errors.js';

export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const TOKEN_COOKIE = 'stepwise_studio';

export interface GuardOptions {
  host: string;
  token?: string;
  allowedHosts?: string[];
  allowedOrigins?: string[];
}

export function checkBind(o: GuardOptions): void {
  if (!LOOPBACK.has(o.host) && !o.token) {
    throw new StepwiseError('config_error', `binding ${o.host} shows your trajectories to the network`, 'pass --token SECRET (or set STEPWISE_STUDIO_TOKEN), or bind 127.0.0.1');
  }
}

function hostOnly(h: string): string {
  const v = h.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(0, v.indexOf(']') + 1);
  return v.replace(/:\d+$/, '');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export type Verdict = { ok: true } | { ok: false; status: number; message: string };

export function makeGuard(o: GuardOptions, port: () => number) {
  const hosts = new Set([...LOOPBACK, o.host.toLowerCase(), ...(o.allowedHosts ?? []).map((h) => h.toLowerCase())]);
  const origins = () => new Set([
    ...[...hosts].flatMap((h) => [`http://${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port()}`, `https://${h}:${port()}`]),
    ...(o.allowedOrigins ?? []),
  ]);
  return {
    check(req: IncomingMessage, queryToken: string | null): Verdict {
      if (!hosts.has(hostOnly(req.headers.host ?? ''))) return { ok: false, status: 403, message: `Host "${req.headers.host}" is not allowed (DNS rebinding protection); add it with --allow-host` };
      const origin = req.headers.origin;
      if (origin && !origins().has(origin)) return { ok: false, status: 403, message: `Origin "${origin}" is not allowed; add it with --allow-origin` };
      if (!o.token) return { ok: true };
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      const given = m?.[1].trim() ?? cookieToken(req) ?? queryToken ?? '';
      if (!same(given, o.token)) return { ok: false, status: 401, message: 'missing or wrong token: open /?token=SECRET once, or send Authorization: Bearer SECRET' };
      return { ok: true };
    },
  };
}
