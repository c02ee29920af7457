/** Studio CSS (inlined into the page). */
export const STYLE = `
:root{--bg:#f4f6f9;--panel:#fff;--ink:#1d2330;--mute:#6b7385;--line:#e1e4ea;--accent:#ff2d6f;--blue:#3b6fd8;--ok:#2f9e6a;--bad:#c94c64;--warn:#d1a22b}
*{box-sizing:border-box}html,body{margin:0;height:100%}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","WenQuanYi Micro Hei",sans-serif;background:var(--bg);color:var(--ink)}
header{display:flex;align-items:center;gap:4px;background:#161a26;color:#fff;padding:0 16px;height:48px;position:sticky;top:0;z-index:5}
header .brand{font-weight:700;margin-right:18px;letter-spacing:.2px}header .brand b{color:var(--accent)}
header a{color:#c9cfdc;text-decoration:none;padding:14px 12px;border-bottom:3px solid transparent}header a.on{color:#fff;border-bottom-color:var(--accent)}
header .count:empty{display:none}header .count{background:var(--accent);color:#fff;border-radius:9px;padding:0 6px;font-size:11px;margin-left:4px}
header .keys{margin-left:auto;color:#8a93a8;font-size:12px}
main{padding:16px;max-width:1500px;margin:0 auto}
.bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:10px;margin-bottom:12px}
.bar label{font-size:12px;color:var(--mute);display:flex;flex-direction:column;gap:2px}
select,input,button{font:inherit;border:1px solid var(--line);border-radius:7px;padding:5px 8px;background:#fff;color:var(--ink)}
button{cursor:pointer;background:#fff}button.primary{background:var(--blue);color:#fff;border-color:var(--blue)}button.ok{background:var(--ok);color:#fff;border-color:var(--ok)}button.bad{background:var(--bad);color:#fff;border-color:var(--bad)}
table.list{width:100%;border-collapse:collapse;background:var(--panel);border:1px solid var(--line);border-radius:10px;overflow:hidden}
table.list th{font-size:12px;text-align:left;color:var(--mute);background:#fafbfc;padding:7px 10px;border-bottom:1px solid var(--line)}
table.list td{padding:7px 10px;border-bottom:1px solid #eef0f4;vertical-align:top}table.list tr.row{cursor:pointer}table.list tr.row:hover,table.list tr.sel{background:#eef3ff}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;background:#e8eaef;color:#485064}.pill.success{background:#dcf3e7;color:var(--ok)}.pill.failure{background:#fbe2e7;color:var(--bad)}.pill.running{background:#fff1cc;color:#9a7400}
.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}.mute{color:var(--mute)}.small{font-size:12px}
.viewer{display:grid;grid-template-columns:110px minmax(260px,auto) minmax(360px,1fr);gap:14px;align-items:start}
.film{display:flex;flex-direction:column;gap:8px;max-height:calc(100vh - 140px);overflow:auto;padding-right:4px}
.film .thumb{position:relative;border:2px solid transparent;border-radius:8px;cursor:pointer;background:#000;line-height:0}.film .thumb.on{border-color:var(--accent)}.film .thumb img{width:100%;height:auto;border-radius:6px;opacity:.9}
.film .thumb span{position:absolute;left:4px;top:4px;background:rgba(0,0,0,.65);color:#fff;border-radius:5px;padding:1px 5px;font-size:11px;line-height:1.4}
.film .thumb.flag span{background:var(--warn)}.film .thumb.waste span{background:var(--bad)}
.screen{position:relative;display:inline-block;line-height:0;border-radius:18px;overflow:hidden;box-shadow:0 6px 24px rgba(20,30,60,.18);background:#000}
.screen img{height:calc(100vh - 150px);width:auto;max-height:900px;min-height:300px;display:block}
.screen svg{position:absolute;inset:0;width:100%;height:100%}
.screen.small img{height:360px;min-height:0}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:12px 14px;margin-bottom:10px}
.panel h3{margin:0 0 6px;font-size:13px;color:var(--mute);text-transform:uppercase;letter-spacing:.4px}
.panel pre{white-space:pre-wrap;word-break:break-word;margin:0;max-height:260px;overflow:auto;background:#f7f8fa;border-radius:6px;padding:8px}
.kv{display:grid;grid-template-columns:auto 1fr;gap:2px 12px}.kv div:nth-child(odd){color:var(--mute)}
.title{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin-bottom:12px}.title h2{margin:0;font-size:18px}
.stepno{font-size:22px;font-weight:700}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:14px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:10px;display:flex;flex-direction:column;gap:6px;align-items:center}
.card .screen img{height:380px}
.card .meta{width:100%;font-size:12px}
.notes{display:flex;gap:6px;margin-top:8px}.notes[hidden]{display:none}.notes input{flex:1}
.cards .empty{grid-column:1/-1}
.empty{padding:40px;text-align:center;color:var(--mute);background:var(--panel);border:1px dashed var(--line);border-radius:10px}
.report table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums;background:#fff}.report th,.report td{border:1px solid var(--line);padding:3px 8px;text-align:right}.report td:first-child,.report th:first-child{text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:14px}.reports{display:grid;grid-template-columns:280px 1fr;gap:14px;align-items:start}
.reports li{list-style:none;padding:6px 4px;border-bottom:1px solid #eef0f4;display:flex;gap:6px;align-items:center}.reports ul{padding:0;margin:0}.reports a{color:var(--blue);cursor:pointer}
kbd{font:11px ui-monospace,monospace;background:#fff;border:1px solid #ccd;border-bottom-width:2px;border-radius:4px;padding:0 4px;color:#333}
.stat{font-size:26px;font-weight:700}.stats{display:flex;gap:24px}
.flash{position:fixed;right:18px;bottom:18px;background:#161a26;color:#fff;padding:10px 14px;border-radius:8px;box-shadow:0 4px 14px rgba(0,0,0,.2)}
.err{color:var(--bad)}
`;
