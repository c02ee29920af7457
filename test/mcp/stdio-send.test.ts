/**
 * The stdio server writes image data without copying it through JSON.stringify (src/mcp/stdio.ts).
 * Clients depend on the bytes being exactly the JSON line the SDK would write: checked here on
 * results with several images, text with quotes, newlines and non-ASCII, and text that looks
 * like the stand-in. The real SDK client reading it over stdio is covered by transports.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { ReadBuffer } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { ImageStdioServerTransport, serializeWithImages } from '../../src/mcp/stdio.js';

const b64 = (n: number) => randomBytes(n).toString('base64');
const line = (m: unknown) => Buffer.from(JSON.stringify(m) + '\n', 'utf8');

describe('stdio send with images', () => {
  it('writes exactly the JSON line of the message', () => {
    const messages: JSONRPCMessage[] = [
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: '{"frameId":"sandbox:1#4","note":"引号 \\" and \\n 换行 ✓"}' }, { type: 'image', data: b64(300_000), mimeType: 'image/png' }] } },
      { jsonrpc: '2.0', id: 'x', result: { content: [{ type: 'image', data: b64(40_000), mimeType: 'image/jpeg' }, { type: 'text', text: 'stepwise-image-0 "stepwise-image-1"' }, { type: 'image', data: b64(70_000), mimeType: 'image/png' }], structuredContent: { a: [1, null, 'ü'] } } },
      // 10+ images: the stand-in for image 1 must not match image 10's.
      { jsonrpc: '2.0', id: 3, result: { content: Array.from({ length: 12 }, (_, i) => ({ type: 'image', data: b64(20_000 + i), mimeType: 'image/png' })) } },
    ];
    for (const m of messages) expect(serializeWithImages(m)!.equals(line(m))).toBe(true);
  });

  it('leaves messages without a large image to the SDK', () => {
    expect(serializeWithImages({ jsonrpc: '2.0', id: 1, result: { content: [{ type: 'image', data: b64(900), mimeType: 'image/png' }] } })).toBeNull();
    expect(serializeWithImages({ jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1 } })).toBeNull();
    expect(serializeWithImages({ jsonrpc: '2.0', id: 2, error: { code: -32602, message: 'bad' } })).toBeNull();
  });

  it('the transport writes lines the SDK reads back as the same messages', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const t = new ImageStdioServerTransport(out);
    const big: JSONRPCMessage = { jsonrpc: '2.0', id: 7, result: { content: [{ type: 'image', data: b64(500_000), mimeType: 'image/png' }] } };
    const small: JSONRPCMessage = { jsonrpc: '2.0', id: 8, result: { content: [{ type: 'text', text: 'ok' }] } };
    await t.send(big);
    await t.send(small);
    const read = new ReadBuffer();
    read.append(Buffer.concat(chunks));
    expect(read.readMessage()).toEqual(big);
    expect(read.readMessage()).toEqual(small);
    expect(read.readMessage()).toBeNull();
  });
});
