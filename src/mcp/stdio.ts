/**
 * The stdio transport, with a send that does not copy image data through JSON.stringify. A
 * full-size screenshot result is ~0.5 MB of base64; stringifying it, then transcoding the string
 * for the pipe, cost ~2 ms per screenshot (docs/BENCHMARKS.md, section MCP). Base64 needs no JSON
 * escaping, so the message is stringified with a short stand-in for each image and the data is
 * copied once, into the bytes written. Reading stays the SDK's.
 */
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Smaller data goes through JSON.stringify as usual: nothing to save. */
const MIN_DIRECT = 16 * 1024;
/** The stand-in's text: random per process, so no other text in a message can equal it. */
const STAND_IN = `stepwise-image-${randomUUID()}`;

export class ImageStdioServerTransport extends StdioServerTransport {
  constructor(private readonly out: Writable = process.stdout) {
    super(process.stdin, out);
  }

  override send(message: JSONRPCMessage): Promise<void> {
    const bytes = serializeWithImages(message);
    if (!bytes) return super.send(message);
    return new Promise((resolve) => {
      if (this.out.write(bytes)) resolve();
      else this.out.once('drain', resolve);
    });
  }
}

interface Content { type?: unknown; data?: unknown }

/**
 * The message as one newline-terminated line of bytes, or null when it carries no large image.
 * Exactly what JSON.stringify(message) + '\n' gives, as long as image data is base64, which the
 * MCP schema requires and every producer here guarantees (Buffer.toString('base64'), Chromium).
 */
export function serializeWithImages(message: JSONRPCMessage): Buffer | null {
  const result = (message as { result?: { content?: unknown } }).result;
  const content = result?.content;
  if (!Array.isArray(content)) return null;
  const images: string[] = [];
  const swapped = (content as Content[]).map((c) => {
    if (c?.type !== 'image' || typeof c.data !== 'string' || c.data.length < MIN_DIRECT) return c;
    images.push(c.data);
    return { ...c, data: `${STAND_IN}-${images.length - 1}` };
  });
  if (!images.length) return null;
  const json = JSON.stringify({ ...message, result: { ...result, content: swapped } }) + '\n';
  // Cut the line at each stand-in (in order) and put the data in its place.
  const pieces: { text: string; encoding: 'utf8' | 'latin1' }[] = [];
  let from = 0;
  images.forEach((data, i) => {
    const mark = `${STAND_IN}-${i}`;
    const at = json.indexOf(`${mark}"`, from);
    if (at < 0) throw new Error('internal: image stand-in not found in the serialized message');
    pieces.push({ text: json.slice(from, at), encoding: 'utf8' }, { text: data, encoding: 'latin1' });
    from = at + mark.length;
  });
  pieces.push({ text: json.slice(from), encoding: 'utf8' });
  const out = Buffer.allocUnsafe(pieces.reduce((n, p) => n + Buffer.byteLength(p.text, p.encoding), 0));
  let at = 0;
  for (const p of pieces) at += out.write(p.text, at, p.encoding);
  return out;
}
