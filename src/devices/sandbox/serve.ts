/**
 * `stepwise sandbox serve`: the phone for a person, in their own browser. The page at / is a small
 * toolbar (seed, reset) around an iframe with the very same phone page the devices use; state lives
 * in that page.
 */
import { createServer, type Server } from 'node:http';
import { StepwiseError } from '../../core/errors.js';
import { esc } from '../../sandbox/html.js';
import { loadPageHtml, type PageOptions } from '../../sandbox/page/build.js';

function toolbarPage(seed: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>stepwise sandbox phone</title><style>
body{margin:0;background:#1d1f24;color:#ddd;font:14px system-ui,sans-serif;display:flex;flex-direction:column;align-items:center}
.bar{display:flex;gap:8px;align-items:center;padding:10px}
input{width:90px;padding:4px 6px;background:#2a2d33;color:#eee;border:1px solid #444;border-radius:4px}
button{padding:5px 12px;border-radius:4px;border:0;background:#3d6fd8;color:#fff;cursor:pointer}
iframe{width:360px;height:800px;border:0;border-radius:28px;box-shadow:0 0 0 10px #000,0 10px 40px #000;margin:10px 0 30px}
#f{font-variant-numeric:tabular-nums;opacity:.7}</style></head><body>
<div class="bar">seed <input id="seed" value="${esc(seed)}"><button id="reset">Reset</button><span id="f"></span></div>
<iframe id="phone" src="/phone#seed=${encodeURIComponent(seed)}"></iframe>
<script>
const fr=document.getElementById('phone');
const api=()=>fr.contentWindow.__sandbox;
document.getElementById('reset').onclick=()=>api()&&api().reset(document.getElementById('seed').value);
setInterval(()=>{const a=api();if(a)document.getElementById('f').textContent='frame '+a.frame();},500);
</script></body></html>`;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  seed?: string;
  page?: PageOptions;
}

export async function servePhone(o: ServeOptions = {}): Promise<{ url: string; server: Server }> {
  const html = await loadPageHtml(o.page);
  const host = o.host ?? '127.0.0.1';
  const seed = o.seed ?? '1';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/phone') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); return; }
    if (path === '/') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(toolbarPage(seed)); return; }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found: the phone is at / (toolbar) and /phone (bare page)\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new StepwiseError('config_error', `cannot listen on ${host}:${o.port ?? 7801}: ${e.message}`, e.code === 'EADDRINUSE' ? 'pick another --port' : 'check the host and port')));
    server.listen(o.port ?? 7801, host, resolve);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port ?? 7801;
  return { url: `http://${host}:${port}/`, server };
}
