import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { ACTION_TYPES, ACTIONS } from '../../src/core/actions.js';
import { openStore } from '../../src/store/index.js';
import { ACTION_TOOLS, actionToolName } from '../../src/mcp/index.js';
import { call, data, errorText, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await openHarness(1); }, 180_000);
afterAll(async () => { await h?.close(); });

describe('tool list', () => {
  it('lists one tool per device action (minus info/complete/abort) with the registry schema, plus the session tools', async () => {
    const c = await h.connect();
    const { tools } = await c.listTools();
    const names = tools.map((t) => t.name);
    for (const t of ACTION_TYPES) {
      const phone = ACTIONS[t].platforms.includes('phone');
      const tool = ['info', 'complete', 'abort'].includes(t) ? undefined : actionToolName(t);
      if (tool && phone) expect(names).toContain(tool);
      if (tool && !phone) expect(names).not.toContain(tool); // web extras only with a web device
    }
    for (const n of ['list_devices', 'get_screenshot', 'get_ui_tree', 'execute_task', 'type_text', 'press_key']) expect(names).toContain(n);
    const click = tools.find((t) => t.name === 'click')!;
    expect(click.inputSchema.required).toEqual(['point']);
    expect(Object.keys(click.inputSchema.properties ?? {}).sort()).toEqual(['device', 'frameId', 'point', 'space']);
    expect(ACTION_TOOLS.length).toBe(ACTION_TYPES.length - 3);
  });

  it('sets annotations: observation tools read-only, clicks destructive, wait read-only', async () => {
    const c = await h.connect();
    const { tools } = await c.listTools();
    const ann = (n: string) => tools.find((t) => t.name === n)!.annotations!;
    expect(ann('get_screenshot')).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(ann('list_devices')).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    expect(ann('click')).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false });
    expect(ann('scroll')).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(ann('wait')).toMatchObject({ readOnlyHint: true });
    expect(ann('execute_task')).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    const init = c.getInstructions() ?? '';
    expect(init).toMatch(/TEMPLATE#SEED/);
  });
});

