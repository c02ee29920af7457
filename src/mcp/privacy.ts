/**
 * The one place where tool results and errors become what the MCP client receives. Every
 * tool result, tool error, progress message and elicitation question passes through here.
 *  - open:    images, UI text and all fields.
 *  - summary: no images; the on-device text summary of the screen; every string PII-redacted.
 *  - private: status fields and the answer only, PII-redacted.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isStepwiseError, errorMessage } from '../core/errors.js';
import { redact, redactDeep } from './pii.js';

export const PRIVACY_LEVELS = ['open', 'summary', 'private'] as const;
export type Privacy = (typeof PRIVACY_LEVELS)[number];

export interface ToolImage {
  /** base64 */
  data: string;
  mimeType: 'image/png' | 'image/jpeg';
}

/** What a tool hands to the filter. */
export interface ToolOutput {
  data: Record<string, unknown>;
  image?: ToolImage;
  /** Text summary of the screen made on the device (sent instead of the image at `summary`). */
  screenText?: string;
}

/** Fields that may leave the device at `private`: status, ids and the answer. */
const PRIVATE_KEYS = new Set([
  'ok', 'status', 'stop_reason', 'answer', 'question', 'session_id', 'trajectory_id', 'device', 'frameId',
  'steps', 'error', 'code', 'hint', 'released', 'default_device', 'devices', 'id', 'platform', 'backend', 'busy',
]);

function keepPrivate(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(keepPrivate);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (PRIVATE_KEYS.has(k)) out[k] = typeof x === 'object' ? keepPrivate(x) : x;
    return out;
  }
  return v;
}

export function filterData(data: Record<string, unknown>, level: Privacy): Record<string, unknown> {
  if (level === 'open') return data;
  const d = level === 'private' ? (keepPrivate(data) as Record<string, unknown>) : data;
  return redactDeep(d);
}

/** Free text (progress messages, elicitation questions, log lines sent to the client). */
export function filterText(text: string, level: Privacy): string {
  return level === 'open' ? text : redact(text);
}

export function toResult(out: ToolOutput, level: Privacy): CallToolResult {
  const data = filterData(out.data, level);
  const content: CallToolResult['content'] = [{ type: 'text', text: JSON.stringify(data) }];
  if (level === 'open' && out.image) content.push({ type: 'image', data: out.image.data, mimeType: out.image.mimeType });
  if (level === 'summary' && out.screenText !== undefined) content.push({ type: 'text', text: `screen (text summary, PII redacted):\n${redact(out.screenText)}` });
  return { content, structuredContent: data };
}

/** An error as an MCP tool error the model can act on: code, message and what to do. */
export function toErrorResult(e: unknown, level: Privacy): CallToolResult {
  const body = isStepwiseError(e)
    ? { error: e.message, code: e.code, hint: e.hint }
    : { error: errorMessage(e), code: 'internal_error', hint: 'retry; if it keeps failing, report it with the server log' };
  const data = filterData(body, level);
  return { isError: true, content: [{ type: 'text', text: `${data.code}: ${data.error}` }] };
}
