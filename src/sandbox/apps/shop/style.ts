/** Shop CSS, scoped under .app-shop (red-orange brand, white cards on light grey). */
export const CSS = `
.app-shop{--brand:#ff3d4f;--brand2:#ff7a1a;--ink:#1d1d1f;--muted:#8c8c92;--line:#efeff2;--bg:#f4f4f6;--card:#fff;
  font-family:"Roboto","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--bg);}
.dark .app-shop{--ink:#f0f0f2;--muted:#9a9aa2;--line:#2a2a2e;--bg:#101012;--card:#1b1b1e;}
.app-shop .screen{height:100%;display:flex;flex-direction:column;overflow:hidden;position:relative;}
.app-shop .top{display:flex;align-items:center;gap:10px;padding:8px 12px;background:linear-gradient(180deg,#ff5236,#ff3d4f);color:#fff;flex:none;}
.app-shop .logo{font-weight:800;font-size:19px;}
.app-shop .logo span{font-size:11px;margin-left:2px;opacity:.85;}
.app-shop .sbox{flex:1;display:flex;align-items:center;gap:6px;background:#fff;color:var(--muted);border-radius:18px;height:34px;padding:0 12px;font-size:13px;}
.app-shop .cats{display:flex;gap:4px;overflow-x:auto;background:var(--card);padding:8px 6px;flex:none;white-space:nowrap;}
.app-shop .cat{display:flex;flex-direction:column;align-items:center;gap:3px;font-size:12px;min-width:62px;}
.app-shop .cat-pic{width:44px;height:40px;border-radius:12px;overflow:hidden;display:block;}
.app-shop .feed{flex:1;overflow-y:auto;padding:10px;}
.app-shop .banner{border-radius:12px;padding:14px;background:linear-gradient(100deg,#ff3d4f,#ff8a3d);color:#fff;display:flex;flex-direction:column;gap:4px;}
.app-shop .banner b{font-size:18px;}.app-shop .banner span{font-size:12px;opacity:.95;}
.app-shop .section{font-size:14px;font-weight:600;margin:12px 2px 8px;}
.app-shop .pgrid{display:grid;grid-template-columns:1fr 1fr;gap:8px;}
.app-shop .pcard{background:var(--card);border-radius:10px;overflow:hidden;padding-bottom:8px;}
.app-shop .pcard svg{display:block;}
.app-shop .ctitle{font-size:13px;padding:6px 8px 2px;line-height:1.35;height:35px;overflow:hidden;}
.app-shop .cprice{display:flex;align-items:baseline;gap:6px;padding:0 8px;}
.app-shop .price{color:var(--brand);font-weight:700;font-size:16px;}
.app-shop .price.big{font-size:26px;}.app-shop .price.huge{font-size:34px;}
.app-shop .sold{color:var(--muted);font-size:11px;}
.app-shop .bottom{display:flex;height:54px;flex:none;border-top:1px solid var(--line);background:var(--card);}
.app-shop .tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;color:var(--muted);gap:2px;}
.app-shop .tab.on{color:var(--brand);}
.app-shop .ti{position:relative;display:flex;}
.app-shop .badge{position:absolute;right:-10px;top:-4px;background:var(--brand);color:#fff;font-style:normal;font-size:10px;border-radius:8px;min-width:16px;height:16px;display:flex;align-items:center;justify-content:center;padding:0 3px;}
.app-shop .bar{height:50px;display:flex;align-items:center;justify-content:space-between;padding:0 8px;background:var(--card);flex:none;border-bottom:1px solid var(--line);}
.app-shop .bar h1{font-size:17px;margin:0;font-weight:600;}
.app-shop .icon-btn{width:40px;height:40px;display:flex;align-items:center;justify-content:center;color:var(--ink);}
.app-shop .icon-btn.round{background:rgba(255,255,255,.9);border-radius:50%;width:36px;height:36px;}
.app-shop .search-bar{display:flex;align-items:center;gap:6px;padding:8px 12px 8px 4px;background:var(--card);flex:none;}
.app-shop .input-wrap{flex:1;display:flex;align-items:center;gap:8px;background:var(--bg);border-radius:18px;padding:0 12px;height:36px;color:var(--muted);font-size:14px;border:1px solid var(--brand);}
.app-shop .input-wrap span{color:var(--ink);}
.app-shop input{flex:1;border:0;background:transparent;font-size:15px;outline:none;color:var(--ink);min-width:0;}
.app-shop .go{color:#fff;background:var(--brand);border-radius:16px;padding:7px 14px;font-size:14px;}
.app-shop .body{flex:1;overflow-y:auto;padding:10px 12px;}
.app-shop .chips{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:6px;}
.app-shop .chip{display:inline-flex;align-items:center;gap:5px;background:#efeff2;border:1px solid #e4e4e8;border-radius:16px;padding:6px 12px;font-size:13px;}
.app-shop .chip.on{background:#fff0f1;border-color:var(--brand);color:var(--brand);}
.app-shop .chip.out{color:#bbb;text-decoration:line-through;}
.app-shop .sw{width:12px;height:12px;border-radius:50%;border:1px solid rgba(0,0,0,.15);display:inline-block;}
.app-shop .sorts{display:flex;align-items:center;justify-content:space-between;background:var(--card);padding:0 12px;height:42px;flex:none;border-bottom:1px solid var(--line);font-size:13px;}
.app-shop .st{color:var(--muted);display:flex;align-items:center;gap:2px;}
.app-shop .st.on{color:var(--brand);font-weight:600;}
.app-shop .list{flex:1;overflow-y:auto;}
.app-shop .count{font-size:12px;color:var(--muted);padding:8px 12px;}
.app-shop .prow{display:flex;gap:10px;background:var(--card);padding:10px 12px;border-bottom:1px solid var(--line);}
.app-shop .prow svg{border-radius:8px;flex:none;}
.app-shop .pinfo{flex:1;min-width:0;display:flex;flex-direction:column;gap:3px;position:relative;}
.app-shop .ptitle{font-size:14px;line-height:1.35;}
.app-shop .ptitle.big{font-size:17px;font-weight:600;margin-top:6px;}
.app-shop .pen{font-size:11.5px;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}
.app-shop .ptags{display:flex;gap:4px;}
.app-shop .tag{font-size:10px;color:var(--brand);border:1px solid #ffb3ba;border-radius:3px;padding:0 4px;}
.app-shop .tag.ghost{color:var(--muted);border-color:var(--line);}
.app-shop .pprice{display:flex;align-items:baseline;gap:8px;}
.app-shop .pprice s{color:var(--muted);font-size:12px;}
.app-shop .pmeta{font-size:11px;color:var(--muted);display:flex;align-items:center;gap:2px;}
.app-shop small{display:block;color:var(--muted);font-size:12px;margin-top:2px;}
.app-shop .empty{display:flex;flex-direction:column;align-items:center;padding:60px 24px;color:var(--muted);gap:6px;text-align:center;}
.app-shop .fsec{font-size:14px;font-weight:600;margin:14px 0 8px;}
.app-shop .prange{display:flex;align-items:center;gap:8px;}
.app-shop .prange input{background:#efeff2;border:1px solid #e4e4e8;border-radius:16px;height:34px;padding:0 12px;text-align:center;}
.app-shop .fbar,.app-shop .cbar{display:flex;gap:10px;padding:8px 12px;background:var(--card);border-top:1px solid var(--line);flex:none;align-items:center;}
.app-shop .btn{flex:1;height:42px;border-radius:21px;display:flex;align-items:center;justify-content:center;font-size:15px;}
.app-shop .btn.primary{background:linear-gradient(90deg,#ff7a1a,#ff3d4f);color:#fff;}
.app-shop .btn.ghost{border:1px solid #ddd;}
.app-shop .pscroll{padding:0;}
.app-shop .hero{position:relative;display:flex;justify-content:center;background:#f4f4f6;}
.app-shop .hero svg{display:block;}
.app-shop .float-back{position:absolute;left:12px;top:10px;}
.app-shop .pcard2{background:var(--card);border-radius:12px;margin:8px;padding:12px;}
.app-shop .qrow{display:flex;align-items:center;gap:12px;margin-top:6px;}
.app-shop .qrow .fsec{margin:0;}
.app-shop .stepper{display:flex;align-items:center;border:1px solid #ddd;border-radius:6px;overflow:hidden;}
.app-shop .stepper span{width:30px;height:28px;display:flex;align-items:center;justify-content:center;background:var(--bg);font-size:16px;}
.app-shop .stepper b{min-width:34px;text-align:center;font-weight:500;}
.app-shop .stepper.sm span{width:26px;height:24px;}
.app-shop .shop-row{display:flex;align-items:center;gap:8px;}
.app-shop .desc{font-size:13px;color:var(--muted);line-height:1.6;margin:0;}
.app-shop .buybar{display:flex;align-items:center;gap:4px;padding:6px 10px;background:var(--card);border-top:1px solid var(--line);flex:none;}
.app-shop .mini{display:flex;flex-direction:column;align-items:center;font-size:10px;color:var(--muted);width:46px;}
.app-shop .mini.on{color:var(--brand);}
.app-shop .bb{height:42px;display:flex;align-items:center;justify-content:center;color:#fff;font-size:14px;font-weight:600;padding:0 10px;white-space:nowrap;}
.app-shop .bb.cart{background:linear-gradient(90deg,#ffb31a,#ff8a1a);border-radius:21px 0 0 21px;flex:1;}
.app-shop .bb.buy{background:linear-gradient(90deg,#ff6a3d,#ff3d4f);border-radius:0 21px 21px 0;flex:1;}
.app-shop .cbar .bb.buy{border-radius:21px;flex:none;}
.app-shop .cbar .bb.wide{flex:1;}
.app-shop .cline{display:flex;gap:8px;align-items:flex-start;background:var(--card);margin:8px;border-radius:12px;padding:10px;}
.app-shop .cline svg{border-radius:8px;flex:none;}
.app-shop .vtag{background:var(--bg);border-radius:4px;padding:1px 6px;display:inline-block;}
.app-shop .cfoot{display:flex;justify-content:space-between;align-items:center;margin-top:4px;}
.app-shop .remove{position:absolute;right:0;top:0;font-size:11px;color:var(--muted);}
.app-shop .card{background:var(--card);border-radius:12px;padding:12px;margin-bottom:10px;}
.app-shop .addr{display:flex;align-items:center;gap:10px;color:var(--brand);}
.app-shop .addr .grow{color:var(--ink);}
.app-shop .grow{flex:1;min-width:0;}
.app-shop .atag{font-size:11px;background:#fff0f1;color:var(--brand);border-radius:3px;padding:0 5px;margin-left:6px;}
.app-shop .atag.def{background:var(--brand);color:#fff;}
.app-shop .oline{display:flex;gap:10px;margin-bottom:8px;}
.app-shop .oline svg{border-radius:8px;flex:none;}
.app-shop .sums div{display:flex;justify-content:space-between;font-size:14px;padding:4px 0;}
.app-shop .arow{display:flex;align-items:center;gap:10px;padding:14px 12px;background:var(--card);border-bottom:1px solid var(--line);}
.app-shop .paybox{text-align:center;padding:24px 0;}
.app-shop .done{display:flex;flex-direction:column;align-items:center;gap:8px;padding:48px 24px;background:var(--card);}
.app-shop .done b{font-size:19px;}
.app-shop .row2{display:flex;gap:12px;width:100%;margin-top:16px;}
.app-shop .mehead{display:flex;gap:14px;align-items:center;padding:18px 6px;}
.app-shop .mehead b{font-size:19px;}
.app-shop .avatar{width:56px;height:56px;border-radius:50%;background:#ffd9dd;color:var(--brand);display:flex;align-items:center;justify-content:center;font-size:22px;font-weight:700;}
.app-shop .crow{display:flex;justify-content:space-between;align-items:center;padding:10px 0;border-bottom:1px solid var(--line);}
.app-shop .crow small{display:flex;align-items:center;margin:0;}
.app-shop .ostat{display:flex;padding-top:10px;}
.app-shop .ostat div{flex:1;text-align:center;}
.app-shop .order .ohead{display:flex;justify-content:space-between;font-size:12px;color:var(--muted);margin-bottom:8px;}
.app-shop .ost{color:var(--brand);}
.app-shop .ofoot{text-align:right;font-size:13px;}
.app-shop .list .card{margin:8px;}
`;
