/**
 * Themis-style tool-augmented judging: the judge model may call our tools (themis-tools.ts)
 * through function calling before it answers JSON {verdict, confidence, reason}; every call
 * and its result is kept in the result's trace. OCR is offered when the caller's context has
 * an OCR function, or with `ocr: on` (src/ocr, on-device PP-OCR; an error says how to install it).
 */
import { z } from 'zod';
import { ParseError, StepwiseError } from '../../core/errors.js';
import { pointwiseJudge } from '../base.js';
import { newCost } from '../endpoint.js';
import { registerProtocol } from '../registry.js';
import { imagesOf, promptOf, responseOf, userMessage } from '../render.js';
import { needEndpoint } from '../runtime.js';
import { JUDGE_TOOLS, runTool, toolSchemas } from '../themis-tools.js';
import type { ToolTraceEntry } from '../types.js';
import { parseGuiVerdict } from './gui-verdict.js';

const SYSTEM = 'You judge whether an agent completed its task. Before deciding, check facts with the tools (the recorded UI trees, app state, ' +
  'screen text, a calculator) instead of guessing. When you are sure, answer with JSON only: {"verdict":"success"|"failure","confidence":0.0-1.0,"reason":"one sentence"}.';

const Options = z.object({
  maxTurns: z.number().int().min(1).max(32).default(6).describe('model turns with tools before a final answer is required'),
  images: z.number().int().min(0).max(8).default(1),
  ocr: z.enum(['auto', 'on', 'off']).default('auto').describe('auto: offer OCR when the context provides it'),
  tools: z.array(z.string()).optional().describe('subset of tool names to offer'),
});

registerProtocol<z.infer<typeof Options>>({
  name: 'themis', options: Options, needsEndpoint: true,
  build: (cfg, rt) => {
    if (cfg.tools) for (const n of cfg.tools) if (!JUDGE_TOOLS.some((t) => t.name === n)) throw new StepwiseError('config_error', `themis: unknown tool ${n}`, `tools: ${JUDGE_TOOLS.map((t) => t.name).join(', ')}`);
    let ctx = rt.ctx;
    if (cfg.ocr === 'on' && !ctx.ocr) {
      // On-device OCR from src/ocr, loaded on first use; a missing engine is reported by the tool call.
      ctx = { ...ctx, ocr: async (img) => (await (await import('../../ocr/index.js')).ocrImage(img)).map((l) => l.text).join('\n') };
    }
    if (cfg.ocr === 'off') ctx = { ...ctx, ocr: undefined };
    return pointwiseJudge({
      protocol: 'themis', concurrency: cfg.concurrency,
      async score(item, o) {
        const ep = needEndpoint(rt);
        const cost = newCost();
        const env = { trajectory: item.target.kind === 'text' ? undefined : item.target.trajectory, ctx };
        const tools = JUDGE_TOOLS.filter((t) => t.available(env) && (!cfg.tools || cfg.tools.includes(t.name)));
        const messages: unknown[] = [{ role: 'system', content: SYSTEM }, userMessage(`${promptOf(item.target)}\n${responseOf(item.target)}`, imagesOf(item.target, ctx, cfg.images))];
        const trace: ToolTraceEntry[] = [];
        const raw: string[] = [];
        for (let turn = 0; ; turn++) {
          const last = turn >= cfg.maxTurns;
          if (last) messages.push({ role: 'user', content: 'No more tool calls: give your JSON verdict now.' });
          const a = await ep.chat({ messages, temperature: cfg.temperature ?? 0, ...(!last && tools.length && { tools: toolSchemas(tools), tool_choice: 'auto' }) }, cost, o?.signal);
          raw.push(a.content || JSON.stringify(a.toolCalls));
          if (a.toolCalls.length && !last) {
            messages.push({ role: 'assistant', content: a.content || null, tool_calls: a.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) });
            for (const c of a.toolCalls) {
              let args: unknown = c.arguments;
              try { args = JSON.parse(c.arguments || '{}'); } catch { /* kept as text in the trace */ }
              const result = await runTool(tools, c.name, c.arguments, env);
              trace.push({ tool: c.name, args, result });
              messages.push({ role: 'tool', tool_call_id: c.id, content: JSON.stringify(result) });
            }
            continue;
          }
          let v;
          try { v = parseGuiVerdict(a.content); } catch (e) {
            throw new ParseError(`themis: the final answer is not a verdict after ${trace.length} tool call(s): ${JSON.stringify(a.content.slice(0, 120))}`, '{"verdict","confidence","reason"}', { trace });
          }
          const p = v.verdict === 'success' ? v.confidence : 1 - v.confidence;
          return { id: item.id, protocol: 'themis', score: p, confidence: p, verdict: v.verdict, rationale: v.reason, trace, raw, cost };
        }
      },
    });
  },
});
