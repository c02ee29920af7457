/** GUI-MCP: the stepwise Model Context Protocol server (stdio and Streamable HTTP). */
import type { ServerState } from './context.js';
import { createMcpServer } from './server.js';
import { ImageStdioServerTransport } from './stdio.js';

export { createMcpServer, serverTools, inputSchema, instructions } from './server.js';
export { createState, checkPrivacy, type StateOptions } from './state.js';
export { startHttp, parseListen, type HttpOptions, type RunningHttp } from './http.js';
export { ALL_TOOLS, ACTION_TOOLS, toolsFor, actionToolName, type ToolDef, type Annotations } from './tools.js';
export { toolsMarkdown } from './markdown.js';
export { redact, redactDeep, findPii, luhn, validChineseId, type PiiKind, type PiiMatch } from './pii.js';
export { PRIVACY_LEVELS, toResult, toErrorResult, filterText, type Privacy, type ToolOutput } from './privacy.js';
export { DeviceHub, type BusyMode } from './hub.js';
export type { ServerState, SessionState, CallContext } from './context.js';

/** Serves one client over stdin/stdout until stdin closes. */
export async function serveStdio(state: ServerState): Promise<void> {
  const session = { id: 'stdio' };
  const server = createMcpServer(state, session);
  const transport = new ImageStdioServerTransport();
  const closed = new Promise<void>((resolve) => { transport.onclose = () => resolve(); });
  await server.connect(transport);
  state.log('session=stdio opened');
  await new Promise<void>((resolve) => {
    process.stdin.once('end', () => resolve());
    process.stdin.once('close', () => resolve());
    void closed.then(resolve);
  });
  await server.close().catch(() => {});
}