describe('low-level tools on a sandbox phone', () => {
  it('takes a screenshot with frame metadata, and a resized one with fewer bytes', async () => {
    const c = await h.connect();
    const r = await call(c, 'get_screenshot');
    expect(r.isError).toBeFalsy();
    const d = data(r);
    expect(d).toMatchObject({ device: h.devices[0].id, space: 'norm1000', rotation: 0, deviceSize: { width: 1080, height: 2400 } });
    expect(d.frameId).toMatch(/#\d+$/);
    const img = r.content.find((x) => x.type === 'image')!;
    expect(img.type === 'image' && img.mimeType).toBe('image/png');
    const meta = await sharp(Buffer.from((img as { data: string }).data, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([1080, 2400]);
    const small = await call(c, 'get_screenshot', { profile: 'gelab' });
    expect(data(small).image).toMatchObject({ format: 'jpeg' });
    expect(data(small).image.width * data(small).image.height).toBeLessThanOrEqual(1_000_000);
    expect(data(small).image.bytes).toBeLessThan(d.image.bytes);
    // Full size as JPEG: same frame size, fewer bytes; a lower quality gives fewer still.
    const jpeg = await call(c, 'get_screenshot', { format: 'jpeg' });
    const jimg = jpeg.content.find((x) => x.type === 'image') as { data: string; mimeType: string };
    expect(jimg.mimeType).toBe('image/jpeg');
    const jmeta = await sharp(Buffer.from(jimg.data, 'base64')).metadata();
    expect([jmeta.width, jmeta.height, jmeta.format]).toEqual([1080, 2400, 'jpeg']);
    expect(data(jpeg).image.bytes).toBeLessThan(d.image.bytes);
    const rough = await call(c, 'get_screenshot', { format: 'jpeg', quality: 30 });
    expect(data(rough).image.bytes).toBeLessThan(data(jpeg).image.bytes);
    const bad = await call(c, 'get_screenshot', { format: 'jpeg', quality: 0 });
    expect(bad.isError).toBe(true);
    expect(errorText(bad)).toMatch(/quality/);
  });

  it('captures model-sized profiles at their size: declared size = decoded size, within the profile, same picture', async () => {
    const { getProfile, targetSize } = await import('../../src/agent/openai/index.js');
    const c = await h.connect();
    const full = await call(c, 'get_screenshot');
    const fullPng = Buffer.from((full.content.find((x) => x.type === 'image') as { data: string }).data, 'base64');
    for (const profile of ['gelab', 'claude', 'qwen']) {
      const r = await call(c, 'get_screenshot', { profile });
      expect(r.isError, errorText(r)).toBeFalsy();
      const d = data(r);
      const img = r.content.find((x) => x.type === 'image') as { data: string; mimeType: string };
      const bytes = Buffer.from(img.data, 'base64');
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([d.image.width, d.image.height, d.image.format]);
      expect(img.mimeType).toBe(`image/${d.image.format}`);
      const p = getProfile(profile);
      const want = targetSize({ width: 1080, height: 2400 }, p);
      if (p.kind === 'grid') expect([d.image.width, d.image.height]).toEqual([want.width, want.height]);
      else {
        expect(d.image.width).toBeLessThanOrEqual(want.width);
        expect(d.image.height).toBeLessThanOrEqual(want.height);
        expect(d.image.width * d.image.height).toBeLessThanOrEqual(p.maxPixels!);
        if (p.maxLongEdge) expect(Math.max(d.image.width, d.image.height)).toBeLessThanOrEqual(p.maxLongEdge);
      }
      // Same screen: the full screenshot scaled to this size differs only by resampling noise.
      const a = await sharp(bytes).resize(90, 200, { fit: 'fill' }).greyscale().raw().toBuffer();
      const b = await sharp(fullPng).resize(90, 200, { fit: 'fill' }).greyscale().raw().toBuffer();
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff += Math.abs(a[i] - b[i]);
      expect(diff / a.length).toBeLessThan(6);
    }
    const bad = await call(c, 'get_screenshot', { profile: 'huge' });
    expect(bad.isError).toBe(true);
    expect(errorText(bad)).toMatch(/profile/);
  });

  it('opens an app, finds a field in the UI tree, types into it and reads the text back', async () => {
    const c = await h.connect();
    await h.devices[0].reset({ seed: 3 });
    expect((await call(c, 'open_app', { app: 'Contacts' })).isError).toBeFalsy();
    const tree = data(await call(c, 'get_ui_tree', { query: 'search' }));
    expect(tree.app).toBeTruthy();
    expect(tree.elements.length).toBeGreaterThan(0);
    const line: string = tree.elements[0];
    const m = /@\((\d+),(\d+)\)/.exec(line)!;
    const r = await call(c, 'type_text', { text: 'Zed', point: [Number(m[1]), Number(m[2])], frameId: tree.frameId });
    expect(r.isError, errorText(r)).toBeFalsy();
    const after = data(await call(c, 'get_ui_tree', { query: 'Zed' }));
    expect(after.elements.join('\n')).toContain('Zed');
  });

  it('click returns the new frame; the old frameId is then rejected as stale with guidance', async () => {
    const c = await h.connect();
    await h.devices[0].reset({ seed: 3 });
    const shot = data(await call(c, 'get_screenshot'));
    const r = await call(c, 'click', { point: [500, 500], frameId: shot.frameId });
    expect(r.isError, errorText(r)).toBeFalsy();
    expect(data(r).frameId).not.toBe(shot.frameId);
    const stale = await call(c, 'click', { point: [500, 500], frameId: shot.frameId });
    expect(stale.isError).toBe(true);
    expect(errorText(stale)).toMatch(/stale_frame.*new screenshot/);
  });

  it('bad arguments are tool errors that say what to do, never crashes', async () => {
    const c = await h.connect();
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['click', { point: 'middle' }, /invalid_input: click: point: .*arguments: /],
      ['click', { point: [500, 500], device: 'sandbox:99' }, /not_found: unknown device "sandbox:99".*list_devices/],
      ['click', { point: [1500, 20] }, /out_of_range: .*outside the norm1000 frame.*0\.\.1000/],
      ['click', { point: [500, 500], space: 'device', extra: 1 }, /invalid_input: .*Unrecognized key/],
      ['scroll', { direction: 'sideways' }, /invalid_input: scroll: direction/],
      ['press_key', { key: 'hyper' }, /invalid_input: press_key: key/],
      ['open_app', { app: 'NoSuchAppAtAll' }, /open_app|app/i],
      ['execute_task', { task: 'book me a flight' }, /demo specialist only runs sandbox task instances.*TEMPLATE#SEED/],
      ['execute_task', { task: 'nope.nothing#3' }, /no sandbox task template "nope.nothing"/],
      ['execute_task', {}, /needs a task/],
      ['execute_task', { session_id: 'abc', reply: 'x' }, /no paused task with session_id "abc"/],
      ['no_such_tool', {}, /unknown tool/],
    ];
    for (const [tool, args, re] of cases) {
      const r = await call(c, tool, args);
      expect(r.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(errorText(r)).toMatch(re);
    }
    // the server is still fine afterwards
    expect((await call(c, 'list_devices')).isError).toBeFalsy();
  });

  it('a malformed tools/call request (no tool name) is a protocol error, and the server goes on', async () => {
    const c = await h.connect();
    // The handler is registered past the SDK Server's tools/call wrapper (server.ts), so this checks
    // that the request itself is still parsed.
    const bad = { method: 'tools/call', params: { arguments: {} } } as unknown as Parameters<typeof c.request>[0];
    await expect(c.request(bad, CallToolResultSchema)).rejects.toThrow(/name/);
    expect((await call(c, 'list_devices')).isError).toBeFalsy();
  });

  it('logs every call with its session', async () => {
    const c = await h.connect({}, 'logged-session');
    await call(c, 'list_devices');
    expect(h.logs.some((l) => /session=logged-session tool=list_devices ok=true/.test(l))).toBe(true);
  });
});

describe('execute_task', () => {
  it('runs a sandbox task instance with the demo specialist, streams progress and stores the trajectory', async () => {
    const c = await h.connect();
    const progress: { progress: number; message?: string }[] = [];
    const r = await call(c, 'execute_task', { task: 'contacts.query-email#3' }, { onprogress: (p) => progress.push(p) });
    expect(r.isError, errorText(r)).toBeFalsy();
    const d = data(r);
    expect(d).toMatchObject({ stop_reason: 'completed', verified: 'success' });
    expect(d.answer).toMatch(/@/);
    expect(progress.length).toBe(d.steps);
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, i) => i + 1));
    expect(d.log.length).toBe(d.steps);
    expect(r.content.some((x) => x.type === 'image')).toBe(true);
    const store = openStore(h.store);
    try {
      const t = store.getTrajectory(d.trajectory_id)!;
      expect(t.steps.length).toBe(d.steps);
      expect(t.outcome?.verdict).toBe('success');
    } finally { store.close(); }
  });

  it('stops with needs_reply when the client cannot elicit, then continues with session_id + reply', async () => {
    const c = await h.connect();
    const first = data(await call(c, 'execute_task', { task: 'contacts.add-dentist-info#3' }));
    expect(first.stop_reason).toBe('needs_reply');
    expect(first.question).toBeTruthy();
    expect(first.session_id).toBeTruthy();
    const { TEMPLATES } = await import('../../src/sandbox/tasks/index.js');
    const { instantiate } = await import('../../src/sandbox/tasks/instance.js');
    const { APPS } = await import('../../src/sandbox/apps/index.js');
    const inst = instantiate(TEMPLATES.find((t) => t.id === 'contacts.add-dentist-info')!, 3, APPS);
    const reply = inst.template.reply!(inst.params)!;
    const second = await call(c, 'execute_task', { session_id: first.session_id, reply });
    const d = data(second);
    expect(d.stop_reason, errorText(second)).toBe('completed');
    expect(d.verified).toBe('success');
    expect(d.steps).toBeGreaterThan(first.steps);
    // The continuation appended to the paused trajectory: one stored run, every step, one verdict.
    expect(d.trajectory_id).toBe(first.trajectory_id);
    expect(d.continued).toBe(true);
    const store = openStore(h.store);
    try {
      const t = store.getTrajectory(d.trajectory_id);
      expect(t).toMatchObject({ status: 'finished', stopReason: 'completed', outcome: { verdict: 'success' } });
      expect(t.steps.map((s) => s.index)).toEqual(Array.from({ length: d.steps }, (_, i) => i));
      expect(t.steps[first.steps - 1].action?.type).toBe('info');
      expect(store.listTrajectories({ task: 'contacts.add-dentist-info#3' })).toHaveLength(1);
    } finally { store.close(); }
  });

  it('refuses a continuation without a reply or with an unknown session_id, and keeps the paused run', async () => {
    const c = await h.connect();
    const first = data(await call(c, 'execute_task', { task: 'contacts.add-dentist-info#4' }));
    expect(first.stop_reason).toBe('needs_reply');
    const noReply = await call(c, 'execute_task', { session_id: first.session_id });
    expect(noReply.isError).toBe(true);
    expect(errorText(noReply)).toMatch(/waiting for a reply/);
    const unknown = await call(c, 'execute_task', { session_id: 'nope', reply: 'x' });
    expect(unknown.isError).toBe(true);
    expect(errorText(unknown)).toMatch(/no paused task/);
    const { TEMPLATES } = await import('../../src/sandbox/tasks/index.js');
    const { instantiate } = await import('../../src/sandbox/tasks/instance.js');
    const { APPS } = await import('../../src/sandbox/apps/index.js');
    const inst = instantiate(TEMPLATES.find((t) => t.id === 'contacts.add-dentist-info')!, 4, APPS);
    const d = data(await call(c, 'execute_task', { session_id: first.session_id, reply: inst.template.reply!(inst.params)! }));
    expect(d).toMatchObject({ stop_reason: 'completed', verified: 'success', trajectory_id: first.trajectory_id });
  });

  it('turns the question into an elicitation when the client supports it', async () => {
    const { ElicitRequestSchema } = await import('@modelcontextprotocol/sdk/types.js');
    const c = await h.connect({ capabilities: { elicitation: {} } });
    const asked: string[] = [];
    const { TEMPLATES } = await import('../../src/sandbox/tasks/index.js');
    const { instantiate } = await import('../../src/sandbox/tasks/instance.js');
    const { APPS } = await import('../../src/sandbox/apps/index.js');
    const inst = instantiate(TEMPLATES.find((t) => t.id === 'contacts.add-dentist-info')!, 3, APPS);
    c.setRequestHandler(ElicitRequestSchema, async (req) => {
      asked.push(req.params.message);
      return { action: 'accept', content: { reply: inst.template.reply!(inst.params)! } };
    });
    const d = data(await call(c, 'execute_task', { task: 'contacts.add-dentist-info#3' }));
    expect(asked).toHaveLength(1);
    expect(d).toMatchObject({ stop_reason: 'completed', verified: 'success' });
  });

  it('is cancelled by the request signal', async () => {
    const c = await h.connect();
    const ac = new AbortController();
    let steps = 0;
    const p = call(c, 'execute_task', { task: 'shop.buy-ask-size#3' }, { signal: ac.signal, onprogress: () => { if (++steps === 2) ac.abort(); } });
    await expect(p).rejects.toThrow(/abort/i);
    // The run itself stopped: its trajectory ends as cancelled, well before the task's 12 steps.
    const store = openStore(h.store);
    try {
      let t: ReturnType<typeof store.listTrajectories>[number] | undefined;
      for (let i = 0; i < 200 && t?.stopReason !== 'cancelled'; i++) {
        t = store.listTrajectories({ task: 'shop.buy-ask-size#3' })[0];
        if (t?.stopReason !== 'cancelled') await new Promise((r) => setTimeout(r, 100));
      }
      expect(t?.stopReason).toBe('cancelled');
      expect(t!.steps).toBeLessThan(6);
    } finally { store.close(); }
    // and the device is usable right after
    const after = await call(c, 'get_screenshot');
    expect(after.isError, errorText(after)).toBeFalsy();
  });
});
