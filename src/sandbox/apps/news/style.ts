/** News look: Toutiao-like red header, dense white cards, serif-free reading page; `.dark` supported. */
export const css = `
.app-news{--bg:#fff;--fg:#222;--sub:#999;--line:#eee;--red:#f04142;--soft:#f5f5f5;background:var(--bg);color:var(--fg);font-family:-apple-system,"PingFang SC","WenQuanYi Micro Hei","Noto Sans",sans-serif}
.dark .app-news{--bg:#1b1b1b;--fg:#ddd;--sub:#888;--line:#2c2c2c;--soft:#262626}
.app-news .sx-ic{display:block;flex:none}
.app-news .nw{display:flex;flex-direction:column;height:100%}
.app-news .nw-head{display:flex;align-items:center;gap:10px;height:52px;padding:0 10px;background:var(--red);flex:none}
.app-news .nw-logo{color:#fff;font-weight:800;font-size:18px;letter-spacing:-.3px;display:flex;flex-direction:column;line-height:1}
.app-news .nw-logo small{font-size:10px;font-weight:500;opacity:.85;margin-top:2px}
.app-news .nw-search{flex:1;height:34px;border-radius:17px;background:#fff;display:flex;align-items:center;gap:6px;padding:0 12px;color:var(--sub);font-size:14px}
.app-news .nw-hbtn{width:34px;height:34px;border:0;background:transparent;display:flex;align-items:center;justify-content:center}
.app-news .nw-tabrow{display:flex;align-items:center;border-bottom:1px solid var(--line);flex:none;background:var(--bg)}
.app-news .nw-tabs{flex:1;min-width:0;display:flex;gap:2px;overflow-x:auto;white-space:nowrap;height:42px;align-items:center;padding:0 6px}
.app-news .nw-chan{width:42px;height:42px;border:0;background:linear-gradient(90deg,rgba(255,255,255,0),var(--bg) 30%);display:flex;align-items:center;justify-content:center;flex:none}
.app-news .nw-tab{padding:8px 11px;font-size:16px;color:#505050;position:relative}
.dark .app-news .nw-tab{color:#bbb}
.app-news .nw-tab.on{color:var(--red);font-weight:700;font-size:17px}
.app-news .nw-tab.on::after{content:"";position:absolute;left:50%;bottom:2px;width:16px;height:3px;margin-left:-8px;border-radius:2px;background:var(--red)}
.app-news .nw-feed{flex:1;overflow-y:auto}
.app-news .nw-card{padding:13px 15px 11px;border-bottom:1px solid var(--line)}
.app-news .nw-card.right{display:flex;gap:12px}
.app-news .nw-card-main{flex:1;display:flex;flex-direction:column;justify-content:space-between;min-height:74px}
.app-news .nw-title{font-size:17px;line-height:1.45;color:var(--fg);display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.app-news .nw-img{display:block;border-radius:4px;background:#ddd}
.app-news .nw-img.side{width:114px;height:76px;flex:none}
.app-news .nw-three{display:flex;gap:4px;margin:8px 0 2px}
.app-news .nw-three .nw-img{flex:1;height:72px;min-width:0}
.app-news .nw-meta{display:flex;align-items:center;gap:8px;font-size:12px;color:var(--sub);margin-top:7px;flex-wrap:wrap}
.app-news .nw-meta.big{font-size:13px;margin:4px 0 14px}
.app-news .nw-v{display:inline-flex;margin-left:-5px}
.app-news .nw-tag{border:1px solid var(--red);color:var(--red);border-radius:3px;font-size:10px;padding:0 3px}
.app-news .nw-tag.read{border-color:#aaa;color:#aaa}
.app-news .nw-top{position:relative}
.app-news .nw-pin{position:absolute;left:15px;bottom:12px;font-size:10px;color:var(--red);border:1px solid var(--red);border-radius:3px;padding:0 3px;z-index:1}
.app-news .nw-top .nw-meta{padding-left:32px}
.app-news .nw-end,.app-news .nw-empty{padding:22px;text-align:center;color:var(--sub);font-size:13px}
.app-news .nw-nav{display:flex;height:54px;border-top:1px solid var(--line);flex:none;background:var(--bg)}
.app-news .nw-navi{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;color:#666;gap:1px}
.app-news .nw-navi.on{color:var(--red)}
.app-news .nw-av{border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:700;flex:none}
.app-news .nw-av.big{width:60px;height:60px;font-size:22px}
.app-news .nw-av.sm{width:32px;height:32px;font-size:13px}
.app-news .nw-mehead{display:flex;align-items:center;gap:14px;padding:28px 18px 16px}
.app-news .nw-me-name{font-size:20px;font-weight:700}
.app-news .nw-sub{font-size:12px;color:var(--sub);display:flex;align-items:center;gap:3px}
.app-news .nw-stats{display:flex;padding:6px 0 16px;border-bottom:8px solid var(--soft)}
.app-news .nw-stats div{flex:1;display:flex;flex-direction:column;align-items:center;gap:3px;font-size:12px;color:var(--sub)}
.app-news .nw-stats b{font-size:18px;color:var(--fg)}
.app-news .nw-cell{display:flex;align-items:center;gap:10px;height:52px;padding:0 18px;border-bottom:1px solid var(--line);font-size:16px}
.app-news .nw-cell span:first-child{flex:1}
.app-news .nw-cell-n{color:var(--sub);font-size:14px}
.app-news .nw-chev{color:#bbb;font-size:20px}
.app-news .nw-shead,.app-news .nw-bar{display:flex;align-items:center;gap:6px;height:52px;padding:0 6px;border-bottom:1px solid var(--line);flex:none}
.app-news .nw-bar-t{flex:1;font-size:17px;font-weight:600;text-align:center;margin-right:40px}
.app-news .nw-back{width:38px;height:38px;border:0;background:transparent;display:flex;align-items:center;justify-content:center;color:var(--fg);flex:none}
.app-news .nw-sfield{flex:1;display:flex;align-items:center;gap:6px;height:34px;border-radius:17px;background:var(--soft);padding:0 12px}
.app-news .nw-input{flex:1;border:0;outline:0;background:transparent;font-size:15px;color:var(--fg);min-width:0}
.app-news .nw-sbtn{border:0;background:transparent;color:var(--red);font-size:16px;font-weight:600;padding:0 6px}
.app-news .nw-sect{padding:14px 15px 6px;font-size:14px;color:var(--sub)}
.app-news .nw-sect.big{font-size:17px;color:var(--fg);font-weight:700;border-top:8px solid var(--soft);padding-top:16px}
.app-news .nw-chips{display:flex;flex-wrap:wrap;gap:8px;padding:4px 15px 8px}
.app-news .nw-chip{background:var(--soft);border-radius:14px;padding:5px 12px;font-size:13px}
.app-news .nw-trend{display:flex;gap:12px;padding:10px 15px;font-size:15px;align-items:baseline}
.app-news .nw-trend b{color:#bbb;width:16px}
.app-news .nw-trend b.hot{color:var(--red)}
.app-news .nw-author{display:flex;gap:14px;padding:18px 16px 10px}
.app-news .nw-author-name{font-size:20px;font-weight:700;display:flex;align-items:center;gap:8px}
.app-news .nw-bio{font-size:14px;color:#666;margin-top:6px}
.app-news .nw-author-main{flex:1}
.app-news .nw-follow{border:0;border-radius:15px;background:var(--red);color:#fff;font-size:13px;font-weight:600;padding:6px 13px;flex:none}
.app-news .nw-follow.on{background:var(--soft);color:#888}
.app-news .nw-follow.wide{display:block;margin:4px 16px 8px;width:calc(100% - 32px);padding:9px;font-size:15px}
.app-news .nw-row{display:flex;gap:12px;align-items:center;padding:10px 15px;border-bottom:1px solid var(--line)}
.app-news .nw-row-main{flex:1;min-width:0}
.app-news .nw-bar-author{flex:1;display:flex;align-items:center;gap:7px;min-width:0}
.app-news .nw-bar-name{font-size:15px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.app-news .nw-read{flex:1;overflow-y:auto;padding:0 18px}
.app-news .nw-h1{font-size:23px;line-height:1.4;font-weight:700;margin:16px 0 10px}
.app-news .nw-p{font-size:17.5px;line-height:1.75;margin:0 0 16px;color:var(--fg)}
.app-news .nw-fig{margin:4px 0 18px}
.app-news .nw-img.wide{width:100%;height:190px}
.app-news .nw-fig figcaption{font-size:12px;color:var(--sub);text-align:center;margin-top:6px}
.app-news .nw-more{position:relative;padding:0 0 24px;text-align:center}
.app-news .nw-fade{position:absolute;left:0;right:0;top:-70px;height:70px;background:linear-gradient(rgba(255,255,255,0),var(--bg))}
.app-news .nw-morebtn{border:1px solid #f3b5b5;color:var(--red);background:#fff5f5;border-radius:18px;padding:9px 26px;font-size:15px}
.app-news .nw-endmark{text-align:center;color:var(--sub);font-size:13px;padding:8px 0 18px}
.app-news .nw-likes{display:flex;justify-content:center;gap:18px;padding-bottom:22px}
.app-news .nw-like{display:flex;align-items:center;gap:6px;border:1px solid #f3b5b5;background:var(--bg);color:var(--red);border-radius:22px;padding:9px 22px;font-size:15px}
.app-news .nw-like.on{background:var(--red);color:#fff;border-color:var(--red)}
.app-news .nw-like.ghost{border-color:#ddd;color:#555}
.app-news .nw-comment{display:flex;gap:10px;padding:12px 0;border-bottom:1px solid var(--line)}
.app-news .nw-comment.mine .nw-cm-user{color:var(--red)}
.app-news .nw-cm-main{flex:1}
.app-news .nw-cm-user{font-size:13px;color:#406599;font-weight:600}
.app-news .nw-cm-text{font-size:15px;margin:4px 0}
.app-news .nw-actionbar{display:flex;align-items:center;gap:6px;height:52px;padding:0 10px;border-top:1px solid var(--line);flex:none;background:var(--bg)}
.app-news .nw-cbox{flex:1;min-width:0;display:flex;align-items:center;gap:6px;height:34px;border-radius:17px;background:var(--soft);padding:0 12px}
.app-news .nw-abtn{position:relative;width:42px;height:42px;border:0;background:transparent;display:flex;align-items:center;justify-content:center}
.app-news .nw-abtn small{position:absolute;top:2px;right:-2px;background:var(--red);color:#fff;font-size:9px;border-radius:7px;padding:0 4px}
.app-news .nw-post{border:0;border-radius:16px;background:var(--red);color:#fff;padding:7px 16px;font-size:14px}
.app-news .nw-changrid{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;padding:6px 15px 14px}
.app-news .nw-chanchip{display:flex;flex-direction:column;align-items:center;justify-content:center;height:50px;border-radius:6px;background:var(--soft);font-size:14px}
.app-news .nw-chanchip small{font-size:11px;color:var(--sub)}
.app-news .nw-chanchip.on{color:var(--red)}
.app-news .nw-chanchip.off{color:#888}
`;
