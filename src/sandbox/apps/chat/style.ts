/** Chat look: WeChat-like grey chrome, white list, green own bubbles; `.dark` supported. */
export const css = `
.app-chat{--bg:#ededed;--panel:#fff;--fg:#191919;--sub:#8c8c8c;--line:#e5e5e5;--green:#07c160;--mine:#95ec69;--theirs:#fff;--bar:#ededed;--tabs:#f7f7f7;background:var(--bg);color:var(--fg);font-family:-apple-system,"PingFang SC","WenQuanYi Micro Hei","Noto Sans",sans-serif}
.dark .app-chat{--bg:#111;--panel:#191919;--fg:#e6e6e6;--sub:#7d7d7d;--line:#2a2a2a;--mine:#3eb575;--theirs:#2c2c2c;--bar:#111;--tabs:#191919}
.app-chat .wx{display:flex;flex-direction:column;height:100%;position:relative}
.app-chat .sx-ic{display:block}
.app-chat .wx-bar{display:flex;align-items:center;height:48px;background:var(--bar);flex:none;padding:0 4px}
.app-chat .wx-bar-pad{width:84px}
.app-chat .wx-bar-title{flex:1;text-align:center;font-size:17px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.app-chat .wx-bar-right{width:84px;display:flex;justify-content:flex-end}
.app-chat .wx-back{display:flex;align-items:center;gap:2px;width:84px;height:44px;border:0;background:transparent;color:var(--fg);padding-left:6px}
.app-chat .wx-back-n{font-size:14px;background:#d9d9d9;border-radius:10px;padding:1px 7px}
.app-chat .wx-iconbtn{width:42px;height:42px;border:0;background:transparent;display:flex;align-items:center;justify-content:center;color:var(--fg);flex:none}
.app-chat .wx-body{flex:1;overflow-y:auto;background:var(--panel)}
.app-chat .wx-searchrow{padding:8px 10px;background:var(--bg)}
.app-chat .wx-searchpill{height:36px;border-radius:6px;background:var(--panel);display:flex;align-items:center;justify-content:center;gap:6px;color:var(--sub);font-size:15px}
.app-chat .wx-searchpill.field{justify-content:flex-start;padding-left:10px}
.app-chat .wx-row{display:flex;align-items:center;gap:12px;padding:0 0 0 14px;height:72px;background:var(--panel)}
.app-chat .wx-row.pinned{background:#f5f5f5}
.dark .app-chat .wx-row.pinned{background:#222}
.app-chat .wx-row.slim{height:58px}
.app-chat .wx-row-main{flex:1;min-width:0;height:100%;display:flex;flex-direction:column;justify-content:center;gap:5px;border-bottom:1px solid var(--line);padding-right:14px}
.app-chat .wx-row-top,.app-chat .wx-row-bot{display:flex;align-items:center;gap:8px}
.app-chat .wx-name{flex:1;font-size:16.5px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.app-chat .wx-row-main>.wx-name{flex:none}
.app-chat .wx-time{font-size:12px;color:#b2b2b2}
.app-chat .wx-preview{flex:1;font-size:14px;color:var(--sub);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.app-chat .wx-avwrap{position:relative;flex:none}
.app-chat .wx-av{flex:none;border-radius:6px;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:600}
.app-chat .wx-av.sq{width:40px;height:40px}
.app-chat .wx-av.add{width:52px;height:52px;border:1.5px dashed #c8c8c8;background:transparent}
.app-chat .wx-gav{display:flex;flex-wrap:wrap;gap:2px;padding:2px;background:#dcdcdc;border-radius:6px;align-content:center;justify-content:center;box-sizing:border-box}
.app-chat .wx-gcell{border-radius:2px;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:600}
.app-chat .wx-badge{position:absolute;top:-6px;right:-8px;min-width:18px;height:18px;padding:0 5px;border-radius:9px;background:#fa5151;color:#fff;font-size:11px;display:flex;align-items:center;justify-content:center;box-sizing:border-box}
.app-chat .wx-badge.tab{top:-4px;right:-12px}
.app-chat .wx-dot{position:absolute;top:-3px;right:-3px;width:10px;height:10px;border-radius:50%;background:#fa5151}
.app-chat .wx-dot.inline{position:static;margin-right:6px}
.app-chat .wx-end{height:40px;background:var(--panel)}
.app-chat .wx-letter{padding:6px 14px;font-size:13px;color:var(--sub);background:var(--bg)}
.app-chat .wx-foot,.app-chat .wx-hint,.app-chat .wx-empty{padding:22px;text-align:center;color:var(--sub);font-size:14px;background:var(--panel)}
.app-chat .wx-tabs{display:flex;height:56px;background:var(--tabs);border-top:1px solid var(--line);flex:none}
.app-chat .wx-tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;color:#181818;gap:1px}
.dark .app-chat .wx-tab{color:#ccc}
.app-chat .wx-tab.on{color:var(--green)}
.app-chat .wx-tab-ic{position:relative}
.app-chat .wx-group{margin-top:8px;background:var(--panel)}
.app-chat .wx-body>.wx-group:first-child{margin-top:0}
.app-chat .wx-body:has(.wx-group){background:var(--bg)}
.app-chat .wx-cell{display:flex;align-items:center;gap:14px;min-height:54px;padding:0 16px;border-bottom:1px solid var(--line);font-size:16px}
.app-chat .wx-cell-t{flex:1}
.app-chat .wx-cell-v{color:var(--sub);font-size:15px}
.app-chat .wx-cell.center{justify-content:center;gap:8px}
.app-chat .wx-cell.danger{justify-content:center;color:#fa5151}
.app-chat .wx-chev{color:#b2b2b2;font-size:22px}
.app-chat .wx-link{color:#576b95;font-weight:500}
.app-chat .wx-mehead{display:flex;align-items:center;gap:16px;padding:56px 20px 36px;background:var(--panel)}
.app-chat .wx-me-main{flex:1}
.app-chat .wx-me-name{font-size:21px;font-weight:600}
.app-chat .wx-me-id{font-size:14px;color:var(--sub);margin-top:6px}
.app-chat .wx-status{display:inline-block;margin-top:10px;border:1px solid var(--line);border-radius:12px;padding:2px 10px;font-size:12px;color:var(--sub)}
.app-chat .wx-sbar{display:flex;align-items:center;gap:8px;padding:8px 10px;background:var(--bg)}
.app-chat .wx-sfield{flex:1;display:flex;align-items:center;gap:6px;height:36px;background:var(--panel);border-radius:6px;padding-left:10px}
.app-chat .wx-input{flex:1;border:0;outline:0;background:transparent;font-size:16px;color:var(--fg);min-width:0}
.app-chat .wx-cancel{border:0;background:transparent;color:#576b95;font-size:16px}
.app-chat .wx-sect{padding:8px 14px;font-size:13px;color:var(--sub);background:var(--bg)}
.app-chat .wx-hl{font-style:normal;color:var(--green)}
.app-chat .wx-conv{flex:1;overflow-y:auto;display:flex;flex-direction:column-reverse;background:var(--bg)}
.app-chat .wx-conv-inner{padding:6px 0 14px}
.app-chat .wx-sep{text-align:center;font-size:12px;color:#b2b2b2;padding:10px 0 4px}
.app-chat .wx-msg{display:flex;align-items:flex-start;gap:10px;padding:7px 12px}
.app-chat .wx-msg.me{flex-direction:row-reverse}
.app-chat .wx-msg-col{display:flex;flex-direction:column;max-width:250px}
.app-chat .wx-msg.me .wx-msg-col{align-items:flex-end}
.app-chat .wx-sender{font-size:12px;color:var(--sub);margin:0 0 3px 2px}
.app-chat .wx-bubble{position:relative;padding:9px 11px;border-radius:5px;background:var(--theirs);font-size:16px;line-height:1.42;word-break:break-word}
.app-chat .wx-msg.me .wx-bubble{background:var(--mine)}
.app-chat .wx-bubble::before{content:"";position:absolute;top:13px;left:-5px;border:5px solid transparent;border-left:0;border-right-color:var(--theirs)}
.app-chat .wx-msg.me .wx-bubble::before{left:auto;right:-5px;border-right:0;border-left:5px solid var(--mine)}
.app-chat .wx-bubble.sticker{background:transparent!important;padding:0}
.app-chat .wx-bubble.sticker::before{display:none}
.app-chat .emo-svg{display:inline-block;vertical-align:-4px;margin:0 1px}
.app-chat .wx-compose{display:flex;align-items:center;gap:4px;padding:7px 6px;background:#f7f7f7;border-top:1px solid var(--line);flex:none}
.dark .app-chat .wx-compose{background:#1e1e1e}
.app-chat .wx-input.boxed{background:var(--panel);border-radius:5px;height:38px;padding:0 8px}
.app-chat .wx-send{border:0;border-radius:5px;background:var(--green);color:#fff;font-size:15px;padding:8px 13px;flex:none}
.app-chat .wx-send.off{background:#e1e1e1;color:#b2b2b2}
.app-chat .wx-emoji{background:#f7f7f7;border-top:1px solid var(--line);padding:8px 10px 10px;flex:none}
.app-chat .wx-emoji-t{font-size:12px;color:var(--sub);padding:2px 6px 6px}
.app-chat .wx-emoji-grid{display:grid;grid-template-columns:repeat(8,1fr);gap:10px 0;justify-items:center}
.app-chat .wx-emo{width:38px;height:38px;display:flex;align-items:center;justify-content:center}
.app-chat .wx-emoji-bar{display:flex;justify-content:flex-end;gap:8px;padding-top:8px}
.app-chat .wx-emo-del{border:0;border-radius:5px;background:#fff;width:52px;font-size:18px}
.app-chat .wx-fwd-msg{padding:8px 14px;font-size:13px;color:var(--sub);background:var(--bg);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.app-chat .wx-members{display:grid;grid-template-columns:repeat(5,1fr);gap:14px 4px;padding:16px 10px;background:var(--panel)}
.app-chat .wx-member{display:flex;flex-direction:column;align-items:center;gap:5px;font-size:12px;color:var(--sub);text-align:center;overflow:hidden}
.app-chat .wx-member span{max-width:62px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.app-chat .wx-switch{width:50px;height:30px;border-radius:15px;background:#e5e5e5;position:relative;flex:none}
.app-chat .wx-switch span{position:absolute;top:2px;left:2px;width:26px;height:26px;border-radius:50%;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.3)}
.app-chat .wx-switch.on{background:var(--green)}
.app-chat .wx-switch.on span{left:22px}
.app-chat .wx-prof{display:flex;gap:16px;align-items:flex-start;padding:24px 20px 28px;background:var(--panel)}
.app-chat .wx-prof-name{font-size:21px;font-weight:600}
.app-chat .wx-mute{flex:none}
`;
