/** Metro app CSS, scoped under .app-metro (blue brand, line-colour badges). */
export const CSS = `
.app-metro{--brand:#1f5fd1;--ink:#1a1c20;--muted:#80858f;--line:#eceef2;--bg:#f3f5f9;--card:#fff;
  font-family:"Roboto","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--bg);}
.dark .app-metro{--ink:#eef0f4;--muted:#9aa0aa;--line:#2a2d33;--bg:#0f1115;--card:#1a1d22;}
.app-metro .screen{height:100%;display:flex;flex-direction:column;overflow:hidden;}
.app-metro .hero{background:linear-gradient(160deg,#2f7bf0,#1449b8);padding:12px 16px 16px;color:#fff;flex:none;}
.app-metro .hero-top{display:flex;justify-content:space-between;align-items:center;margin-bottom:12px;font-size:18px;}
.app-metro .city{font-size:13px;opacity:.9;}
.app-metro .planner{background:var(--card);color:var(--ink);border-radius:14px;display:flex;align-items:center;padding:4px 6px 4px 14px;box-shadow:0 4px 14px rgba(0,0,0,.15);}
.app-metro .pl-rows{flex:1;}
.app-metro .pl-row{display:flex;align-items:center;gap:10px;padding:10px 0;min-height:52px;}
.app-metro .pl-row:first-child{border-bottom:1px solid var(--line);}
.app-metro .pl-row small{margin:0 0 0 6px;display:inline;}
.app-metro .ph{color:var(--muted);font-size:15px;}
.app-metro .pl-row b{font-size:16px;}
.app-metro .swap{width:40px;height:40px;display:flex;align-items:center;justify-content:center;color:var(--brand);}
.app-metro .dot{width:9px;height:9px;border-radius:50%;flex:none;}
.app-metro .dot.green{background:#1fb36a;}.app-metro .dot.red{background:#e3002b;}
.app-metro .primary{margin-top:12px;height:44px;border-radius:22px;background:#ffcc33;color:#3a2a00;font-weight:700;font-size:16px;display:flex;align-items:center;justify-content:center;}
.app-metro .body .primary{background:var(--brand);color:#fff;margin:16px 0;}
.app-metro .body{flex:1;overflow-y:auto;padding:12px 14px;}
.app-metro .alert{display:flex;align-items:center;gap:8px;background:#fff5e5;color:#9a5b00;border-radius:10px;padding:10px 12px;font-size:14px;margin-bottom:12px;}
.app-metro .alert span{flex:1;}
.app-metro .quick{display:flex;background:var(--card);border-radius:12px;padding:12px 0;}
.app-metro .cell{flex:1;display:flex;flex-direction:column;align-items:center;gap:6px;font-size:12px;color:var(--brand);}
.app-metro .cell span{color:var(--ink);}
.app-metro .section{font-size:13px;color:var(--muted);margin:16px 2px 6px;}
.app-metro .row{display:flex;align-items:center;gap:12px;padding:12px;background:var(--card);border-bottom:1px solid var(--line);color:var(--muted);}
.app-metro .row b{color:var(--ink);font-weight:500;font-size:15px;}
.app-metro .body .row:first-of-type{border-radius:12px 12px 0 0;}
.app-metro .grow{flex:1;min-width:0;}
.app-metro small{display:block;color:var(--muted);font-size:12px;margin-top:2px;}
.app-metro .tip{font-size:12px;color:var(--muted);margin:14px 2px;line-height:1.5;}
.app-metro .lb{display:inline-flex;align-items:center;justify-content:center;min-width:22px;height:22px;border-radius:6px;color:#fff;font-weight:700;font-size:13px;padding:0 4px;}
.app-metro .lb.sm{min-width:18px;height:18px;font-size:11px;border-radius:5px;}
.app-metro .lb.lg{min-width:36px;height:36px;font-size:18px;border-radius:9px;}
.app-metro .badges{display:flex;gap:3px;}
.app-metro .bottom{display:flex;height:54px;flex:none;border-top:1px solid var(--line);background:var(--card);}
.app-metro .tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;color:var(--muted);gap:2px;}
.app-metro .tab.on{color:var(--brand);}
.app-metro .bar{height:50px;display:flex;align-items:center;justify-content:space-between;padding:0 8px;background:var(--card);flex:none;border-bottom:1px solid var(--line);}
.app-metro .bar h1{font-size:17px;margin:0;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}
.app-metro .icon-btn{width:40px;height:40px;display:flex;align-items:center;justify-content:center;color:var(--ink);}
.app-metro .search-bar{display:flex;align-items:center;gap:6px;padding:8px 12px 8px 8px;background:var(--card);flex:none;border-bottom:1px solid var(--line);}
.app-metro .input-wrap{flex:1;display:flex;align-items:center;gap:8px;background:var(--bg);border-radius:19px;padding:0 12px;height:38px;color:var(--muted);}
.app-metro input{flex:1;border:0;background:transparent;font-size:15px;outline:none;color:var(--ink);min-width:0;}
.app-metro .list{flex:1;overflow-y:auto;background:var(--card);}
.app-metro .empty{display:flex;flex-direction:column;align-items:center;padding:60px 24px;color:var(--muted);gap:6px;text-align:center;}
.app-metro .avoid{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;padding:8px 12px;background:var(--card);flex:none;border-bottom:1px solid var(--line);font-size:13px;}
.app-metro .chip{border:1px solid #d5d9e0;border-radius:14px;padding:4px 10px;font-size:13px;color:var(--ink);}
.app-metro .chip.on{background:#e8f0ff;border-color:var(--brand);color:var(--brand);text-decoration:line-through;}
.app-metro .card{background:var(--card);border-radius:14px;padding:14px;margin-bottom:12px;box-shadow:0 1px 3px rgba(0,0,0,.06);}
.app-metro .rc-head{display:flex;align-items:baseline;gap:8px;}
.app-metro .rc-label{background:#e8f0ff;color:var(--brand);font-size:12px;border-radius:4px;padding:2px 6px;}
.app-metro .mins{font-size:24px;}
.app-metro .muted{color:var(--muted);font-size:13px;}
.app-metro .rc-meta{color:var(--muted);font-size:13px;margin:4px 0 8px;}
.app-metro .strip{display:flex;align-items:center;gap:4px;margin-bottom:6px;}
.app-metro .arrow{color:var(--muted);}
.app-metro .leg-main{display:flex;gap:10px;align-items:flex-start;border-left:4px solid;padding:6px 0 6px 10px;margin-left:6px;}
.app-metro .xfer{font-size:12px;color:#9a5b00;background:#fff5e5;border-radius:6px;padding:4px 8px;margin:6px 0;}
.app-metro .warn-t{color:#d35400;}
.app-metro .updated{font-size:12px;color:var(--muted);padding:8px 14px;background:var(--bg);}
.app-metro .line-row{align-items:flex-start;}
.app-metro .status{display:inline-block;margin-top:4px;font-size:12px;border-radius:4px;padding:1px 6px;}
.app-metro .status.normal{background:#e8f7ef;color:#12804a;}.app-metro .status.delay{background:#fff1de;color:#c25e00;}.app-metro .status.suspended{background:#fde8e8;color:#c0262d;}
.app-metro .line-status{padding:8px 14px;font-size:13px;flex:none;}
.app-metro .line-status.normal{background:#e8f7ef;color:#12804a;}.app-metro .line-status.delay{background:#fff1de;color:#c25e00;}.app-metro .line-status.suspended{background:#fde8e8;color:#c0262d;}
.app-metro .stop{display:flex;align-items:center;gap:12px;padding:0 14px;height:56px;}
.app-metro .stop.closed{opacity:.45;}
.app-metro .rail{width:14px;align-self:stretch;position:relative;}
.app-metro .rail::before{content:"";position:absolute;left:5px;top:0;bottom:0;width:4px;background:var(--c);}
.app-metro .rail i{position:absolute;left:0;top:21px;width:14px;height:14px;border-radius:50%;background:#fff;border:3px solid var(--c);box-sizing:border-box;}
.app-metro .stop:first-child .rail::before{top:28px;}.app-metro .stop:last-child .rail::before{bottom:28px;}
.app-metro .big{font-size:20px;}
.app-metro .icon-btn.on{color:#ffb400;}
`;
