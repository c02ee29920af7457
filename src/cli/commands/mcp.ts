import type { Command } from 'commander';
import { addModelOptions, modelFlags } from '../../config/flags.js';
import { openDevices } from '../../devices/registry.js';
import { ALL_TOOLS, createState, parseListen, serveStdio, startHttp, toolsMarkdown } from '../../mcp/index.js';

/**
 * `stepwise mcp`: the GUI-MCP server. stdio by default (for Claude Desktop / Claude Code /
 * Cursor), Streamable HTTP with --http. Logs go to stderr (stdout is the protocol on stdio).
 */
export function register(program: Command): void {
  const cmd = program
    .command('mcp')
    .description('serve devices to any MCP client: low-level GUI tools plus execute_task (stdio by default)')
    .option('--device <spec>', 'devices: sandbox, sandbox*3, ...', 'sandbox')
    .option('--http <[host:]port>', 'serve Streamable HTTP at /mcp instead of stdio (default host 127.0.0.1)')
    .option('--token <secret>', 'bearer token for HTTP (or $STEPWISE_MCP_TOKEN); required to bind beyond localhost')
    .option('--allow-host <names>', 'extra Host header names to accept, comma-separated')
    .option('--allow-origin <origins>', 'extra browser Origins to accept, comma-separated')
    .option('--privacy <level>', 'open | summary | private: what of the screen leaves the device', 'open')
    .option('--ocr <mode>', 'on | off: on-device OCR text in the summary level (needs the optional @gutenye/ocr-node)', 'on')
    .option('--policy <name>', 'execute_task specialist: demo (sandbox task instances) or openai', 'demo')
    .option('--busy <mode>', 'a device another session holds: error or wait', 'error')
    .option('--max-steps <n>', 'default step budget of execute_task', '30')
    .option('--store <dir>', 'trajectory store folder (default .stepwise or $STEPWISE_STORE)')
    .option('--no-store', 'keep no trajectories')
    .option('--quiet', 'no per-call log lines on stderr')
    .option('--list-tools', 'print the tool list as markdown and exit');
  addModelOptions(cmd);
  cmd.action(async (o: Record<string, string | boolean | undefined>) => {
    if (o.listTools) {
      process.stdout.write(toolsMarkdown(ALL_TOOLS));
      return;
    }
    const log = o.quiet ? () => {} : (line: string) => process.stderr.write(`[stepwise mcp] ${new Date().toISOString()} ${line}\n`);
    // Sandbox phones with frame control where the headless shell is installed: one redraw fewer
    // per click + screenshot (src/devices/sandbox/frames.ts).
    const opened = await openDevices(String(o.device), { frames: 'auto' });
    let closeAll = async () => { await opened.close(); };
    try {
      const state = await createState({
        devices: opened.devices, privacy: String(o.privacy), policy: String(o.policy), model: modelFlags(o),
        store: o.store === false ? false : (o.store as string | undefined), busy: String(o.busy), maxSteps: Number(o.maxSteps), log, ocr: String(o.ocr),
      });
      closeAll = async () => { await state.close(); await opened.close(); };
      if (o.http !== undefined) {
        const listen = parseListen(String(o.http));
        const token = (o.token as string | undefined) ?? process.env.STEPWISE_MCP_TOKEN;
        const split = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
        const http = await startHttp(state, { ...listen, token, allowedHosts: split(o.allowHost), allowedOrigins: split(o.allowOrigin) });
        process.stderr.write(`stepwise mcp: listening on ${http.url} (${opened.devices.length} device(s), privacy ${state.privacy}${token ? ', bearer token required' : ''})\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await http.close();
      } else {
        await serveStdio(state);
      }
    } finally {
      await closeAll();
    }
  });
}
