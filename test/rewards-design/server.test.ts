/** The reward server serves the design methods with no server code of their own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRewardServer, type RunningRewardServer } from '../../src/rewards/server/server.js';

let srv: RunningRewardServer;

beforeAll(async () => {
  srv = await startRewardServer({ port: 0 });
});
afterAll(async () => {
  await srv.close();
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(srv.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('reward server with design methods', () => {
  it('describes them and runs one input and a batch', async () => {
    const m = await (await fetch(srv.url + '/v1/methods')).json();
    expect(m.methods.find((x: { name: string }) => x.name === 'morec').input.properties.d.type).toBe('array');
    const one = await post('/v1/rewards/morec', { d: [[0.9, 0.8], [0.5, 0.4], [0.99, 1.0]] });
    expect(one.status).toBe(200);
    expect(one.body.result.chosen).toBe(2);
    const many = await post('/v1/rewards/cooper', { batch: [{ positive: 1.2, negative: 0.2 }, { positive: 0.2, negative: 1.2 }] });
    expect(many.body.results[0].loss).toBeCloseTo(0.3133, 4);
    expect(many.body.results[1].loss).toBeCloseTo(1.3133, 4);
  });
  it('answers bad input with 400 naming the field', async () => {
    const bad = await post('/v1/rewards/srum', { width: 2, height: 2, regions: [], global: 5 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/global/);
  });
});
