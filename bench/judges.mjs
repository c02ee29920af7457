// Judges against the fake OpenAI-compatible server: cost per item (requests, prompt and
// completion tokens as the fake counts them: ~4 characters a token) for every protocol, and
// two ratios measured in the same run: batched vs one-request-per-item scalar scoring, and
// cache hits vs misses. Run after `npm run build`: node bench/judges.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOpenAI } from '../dist/agent/fake-openai/index.js';
import { createJudge, scoreAll } from '../dist/judges/index.js';

const N = Number(process.env.N ?? 40);
const tok = (pairs) => ({ content: pairs[0][0], logprobs: [{ token: pairs[0][0], logprob: pairs[0][1], top_logprobs: pairs.map(([token, logprob]) => ({ token, logprob })) }] });

// One fake model that answers in whatever format the request asks for.
function reply(req) {
  const t = req.text;
  if (req.tools) return req.messages.some((m) => m.role === 'tool') ? '{"verdict":"success","confidence":0.8,"reason":"checked"}' : { tool_calls: [{ name: 'ui_tree_search', arguments: { query: 'Wi-Fi' } }] };
  if (req.body.max_tokens === 1 && /Answer 1 or 2/.test(t)) return tok([['1', -0.3], ['2', -1.4]]);
  if (req.body.max_tokens === 1) return tok([['Yes', -0.2], ['No', -1.7]]);
  if (/Chatbot A's Response/.test(t)) return '<type>Chat</type><rubric>accuracy</rubric><eval>A is right</eval><answer>[[A]]</answer>';
  if (/Independent verifications/.test(t)) return 'The verifications agree. Step 1 \\boxed{correct} Step 2 \\boxed{correct} Step 3 \\boxed{correct}';
  if (/\[Math Problem\]/.test(t)) return 'Step 1 is right \\boxed{correct}. Step 2 is right \\boxed{correct}. Step 3 \\boxed{correct}';
  if (/Answer with the number only/.test(t)) return '8';
  if (/\[LMM Response\]/.test(t)) return 'The response is accurate and complete, with one small omission.';
  if (/JSON only/.test(t)) return '{"verdict":"success","confidence":0.85,"reason":"the final screen shows it"}';
  return 'ok';
}

const fake = await startFakeOpenAI({ script: reply, scorer: (x) => (x.length % 7) - 3, tokenwise: true });
const ep = { baseURL: fake.url, model: 'fake-model', retryDelayMs: 1 };
const solution = 'Step 1: 12 apples minus 5 eaten leaves 7.\n\nStep 2: 7 apples shared by 7 friends is 1 each.\n\nFinal answer: \\boxed{1}';
const textItems = Array.from({ length: N }, (_, i) => ({ id: `t${i}`, target: { kind: 'text', prompt: `Item ${i}: 12 apples, 5 are eaten, the rest shared by 7 friends. How many does each get?`, response: solution }, reference: 'Each friend gets 1 apple.', principle: 'the answer is correct and shows its steps' }));
const trajectory = (i) => ({ id: `g${i}`, task: { instruction: `Turn on Wi-Fi (${i})`, app: 'settings' }, status: 'finished', stopReason: 'completed', answer: 'Wi-Fi is on', startedAt: 0,
  steps: [0, 1, 2].map((k) => ({ index: k, action: { type: 'click', point: [500, 200 + 100 * k] }, model: { raw: '', thought: `open the Wi-Fi row ${k}` }, result: { ok: true } })) });
const guiItems = Array.from({ length: N }, (_, i) => ({ id: `g${i}`, target: { kind: 'trajectory', trajectory: trajectory(i) } }));

const protocols = [
  ['scalar', {}, textItems], ['scalar', { route: 'pooling', input: 'text' }, textItems], ['verifyrm', {}, textItems], ['polar', {}, textItems],
  ['logit-probe', {}, textItems], ['rlbff', {}, textItems], ['rewarddance', {}, textItems], ['pairwise-rl', {}, textItems],
  ['rm-r1', {}, textItems], ['thinkprm', { samples: 4 }, textItems], ['spark', { samples: 4 }, textItems], ['mm-rlhf', { samples: 2 }, textItems],
  ['flr', {}, textItems], ['gui-verdict', {}, guiItems], ['themis', {}, guiItems],
  ['hybrid', { members: [{ name: 'rm', judge: { protocol: 'scalar', ...ep } }, { name: 'probe', judge: { protocol: 'logit-probe', ...ep } }] }, textItems],
];

const perItem = {};
for (const [protocol, opts, items] of protocols) {
  const key = opts.route ? `${protocol}:${opts.route}` : protocol;
  const j = createJudge({ protocol, ...(protocol === 'hybrid' ? {} : ep), ...opts });
  const before = fake.requests.length;
  const { outcomes } = await scoreAll(j, items, { concurrency: 8 });
  const ok = outcomes.filter((o) => o.ok);
  if (ok.length !== items.length) throw new Error(`${key}: ${items.length - ok.length} failed: ${JSON.stringify(outcomes.find((o) => !o.ok))}`);
  const sum = (f) => ok.reduce((a, o) => a + f(o.result.cost), 0) / items.length;
  perItem[key] = { requests: (fake.requests.length - before) / items.length, promptTokens: Math.round(sum((c) => c.promptTokens)), completionTokens: Math.round(sum((c) => c.completionTokens)) };
}

// Batched vs one request per item (same judge, same items), items/s.
async function rate(batchSize) {
  const j = createJudge({ protocol: 'scalar', ...ep, route: 'pooling', input: 'text', batchSize });
  const t0 = performance.now();
  for (let r = 0; r < 5; r++) await scoreAll(j, textItems, { concurrency: 4, batchSize });
  return (5 * N) / ((performance.now() - t0) / 1000);
}
const unbatched = await rate(1);
const batched = await rate(16);

// Cache: the same items again, from judge-cache.sqlite.
const cacheDir = mkdtempSync(join(tmpdir(), 'judge-bench-'));
const cache = join(cacheDir, 'cache.sqlite');
async function timed(fn) { const t0 = performance.now(); await fn(); return performance.now() - t0; }
const cj = createJudge({ protocol: 'logit-probe', ...ep, cache });
const miss = await timed(() => scoreAll(cj, textItems, { concurrency: 8 }));
const hit = await timed(() => scoreAll(cj, textItems, { concurrency: 8 }));

await fake.close();
rmSync(cacheDir, { recursive: true, force: true });
console.log(JSON.stringify({ bench: 'judges', items: N, perItem, scalarItemsPerSec: { unbatched: Math.round(unbatched), batched16: Math.round(batched), ratio: +(batched / unbatched).toFixed(2) }, cacheMs: { miss: Math.round(miss), hit: Math.round(hit), speedup: +(miss / hit).toFixed(1) } }));
