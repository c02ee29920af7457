/**
 * Every file format judge-eval reads, and the one loader that serves them all: records are
 * validated one by one; a bad record is reported with its line and the run goes on.
 */
import { basename, extname } from 'node:path';
import { StepwiseError } from '../../../core/errors.js';
import type { LoadedSet } from '../items.js';
import type { FormatDef } from './define.js';
import { processBench, prm800k } from './process.js';
import { helpSteer2, helpSteer2Preference, verifyBench } from './rated.js';
import { pairs, rewardBench, rewardBench2, rewardMath } from './rewardbench.js';
import { parseRecords, readRecords, type RawRecord } from './read.js';

/** In auto-detection order: the most specific schema first. */
export const FORMATS: readonly FormatDef[] = [rewardBench2, processBench, prm800k, helpSteer2Preference, helpSteer2, verifyBench, rewardMath, rewardBench, pairs];

export function formatByName(name: string): FormatDef {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) throw new StepwiseError('invalid_input', `unknown dataset format "${name}"`, `use one of: ${FORMATS.map((x) => x.name).join(', ')}, gui`);
  return f;
}

/** The first format whose schema accepts the first parseable record. */
export function detectFormat(records: readonly RawRecord[], source: string): FormatDef {
  for (const r of records.slice(0, 5)) {
    const hit = FORMATS.find((f) => f.schema.safeParse(r.value).success);
    if (hit) return hit;
  }
  throw new StepwiseError('invalid_input', `cannot tell the format of ${source}: none of its first records matches a known schema`, `name it: --data ${source}:FORMAT with FORMAT one of ${FORMATS.map((x) => x.name).join(', ')}`);
}

function describeIssue(err: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return err.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(record)'}: ${i.message}`).join('; ');
}

export function loadRecords(records: readonly RawRecord[], bad: LoadedSet['bad'], source: string, format?: string): LoadedSet {
  const def = format ? formatByName(format) : detectFormat(records, source);
  const stem = basename(source, extname(source));
  const out: LoadedSet = { format: def.name, source, items: [], bad: [...bad], skipped: [] };
  for (const r of records) {
    const p = def.schema.safeParse(r.value);
    if (!p.success) { out.bad.push({ line: r.line, message: `${describeIssue(p.error)} (${def.name} records look like ${def.fields})` }); continue; }
    const items = def.toItems(p.data, { line: r.line, stem });
    if ('skip' in items) out.skipped.push({ line: r.line, reason: items.skip });
    else out.items.push(...items);
  }
  out.bad.sort((a, b) => a.line - b.line);
  return out;
}

/** Load a dataset file; `format` names it, else it is detected from the first records. */
export function loadDataset(path: string, format?: string): LoadedSet {
  const { records, bad } = readRecords(path);
  return loadRecords(records, bad, path, format);
}

export function loadDatasetText(text: string, source: string, format?: string): LoadedSet {
  const { records, bad } = parseRecords(text);
  return loadRecords(records, bad, source, format);
}

export { type FormatDef } from './define.js';
export { RB1_SECTIONS } from './rewardbench.js';
