/**
 * One MCP Server per client session (stdio has one; HTTP one per Mcp-Session-Id), all sharing
 * the ServerState (devices, leases, paused tasks). Arguments are checked here with the tools'
 * zod schemas so a bad call gets an error naming the field; every result and error leaves
 * through the privacy filter (privacy.ts), and every call is logged with its session.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { Protocol } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { StepwiseError } from '../core/errors.js';
import { VERSION } from '../cli/version.js';
import type { CallContext, ServerState, SessionState } from './context.js';
import { filterText, toErrorResult, toResult } from './privacy.js';
import { toolsForPlatforms, type ToolDef } from './tools.js';

export function serverTools(state: ServerState): ToolDef[] {
  return toolsForPlatforms([...new Set(state.hub.list().map((d) => d.platform))]);
}

/** JSON Schema of a tool's input, as MCP lists it. */
export function inputSchema(t: ToolDef): Tool['inputSchema'] {
  const js = z.toJSONSchema(t.input, { io: 'input' }) as Record<string, unknown>;
  delete js.$schema;
  return js as Tool['inputSchema'];
}

export function instructions(state: ServerState): string {
  const devices = state.hub.list().map((d) => `${d.id} (${d.platform}, ${d.width}x${d.height})`).join(', ');
  const specialist = state.policyName === 'demo'
    ? 'The specialist is the synthetic demo policy: it only runs sandbox task instances given as TEMPLATE#SEED (it replays their reference solutions); it cannot do free-text tasks.'
    : `The specialist is a local GUI model (${state.policyName}): give it one concrete goal on one app at a time, e.g. "In Shop, add the cheapest USB-C cable to the cart"; it may stop with needs_reply when it needs the user; it does not plan across apps or compare results: you do that.`;
  return [
    `stepwise GUI-MCP: fine-grained control of ${devices}, and execute_task to delegate whole tasks.`,
    'Low-level loop: get_screenshot (or get_ui_tree) -> act with click/type_text/scroll/... using norm1000 points [x, y] (0-1000 on the frame) and the frameId you saw -> the result returns once the screen has settled.',
    specialist,
    'Tasks on different devices run in parallel: call execute_task once per device to compare apps side by side.',
    `Privacy level: ${state.privacy}.` + (state.privacy === 'open' ? '' : ' Screenshots are replaced by text summaries and personal data is redacted.'),
  ].join('\n');
}

type ToolCallHandler = Parameters<typeof Server.prototype.setRequestHandler<typeof CallToolRequestSchema>>[1];

/**
 * tools/call registered as any other request: the request is still parsed with
 * CallToolRequestSchema, but the result skips the SDK Server's re-validation, which atob-decodes
 * every image (1.2 ms per full-size screenshot, on base64 Chromium made). Results are built in one
 * place (privacy.ts), and every SDK client validates them again, as our tests do through it.
 */
function setToolCallHandler(server: Server, handler: ToolCallHandler): void {
  Protocol.prototype.setRequestHandler.call(server, CallToolRequestSchema, handler as never);
}

export function createMcpServer(state: ServerState, session: SessionState): Server {
  const server = new Server(
    { name: 'stepwise', title: 'stepwise GUI-MCP', version: VERSION },
    { capabilities: { tools: {}, logging: {} }, instructions: instructions(state) },
  );
  const tools = serverTools(state);
  const byName = new Map(tools.map((t) => [t.name, t]));

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: tools.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: inputSchema(t), annotations: { title: t.title, ...t.annotations } })),
  }));

  setToolCallHandler(server, async (req, extra): Promise<CallToolResult> => {
    const started = performance.now();
    const name = req.params.name;
    let ok = false;
    try {
      const tool = byName.get(name);
      if (!tool) throw new StepwiseError('not_found', `unknown tool "${name}"`, `use one of: ${[...byName.keys()].join(', ')}`);
      const parsed = tool.input.safeParse(req.params.arguments ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.length ? issue.path.join('.') : '(arguments)';
        throw new StepwiseError('invalid_input', `${name}: ${where}: ${issue.message}`, `arguments: ${Object.keys(tool.input.shape).join(', ')}; see the tool's input schema`);
      }
      const token = req.params._meta?.progressToken;
      const ctx: CallContext = {
        server: state,
        session,
        signal: extra.signal,
        progress: async (progress, total, message) => {
          if (token === undefined) return;
          await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, ...(total ? { total } : {}), message: filterText(message, state.privacy) } });
        },
        elicit: server.getClientCapabilities()?.elicitation
          ? async (question) => {
            const r = await server.elicitInput({
              message: filterText(question, state.privacy),
              requestedSchema: { type: 'object', properties: { reply: { type: 'string', title: 'Reply', description: 'your answer for the GUI agent' } }, required: ['reply'] },
            }, { signal: extra.signal });
            return r.action === 'accept' && typeof r.content?.reply === 'string' ? r.content.reply : undefined;
          }
          : undefined,
      };
      const out = await tool.run(parsed.data as Record<string, unknown>, ctx);
      ok = true;
      return toResult(out, state.privacy);
    } catch (e) {
      return toErrorResult(e, state.privacy);
    } finally {
      state.log(`session=${session.id} tool=${name} ok=${ok} ms=${Math.round(performance.now() - started)}`);
    }
  });
  return server;
}
