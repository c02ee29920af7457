import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SuiteTask } from '../../src/agent/suite.js';
import { checkInfoMode, infoHandler } from '../../src/cli/info-modes.js';

const task: SuiteTask = { ref: { id: 't1', instruction: 'x' }, reply: 'template reply', prepare: async () => {} };
const noReply: SuiteTask = { ref: { id: 't2', instruction: 'y' }, prepare: async () => {} };

function tty() {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c) => { shown += String(c); });
  return { input, output, shown: () => shown };
}

/** Waits for the prompt to appear (no fixed sleeps: the machine may be slow). */
async function until(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setImmediate(r));
}

describe('--on-info modes', () => {
  it('auto: --reply wins, else the task reply, else undefined (needs_reply)', async () => {
    expect(await infoHandler('auto', 'fixed')('q?', task)).toBe('fixed');
    expect(await infoHandler('auto')('q?', task)).toBe('template reply');
    expect(await infoHandler('auto')('q?', noReply)).toBeUndefined();
  });

  it('return: never answers', async () => {
    expect(await infoHandler('return', 'fixed')('q?', task)).toBeUndefined();
  });

  it('ask: prompts on the terminal, one question at a time; an empty line means no answer', async () => {
    const io = tty();
    const ask = infoHandler('ask', undefined, io);
    const a = ask('Which size?', task);
    const b = ask('Which colour?', noReply);
    await until(() => io.shown().includes('Which size?'));
    expect(io.shown()).toContain('[t1] the agent asks: Which size?');
    expect(io.shown()).not.toContain('Which colour?');
    io.input.write('M\n');
    expect(await a).toBe('M');
    await until(() => io.shown().includes('Which colour?'));
    expect(io.shown()).toContain('[t2] the agent asks: Which colour?');
    io.input.write('\n');
    expect(await b).toBeUndefined();
  });

  it('ask refuses a non-interactive stdin, and unknown modes are config errors', () => {
    const input = new PassThrough();
    expect(() => infoHandler('ask', undefined, { input, output: new PassThrough() })).toThrow(/not a TTY/);
    expect(() => checkInfoMode('maybe')).toThrow(/unknown --on-info mode "maybe"/);
    expect(checkInfoMode('return')).toBe('return');
  });
});
