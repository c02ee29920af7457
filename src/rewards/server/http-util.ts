/** Request/response plumbing for the reward server: bounded body reading, JSON replies, typed HTTP errors. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error that becomes an HTTP status and a JSON body {ok:false, error, field?}. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly field?: string) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Read the whole body, refusing more than `limit` bytes (413) without buffering the excess. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `body of ${declared} bytes exceeds the ${limit}-byte limit`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new HttpError(413, `body exceeds the ${limit}-byte limit`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(new HttpError(400, `could not read the body: ${e.message}`));
      }
    });
  });
}

/** Parse a JSON body after checking the content type. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    req.resume();
    throw new HttpError(415, `content-type must be application/json, got ${JSON.stringify(type || '(none)')}`);
  }
  const buf = await readBody(req, limit);
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, `body is not valid JSON: ${(e as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // Encode once: content-length comes from the bytes instead of a second pass over the text.
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.end(bytes);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The body must be a JSON object. */
export function asObject(v: unknown): Record<string, unknown> {
  if (!isObject(v)) throw new HttpError(400, `body must be a JSON object, got ${Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v}`, '(body)');
  return v;
}
