/**
 * The Step-GUI report's published AndroidDaily numbers (STEP-GUI.md section 3), shown beside
 * ours as reference only: they were measured on real apps we cannot run, so they are never
 * compared as if they were the same benchmark. The per-type rows of the paper are not in our
 * source notes, so only AVG / success rate are listed.
 */
import type { z } from 'zod';
import type { ReferenceRowSchema } from './report-types.js';

type ReferenceRow = z.infer<typeof ReferenceRowSchema>;

const STATIC_SOURCE = "Step-GUI technical report, AndroidDaily static (paper's numbers, real apps)";
const E2E_SOURCE = "Step-GUI technical report, AndroidDaily end-to-end, 235 tasks (paper's numbers, real apps)";

export const STATIC_REFERENCE: readonly ReferenceRow[] = [
  ['GPT-4o', 17.73], ['Claude-4.5-sonnet', 10.9], ['Gemini-2.5-Pro', 43.74],
  ['UI-TARS-1.5', 67.69], ['Step-GUI-4B', 87.02], ['Step-GUI-8B', 89.91],
].map(([name, pct]) => ({ name: name as string, source: STATIC_SOURCE, avg: (pct as number) / 100 }));

export const E2E_REFERENCE: readonly ReferenceRow[] = [
  ['Step-GUI-8B', 52.5], ['UI-TARS-1.5', 56.64],
].map(([name, pct]) => ({ name: name as string, source: E2E_SOURCE, success_rate: (pct as number) / 100 }));
