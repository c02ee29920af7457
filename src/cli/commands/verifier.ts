import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { MODEL_OPTIONS, modelFlags } from '../../config/flags.js';
import { resolveModelSettings } from '../../config/resolve.js';
import { StepwiseError } from '../../core/errors.js';
import { APPS } from '../../sandbox/apps/index.js';
import { TEMPLATES } from '../../sandbox/tasks/index.js';
import { selectTemplates } from '../../sandbox/tasks/instance.js';
import { openStore, resolveStoreDir } from '../../store/index.js';
import { buildCases, critique, critiqueScreens, screenCasesFromStore, formatVerifierFile, measureSynthesis, parseVerifierFile, synthesizeVerifier, type ChatEndpoint } from '../../verifiers/index.js';
import { measureReport } from '../../verifiers/report.js';
import { progressBar } from '../progress.js';

/** The model flags a designer needs (the rest of MODEL_OPTIONS concern screenshots and dialects). */
const DESIGNER_KEYS = new Set(['provider', 'config', 'baseURL', 'apiKey', 'model', 'temperature', 'maxTokens', 'timeoutMs', 'retries']);

function addDesignerOptions(cmd: Command): Command {
  for (const [flag, key, , help] of MODEL_OPTIONS) if (DESIGNER_KEYS.has(key)) cmd.option(flag, help);
  return cmd;
}

function designer(o: Record<string, unknown>): ChatEndpoint {
  const s = resolveModelSettings(modelFlags(o));
  return { baseURL: s.baseURL, apiKey: s.apiKey, model: s.model, timeoutMs: s.timeoutMs, retries: s.retries, temperature: o.temperature !== undefined ? s.temperature : 0.2, ...(o.maxTokens !== undefined && { maxTokens: s.maxTokens }) };
}

function intList(name: string, v: string): number[] {
  const out = v.split(',').map((x) => Number(x.trim()));
  if (out.length === 0 || out.some((n) => !Number.isInteger(n) || n < 0)) throw new StepwiseError('invalid_input', `--${name} ${JSON.stringify(v)} is not a list of seeds`, `e.g. --${name} 1,2,3`);
  return out;
}

function int(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new StepwiseError('invalid_input', `--${name} ${v} is out of range`, `use an integer from ${min} to ${max}`);
  return n;
}

function overOf(v: unknown): 'state' | 'uitree' {
  if (v === 'state' || v === 'uitree') return v;
  throw new StepwiseError('invalid_input', `--over ${String(v)} is not state or uitree`, 'use --over state (sandbox app state) or --over uitree (recorded UI trees)');
}

/** Labelled recorded trajectories of the task, for verifiers over UI trees. */
function screenCases(o: Record<string, unknown>, match: { template?: string; instruction?: string }) {
  const store = openStore(resolveStoreDir(o.store as string | undefined), { create: false });
  try {
    const cases = screenCasesFromStore(store, match);
    if (cases.length === 0) throw new StepwiseError('not_found', `no finished trajectory of ${match.template ?? JSON.stringify(match.instruction)} has a UI tree and a sure outcome`, 'record runs of this task and give them outcomes (csrs review, a verifier or a judge) first');
    return cases;
  } finally {
    store.close();
  }
}

function oneTemplate(id: string) {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new StepwiseError('not_found', `no task template "${id}"`, 'see `stepwise tasks list` for template ids');
  return t;
}

