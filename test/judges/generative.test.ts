import { describe, expect, it } from 'vitest';
import { createJudge } from '../../src/judges/index.js';
import { endpoint, fake, item } from './helpers.js';

const rmR1 = (v: 'A' | 'B') => `<type>Chat</type><rubric>be right</rubric><eval>one is right</eval><answer>[[${v}]]</answer>`;

describe('RM-R1', () => {
  it('sends the chatbot A/B format and un-swaps a randomly swapped pair', async () => {
    // The model always picks the response that says Paris, wherever it is.
    const s = await fake({ script: (req) => rmR1(/Chatbot A's Response\]\nParis/.test(req.text) ? 'A' : 'B') });
    const j = createJudge({ protocol: 'rm-r1', ...endpoint(s), seed: 3 });
    for (let i = 0; i < 6; i++) {
      const r = await j.compare(item('Capital?', 'Lyon'), item('Capital?', 'Paris'));
      expect(r.preferred).toBe('b');
    }
    const shown = s.requests.map((r) => /Chatbot A's Response\]\nParis/.test(r.text));
    // Seeded random swapping shows Paris first sometimes and second other times.
    expect(shown.some(Boolean) && shown.some((x) => !x)).toBe(true);
    expect(s.requests[0].text).toMatch(/^\[Client Question\]\nCapital\?\n\n\[The Start of Chatbot A's Response\]/m);
  });

  it('an answer naming both or neither is not a vote; no usable vote is an error', async () => {
    const s = await fake({ script: ['<answer>[[A]]</answer> or maybe <answer>[[B]]</answer>', 'I cannot decide'] });
    const j = createJudge({ protocol: 'rm-r1', ...endpoint(s), swap: 'none' });
    await expect(j.compare(item('q', 'a'), item('q', 'b'))).rejects.toThrow(/rm-r1 gave no usable answer.*both \[\[A\]\] and \[\[B\]\]/);
    await expect(j.compare(item('q', 'a'), item('q', 'b'))).rejects.toThrow(/no <answer>\[\[A\]\]/);
  });

  it('score compares with the reference; without one it says so', async () => {
    const s = await fake({ script: () => rmR1('A') });
    const j = createJudge({ protocol: 'rm-r1', ...endpoint(s), swap: 'none' });
    expect((await j.score(item('q', 'mine', { reference: 'ref' }))).score).toBe(1);
    await expect(j.score(item('q', 'mine'))).rejects.toThrow(/has none/);
  });
});

describe('ThinkPRM and SPARK', () => {
  const solution = 'Step 1: 2+2 = 4\n\nStep 2: 4*3 = 13\n\nFinal answer: \\boxed{13}';

  it('ThinkPRM: step verdicts from \\boxed{}, k chains averaged, unparseable chains dropped', async () => {
    const s = await fake({ script: [
      'Step 1 ok \\boxed{correct}. Step 2: 4*3 is 12 \\boxed{incorrect}',
      'Step 1 \\boxed{\\text{correct}} Step 2 \\boxed{correct} Step 3 \\boxed{correct}',
      'no verdicts at all',
      'Step 1 \\boxed{correct} Step 2 \\boxed{incorrect}',
    ] });
    const r = await createJudge({ protocol: 'thinkprm', ...endpoint(s), samples: 4, concurrency: 1 }).score(item('What is (2+2)*3?', solution));
    expect(s.requests[0].text).toContain('[Math Problem]\n\nWhat is (2+2)*3?\n\n[Solution]\n\nStep 1: 2+2 = 4\nStep 2: 4*3 = 13');
    expect(r.score).toBeCloseTo(1 / 3, 9);
    expect(r.stepScores!.slice(0, 2)).toEqual([1, 1 / 3]);
    expect(r.errors).toHaveLength(1);
    expect(r.cost.calls).toBe(4);
  });

  it('SPARK: a failed format gate scores 0 without calling the model', async () => {
    const s = await fake({ script: [] });
    const j = createJudge({ protocol: 'spark', ...endpoint(s) });
    const r = await j.score(item('q', 'Step 1: x\n\nFinal answer: \\boxed{1}\n\nFinal answer: \\boxed{2}'));
    expect(r.score).toBe(0);
    expect(r.rationale).toMatch(/format gate failed: 2 final answers/);
    const after = await j.score(item('q', 'Step 1: x\n\nFinal answer: \\boxed{1} and some chatter'));
    expect(after.rationale).toMatch(/text after the final answer/);
    expect(s.requests).toHaveLength(0);
  });

  it('SPARK: the meta-critique decides the steps over the majority', async () => {
    const s = await fake({ script: [
      '\\boxed{correct} \\boxed{correct} \\boxed{correct}',
      '\\boxed{correct} \\boxed{correct} \\boxed{correct}',
      // meta-critique: verification 1 and 2 missed the error in step 2
      'Both verifications missed that 4*3 is 12. \\boxed{correct} \\boxed{incorrect} \\boxed{incorrect}',
    ] });
    const r = await createJudge({ protocol: 'spark', ...endpoint(s), samples: 2 }).score(item('What is (2+2)*3?', solution));
    expect(s.requests).toHaveLength(3);
    expect(s.requests[2].text).toContain('Verification 2:');
    expect(r.stepScores![1]).toBeLessThan(0.5);
    expect(r.verdict).toBe('failure');
    expect(r.rationale).toMatch(/meta-critique/);
  });
});

describe('MM-RLHF and gui-verdict', () => {
  it('MM-RLHF: each critique is followed by a score in its context; scores average', async () => {
    const s = await fake({ script: ['Accurate and complete.', 'Minor omission.', '9', '7'] });
    const r = await createJudge({ protocol: 'mm-rlhf', ...endpoint(s), samples: 2 }).score(item('Describe', 'A cat on a mat'));
    expect(r.score).toBe(8);
    expect(r.confidence).toBeCloseTo(0.8, 9);
    expect(s.requests[2].messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(s.requests[0].text).toContain('[LMM Response]: A cat on a mat');
  });

  it('MM-RLHF: a score outside the range is dropped and reported', async () => {
    const s = await fake({ script: ['ok', '42'] });
    await expect(createJudge({ protocol: 'mm-rlhf', ...endpoint(s), samples: 1 }).score(item('q', 'a'))).rejects.toThrow(/no score in \[0, 10\]/);
  });

  it('gui-verdict: rules first, then JSON votes', async () => {
    const s = await fake({ script: ['{"verdict":"success","confidence":0.9,"reason":"done"}', '{"verdict":"failure","confidence":0.6,"reason":"not saved"}', 'garbage'] });
    const traj = { id: 't1', task: { instruction: 'Turn on Wi-Fi' }, status: 'finished' as const, stopReason: 'completed' as const, startedAt: 0, steps: [{ index: 0, action: { type: 'key' as const, key: 'back' } }] };
    const j = createJudge({ protocol: 'gui-verdict', ...endpoint(s), samples: 3, concurrency: 1 });
    const r = await j.score({ target: { kind: 'trajectory', trajectory: traj } });
    expect(r.verdict).toBe('success');
    expect(r.confidence).toBeCloseTo((0.9 + 0.4) / 2, 9);
    expect(r.errors).toHaveLength(1);
    const aborted = await j.score({ target: { kind: 'trajectory', trajectory: { ...traj, stopReason: 'aborted' } } });
    expect(aborted).toMatchObject({ verdict: 'failure', score: 0, rationale: 'rule: the agent aborted' });
    expect(s.requests).toHaveLength(3);
  });
});
