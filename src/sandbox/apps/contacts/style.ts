/** Contacts look: Google-Contacts-like, white surfaces, blue accents; `.dark` ancestor supported. */
export const css = `
.app-contacts{--bg:#fff;--fg:#1f1f1f;--sub:#5f6368;--line:#e8eaed;--acc:#1a73e8;--chip:#e8f0fe;--card:#f6f8fc;background:var(--bg);color:var(--fg);font-family:Roboto,"Noto Sans","WenQuanYi Micro Hei",sans-serif}
.dark .app-contacts{--bg:#1f1f1f;--fg:#e3e3e3;--sub:#a8abaf;--line:#3c4043;--card:#2a2a2a;--chip:#174ea6}
.app-contacts .ct{position:relative;display:flex;flex-direction:column;height:100%;}
.app-contacts .sx-ic{display:block;flex:none}
.app-contacts .ct-head{padding:10px 12px 6px;background:var(--bg)}
.app-contacts .ct-searchbar{display:flex;align-items:center;gap:12px;height:48px;padding:0 8px 0 16px;border-radius:24px;background:#edf2fa;color:var(--sub);font-size:16px}
.app-contacts .ct-searchbar span:nth-child(2){flex:1}
.app-contacts .ct-searchhead{display:flex;align-items:center;gap:6px;border-bottom:1px solid var(--line)}
.app-contacts .ct-input{flex:1;border:0;outline:0;font-size:16px;background:transparent;color:var(--fg);height:40px}
.app-contacts .ct-input.boxed{border:1px solid #9aa0a6;border-radius:6px;padding:0 12px;height:50px}
.app-contacts .ct-body{flex:1;overflow-y:auto}
.app-contacts .ct-mycard{display:flex;align-items:center;gap:14px;padding:10px 20px 12px}
.app-contacts .ct-count,.app-contacts .ct-sechead{padding:10px 20px 6px;font-size:13px;color:var(--sub);font-weight:500}
.app-contacts .ct-sec{display:flex;padding-left:8px}
.app-contacts .ct-letter{width:36px;padding-top:16px;text-align:center;color:var(--acc);font-size:15px;font-weight:500}
.app-contacts .ct-rows{flex:1}
.app-contacts .ct-row{display:flex;align-items:center;gap:14px;min-height:56px;padding:4px 16px 4px 6px}
.app-contacts .ct-body>.ct-row{padding-left:18px}
.app-contacts .ct-row-main{flex:1;display:flex;flex-direction:column;min-width:0}
.app-contacts .ct-name{font-size:16px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.app-contacts .ct-name.missed{color:#d93025}
.app-contacts .ct-sub{font-size:13px;color:var(--sub);display:flex;align-items:center;gap:4px}
.app-contacts .ct-av{flex:none;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:500;letter-spacing:.5px}
.app-contacts .ct-av.me{width:48px;height:48px;background:#8ab4f8}
.app-contacts .ct-av.add{width:88px;height:88px;background:var(--chip)}
.app-contacts .ct-foot{padding:18px;text-align:center;color:var(--sub);font-size:13px;padding-bottom:90px}
.app-contacts .ct-fab{position:absolute;right:16px;bottom:84px;width:56px;height:56px;border-radius:16px;border:0;background:#c2e7ff;box-shadow:0 2px 6px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}
.app-contacts .ct-nav{display:flex;height:72px;background:#f3f6fc;border-top:1px solid var(--line)}
.app-contacts .ct-tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:4px;font-size:12px;color:var(--sub)}
.app-contacts .ct-tab-ic{padding:4px 20px;border-radius:16px}
.app-contacts .ct-tab.on{color:var(--fg);font-weight:600}
.app-contacts .ct-tab.on .ct-tab-ic{background:#c2e7ff}
.app-contacts .ct-favgrid{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8px;padding:16px 12px}
.app-contacts .ct-fav{display:flex;flex-direction:column;align-items:center;gap:6px;padding:10px 4px}
.app-contacts .ct-fav-name{font-size:14px;text-align:center}
.app-contacts .ct-empty{display:flex;flex-direction:column;align-items:center;padding:80px 24px;color:var(--sub);text-align:center;gap:6px}
.app-contacts .ct-iconbtn{border:0;background:transparent;width:44px;height:44px;border-radius:50%;display:flex;align-items:center;justify-content:center;color:var(--fg);flex:none}
.app-contacts .ct-bar{display:flex;align-items:center;height:56px;padding:0 4px}
.app-contacts .ct-bar .grow{flex:1}
.app-contacts .ct-bar-title{flex:1;font-size:20px;padding-left:8px}
.app-contacts .ct-save{border:0;border-radius:20px;background:var(--acc);color:#fff;font-size:14px;font-weight:500;padding:10px 22px;margin-right:8px}
.app-contacts .ct-hero{display:flex;flex-direction:column;align-items:center;padding:8px 16px 16px;gap:6px}
.app-contacts .ct-hero.small{padding-top:12px}
.app-contacts .ct-title{font-size:28px;font-weight:400;margin:8px 0 0;text-align:center}
.app-contacts .ct-link{color:var(--acc);font-size:14px;font-weight:500}
.app-contacts .ct-actions{display:flex;justify-content:space-around;padding:4px 24px 16px}
.app-contacts .ct-act{display:flex;flex-direction:column;align-items:center;gap:6px;font-size:13px;color:var(--acc);font-weight:500}
.app-contacts .ct-act-ic{width:56px;height:40px;border-radius:20px;background:var(--chip);display:flex;align-items:center;justify-content:center}
.app-contacts .ct-act.off{opacity:.4}
.app-contacts .ct-card{margin:0 12px 12px;background:var(--card);border-radius:16px;padding:8px 0}
.app-contacts .ct-card-title{padding:8px 18px;font-size:15px;font-weight:500}
.app-contacts .ct-info{display:flex;align-items:center;gap:18px;padding:8px 10px 8px 18px;min-height:52px}
.app-contacts .ct-val{font-size:15px;word-break:break-all}
.app-contacts .ct-field{display:flex;align-items:center;gap:14px;padding:8px 16px}
.app-contacts .ct-field-ic{width:24px}
.app-contacts .ct-field{position:relative}
.app-contacts .ct-clear{position:absolute;right:26px;top:50%;transform:translateY(-50%);width:32px;height:32px;display:flex;align-items:center;justify-content:center}
.app-contacts .ct-error{margin:4px 16px 8px;padding:10px 14px;border-radius:8px;background:#fce8e6;color:#c5221f;font-size:14px}
.app-contacts .ct-hint{padding:12px 56px}
.app-contacts .ct-btn{border:0;border-radius:20px;background:var(--acc);color:#fff;padding:10px 24px}
.app-contacts .ct-call{background:linear-gradient(#0b3d2e,#123b52 60%,#0d2538);color:#fff;align-items:center}
.app-contacts .ct-call-top{display:flex;flex-direction:column;align-items:center;gap:10px;padding-top:56px;flex:1}
.app-contacts .light{color:#e8f0fe}
.app-contacts .ct-callgrid{display:grid;grid-template-columns:repeat(3,84px);gap:22px 26px;margin-bottom:36px}
.app-contacts .ct-callgrid .ct-callbtn{display:flex;flex-direction:column;align-items:center;gap:6px;font-size:12px}
.app-contacts .ct-callbtn span{width:60px;height:60px;border-radius:50%;background:rgba(255,255,255,.14);display:flex;align-items:center;justify-content:center}
.app-contacts .ct-endcall{width:72px;height:72px;border-radius:50%;border:0;background:#e53935;display:flex;align-items:center;justify-content:center;margin-bottom:40px}
.app-contacts .ct-star-mini{flex:none}
`;
