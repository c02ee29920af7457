/**
 * The stepwise JSONL exchange format, declared once for the exporter and the importer.
 * One trajectory per line: the Trajectory object (steps inline) plus `format`, the full
 * outcome history and annotations; each observation names its image file relative to the
 * JSONL file (images/<sha>.png|jpg) and its UI tree file (uitrees/<sha>.json).
 */
import { z } from 'zod';
import type { ImageFormat } from '../core/device.js';

export const JSONL_FORMAT = 'stepwise.trajectory/1';
export const JSONL_FILE = 'trajectories.jsonl';
export const IMAGE_DIR = 'images';
export const UITREE_DIR = 'uitrees';

/** File extension for an image: from its declared format, else from its magic bytes. */
export function imageExt(format: ImageFormat | undefined, bytes?: Uint8Array): 'png' | 'jpg' | 'bin' {
  if (format === 'png') return 'png';
  if (format === 'jpeg') return 'jpg';
  return sniffImage(bytes) === 'png' ? 'png' : sniffImage(bytes) === 'jpeg' ? 'jpg' : 'bin';
}

export function sniffImage(bytes?: Uint8Array): ImageFormat | undefined {
  if (!bytes || bytes.length < 4) return undefined;
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

const outcome = z.looseObject({
  verdict: z.enum(['success', 'failure']),
  confidence: z.number().min(0).max(1),
  source: z.string(),
});

const observation = z.looseObject({
  frameId: z.string(),
  width: z.number(),
  height: z.number(),
  image: z.string().optional(),
  imageFile: z.string().optional(),
  uiTree: z.string().optional(),
  uiTreeFile: z.string().optional(),
});

/** Shape checks for one imported line; the store re-checks actions and blob references. */
export const JsonlLine = z.looseObject({
  format: z.literal(JSONL_FORMAT).optional(),
  id: z.string().min(1),
  task: z.looseObject({ instruction: z.string() }),
  status: z.enum(['running', 'finished', 'interrupted']),
  startedAt: z.number(),
  steps: z.array(z.looseObject({ index: z.number().int().min(0), observation: observation.optional() })),
  outcome: outcome.optional(),
  outcomes: z.array(outcome).optional(),
  annotations: z.array(z.looseObject({ kind: z.string().min(1), stepIndex: z.number().int().min(0).optional() })).optional(),
});
export type JsonlLine = z.infer<typeof JsonlLine>;
