import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GelabParser } from '../../src/store/index.js';
import { importGelab, loadGelabParser, openStore, sha256Hex } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

let jpeg: Buffer[] = [];
let png: Buffer;
beforeAll(async () => {
  jpeg = await Promise.all([10, 90, 170].map((g) => sharp({ create: { width: 54, height: 120, channels: 3, background: { r: g, g, b: 40 } } }).jpeg().toBuffer()));
  png = await sharp({ create: { width: 108, height: 240, channels: 3, background: '#3366cc' } }).png().toBuffer();
});

const raw = (verb: string, rest: string, cot = 'thinking') => `<THINK> ${cot} </THINK>\nexplain:because\taction:${verb}\t${rest}\tsummary:did ${verb}`;
const line = (o: unknown) => JSON.stringify(o) + '\n';

/**
 * A GELab-Zero log folder as its agent server writes it: one <session>.jsonl per session,
 * screenshots saved as <image_dir>/<session>_step_N.jpeg with the path of the machine
 * that ran it (here a folder that does not exist; the files sit in ../images).
 */
function serverLog(root: string): string {
  const logDir = join(root, 'logs');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(join(root, 'images'));
  const sid = '5b0c-aaaa';
  const at = (s: number) => `2025-12-01 10:00:0${s}`;
  let text = line({ session_id: sid, timestamp: at(0), message: { log_type: 'session_start', task: '打开设置并开启蓝牙', task_type: 'parser_0920_summary', model_config: { model_name: 'gelab-zero-4b-preview', model_provider: 'local' }, extra_info: { device: 'emu' } } });
  const steps = [
    { verb: 'AWAKE', rest: 'value:设置', dict: { cot: 'open it', explain: 'because', action: 'AWAKE', value: '设置', summary: 'did AWAKE' } },
    { verb: 'CLICK', rest: 'point:500,300', dict: { cot: 'tap', explain: 'because', action: 'CLICK', point: [500, 300], summary: 'did CLICK' } },
    { verb: 'COMPLETE', rest: 'return:蓝牙已开启', dict: { cot: 'done', explain: 'because', action: 'COMPLETE', return: '蓝牙已开启', summary: 'did COMPLETE' } },
  ];
  steps.forEach((s, i) => {
    writeFileSync(join(root, 'images', `${sid}_step_${i + 1}.jpeg`), jpeg[i]);
    text += line({
      session_id: sid,
      timestamp: at(i + 1),
      message: {
        environment: { image: `/data/gelab/images/${sid}_step_${i + 1}.jpeg`, user_comment: '' },
        action: s.dict,
        asked_messages: [{ role: 'user', content: [{ type: 'text', text: 'prompt' }] }],
        model_response: raw(s.verb, s.rest, s.dict.cot),
        model_config: { model_name: 'gelab-zero-4b-preview' },
        llm_cost: { llm_time: 1.25, llm_start_time: 1764583200 + i * 3, llm_end_time: 1764583201.25 + i * 3 },
      },
    });
  });
  writeFileSync(join(logDir, `${sid}.jsonl`), text);
  return logDir;
}

/** Flat step records, two interleaved sessions, with the damage real logs have. */
function flatLog(root: string): string {
  const file = join(root, 'flat.jsonl');
  const b64 = png.toString('base64');
  writeFileSync(file, [
    line({ session_id: 's1', task: 'search weather', step: 2, screenshot: `data:image/png;base64,${b64}`, response: raw('TYPE', 'value:weather\tpoint:400,100') }),
    line({ session_id: 's1', task: 'search weather', step: 1, image: b64, raw: raw('CLICK', 'point:400,100') }),
    '{"session_id": "s1", "step": 3, "response": "unterminated\n',
    line({ session_id: 's2', task: 'scroll feed', step_idx: 0, image: 'shots/missing.png', response: raw('SLIDE', 'point1:500,800\tpoint2:500,200') }),
    line({ session_id: 's1', task: 'search weather', step: 2, image: b64, response: 'a second step 2' }),
    line({ session_id: 's2', step_idx: 1, note: 'no response and no action' }),
    line({ session_id: 's2', step_idx: 1, action: { action_type: 'ABORT', value: 'feed is empty', explain: 'x', cot: 'nothing here' } }),
    line({ session_id: 's1', task: 'search weather', step: 3, image: b64, response: 'garbage the model wrote' }),
  ].join(''));
  appendFileSync(file, '{"session_id": "s1", "step": 4, "resp'); // cut off mid-line
  return file;
}

