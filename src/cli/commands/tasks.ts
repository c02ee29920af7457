import type { Command } from 'commander';
import { TEMPLATES } from '../../sandbox/tasks/index.js';
import { APPS } from '../../sandbox/apps/index.js';
import { instantiate, selectTemplates } from '../../sandbox/tasks/instance.js';

/** `stepwise tasks list|show`: the sandbox task suite. */
export function register(program: Command): void {
  const tasks = program.command('tasks').description('the sandbox task suite (templates with parameters and verifiers)');
  tasks
    .command('list')
    .description('list task templates')
    .option('--json', 'print a JSON array (id, app, scenario, type, complexity, ambiguity, lang, expect)')
    .option('--filter <spec>', 'template ids, app ids, scenarios or prefixes ending in *, comma-separated', 'all')
    .action((opts: { json?: boolean; filter: string }) => {
      const rows = selectTemplates(TEMPLATES, opts.filter).map((t) => ({
        id: t.id, app: t.app, scenario: t.scenario, type: t.type, complexity: t.complexity, ambiguity: t.ambiguity, lang: t.lang, expect: t.expect,
      }));
      if (opts.json) { process.stdout.write(JSON.stringify(rows, null, 2) + '\n'); return; }
      const w = Math.max(4, ...rows.map((r) => r.id.length));
      process.stdout.write(`${'id'.padEnd(w)}  ${'scenario'.padEnd(15)}${'type'.padEnd(9)}${'complexity'.padEnd(13)}${'ambiguity'.padEnd(10)}lang\n`);
      for (const r of rows) process.stdout.write(`${r.id.padEnd(w)}  ${r.scenario.padEnd(15)}${r.type.padEnd(9)}${r.complexity.padEnd(13)}${r.ambiguity.padEnd(10)}${r.lang}\n`);
      process.stdout.write(`${rows.length} templates\n`);
    });
  tasks
    .command('show <template>')
    .description('show one instance of a template: instruction, parameters and reference solution')
    .option('--seed <n>', 'instance seed', '1')
    .action((id: string, opts: { seed: string }) => {
      const [t] = selectTemplates(TEMPLATES, id);
      const inst = instantiate(t, Number(opts.seed), APPS);
      const out = { id: inst.id, instruction: inst.instruction, params: inst.params, expect: t.expect, reply: t.reply?.(inst.params), solution: t.solution(inst.params, inst.initial) };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    });
}
