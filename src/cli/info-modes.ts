/**
 * What `stepwise run` does when the agent asks the user something (an `info` action):
 * - ask: prompt on the terminal (node:readline), only when stdin is a TTY;
 * - auto: answer with --reply TEXT, else the task's own reply (sandbox templates carry one);
 * - return: stop with needs_reply; the summary carries the question, and
 *   `stepwise run --continue <trajectory-id> --reply TEXT` continues the session.
 */
import { createInterface } from 'node:readline/promises';
import { StepwiseError } from '../core/errors.js';
import type { SuiteTask } from '../agent/suite.js';

export const INFO_MODES = ['ask', 'auto', 'return'] as const;
export type InfoMode = (typeof INFO_MODES)[number];

export type InfoHandler = (question: string, task: SuiteTask) => Promise<string | undefined>;

export function checkInfoMode(mode: string): InfoMode {
  if (!(INFO_MODES as readonly string[]).includes(mode)) {
    throw new StepwiseError('config_error', `unknown --on-info mode "${mode}"`, `use one of: ${INFO_MODES.join(', ')}`);
  }
  return mode as InfoMode;
}

export function infoHandler(mode: InfoMode, fixedReply?: string, io: { input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream } = { input: process.stdin, output: process.stderr }): InfoHandler {
  if (mode === 'return') return async () => undefined;
  if (mode === 'auto') return async (_q, task) => fixedReply ?? task.reply;
  if (!io.input.isTTY) {
    throw new StepwiseError('config_error', '--on-info ask needs an interactive terminal, but stdin is not a TTY', 'use --on-info auto (with --reply TEXT) or --on-info return');
  }
  // Questions from parallel devices are asked one at a time.
  let chain: Promise<unknown> = Promise.resolve();
  return (question, task) => {
    const ask = chain.then(async () => {
      const rl = createInterface({ input: io.input, output: io.output, terminal: true });
      try {
        const answer = await rl.question(`\n[${task.ref.id ?? 'task'}] the agent asks: ${question}\nreply (empty line = stop with needs_reply): `);
        return answer.trim() ? answer : undefined;
      } finally {
        rl.close();
      }
    });
    chain = ask.catch(() => undefined);
    return ask;
  };
}
