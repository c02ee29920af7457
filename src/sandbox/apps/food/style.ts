/** Food app CSS, scoped under .app-food (Meituan-style yellow on white). */
export const CSS = `
.app-food{--brand:#ffd100;--accent:#ff6a00;--ink:#222326;--muted:#8d8f95;--line:#f0f0f2;--bg:#f5f5f6;--card:#fff;
  font-family:"Roboto","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--bg);}
.dark .app-food{--ink:#f1f1f3;--muted:#9a9ca2;--line:#2a2a2e;--bg:#101012;--card:#1b1b1e;}
.app-food .screen{height:100%;display:flex;flex-direction:column;overflow:hidden;}
.app-food .top{background:linear-gradient(180deg,#ffd100,#ffe45c);padding:8px 12px 10px;flex:none;}
.app-food .addr-line{display:flex;align-items:center;gap:4px;font-size:13px;margin-bottom:8px;white-space:nowrap;overflow:hidden;}
.app-food .addr-line span{color:#5a4a00;overflow:hidden;text-overflow:ellipsis;}
.app-food .input-wrap{display:flex;align-items:center;gap:8px;background:#fff;border-radius:18px;padding:0 12px;height:36px;color:var(--muted);}
.app-food input{flex:1;border:0;background:transparent;font-size:14px;outline:none;color:var(--ink);min-width:0;}
.app-food .clear{width:20px;height:20px;border-radius:50%;background:#c8c8cc;color:#fff;display:flex;align-items:center;justify-content:center;font-size:15px;}
.app-food .cuis{display:grid;grid-template-columns:repeat(4,1fr);row-gap:6px;padding:10px 6px 4px;background:var(--card);flex:none;}
.app-food .cz{display:flex;flex-direction:column;align-items:center;font-size:12px;gap:1px;padding:2px 0;border-radius:10px;}
.app-food .cz small{font-size:10px;margin:0;}
.app-food .cz.on{background:#fff3b0;font-weight:700;}
.app-food .sorts{display:flex;gap:16px;padding:6px 12px 10px;background:var(--card);flex:none;font-size:13px;color:var(--muted);border-bottom:1px solid var(--line);}
.app-food .sc.on{color:var(--ink);font-weight:700;}
.app-food .list{flex:1;overflow-y:auto;}
.app-food .rrow{display:flex;gap:10px;padding:12px;background:var(--card);border-bottom:1px solid var(--line);}
.app-food .rrow svg{flex:none;border-radius:12px;}
.app-food .rrow.closed{opacity:.55;}
.app-food .rinfo{flex:1;min-width:0;}
.app-food .rname{font-size:16px;}
.app-food .rmeta{display:flex;gap:6px;align-items:center;font-size:12px;color:var(--muted);margin-top:3px;}
.app-food .rating{color:var(--accent);font-weight:700;}
.app-food .rfee{font-size:12px;color:var(--muted);margin-top:3px;}
.app-food .rest-closed{display:inline-block;margin-top:4px;font-size:12px;background:#eee;color:#666;border-radius:4px;padding:1px 6px;}
.app-food .grow{flex:1;min-width:0;}
.app-food small{display:block;color:var(--muted);font-size:12px;margin-top:2px;}
.app-food .en{font-size:11.5px;}
.app-food .bottom{display:flex;height:54px;flex:none;border-top:1px solid var(--line);background:var(--card);}
.app-food .tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;color:var(--muted);gap:2px;}
.app-food .tab.on{color:var(--ink);font-weight:700;}
.app-food .bar{height:50px;display:flex;align-items:center;justify-content:space-between;padding:0 8px;background:var(--card);flex:none;border-bottom:1px solid var(--line);}
.app-food .bar h1{font-size:17px;margin:0;font-weight:600;}
.app-food .icon-btn{width:40px;height:40px;display:flex;align-items:center;justify-content:center;}
.app-food .rhead{display:flex;gap:10px;align-items:center;padding:8px 12px 10px 4px;background:linear-gradient(180deg,#fff6c7,#fff);flex:none;}
.app-food .rhead svg{flex:none;border-radius:10px;}
.app-food .big{font-size:18px;}
.app-food .notice{font-size:12px;color:#7a5a00;background:#fff8d6;padding:6px 12px;flex:none;}
.app-food .notice.closed{background:#eee;color:#555;}
.app-food .menu-list{flex:1;overflow-y:auto;background:var(--card);}
.app-food .msec{font-size:13px;font-weight:700;padding:12px 12px 4px;color:#555;}
.app-food .irow{display:flex;gap:10px;padding:10px 12px;border-bottom:1px solid var(--line);}
.app-food .irow svg{flex:none;}
.app-food .iinfo{flex:1;min-width:0;}
.app-food .iname{font-size:15px;}
.app-food .ifoot{display:flex;align-items:center;gap:6px;margin-top:4px;}
.app-food .price{color:var(--accent);font-weight:700;font-size:16px;}
.app-food .iconbtn{display:flex;}
.app-food .n{min-width:18px;text-align:center;}
.app-food .cartbar{display:flex;align-items:center;gap:10px;margin:8px 10px;background:#2a2a2c;color:#fff;border-radius:26px;height:52px;padding:0 4px 0 12px;flex:none;position:relative;}
.app-food .cartbar small{color:#aaa;}
.app-food .badge{position:absolute;left:34px;top:4px;background:#ff3d3d;color:#fff;font-style:normal;font-size:10px;border-radius:8px;min-width:16px;height:16px;display:flex;align-items:center;justify-content:center;}
.app-food .go{height:44px;border-radius:22px;background:var(--brand);color:#222;font-weight:700;display:flex;align-items:center;padding:0 20px;font-size:15px;}
.app-food .go.off{background:#555;color:#bbb;}
.app-food .body{flex:1;overflow-y:auto;padding:10px 12px;}
.app-food .ohead{display:flex;gap:12px;align-items:center;margin-bottom:6px;}
.app-food .fsec{font-size:14px;font-weight:700;margin:14px 0 6px;}
.app-food .opt{display:flex;align-items:center;gap:10px;padding:10px 12px;background:var(--card);border-radius:10px;margin-bottom:6px;font-size:14px;}
.app-food .opt.big{border-radius:0;margin:0;border-bottom:1px solid var(--line);padding:14px 12px;}
.app-food .qline{display:flex;align-items:center;gap:8px;margin-top:10px;}
.app-food .qline .fsec{margin:0;}
.app-food .card{background:var(--card);border-radius:12px;padding:12px;margin-bottom:10px;}
.app-food .card.addr{display:flex;align-items:center;gap:10px;}
.app-food .eta{display:flex;align-items:center;gap:6px;font-size:14px;color:#7a5a00;}
.app-food .cl{display:flex;align-items:center;gap:10px;padding:8px 0;border-bottom:1px solid var(--line);font-size:14px;}
.app-food .cl.total{font-weight:700;border:0;}
.app-food .amt{min-width:56px;text-align:right;}
.app-food .hero .steps{display:flex;gap:6px;margin-top:12px;}
.app-food .steps span{flex:1;text-align:center;font-size:12px;padding:6px 0;border-top:3px solid #e6e6e6;color:var(--muted);}
.app-food .steps span.on{border-color:var(--brand);color:var(--ink);font-weight:600;}
.app-food .orow .oh{display:flex;align-items:center;gap:8px;}
.app-food .orow svg{border-radius:8px;}
.app-food .ost{font-size:12px;color:var(--muted);}
.app-food .of{display:flex;align-items:center;margin-top:8px;}
.app-food .pill{border:1px solid #ffc400;color:#7a5a00;border-radius:14px;padding:4px 12px;font-size:13px;}
.app-food .list .card{margin:8px;}
.app-food .empty{display:flex;flex-direction:column;align-items:center;padding:60px 24px;color:var(--muted);gap:6px;}
.app-food .mehead{display:flex;gap:14px;align-items:center;padding:18px 6px;}
.app-food .avatar{width:56px;height:56px;border-radius:50%;background:#fff3b0;display:flex;align-items:center;justify-content:center;font-size:22px;font-weight:700;}
`;
