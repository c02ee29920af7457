import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adbKeyboardCommand, inputTextCommand, shQuote } from '../../src/devices/adb/escape.js';
import { parseSh, runSh, type ShContext } from '../../src/devices/emulated-adb/index.js';

function ctx(): ShContext & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    vars: { HOME: '/data' }, files: new Map(), log: [], calls,
    run: async (argv) => {
      calls.push(argv);
      if (argv[0] === 'id') return { out: Buffer.from('uid=2000(shell)\n'), code: 0 };
      if (argv[0] === 'input') return { out: Buffer.alloc(0), code: 0 };
      return null;
    },
  };
}

describe('emulated device sh', () => {
  it('parses quoting like sh', async () => {
    const c = ctx();
    const r = await runSh(`echo 'a b' "c \\"d\\" $HOME" e\\ f g'h'"i"`, c);
    expect(r.out.toString()).toBe('a b c "d" /data e f ghi\n');
  });

  it('runs command substitution, separators and pipes inside the emulator', async () => {
    const c = ctx();
    const r = await runSh('echo $(id) `id`; false && echo no; false || echo yes | grep -E "y(e)s"', c);
    expect(r.out.toString()).toBe('uid=2000(shell) uid=2000(shell)\nyes\n');
    expect(c.log.map((a) => a[0])).toEqual(['id', 'id', 'echo', 'false', 'false', 'echo', 'grep']);
  });

  it('redirects into its own files and reads them back', async () => {
    const c = ctx();
    expect((await runSh('echo hi > /sdcard/x; cat /sdcard/x; echo gone >/dev/null', c)).out.toString()).toBe('hi\n');
  });

  it('reports unknown commands and syntax errors like sh', async () => {
    const c = ctx();
    const r = await runSh('rm -rf /; nope', c);
    expect(r.code).toBe(127);
    expect(r.out.toString()).toContain('nope: inaccessible or not found');
    expect(() => parseSh("echo 'open")).toThrow(/unterminated quoted string/);
  });

  it('shQuote: any string comes back exactly, and runs nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0')), async (s) => {
        const c = ctx();
        const r = await runSh(`echo -n ${shQuote(s)}`, c);
        expect(r.out.toString()).toBe(s);
        expect(c.log).toEqual([['echo', '-n', s]]);
      }),
      { numRuns: 300 },
    );
  });

  it('input text and the ADB Keyboard broadcast keep metacharacters literal', async () => {
    const evil = `"; rm -rf /; echo $(id) ' \`id\` & | > x \\ %`;
    const c = ctx();
    await runSh(inputTextCommand(evil), c);
    expect(c.calls).toEqual([['input', 'text', evil.replace(/ /g, '%s')]]);
    const k = ctx();
    await runSh(adbKeyboardCommand('你好 $(id)'), k);
    expect(k.log).toHaveLength(1);
    expect(Buffer.from(k.log[0][6], 'base64').toString('utf8')).toBe('你好 $(id)');
  });
});
