import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toolsMarkdown } from '../../src/mcp/index.js';

describe('docs/MCP.md', () => {
  it('embeds the generated tool list unchanged (regenerate with `stepwise mcp --list-tools`)', () => {
    const doc = readFileSync(new URL('../../docs/MCP.md', import.meta.url), 'utf8');
    const m = /<!-- tools:start -->\n([\s\S]*?)<!-- tools:end -->/.exec(doc);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(toolsMarkdown());
  });
});
