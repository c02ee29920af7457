import { describe, expect, it } from 'vitest';
import { LeaseManager } from '../../src/devices/leases.js';
import { openDevices, parseDeviceSpec } from '../../src/devices/registry.js';

describe('LeaseManager', () => {
  it('gives a free device, is re-entrant for its holder, and refuses others with a busy error', async () => {
    const m = new LeaseManager();
    const a1 = await m.acquire('d1', 'A');
    const a2 = await m.acquire('d1', 'A');
    await expect(m.acquire('d1', 'B')).rejects.toThrow(/busy/);
    a1.release();
    expect(m.holder('d1')).toBe('A'); // still one hold left
    a2.release();
    a2.release(); // double release is harmless
    expect(m.holder('d1')).toBeUndefined();
    expect((await m.acquire('d1', 'B')).sessionId).toBe('B');
  });

  it('hands the device to waiters in FIFO order, with nobody slipping in between', async () => {
    const m = new LeaseManager();
    const a = await m.acquire('d', 'A');
    const order: string[] = [];
    const pb = m.acquire('d', 'B', { wait: true }).then((l) => { order.push('B'); return l; });
    const pc = m.acquire('d', 'C', { wait: true }).then((l) => { order.push('C'); return l; });
    a.release();
    expect(m.holder('d')).toBe('B'); // handed over synchronously
    await expect(m.acquire('d', 'Z')).rejects.toThrow(/busy/);
    (await pb).release();
    (await pc).release();
    expect(order).toEqual(['B', 'C']);
    expect(m.holder('d')).toBeUndefined();
  });

  it('stops waiting on abort and on timeout, and leaves the queue clean', async () => {
    const m = new LeaseManager();
    const a = await m.acquire('d', 'A');
    const ac = new AbortController();
    const p = m.acquire('d', 'B', { wait: true, signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toThrow(/stopped waiting/);
    await expect(m.acquire('d', 'C', { wait: true, timeoutMs: 10 })).rejects.toThrow(/stayed busy/);
    a.release();
    expect(m.holder('d')).toBeUndefined();
  });

  it('releaseAll drops every hold of a session', async () => {
    const m = new LeaseManager();
    await m.acquire('x', 'S');
    await m.acquire('x', 'S');
    await m.acquire('y', 'S');
    m.releaseAll('S');
    expect([m.holder('x'), m.holder('y')]).toEqual([undefined, undefined]);
  });
});

describe('device registry', () => {
  it('parses specs with backend, argument and count', () => {
    expect(parseDeviceSpec('sandbox')).toEqual({ backend: 'sandbox', arg: '', count: 1 });
    expect(parseDeviceSpec('sandbox*3')).toEqual({ backend: 'sandbox', arg: '', count: 3 });
    expect(parseDeviceSpec('sandbox:seed=7*2')).toEqual({ backend: 'sandbox', arg: 'seed=7', count: 2 });
    expect(parseDeviceSpec('adb:emulator-5554')).toEqual({ backend: 'adb', arg: 'emulator-5554', count: 1 });
    expect(() => parseDeviceSpec('sandbox*0')).toThrow(/1 to 16/);
    expect(() => parseDeviceSpec('*3')).toThrow(/BACKEND/);
  });

  it('rejects unknown backends and options with the list of what exists', async () => {
    await expect(openDevices('floppy')).rejects.toThrow(/unknown device backend "floppy".*sandbox/);
    await expect(openDevices('sandbox:colour=red')).rejects.toThrow(/bad device option "colour=red".*seed=VALUE/);
    await expect(openDevices(' , ')).rejects.toThrow(/no device spec/);
  });

  it('opens sandbox phones by spec', async () => {
    const o = await openDevices('sandbox:seed=4*2');
    try {
      expect(o.devices).toHaveLength(2);
      const ids = await Promise.all(o.devices.map(async (d) => (await d.info()).id));
      expect(new Set(ids).size).toBe(2);
    } finally { await o.close(); }
  }, 120_000);
});
