/** Ride app CSS, scoped under .app-ride (orange brand, green pickup, white sheets over a map). */
export const CSS = `
.app-ride{--brand:#ff7a1a;--green:#1fb36a;--ink:#1c1c1e;--muted:#8a8a8f;--line:#eeeeef;--bg:#f5f5f7;--card:#fff;
  font-family:"Roboto","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--bg);}
.dark .app-ride{--ink:#f2f2f4;--muted:#9a9aa0;--line:#2c2c30;--bg:#111113;--card:#1c1c1f;}
.app-ride .screen{height:100%;display:flex;flex-direction:column;position:relative;overflow:hidden;}
.app-ride .map-wrap{position:relative;height:300px;flex:none;overflow:hidden;}
.app-ride .map-wrap.short{height:250px;}
.app-ride .map{display:block;}
.app-ride .icon-btn{width:36px;height:36px;display:flex;align-items:center;justify-content:center;color:var(--ink);}
.app-ride .icon-btn.round{background:var(--card);border-radius:50%;box-shadow:0 2px 6px rgba(0,0,0,.18);}
.app-ride .float-left{position:absolute;left:14px;top:12px;}
.app-ride .float-right{position:absolute;right:14px;top:12px;}
.app-ride .float-locate{position:absolute;right:14px;bottom:26px;}
.app-ride .pill{display:flex;align-items:center;gap:4px;background:var(--card);border-radius:18px;padding:7px 12px;font-size:13px;box-shadow:0 2px 6px rgba(0,0,0,.15);}
.app-ride .rsheet{flex:1;background:var(--card);border-radius:16px 16px 0 0;margin-top:-16px;position:relative;padding:10px 16px 16px;overflow-y:auto;}
.app-ride .rsheet::before{content:"";display:block;width:36px;height:4px;border-radius:2px;background:#d8d8dc;margin:0 auto 10px;}
.app-ride .services{display:flex;gap:18px;font-size:15px;color:var(--muted);margin-bottom:10px;}
.app-ride .services .on{color:var(--ink);font-weight:700;border-bottom:3px solid var(--brand);padding-bottom:3px;}
.app-ride .banner{display:flex;align-items:center;gap:10px;background:#fff4ea;color:#b35000;border-radius:10px;padding:10px 12px;margin-bottom:10px;}
.app-ride .banner div{flex:1;display:flex;flex-direction:column;}
.app-ride .banner small{color:#c7773a;font-size:12px;}
.app-ride .where{background:var(--bg);border-radius:12px;padding:4px 14px;}
.app-ride .row-from,.app-ride .row-to{display:flex;align-items:center;gap:8px;padding:9px 0;font-size:15px;}
.app-ride .row-from{border-bottom:1px solid var(--line);}
.app-ride .where .row-to{padding:12px 0;}
.app-ride .where-q{font-size:20px;font-weight:700;}
.app-ride .dot{width:8px;height:8px;border-radius:50%;flex:none;display:inline-block;}
.app-ride .dot.green{background:var(--green);}
.app-ride .dot.orange{background:var(--brand);}
.app-ride .muted{color:var(--muted);}
.app-ride .small{font-size:12px;}
.app-ride small{display:block;color:var(--muted);font-size:12px;margin-top:2px;}
.app-ride .shortcuts{display:flex;gap:10px;margin:12px 0 4px;}
.app-ride .chip{flex:1;display:flex;gap:8px;align-items:center;background:var(--bg);border-radius:10px;padding:9px 10px;color:var(--brand);min-width:0;}
.app-ride .chip div{min-width:0;color:var(--ink);}
.app-ride .chip small{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}
.app-ride .section-title{font-size:13px;color:var(--muted);margin:14px 0 4px;}
.app-ride .place-row{display:flex;align-items:center;gap:12px;padding:11px 0;border-bottom:1px solid var(--line);color:var(--muted);}
.app-ride .place-row b{color:var(--ink);font-weight:500;font-size:15px;}
.app-ride .grow{flex:1;min-width:0;}
.app-ride .en{color:var(--muted);font-weight:400;font-size:12px;}
.app-ride .km{font-size:12px;color:var(--muted);}
.app-ride .promo{margin-top:14px;border-radius:12px;padding:12px 14px;background:linear-gradient(90deg,#fff1e4,#ffe3cc);color:#a04800;}
.app-ride .bottom{display:flex;height:54px;flex:none;border-top:1px solid var(--line);background:var(--card);}
.app-ride .tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;color:var(--muted);gap:2px;}
.app-ride .tab.on{color:var(--brand);}
.app-ride .bar{height:50px;display:flex;align-items:center;justify-content:space-between;padding:0 8px;background:var(--card);flex:none;border-bottom:1px solid var(--line);}
.app-ride .bar h1{font-size:17px;margin:0;font-weight:600;}
.app-ride .search-bar{display:flex;align-items:center;gap:6px;padding:8px 12px 8px 4px;background:var(--card);flex:none;border-bottom:1px solid var(--line);}
.app-ride .city{white-space:nowrap;flex:none;font-size:14px;font-weight:600;padding-right:8px;border-right:1px solid var(--line);}
.app-ride .input-wrap{flex:1;display:flex;align-items:center;gap:8px;background:var(--bg);border-radius:8px;padding:0 10px;height:38px;}
.app-ride input{flex:1;border:0;background:transparent;font-size:15px;outline:none;color:var(--ink);min-width:0;}
.app-ride .list{flex:1;overflow-y:auto;padding:0 16px;background:var(--card);}
.app-ride .empty{display:flex;flex-direction:column;align-items:center;padding:60px 20px;color:var(--muted);gap:6px;text-align:center;}
.app-ride .route{padding:2px 0 8px;border-bottom:1px solid var(--line);margin-bottom:6px;}
.app-ride .class-row{display:flex;align-items:center;gap:12px;padding:10px 10px;border-radius:12px;border:1px solid var(--line);margin:8px 0;}
.app-ride .class-row.sel{border-color:var(--brand);background:#fff7f0;}
.dark .app-ride .class-row.sel{background:#2a1d12;}
.app-ride .car{width:46px;height:26px;border-radius:7px;display:flex;align-items:center;justify-content:center;color:#fff;}
.app-ride .c-express{background:#ff9a3c;}.app-ride .c-comfort{background:#3b74d9;}.app-ride .c-premium{background:#222;}.app-ride .c-xl{background:#5a6b7b;}
.app-ride .fare{text-align:right;white-space:nowrap;}
.app-ride .fare small{display:inline;}
.app-ride .fare b{font-size:18px;}
.app-ride .check{width:18px;height:18px;border-radius:5px;border:1.5px solid #c8c8cc;flex:none;}
.app-ride .sel .check{background:var(--brand);border-color:var(--brand);box-shadow:inset 0 0 0 3px #fff;}
.app-ride .cta-wrap{padding:10px 16px 14px;background:var(--card);flex:none;border-top:1px solid var(--line);}
.app-ride .cta{height:48px;border-radius:24px;background:linear-gradient(90deg,#ff9a3c,#ff6a00);color:#fff;font-size:17px;font-weight:600;display:flex;align-items:center;justify-content:center;}
.app-ride .cta.ghost{background:transparent;color:var(--ink);border:1px solid #c8c8cc;font-weight:500;}
.app-ride .status-title{font-size:21px;margin:2px 0 0;}
.app-ride .driver-card{background:var(--bg);border-radius:12px;padding:12px 14px;margin:12px 0;}
.app-ride .plate{display:inline-block;font-size:22px;font-weight:800;letter-spacing:1px;background:#1d4fd8;color:#fff;border-radius:6px;padding:3px 10px;}
.app-ride .car-desc{font-size:14px;margin:6px 0;}
.app-ride .driver{display:flex;align-items:center;gap:6px;font-size:13px;color:var(--muted);}
.app-ride .driver b{color:var(--ink);}
.app-ride .avatar{width:28px;height:28px;border-radius:50%;background:#ffd9b8;color:#a04800;display:flex;align-items:center;justify-content:center;font-weight:700;}
.app-ride .avatar.big{width:56px;height:56px;font-size:22px;}
.app-ride .actions{display:flex;gap:12px;margin-top:10px;}
.app-ride .round-btn{flex:1;display:flex;align-items:center;justify-content:center;gap:6px;height:38px;border-radius:19px;background:var(--card);font-size:14px;}
.app-ride .note{background:#fff4ea;color:#a04800;padding:8px 12px;border-radius:8px;font-size:13px;}
.app-ride .trip-row{position:relative;padding:12px 0;border-bottom:1px solid var(--line);}
.app-ride .trip-head{display:flex;justify-content:space-between;font-size:12px;color:var(--muted);margin-bottom:2px;}
.app-ride .trip-row .row-from,.app-ride .trip-row .row-to{padding:3px 0;border:0;font-size:14px;}
.app-ride .trip-fare{position:absolute;right:0;bottom:14px;font-weight:700;}
.app-ride .tag{padding:1px 6px;border-radius:4px;}
.app-ride .tag.active{background:#fff1e4;color:var(--brand);}.app-ride .tag.completed{background:#e8f7ef;color:var(--green);}.app-ride .tag.cancelled{background:#f0f0f2;color:var(--muted);}
.app-ride .end{text-align:center;color:var(--muted);font-size:12px;padding:16px;}
.app-ride .profile{display:flex;gap:14px;align-items:center;padding:20px 0 12px;}
.app-ride .profile b{font-size:19px;}
.app-ride .stats{display:flex;background:var(--bg);border-radius:12px;padding:12px 0;}
.app-ride .stats div{flex:1;text-align:center;}
.app-ride .menu-row{display:flex;justify-content:space-between;align-items:center;padding:14px 0;border-bottom:1px solid var(--line);color:var(--muted);}
.app-ride .menu-row span{color:var(--ink);}
`;
