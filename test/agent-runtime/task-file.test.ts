import { describe, expect, it } from 'vitest';
import { isSandboxTask, parseTaskFile } from '../../src/agent/task-file.js';
import { SandboxDevice } from '../../src/devices/sandbox/index.js';

describe('parseTaskFile', () => {
  it('builds sandbox instances from template lines and free-text tasks from instruction lines', () => {
    const { tasks, errors } = parseTaskFile([
      '{"template": "settings.dark-mode-on", "seed": 3}',
      '',
      '# comment',
      '{"instruction": "Open the camera", "id": "cam", "app": "camera", "reply": "yes", "meta": {"src": "x"}}',
      '{"template": "settings.change-ringtone-ask", "id": "mine", "reply": "Use it"}',
    ].join('\n'));
    expect(errors).toEqual([]);
    expect(tasks).toHaveLength(3);
    expect(tasks[0].ref.id).toBe('settings.dark-mode-on#3');
    expect(tasks[0].ref.meta).toMatchObject({ template: 'settings.dark-mode-on', seed: 3 });
    expect(isSandboxTask(tasks[0])).toBe(true);
    expect(tasks[1].ref).toEqual({ id: 'cam', instruction: 'Open the camera', app: 'camera', meta: { src: 'x' } });
    expect(tasks[1].verify).toBeUndefined();
    expect(tasks[1].reply).toBe('yes');
    expect(isSandboxTask(tasks[1])).toBe(false);
    expect(tasks[2].ref.id).toBe('mine');
    expect(tasks[2].ref.meta?.seed).toBe(1);
    expect(tasks[2].reply).toBe('Use it');
  });

  it('reports bad lines with their line numbers and keeps the good ones', () => {
    const { tasks, errors } = parseTaskFile([
      '{"instruction": "ok one"}',
      '{not json',
      '[1,2]',
      '{"template": "no.such-template"}',
      '{"instruction": ""}',
      '{"instruction": "x", "sed": 3}',
      '{"template": "settings.dark-mode-on", "seed": 1.5}',
      '{"instruction": "ok two"}',
    ].join('\n'));
    expect(tasks.map((t) => t.ref.instruction)).toEqual(['ok one', 'ok two']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errors[0].message).toMatch(/not valid JSON/);
    expect(errors[2].message).toMatch(/unknown sandbox template "no.such-template"/);
    expect(errors[4].message).toMatch(/unknown field\(s\) sed/);
    expect(errors[5].message).toMatch(/seed/);
  });

  it('a sandbox task refuses a non-sandbox device in prepare', async () => {
    const { tasks } = parseTaskFile('{"template": "settings.dark-mode-on"}');
    const fake = { info: async () => ({ id: 'adb:x' }) } as unknown as SandboxDevice;
    await expect(async () => tasks[0].prepare(fake)).rejects.toThrow(/sandbox device/);
  });
});
