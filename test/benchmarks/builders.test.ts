import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildFromAndroidControl } from '../../src/benchmarks/build-androidcontrol.js';
import { buildFromGelab } from '../../src/benchmarks/build-gelab.js';
import { readStaticSet, writeStaticSet } from '../../src/benchmarks/static-format.js';
import { runStatic } from '../../src/benchmarks/static-eval.js';
import { CenterPolicy, staticPolicy } from '../../src/benchmarks/static-policies.js';
import type { UiNode } from '../../src/core/uitree.js';
import { png, tempDir } from './helpers.js';

function node(index: number, bounds: [number, number, number, number], clickable: boolean, parent = -1): UiNode {
  return { index, class: 'android.view.View', text: '', desc: '', resourceId: '', bounds, clickable, focused: false, scrollable: false, checkable: false, checked: false, selected: false, enabled: true, parent };
}

describe('AndroidControl-style episodes', () => {
  it('pixel actions become grid actions; a UI tree gives the box of the element under the click', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'shots'));
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, 'shots', `${i}.png`), await png(1080, 2400));
    const tree = [node(0, [0, 0, 1080, 2400], false), node(1, [0, 1250, 1080, 1440], true, 0), node(2, [40, 1260, 300, 1400], false, 1)];
    const ep = {
      episode_id: 7, goal: 'Find a red jacket',
      screenshots: ['shots/0.png', 'shots/1.png', 'shots/2.png', 'shots/3.png'],
      screenshot_widths: [1080, 1080, 1080, 1080], screenshot_heights: [2400, 2400, 2400, 2400],
      actions: [{ action_type: 'open_app', app_name: 'Shop' }, { action_type: 'click', x: 100, y: 1300 }, { action_type: 'input_text', text: 'red jacket' }, { action_type: 'status', goal_status: 'successful' }],
      step_instructions: ['open the shop', 'tap the search row', 'type the query', 'done'],
      ui_trees: [null, tree, null, null],
    };
    const file = join(dir, 'episodes.json');
    writeFileSync(file, JSON.stringify([ep]));
    const out = join(dir, 'set');
    mkdirSync(out);
    const { rows } = buildFromAndroidControl(file, out);
    expect(rows.map((r) => r.gt.type)).toEqual(['open_app', 'click', 'type', 'complete']);
    expect(rows[1].gt).toEqual({ type: 'click', point: [93, 542] });
    // The clickable row (not the text child under the finger) is the valid target.
    expect(rows[1].boxes).toEqual([[0, 521, 1000, 600]]);
    expect(rows[2].history).toEqual([{ action: { type: 'open_app', app: 'Shop' }, summary: 'open the shop' }, { action: rows[1].gt, summary: 'tap the search row' }]);
    writeStaticSet(join(out, 'steps.jsonl'), rows);
    const set = readStaticSet(join(out, 'steps.jsonl'));
    expect((await runStatic(set, staticPolicy('replay', set.rows))).avg).toBe(1);
    // (500, 500) is above the row's box: the centre tap misses.
    expect((await runStatic(set, new CenterPolicy())).per_type.CLICK.exact_acc).toBe(0);
  });

  it('a bad episode is reported by index and fails the build unless skipped', () => {
    const dir = tempDir();
    const file = join(dir, 'eps.jsonl');
    writeFileSync(file, [JSON.stringify({ episode_id: 'a', goal: 'g', screenshots: ['x.png'], screenshot_widths: [10], screenshot_heights: [10], actions: [{ action_type: 'click' }] }), JSON.stringify({ episode_id: 'b', goal: 'g', screenshots: ['x.png'], screenshot_widths: [10], screenshot_heights: [10], actions: [{ action_type: 'wait' }] })].join('\n'));
    expect(() => buildFromAndroidControl(file, dir)).toThrow(/episode 0: actions\.0: x is missing/);
    const r = buildFromAndroidControl(file, dir, { skipBad: true });
    expect(r.rows.map((x) => x.id)).toEqual(['b/0']);
    expect(r.errors).toHaveLength(1);
  });
});

describe('GELab-Zero logs', () => {
  it('are imported through the store importer; clicks without trees score by distance', async () => {
    const dir = tempDir();
    const jpg = await sharp({ create: { width: 54, height: 120, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    mkdirSync(join(dir, 'images'));
    const sid = 'sess-1';
    const raw = (verb: string, rest: string) => `<THINK> t </THINK>\nexplain:e\taction:${verb}\t${rest}\tsummary:did ${verb}`;
    const log = join(dir, `${sid}.jsonl`);
    writeFileSync(log, JSON.stringify({ session_id: sid, message: { log_type: 'session_start', task: 'open settings and tap wifi' } }) + '\n');
    [['AWAKE', 'value:Settings'], ['CLICK', 'point:500,300'], ['COMPLETE', 'return:done']].forEach(([verb, rest], i) => {
      writeFileSync(join(dir, 'images', `${sid}_step_${i + 1}.jpeg`), jpg);
      appendFileSync(log, JSON.stringify({ session_id: sid, message: { environment: { image: `/elsewhere/${sid}_step_${i + 1}.jpeg` }, model_response: raw(verb, rest), step: i + 1 } }) + '\n');
    });
    const out = join(dir, 'set');
    const { rows } = await buildFromGelab(log, { outDir: out, imageDirs: [join(dir, 'images')] });
    expect(rows.map((r) => r.gt.type)).toEqual(['open_app', 'click', 'complete']);
    expect(rows[1].boxes).toBeUndefined();
    expect(rows[2].history.map((h) => h.summary)).toEqual(['did AWAKE', 'did CLICK']);
    writeStaticSet(join(out, 'steps.jsonl'), rows);
    const set = readStaticSet(join(out, 'steps.jsonl'));
    expect((await runStatic(set, staticPolicy('replay', set.rows))).avg).toBe(1);
    // 200 grid units from (500, 300): beyond the click distance.
    expect((await runStatic(set, new CenterPolicy())).per_type.CLICK.exact_acc).toBe(0);
  });
});
