/** The tool list as markdown, generated from the tool table (docs/MCP.md embeds it). */
import { ALL_TOOLS, type ToolDef } from './tools.js';
import { inputSchema } from './server.js';

function args(t: ToolDef): string {
  const js = inputSchema(t) as { properties?: Record<string, { description?: string }>; required?: string[] };
  const req = new Set(js.required ?? []);
  return Object.keys(js.properties ?? {}).map((k) => (req.has(k) ? `\`${k}\`` : `\`${k}?\``)).join(', ');
}

function hints(t: ToolDef): string {
  const a = t.annotations;
  return [a.readOnlyHint ? 'read-only' : a.destructiveHint ? 'destructive' : 'changes state', a.idempotentHint && 'idempotent'].filter(Boolean).join(', ');
}

export function toolsMarkdown(tools: readonly ToolDef[] = ALL_TOOLS): string {
  const rows = tools.map((t) => `| \`${t.name}\` | ${args(t) || '-'} | ${hints(t)} | ${t.platforms ? t.platforms.join(', ') : 'all'} | ${t.description.replace(/\|/g, '\\|')} |`);
  return ['| tool | arguments | hints | platforms | description |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
