import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { FORMATS, loadDataset, loadDatasetText } from '../../src/judges/eval/formats/index.js';
import type { ChoiceItem, ProcessItem } from '../../src/judges/eval/items.js';

const data = join(import.meta.dirname, '..', '..', 'data', 'judge-eval');
const fixtures = join(import.meta.dirname, 'fixtures');

// Public-schema sample file, items it yields, records it skips, field named in the broken file's error.
const CASES: [format: string, file: string, items: number, skipped: number, field: string][] = [
  ['rewardbench2', 'rewardbench2.jsonl', 10, 0, 'num_correct'],
  ['rewardbench', 'rewardbench.jsonl', 6, 0, 'chosen'],
  ['rewardmath', 'rewardmath.jsonl', 3, 0, 'prompt'],
  ['processbench', 'processbench/gsm8k.jsonl', 6, 0, 'label'],
  ['prm800k', 'prm800k.jsonl', 4, 1, 'label.steps'],
  ['helpsteer2', 'helpsteer2.jsonl', 6, 0, 'helpfulness'],
  ['helpsteer2-preference', 'helpsteer2-preference.jsonl', 3, 1, 'preference_strength'],
  ['verifybench', 'verifybench.jsonl', 12, 0, 'correct'],
  ['pairs', 'pairs.jsonl', 4, 0, 'rejected'],
];

test('every declared format has a sample file and a broken-file case', () => {
  expect(CASES.map((c) => c[0]).sort()).toEqual(FORMATS.map((f) => f.name).sort());
});

describe.each(CASES)('%s loader', (format, file, items, skipped, field) => {
  test('loads the sample file in the public schema, detected without naming the format', () => {
    const named = loadDataset(join(data, file), format);
    expect(named.bad).toEqual([]);
    expect(named.items).toHaveLength(items);
    expect(named.skipped).toHaveLength(skipped);
    const detected = loadDataset(join(data, file));
    expect(detected.format).toBe(format);
    expect(detected.items).toEqual(named.items);
  });

  test('a broken file keeps its good records and reports the bad ones by line', () => {
    const r = loadDataset(join(fixtures, `broken-${format}.jsonl`), format);
    expect(r.items.length).toBeGreaterThanOrEqual(2);
    expect(r.bad.map((b) => b.line)).toEqual([2, 3]);
    expect(r.bad[0].message).toMatch(/not valid JSON/);
    expect(r.bad[1].message).toContain(field);
  });
});

describe('format details', () => {
  test('RewardBench 2 Ties rows keep their ref/tied pairing and correct-answer count', () => {
    const r = loadDataset(join(data, 'rewardbench2.jsonl'));
    const ties = r.items.filter((x): x is ChoiceItem => x.kind === 'choice' && !!x.ties);
    expect(ties.map((x) => `${x.ties!.type}:${x.ties!.group}:${x.chosen.length}`)).toEqual(['ref:0:1', 'tied:0:3', 'ref:1:1', 'tied:1:4']);
  });

  test('ProcessBench takes its split from the file name; PRM800K stops at the first step rated -1', () => {
    const pb = loadDataset(join(data, 'processbench/math.jsonl')).items as ProcessItem[];
    expect(new Set(pb.map((x) => x.subset))).toEqual(new Set(['math']));
    const prm = loadDataset(join(data, 'prm800k.jsonl')).items as ProcessItem[];
    expect(prm.map((x) => x.firstError)).toEqual([-1, 1, -1, 1]);
    expect(prm[1].steps).toEqual(['7 * 6 = 42.', '42 + 4 = 48.']);
  });

  test('HelpSteer2-Preference: a negative strength means response_1 is preferred', () => {
    const r = loadDataset(join(data, 'helpsteer2-preference.jsonl')).items as ChoiceItem[];
    expect(r[0].chosen).toEqual(['6 * 7 = 42.']);
    expect(r[1].chosen).toEqual(['81 / 9 = 9.']);
  });

  test('a JSON array file is read too, with record numbers', () => {
    const r = loadDatasetText(JSON.stringify([{ prompt: 'p', chosen: 'a', rejected: 'b' }, { prompt: 'p' }]), 'x.json', 'pairs');
    expect(r.items).toHaveLength(1);
    expect(r.bad.map((b) => b.line)).toEqual([2]);
  });

  test('unknown formats, undetectable files and missing files are clear errors', () => {
    expect(() => loadDatasetText('{"a":1}\n', 'x.jsonl', 'nope')).toThrow(/unknown dataset format "nope".*use one of/);
    expect(() => loadDatasetText('{"a":1}\n', 'x.jsonl')).toThrow(/cannot tell the format of x.jsonl.*--data x.jsonl:FORMAT/);
    const dir = mkdtempSync(join(tmpdir(), 'je-'));
    expect(() => loadDataset(join(dir, 'missing.jsonl'))).toThrow(/cannot read .*missing.jsonl/);
    writeFileSync(join(dir, 'bad.json'), '[{"prompt": ');
    expect(loadDataset(join(dir, 'bad.json'), 'pairs').bad[0].message).toMatch(/not valid JSON/);
  });
});