describe('GELab-Zero import', () => {
  it('imports a GELab-Zero server log folder with screenshots, raw outputs and the end state', async () => {
    const root = tempDir();
    const logDir = serverLog(root);
    const store = openStore(tempDir());
    const rep = await importGelab(store, logDir, { parser: null });
    expect(rep).toMatchObject({ imported: 3, trajectories: 1, parser: false, skipped: [], warnings: [] });
    const t = store.getTrajectory('gelab-5b0c-aaaa');
    expect(t).toMatchObject({
      task: { instruction: '打开设置并开启蓝牙', meta: { taskType: 'parser_0920_summary' } },
      policy: { name: 'gelab-zero', model: 'gelab-zero-4b-preview', dialect: 'gelab' },
      status: 'finished',
      stopReason: 'completed',
      answer: '蓝牙已开启',
      startedAt: Date.parse('2025-12-01T10:00:00'),
      meta: { source: 'gelab-zero', session: '5b0c-aaaa', extra: { device: 'emu' } },
    });
    expect(t.steps.map((s) => s.index)).toEqual([0, 1, 2]);
    const s1 = t.steps[1];
    expect(s1.model?.raw).toBe(raw('CLICK', 'point:500,300', 'tap'));
    expect(s1.model?.action).toBeUndefined(); // no parser: raw only
    expect(s1.model).toMatchObject({ thought: 'tap', summary: 'did CLICK', latencyMs: 1250 });
    expect(s1.startedAt).toBe((1764583200 + 3) * 1000);
    expect(s1.observation).toMatchObject({ image: sha256Hex(jpeg[1]), format: 'jpeg', width: 54, height: 120 });
    expect(store.getBlob(s1.observation!.image!).equals(jpeg[1])).toBe(true);
    expect(s1.meta).toMatchObject({ gelabAction: { action: 'CLICK', point: [500, 300] } });
    expect(t.endedAt).toBe((1764583200 + 6) * 1000 + 1250);

    const again = await importGelab(store, logDir, { parser: null });
    expect(again.imported).toBe(0);
    expect(again.skipped).toEqual([{ file: join(logDir, '5b0c-aaaa.jsonl'), line: 1, reason: 'session 5b0c-aaaa is already in the store as gelab-5b0c-aaaa' }]);
    store.close();
  });

  it('imports every valid step of a damaged flat log and reports the rest', async () => {
    const root = tempDir();
    const file = flatLog(root);
    const store = openStore(tempDir());
    // A stand-in parser: CLICK/TYPE/SLIDE/ABORT parse, anything else is a parse error.
    const parser: GelabParser = {
      parse(text) {
        const verb = /action:(\w+)/.exec(text)?.[1];
        if (verb === 'CLICK') return { action: { type: 'click', point: [400, 100] }, thought: 'thinking' };
        if (verb === 'TYPE') return { action: { type: 'type', text: 'weather', point: [400, 100] } };
        if (verb === 'SLIDE') return { action: { type: 'swipe', from: [500, 800], to: [500, 200] } };
        if (verb === 'ABORT') return { action: { type: 'abort', reason: 'feed is empty' } };
        throw new Error(`cannot read ${JSON.stringify(text.slice(0, 20))}`);
      },
    };
    const rep = await importGelab(store, file, { parser });
    expect(rep.trajectories).toBe(2);
    expect(rep.imported).toBe(5);
    expect(rep.parsed).toBe(4);
    expect(rep.skipped.map((s) => [s.line, s.reason.split(':')[0]])).toEqual([
      [3, 'invalid JSON'],
      [6, 'neither a model response (model_response/response/raw) nor an action object'],
      [9, 'invalid JSON'],
      [5, 'step 2 appears twice in session s1; kept the first'],
    ]);
    expect(rep.warnings.map((w) => [w.line, w.reason.slice(0, 30)])).toEqual([
      [8, 'model output did not parse: ca'],
      [4, 'screenshot shots/missing.png n'],
      [7, 'step has no screenshot'],
    ]);

    const s1 = store.getTrajectory('gelab-s1');
    // Ordered by the step numbers, not by line order.
    expect(s1.steps.map((s) => s.meta?.gelabStep)).toEqual([1, 2, 3]);
    expect(s1.steps.map((s) => s.action?.type)).toEqual(['click', 'type', undefined]);
    expect(s1.steps[2].model).toMatchObject({ raw: 'garbage the model wrote', parseError: expect.stringContaining('cannot read') });
    expect(s1.steps[0].observation).toMatchObject({ image: sha256Hex(png), format: 'png', width: 108, height: 240 });
    expect(s1).toMatchObject({ status: 'interrupted', stopReason: 'interrupted', task: { instruction: 'search weather' } });

    const s2 = store.getTrajectory('gelab-s2');
    expect(s2.steps).toHaveLength(2);
    expect(s2.steps[0].observation).toBeUndefined();
    expect(s2.steps[0].meta?.gelabImage).toBe('shots/missing.png');
    // Only the parsed dict was logged: raw is rebuilt in GELab's own text form and marked.
    expect(s2.steps[1].model).toMatchObject({ raw: '<THINK> nothing here </THINK>\nexplain:x\taction:ABORT\tvalue:feed is empty', extras: { rawReconstructed: true } });
    expect(s2).toMatchObject({ status: 'finished', stopReason: 'aborted' });
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });

  it('uses the gelab dialect from src/formats when it is there, and raw only when not', async () => {
    const root = tempDir();
    const logDir = serverLog(root);
    const store = openStore(tempDir());
    const parser = await loadGelabParser();
    const rep = await importGelab(store, logDir);
    const steps = store.getTrajectory('gelab-5b0c-aaaa').steps;
    expect(rep.parser).toBe(!!parser);
    if (parser) {
      expect(rep.parsed).toBe(3);
      expect(steps.map((s) => s.model?.action?.type)).toEqual(['open_app', 'click', 'complete']);
      expect(steps[1].action).toEqual({ type: 'click', point: [500, 300] });
    } else {
      expect(steps.every((s) => s.model?.action === undefined && s.model?.raw.includes('action:'))).toBe(true);
    }
    store.close();
  });

  it('says what is wrong with a missing path or an empty folder', async () => {
    const store = openStore(tempDir());
    await expect(importGelab(store, join(tempDir(), 'nope.jsonl'))).rejects.toThrow(/no such file or folder/);
    await expect(importGelab(store, tempDir())).rejects.toThrow(/no \.jsonl files/);
    store.close();
  });
});
