/**
 * Reports on disk: every run is saved under `<store dir>/reports/` as
 * `bench-<kind>-<timestamp>.json` (what the Studio lists) with .md and .html beside it; `bench
 * compare` reads report files back through the same zod schema.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, StepwiseError } from '../core/errors.js';
import { BenchReportSchema, type BenchReport } from './report-types.js';
import { reportHtml, reportMarkdown, type RenderOptions } from './render.js';

export const REPORTS_SUBDIR = 'reports';

export interface SavedReport { json: string; md: string; html: string }

export function saveReport(report: BenchReport, storeDir: string, o: RenderOptions = {}): SavedReport {
  BenchReportSchema.parse(report); // a report the Studio cannot read is a bug here, not there
  const dir = join(storeDir, REPORTS_SUBDIR);
  mkdirSync(dir, { recursive: true });
  const base = join(dir, report.id);
  const out = { json: `${base}.json`, md: `${base}.md`, html: `${base}.html` };
  writeFileSync(out.json, JSON.stringify(report) + '\n');
  writeFileSync(out.md, reportMarkdown(report));
  writeFileSync(out.html, reportHtml(report, o));
  return out;
}

export function loadReportFile(path: string): BenchReport {
  let v: unknown;
  try { v = JSON.parse(readFileSync(path, 'utf8')); } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read report ${path}: ${errorMessage(e)}`, 'pass report JSON files written by stepwise bench static|e2e (see <store>/reports/)');
  }
  const r = BenchReportSchema.safeParse(v);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new StepwiseError('invalid_input', `${path} is not a stepwise bench report: ${i.path.join('.') || '(report)'}: ${i.message}`, 'pass report JSON files written by stepwise bench static|e2e');
  }
  return r.data;
}
