/**
 * POST /v1/judge/<name>: score items with a judge from the server's `judges` map (or the
 * config file's `judges:` section). Body {items: [item, ...]} with items in the shapes of
 * `stepwise judge` (prompt/response, or an inline trajectory object) -> {results: [{ok,
 * result | error}]}, in order. The judges module is loaded on first use, so the reward
 * server stays light when no judge is configured.
 */
import { asObject, HttpError } from './http-util.js';

type JudgesModule = typeof import('../../judges/index.js');
let mod: Promise<JudgesModule> | undefined;
const built = new Map<string, unknown>();

export async function judgeRoute(name: string, body: unknown, judges: Record<string, Record<string, unknown>> | undefined, maxBatch: number): Promise<unknown> {
  const m = await (mod ??= import('../../judges/index.js'));
  const { itemFrom } = await import('../../judges/items.js');
  const configs = judges ?? m.configuredJudges();
  const cfg = configs[name];
  if (!cfg) throw new HttpError(404, `no judge named ${JSON.stringify(name)}; configured: ${Object.keys(configs).join(', ') || '(none: add a judges: section to stepwise.config.yaml)'}`, 'judge');
  const b = asObject(body);
  if (!Array.isArray(b.items)) throw new HttpError(400, 'items: expected a list of {prompt, response} or {trajectory: {...}} objects', 'items');
  if (b.items.length > maxBatch) throw new HttpError(413, `items: ${b.items.length} items exceed the batch limit of ${maxBatch}`, 'items');
  const items = b.items.map((x, i) => {
    try {
      return itemFrom(x, { trajectory: (id) => { throw new Error(`trajectory ${id}: send the trajectory object, not an id`); } });
    } catch (e) {
      throw new HttpError(400, `items[${i}]: ${e instanceof Error ? e.message : String(e)}`, `items[${i}]`);
    }
  });
  let judge = built.get(name) as ReturnType<JudgesModule['createJudge']> | undefined;
  if (!judge) built.set(name, (judge = m.createJudge(cfg as never)));
  const { outcomes, stopped } = await m.scoreAll(judge, items, { concurrency: Number(cfg.concurrency ?? 4) });
  return { ok: outcomes.every((o) => o.ok), judge: name, protocol: judge.protocol, results: outcomes.map(({ index: _i, ...o }) => o), ...(stopped && { stopped }) };
}
