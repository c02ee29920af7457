import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, data, errorText, openHarness, type Harness } from './harness.js';

describe('three devices, several sessions', () => {
  let h: Harness;
  beforeAll(async () => { h = await openHarness(3); }, 180_000);
  afterAll(async () => { await h?.close(); });

  it('runs three execute_task calls on three devices concurrently', async () => {
    const c = await h.connect({}, 'planner');
    const ids = h.devices.map((d) => d.id);
    const tasks = ['contacts.query-email#3', 'contacts.query-email#4', 'contacts.query-email#5'];
    // Record when each run is between its first and last step: the intervals must overlap.
    const spans = ids.map(() => ({ first: Infinity, last: 0 }));
    const rs = await Promise.all(ids.map((device, i) => call(c, 'execute_task', { task: tasks[i], device }, {
      onprogress: () => { const now = performance.now(); spans[i].first = Math.min(spans[i].first, now); spans[i].last = now; },
    })));
    for (const r of rs) expect(data(r), errorText(r)).toMatchObject({ stop_reason: 'completed', verified: 'success' });
    expect(new Set(rs.map((r) => data(r).device))).toEqual(new Set(ids));
    const latestStart = Math.max(...spans.map((s) => s.first));
    const earliestEnd = Math.min(...spans.map((s) => s.last));
    expect(latestStart).toBeLessThan(earliestEnd);
  });

  it('a second session gets a busy error on a device the first one holds, until it is released', async () => {
    const a = await h.connect({}, 'alice');
    const b = await h.connect({}, 'bob');
    const dev = h.devices[1].id;
    expect((await call(a, 'get_screenshot', { device: dev })).isError).toBeFalsy();
    const list = data(await call(b, 'list_devices')).devices as { id: string; busy: boolean }[];
    expect(list.find((d) => d.id === dev)!.busy).toBe(true);
    const blocked = await call(b, 'click', { device: dev, point: [500, 500] });
    expect(blocked.isError).toBe(true);
    expect(errorText(blocked)).toMatch(/busy.*another session/);
    const rel = data(await call(a, 'release_device', { device: dev }));
    expect(rel.released).toEqual([dev]);
    expect((await call(b, 'click', { device: dev, point: [500, 500] })).isError).toBeFalsy();
    await call(b, 'release_device');
  });

  it('two sessions fighting over one device never interleave (busy=wait)', async () => {
    const h2 = await openHarness(1, { busy: 'wait', leaseIdleMs: 50 });
    try {
      // The order in which each session's calls complete, tagged by session.
      const order: string[] = [];
      const a = await h2.connect({}, 'A');
      const b = await h2.connect({}, 'B');
      await call(a, 'open_app', { app: 'Notes' });
      // Each session sends 4 actions then lets go; while one holds the device the other waits.
      const burst = async (c: typeof a, tag: string) => {
        for (let i = 0; i < 4; i++) await call(c, 'press_key', { key: 'back' }).then(() => order.push(`${tag}${i}`));
        await call(c, 'release_device');
      };
      await Promise.all([burst(a, 'A'), burst(b, 'B')]);
      const tags = order.map((x) => x[0]).join('');
      expect(['AAAABBBB', 'BBBBAAAA']).toContain(tags);
    } finally { await h2.close(); }
  });
});
