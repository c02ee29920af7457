/**
 * Verifiers a designer model might write, for scripting the fake model server. They live as
 * plain files in ./examples (also usable with `stepwise verifier check` and by the bench):
 * correct ones for three Notes templates, written from the task's meaning, and planted bad ones
 * the critic must reject.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`./examples/${name}.js`, import.meta.url)), 'utf8');

export const GOOD: Record<string, string> = Object.fromEntries(
  ['notes.delete-note-about', 'notes.look-up-fact', 'notes.tick-checklist-item'].map((id) => [id, read(id)]),
);

export const BAD = {
  /** Accepts everything: passes the reference end, fails every wrong end. */
  alwaysTrue: read('bad-always-true'),
  /** Checks the target item only, so ticking another item too passes. */
  tickTargetOnly: read('bad-tick-target-only'),
  readsFiles: read('bad-reads-files'),
  /** Slips past the static checks; only the sandbox can stop it. */
  readsFilesHidden: read('bad-reads-files-hidden'),
  /** An unbounded loop the static checks do not spot. */
  loopsForever: read('bad-loops-forever'),
};

export function reply(code: string): string {
  return 'Here is the verifier.\n```js\n' + code.trim() + '\n```\n';
}

export function templateOf(text: string): string | undefined {
  return /^Template: (\S+)$/m.exec(text)?.[1];
}
