import { describe, expect, it } from 'vitest';
import { runSandboxed } from '../../src/verifiers/sandbox.js';

const call = (...args: unknown[]) => ({ fn: 'verify', args });

describe('verifier sandbox', () => {
  it('runs a function declaration and a const arrow over JSON arguments', async () => {
    const src = 'function verify(s, a) { return { ok: s.n > 2 && a === "x", reason: "n=" + s.n }; }\nconst progress = (s) => s.n / 10;';
    const out = await runSandboxed(src, [call({ n: 3 }, 'x'), call({ n: 1 }, 'x'), { fn: 'progress', args: [{ n: 4 }] }]);
    expect(out).toEqual([{ ok: true, value: { ok: true, reason: 'n=3' } }, { ok: true, value: { ok: false, reason: 'n=1' } }, { ok: true, value: 0.4 }]);
  });

  it('reports a missing function and a thrown error per call, and goes on', async () => {
    const out = await runSandboxed('function verify(s) { if (!s) throw new Error("no state"); return { ok: true, reason: "" }; }', [call(null), { fn: 'dense', args: [] }, call({})]);
    expect(out[0]).toMatchObject({ ok: false, kind: 'error', error: 'no state' });
    expect(out[1]).toMatchObject({ ok: false, kind: 'error', error: expect.stringContaining('no function dense') });
    expect(out[2]).toEqual({ ok: true, value: { ok: true, reason: '' } });
  });

  it('has no require, process, import(), eval, Function constructor or timers', async () => {
    const probes = {
      require: 'function verify() { return require("node:fs").readFileSync("/etc/passwd", "utf8"); }',
      process: 'function verify() { return process.env; }',
      importCall: 'function verify() { return import("node:fs"); }',
      evalCall: 'function verify() { return eval("1 + 1"); }',
      ctorEscape: 'function verify() { return (function () {}).constructor("return process")().pid; }',
      globalLookup: 'function verify() { return globalThis["req" + "uire"]("fs"); }',
      timers: 'function verify() { setTimeout(() => 0, 1); return 1; }',
      fetchCall: 'function verify() { return fetch("http://127.0.0.1:1/"); }',
    };
    for (const [name, src] of Object.entries(probes)) {
      const [r] = await runSandboxed(src, [call()]);
      expect(r.ok, name).toBe(false);
      expect((r as { kind: string }).kind, name).toBe('error');
    }
  });

  it('stops an endless loop at the call limit and keeps answering later calls', async () => {
    const src = 'function verify(s) { if (s.loop) { while (true) {} } return { ok: true, reason: "fine" }; }';
    const out = await runSandboxed(src, [call({ loop: true }), call({ loop: false })], { callTimeoutMs: 200 });
    expect(out[0]).toMatchObject({ ok: false, kind: 'timeout' });
    expect(out[1]).toEqual({ ok: true, value: { ok: true, reason: 'fine' } });
  });

  it('kills the worker when the in-thread limit does not stop the code', async () => {
    // the vm timeout is set far beyond the watchdog, so only the kill can end this call
    const out = await runSandboxed('function verify() { for (;;) {} }', [call(), call()], { callTimeoutMs: 600_000, killAfterMs: 300 });
    expect(out[0]).toMatchObject({ ok: false, kind: 'killed' });
    expect(out[1]).toMatchObject({ ok: false, kind: 'killed' });
  });

  it('ends a loop in top-level code and in promise jobs', async () => {
    const [top] = await runSandboxed('while (true) {}\nfunction verify() { return 1; }', [call()], { callTimeoutMs: 200 });
    expect(top).toMatchObject({ ok: false, kind: 'timeout' });
    const [micro] = await runSandboxed('function verify() { Promise.resolve().then(() => { for (;;) {} }); return 1; }', [call()], { callTimeoutMs: 200 });
    expect(micro).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('caps memory', async () => {
    const [r] = await runSandboxed('function verify() { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }', [call()], { callTimeoutMs: 20_000, memoryMb: 16 });
    expect(r).toMatchObject({ ok: false, kind: 'memory' });
  });

  it('reports code that does not parse as a load failure for every call', async () => {
    const out = await runSandboxed('function verify( {', [call(), call()]);
    expect(out.map((o) => (o as { kind: string }).kind)).toEqual(['load', 'load']);
  });

  it('rejects a call name that is not an identifier', async () => {
    await expect(runSandboxed('function verify() {}', [{ fn: 'verify); process.exit(', args: [] }])).rejects.toThrow(/not a function name/);
  });
});

describe('verifier sandbox against code that attacks its own harness', () => {
  it('a setter planted on the argument slot is ended by the watchdog', async () => {
    const src = 'Object.defineProperty(globalThis, "__stepwise_args", { set(v) { for (;;) {} }, configurable: true });\nfunction verify() { return 1; }';
    const out = await runSandboxed(src, [call()], { callTimeoutMs: 100, killAfterMs: 400 });
    expect(out[0]).toMatchObject({ ok: false, kind: 'killed' });
  });

  it('replacing JSON only breaks its own answers', async () => {
    const out = await runSandboxed('JSON.stringify = () => ({ toString() { for (;;) {} } });\nfunction verify() { return 1; }', [call()], { callTimeoutMs: 100, killAfterMs: 400 });
    expect(out[0].ok).toBe(false);
  });
});
