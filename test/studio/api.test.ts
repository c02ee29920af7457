/**
 * The Studio HTTP API as any client sees it: filters, 404s instead of crashes, nothing outside
 * the store folder reachable (../ and encoded traversal), JSON-only writes, Host/Origin checks,
 * and a token required off loopback.
 */
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { startStudio, type RunningStudio } from '../../src/studio/server.js';
import { tmp } from './fixture.js';

let dir: string;
let studio: RunningStudio;
let image: string;
const ids: string[] = [];

beforeAll(async () => {
  dir = tmp();
  const store = openStore(dir);
  const png = await sharp({ create: { width: 108, height: 240, channels: 3, background: '#3366cc' } }).png().toBuffer();
  image = store.putBlob(png);
  const specs = [
    { id: 'clock.alarm', instruction: 'Set an alarm for 7:30', app: 'clock', round: 1, verdict: 'success' as const },
    { id: 'clock.alarm', instruction: 'Set an alarm for 8:15', app: 'clock', round: 2, verdict: 'failure' as const },
    { id: 'chat.send', instruction: 'Send hello to Ann', app: 'chat', round: 2, verdict: undefined },
  ];
  for (const [k, s] of specs.entries()) {
    const t = store.createTrajectory({ task: { id: s.id, instruction: s.instruction, app: s.app }, policy: { name: k === 2 ? 'openai' : 'demo' }, startedAt: 1_700_000_000_000 + k * 1000, meta: { round: s.round } });
    for (let i = 0; i < 2 + k; i++) {
      store.appendStep(t.id, { index: i, observation: { frameId: `f${i}`, image, format: 'png', width: 108, height: 240 }, action: { type: 'click', point: [500, 100 * (i + 1)] }, model: { raw: 'tap', action: { type: 'click', point: [500, 100 * (i + 1)] } }, result: { ok: true } });
    }
    store.finishTrajectory(t.id, { stopReason: 'completed', endedAt: 1_700_000_000_000 + k * 1000 + 500 });
    if (s.verdict) store.setOutcome(t.id, { verdict: s.verdict, confidence: 1, source: 'verifier' });
    ids.push(t.id);
  }
  store.close();
  studio = await startStudio({ store: dir });
});

afterAll(async () => { await studio?.close(); });

