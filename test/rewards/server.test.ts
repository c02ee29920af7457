/** The reward server started in-process on a free port and called with fetch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startRewardServer, type RunningRewardServer } from '../../src/rewards/server/server.js';

let srv: RunningRewardServer;
const errors: unknown[] = [];

beforeAll(async () => {
  srv = await startRewardServer({ port: 0, maxBodyBytes: 64 * 1024, maxBatch: 500, onError: (e) => errors.push(e) });
});
afterAll(async () => {
  await srv.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(srv.url + path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('reward server', () => {
  it('binds 127.0.0.1 and answers /health and /v1/methods', async () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const h = await (await fetch(srv.url + '/health')).json();
    expect(h.ok).toBe(true);
    const m = await (await fetch(srv.url + '/v1/methods')).json();
    expect(m.methods.map((x: { name: string }) => x.name)).toContain('gui-action');
    expect(m.methods.find((x: { name: string }) => x.name === 'clip').input.properties.eta.type).toBe('number');
  });

  it('runs a method on one input and on a batch', async () => {
    const one = await post('/v1/rewards/par', { r: 2, refs: [1, 1.5] });
    expect(one.status).toBe(200);
    expect(one.body.result.reward).toBeCloseTo(0.676759, 6);
    const many = await post('/v1/rewards/rlcr', { batch: [{ correct: true, q: 0.8 }, { correct: false, q: 0.8 }] });
    expect(many.body.results.map((r: { reward: number }) => r.reward)).toEqual([0.96, -0.64].map((x) => expect.closeTo(x, 12)));
  });

  it('names the bad field with 400 and an unknown method with 404', async () => {
    const bad = await post('/v1/rewards/clip', { r: [0.1, 'x'], eta: 0.5 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, field: 'r[1]' });
    const badBatch = await post('/v1/rewards/clip', { batch: [{ r: [1], eta: 0 }, { r: [1] }] });
    expect(badBatch.status).toBe(400);
    expect(badBatch.body.field).toBe('batch[1].eta');
    const typo = await post('/v1/rewards/clip', { r: [1], eta: 0, etta: 1 });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatch(/etta/);
    const unknown = await post('/v1/rewards/nope', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/unknown reward method "nope"/);
  });

  it('scores GUI action batches with components', async () => {
    const r = await post('/v1/gui-action', {
      items: [
        { pred: { type: 'click', point: [500, 500] }, gt: { type: 'click', point: [500, 500] } },
        { pred: null, gt: { type: 'click', point: [500, 500] } },
        { pred: { type: 'type', text: 'hi' }, gt: { type: 'type', text: 'hi' } },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.rewards).toEqual([1, 0, 1]);
    expect(r.body.components[0]).toMatchObject({ typeMatch: 1, kind: 'point' });
    const lean = await post('/v1/gui-action?components=false', { items: [{ pred: null, gt: { type: 'key', key: 'back' } }] });
    expect(lean.body).toEqual({ ok: true, rewards: [0] });
    const bad = await post('/v1/gui-action', { items: [{ pred: null, gt: { type: 'click', point: [1, 2] } }, { pred: null, gt: { type: 'click' } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('items[1].gt.point');
  });

  it('assigns trajectory credit', async () => {
    const r = await post('/v1/credit', { method: 'grpo', options: { std: 'population' }, trajectories: [{ outcome: 1, stepRewards: [0, 0] }, { outcome: { verdict: 'failure' }, steps: [{}, {}] }] });
    expect(r.status).toBe(200);
    expect(r.body.credits.map((row: number[]) => row.map((x) => Math.round(x * 1000) / 1000))).toEqual([[1, 1], [-1, -1]]);
    const bad = await post('/v1/credit', { method: 'delta', trajectories: [{ outcome: 1, stepRewards: [1, 'a'] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('trajectories[0].stepRewards');
    const badOpt = await post('/v1/credit', { method: 'clip', options: { eta: 'high' }, trajectories: [] });
    expect(badOpt.body.field).toBe('options.eta');
  });

  it('implements the OpenRLHF /get_reward convention with JSON actions', async () => {
    const gt = { type: 'click', point: [100, 100] };
    const r = await post('/get_reward', {
      query: ['PROMPT{"type":"click","point":[100,100]}', 'PROMPT garbage', 'PROMPT I will tap. {"type":"click","point":[107,100]}'],
      prompts: ['PROMPT', 'PROMPT', 'PROMPT'],
      labels: [JSON.stringify(gt), { gt, boxes: [[0, 0, 200, 200]] }, gt],
    });
    expect(r.status).toBe(200);
    expect(r.body.rewards[0]).toBe(1);
    expect(r.body.rewards[1]).toBe(0);
    expect(r.body.rewards[2]).toBeCloseTo(0.3 + 0.7 * Math.exp(-0.0625), 9);
    expect(r.body.extra_logs.parsed).toEqual([1, 0, 1]);
    const bad = await post('/get_reward', { query: ['x'], labels: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('labels');
  });

  it('survives garbage, wrong content types, huge bodies and odd routes', async () => {
    expect((await post('/v1/gui-action', '{"items": [', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await post('/v1/gui-action', '[1,2]')).status).toBe(400);
    expect((await post('/v1/gui-action', 'null')).status).toBe(400);
    expect((await post('/v1/gui-action', { items: 'x' })).status).toBe(400);
    expect((await post('/v1/gui-action', { items: [] }, { 'content-type': 'text/plain' })).status).toBe(415);
    const huge = await post('/v1/gui-action', JSON.stringify({ items: [], pad: 'x'.repeat(200 * 1024) }));
    expect(huge.status).toBe(413);
    expect((await post('/v1/rewards/grpo', { batch: Array(501).fill({ r: [1] }) })).status).toBe(413);
    expect((await fetch(srv.url + '/nowhere')).status).toBe(404);
    expect((await fetch(srv.url + '/v1/gui-action', { method: 'PUT' })).status).toBe(405);
    // A chunked upload without content-length that grows past the limit.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(srv.url + '/v1/gui-action', { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 100; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(errors).toEqual([]);
    expect((await (await fetch(srv.url + '/health')).json()).ok).toBe(true);
  });
});

describe('/get_reward with a model dialect', () => {
  it('parses raw output with getDialect(name).parse and reports a missing formats module clearly', async () => {
    // A minimal dialect: "CLICK x,y" on the 0-1000 grid.
    const fake = {
      getDialect: (name: string) => {
        if (name !== 'mini') throw new Error(`no dialect ${name}`);
        return {
          parse: (raw: string) => {
            const m = raw.match(/CLICK (\d+),(\d+)/);
            if (!m) throw new Error('unparseable');
            return { action: { type: 'click' as const, point: [Number(m[1]), Number(m[2])] as [number, number] } };
          },
        };
      },
    };
    const withFormats = await startRewardServer({ port: 0, dialect: 'mini', loadFormats: async () => fake });
    const without = await startRewardServer({ port: 0, loadFormats: async () => ({}) });
    try {
      const call = async (url: string, body: unknown) => {
        const res = await fetch(url + '/get_reward', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as Record<string, any> };
      };
      const gt = { type: 'click', point: [300, 300] };
      const ok = await call(withFormats.url, { query: ['<think>tap</think> CLICK 300,300', 'no action here'], labels: [gt, gt] });
      expect(ok.body.rewards).toEqual([1, 0]);
      const unknown = await call(withFormats.url, { query: ['x'], labels: [gt], dialect: 'other' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.field).toBe('dialect');
      const missing = await call(without.url, { query: ['CLICK 1,1'], labels: [gt], dialect: 'gelab' });
      expect(missing.status).toBe(501);
      expect(missing.body.error).toMatch(/formats module/);
      const jsonStillWorks = await call(without.url, { query: [JSON.stringify(gt)], labels: [gt] });
      expect(jsonStillWorks.body.rewards).toEqual([1]);
    } finally {
      await withFormats.close();
      await without.close();
    }
  });
});

describe('/get_reward with the real GELab dialect', () => {
  it('scores GELab-Zero text outputs against JSON labels', async () => {
    const s = await startRewardServer({ port: 0, dialect: 'gelab', loadFormats: () => import('../../src/formats/index.js') });
    try {
      const res = await fetch(s.url + '/get_reward', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: ['<THINK> tap it </THINK>\nexplain:tap\taction:CLICK\tpoint:500,300\tsummary:done', 'no action'],
          labels: [{ type: 'click', point: [500, 300] }, { type: 'click', point: [1, 1] }],
        }),
      });
      expect(await res.json()).toEqual({ rewards: [1, 0], scores: [1, 0], extra_logs: { parsed: [1, 0] } });
    } finally {
      await s.close();
    }
  });
});