/** `stepwise verifier`: synthesize verifiers with a designer model, check them, measure over the suite. */
export function register(program: Command): void {
  const cmd = program.command('verifier').description('verifier synthesis: a model writes task verifiers, a critic checks them (docs/VERIFIERS.md)');

  addDesignerOptions(cmd.command('synth'))
    .description('write a verifier for a task description with a designer model; with --template it is checked on reference and wrong end states')
    .requiredOption('--task <text>', 'what the user asked for')
    .option('--template <id>', 'sandbox task template whose end states the critic checks against')
    .option('--over <input>', 'what the verifier reads: state (sandbox app state) or uitree (the last recorded UI tree; needs --store)', 'state')
    .option('--store <dir>', 'with --over uitree: trajectory store whose labelled runs of the task the critic uses')
    .option('--seeds <list>', 'instance seeds the critic uses', '1')
    .option('--rounds <n>', 'design -> critique -> analyze rounds', '3')
    .option('--analyzer <kind>', 'rules (failure report as is) or model (the model condenses it)', 'rules')
    .option('--out <file>', 'write the verifier here (JS with a metadata header line)')
    .option('--json', 'print the whole result as JSON')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const analyzer = String(o.analyzer);
      if (analyzer !== 'rules' && analyzer !== 'model') throw new StepwiseError('invalid_input', `--analyzer ${analyzer} is not rules or model`, 'use --analyzer rules or --analyzer model');
      const over = overOf(o.over);
      const template = o.template ? oneTemplate(String(o.template)) : undefined;
      const screens = over === 'uitree' ? screenCases(o, template ? { template: template.id } : { instruction: String(o.task) }) : undefined;
      const ep = designer(o);
      const r = await synthesizeVerifier({
        task: String(o.task), template, screens, seeds: intList('seeds', String(o.seeds)),
        rounds: int('rounds', String(o.rounds), 1, 20), analyzer, designer: ep,
        onRound: (x) => process.stderr.write(`round ${x.round}: ${x.error ?? (x.critique?.accepted ? 'accepted' : `rejected (${x.critique?.problems.length ?? 0} problems)`)}\n`),
      });
      if (o.out && r.source) writeFileSync(String(o.out), formatVerifierFile({ source: r.source, meta: { task: r.task, template: r.template, over: r.over, accepted: r.accepted, checked: r.checked, model: ep.model } }));
      if (o.json) process.stdout.write(JSON.stringify(r) + '\n');
      else {
        const last = r.rounds[r.rounds.length - 1];
        process.stdout.write(`${r.accepted ? 'accepted' : 'not accepted'}${r.checked ? '' : ' (unchecked: no template, static checks and a smoke run only)'} after ${r.rounds.length} round(s)${o.out && r.source ? `; written to ${String(o.out)}` : ''}\n`);
        for (const p of last?.critique?.problems ?? []) process.stdout.write(`  ${p}\n`);
        if (!o.out && r.source) process.stdout.write(`${r.source}\n`);
      }
      if (!r.accepted) process.exitCode = 1;
    });

  cmd.command('check')
    .description('run a verifier file on a template\'s reference and wrong end states (or, over UI trees, on labelled recorded runs) and report agreement')
    .argument('<file>', 'verifier JS file')
    .option('--template <id>', 'sandbox task template (required for state verifiers)')
    .option('--seeds <list>', 'instance seeds', '1,2,3')
    .option('--over <input>', 'state or uitree (default: the file header, else state)')
    .option('--store <dir>', 'with --over uitree: the trajectory store')
    .option('--task <text>', 'with --over uitree and no template: the exact task instruction')
    .option('--json', 'print the critique as JSON')
    .action(async (file: string, o: { template?: string; seeds: string; over?: string; store?: string; task?: string; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new StepwiseError('not_found', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'pass the path of a verifier written by `stepwise verifier synth --out`');
      }
      const v = parseVerifierFile(text, file);
      const over = overOf(o.over ?? v.meta.over ?? 'state');
      let c;
      if (over === 'uitree') {
        const match = o.template ?? v.meta.template ? { template: o.template ?? v.meta.template } : { instruction: o.task ?? v.meta.task };
        c = await critiqueScreens(v.source, screenCases(o, match));
      } else {
        if (!o.template) throw new StepwiseError('invalid_input', 'check needs --template ID for a verifier over the app state', 'e.g. --template notes.delete-note-about (see `stepwise tasks list`)');
        const t = oneTemplate(o.template);
        c = await critique(v.source, intList('seeds', o.seeds).map((s) => buildCases(t, s, APPS)));
      }
      if (o.json) process.stdout.write(JSON.stringify(c) + '\n');
      else {
        process.stdout.write(`${c.accepted ? 'accepted' : 'rejected'}: agrees with the ${over === 'uitree' ? 'recorded outcomes' : 'hand-written verifier'} on ${c.cases.filter((x) => x.agree).length}/${c.cases.length} end states\n`);
        for (const x of c.cases) process.stdout.write(`  ${x.agree ? 'ok ' : 'BAD'} ${x.instance} ${x.name}: expected ${x.expected ? 'accept' : 'reject'}, got ${x.got === undefined ? x.error : x.got ? 'accept' : 'reject'}\n`);
        for (const p of c.static) process.stdout.write(`  static ${p.rule}: ${p.message}\n`);
        if (!c.cases.length) for (const p of c.problems) process.stdout.write(`  ${p}\n`);
      }
      if (!c.accepted) process.exitCode = 1;
    });

  addDesignerOptions(cmd.command('measure'))
    .description('synthesize a verifier per template and report the share that agrees with the hand-written verifiers on held-out seeds')
    .option('--templates <spec>', 'template ids, app ids, scenarios, prefix*, or all', 'all')
    .option('--seeds <list>', 'seeds the critic uses while designing', '1')
    .option('--held-out <list>', 'seeds the result is measured on', '2,3')
    .option('--rounds <n>', 'design rounds per template', '3')
    .option('--out <file>', 'write the full report as JSON')
    .option('--html <file>', 'write an HTML report with charts')
    .option('--json', 'print the summary as JSON')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const templates = selectTemplates(TEMPLATES, String(o.templates));
      const bar = progressBar(templates.length, 'verifiers');
      const ep = designer(o);
      const heldOut = intList('held-out', String(o.heldOut));
      const m = await measureSynthesis(templates, {
        designer: ep, seeds: intList('seeds', String(o.seeds)), heldOutSeeds: heldOut, rounds: int('rounds', String(o.rounds), 1, 20),
        onTemplate: (x) => bar.tick(`${x.template} ${x.agrees ? 'agrees' : 'differs'}`),
      });
      bar.stop();
      if (o.out) writeFileSync(String(o.out), JSON.stringify(m, null, 2) + '\n');
      if (o.html) writeFileSync(String(o.html), measureReport(m, { model: ep.model, heldOut }));
      const { results, ...summary } = m;
      if (o.json) process.stdout.write(JSON.stringify(summary) + '\n');
      else process.stdout.write(`${m.agreeing}/${m.templates} templates (${(100 * m.agreementShare).toFixed(1)}%) agree with the hand-written verifier on held-out seeds; ${m.accepted} accepted by the critic, ${m.acceptedAgreeing} both; ${m.tokens} tokens\n`);
      void results;
    });
}