/** A raw request: the path is sent exactly as given (fetch would normalize ../). */
function raw(path: string, o: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const port = o.port ?? Number(new URL(studio.url).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}
const getJson = async (path: string) => { const r = await raw(path); return { status: r.status, json: JSON.parse(r.body.toString()) }; };

describe('studio API', () => {
  it('lists with filters (verdict, app, policy, round, search, dates) and sorts', async () => {
    expect((await getJson('/api/trajectories')).json.total).toBe(3);
    expect((await getJson('/api/trajectories?verdict=success')).json.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect((await getJson('/api/trajectories?verdict=none')).json.items.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    expect((await getJson('/api/trajectories?app=chat')).json.total).toBe(1);
    expect((await getJson('/api/trajectories?policy=openai')).json.items[0].id).toBe(ids[2]);
    expect((await getJson('/api/trajectories?round=2')).json.items.map((r: { id: string }) => r.id).sort()).toEqual([ids[1], ids[2]].sort());
    expect((await getJson('/api/trajectories?q=8%3A15')).json.items.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    expect((await getJson(`/api/trajectories?since=${1_700_000_000_000 + 500}`)).json.total).toBe(2);
    expect((await getJson('/api/trajectories?sort=steps&order=asc')).json.items.map((r: { steps: number }) => r.steps)).toEqual([2, 3, 4]);
    const page = (await getJson('/api/trajectories?task=clock.alarm')).json;
    expect(page.total).toBe(2);
    expect(page.facets.tasks).toEqual(['chat.send', 'clock.alarm']); // choices stay complete under a filter
    expect(page.facets.rounds).toEqual(['1', '2']);
  });

  it('compares runs from the store by round and policy', async () => {
    const byRound = (await getJson('/api/runs?by=round')).json;
    expect(byRound.groups).toEqual([
      { key: '1', trajectories: 1, verified: 1, successes: 1, successRate: 1, meanSteps: 2 },
      { key: '2', trajectories: 2, verified: 1, successes: 0, successRate: 0, meanSteps: 3.5 },
    ]);
    expect((byRound.html.match(/<svg/g) ?? []).length).toBe(2);
    expect((await getJson('/api/runs?by=policy')).json.groups.map((g: { key: string; trajectories: number }) => [g.key, g.trajectories])).toEqual([['demo', 2], ['openai', 1]]);
    expect((await getJson('/api/runs?by=colour')).status).toBe(400);
  });

  it('answers bad parameters with 400 and a hint', async () => {
    for (const q of ['verdict=maybe', 'sort=colour', 'limit=-1', 'since=yesterdayish', 'order=up']) {
      const r = await getJson(`/api/trajectories?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json.error.message).toMatch(/bad query parameter/);
    }
  });

  it('bad ids are 404 JSON, never a crash', async () => {
    for (const p of ['/api/trajectories/nope', '/api/trajectories/nope/gif', '/api/trajectories/nope/sheet.png', '/api/reports/nope.json', '/api/nothing', '/api/trajectories/%E0%A4%A']) {
      const r = await raw(p);
      expect(r.status, p).toBe(404);
      expect(r.headers['content-type']).toBe('application/json');
      expect(JSON.parse(r.body.toString()).error.code, p).toBeTruthy();
    }
    expect((await raw(`/api/trajectories/${ids[0]}`)).status).toBe(200);
  });

  it('serves blobs only by sha256: ../ and encoded traversal never leave the store', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'top secret');
    const ok = await raw(`/api/blobs/${image}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect((await sharp(ok.body).metadata()).width).toBe(108);
    const attempts = [
      '/api/blobs/../stepwise.db', '/api/blobs/..%2Fstepwise.db', '/api/blobs/%2e%2e%2fstepwise.db', '/api/blobs/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/api/blobs/..%5c..%5csecret.txt', '/api/blobs/' + image.toUpperCase(), '/api/blobs/' + image.slice(0, 2) + '%2f' + image.slice(2),
      '/api/blobs/' + 'ab'.repeat(32), '/api/reports/..%2fstepwise.db', '/api/reports/%2e%2e%2f%2e%2e%2fsecret.txt', '/../secret.txt', '/%2e%2e/secret.txt',
    ];
    for (const p of attempts) {
      const r = await raw(p);
      expect(r.status, p).toBe(404);
      expect(r.body.toString(), p).not.toMatch(/top secret|SQLite format/);
    }
  });

  it('writes need JSON bodies and valid decisions; the server keeps answering afterwards', async () => {
    const post = (path: string, body: string, type = 'application/json') => raw(path, { method: 'POST', body, headers: { 'content-type': type } });
    expect((await post(`/api/review/${ids[0]}`, 'decision=approve', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(`/api/review/${ids[0]}`, '{"decision":"maybe"}')).status).toBe(400);
    expect((await post(`/api/review/${ids[0]}`, '{not json')).status).toBe(400);
    expect((await post('/api/review/nope', '{"decision":"approve"}')).status).toBe(404);
    expect((await post(`/api/trajectories/${ids[0]}/notes`, '{"kind":"review_flag","step":99}')).status).toBe(400);
    expect((await post(`/api/trajectories/${ids[0]}/notes`, '{"kind":"comment","text":""}')).status).toBe(400);
    expect((await raw(`/api/review/${ids[0]}`)).status).toBe(405);
    const ok = await post(`/api/trajectories/${ids[0]}/notes`, '{"kind":"comment","text":"looks fine","reviewer":"bo"}');
    expect(ok.status).toBe(201);
    const store = openStore(dir, { recoverInterrupted: false });
    expect(store.getAnnotations(ids[0])).toMatchObject([{ kind: 'comment', value: { text: 'looks fine' }, author: 'bo' }]);
    expect(store.getOutcomes(ids[0]).filter((o) => o.source === 'human')).toEqual([]); // refused decisions wrote nothing
    store.close();
    expect((await raw('/api/trajectories')).status).toBe(200);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding)', async () => {
    expect((await raw('/api/trajectories', { headers: { host: 'evil.example:80' } })).status).toBe(403);
    expect((await raw('/api/trajectories', { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await raw('/api/trajectories', { headers: { origin: studio.url.replace(/\/$/, '') } })).status).toBe(200);
  });

  it('off loopback: refuses to start without a token, and then requires it (bearer or cookie)', async () => {
    await expect(startStudio({ store: dir, host: '0.0.0.0' })).rejects.toThrow(/--token/);
    const open = await startStudio({ store: dir, host: '0.0.0.0', token: 's3cret' });
    const port = Number(new URL(open.url).port);
    try {
      expect((await raw('/api/trajectories', { port })).status).toBe(401);
      expect((await raw('/', { port })).status).toBe(401);
      expect((await raw('/api/trajectories', { port, headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await raw('/api/trajectories', { port, headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
      const login = await raw('/?token=s3cret', { port });
      expect(login.status).toBe(303);
      const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0];
      expect(String((login.headers['set-cookie'] as string[])[0])).toMatch(/HttpOnly/);
      expect((await raw('/api/trajectories', { port, headers: { cookie } })).status).toBe(200);
      expect((await raw(`/api/blobs/${image}?token=s3cret`, { port })).status).toBe(401); // the query token only works on /
    } finally {
      await open.close();
    }
  });
});
