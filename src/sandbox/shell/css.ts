/**
 * The shell's CSS. Layout in CSS px on a 360x800 screen (x3 = 1080x2400 device px). Apps may use
 * the variables (--bg, --fg, --fg2, --card, --line, --accent) so dark mode works for free.
 * Transitions, animations, carets and scrollbars are off: same state -> same pixels.
 */
import { KEYBOARD_H } from './keyboard.js';
import { NAV_BAR_H, STATUS_BAR_H } from './statusbar.js';

export const SCREEN_W = 360;
export const SCREEN_H = 800;
export const APP_H = SCREEN_H - STATUS_BAR_H - NAV_BAR_H;

export const SHELL_CSS = `
*,*::before,*::after{box-sizing:border-box;transition:none!important;animation:none!important;caret-color:transparent!important;-webkit-tap-highlight-color:transparent}
::-webkit-scrollbar{display:none}
html,body{margin:0;padding:0;width:${SCREEN_W}px;height:${SCREEN_H}px;overflow:hidden;background:#000}
body{font-family:Roboto,"Liberation Sans","WenQuanYi Micro Hei","Noto Sans CJK SC",Arial,sans-serif;font-size:14px;-webkit-font-smoothing:antialiased;user-select:none;touch-action:none}
button{font:inherit;color:inherit;background:none;border:0;padding:0;margin:0;cursor:pointer}
input,textarea{font:inherit;color:inherit;outline:none}
.phone{--bg:#fff;--fg:#1b1b1f;--fg2:#6b6b73;--card:#f4f5f7;--line:#e6e6ea;--accent:#1a73e8;--sb-fg:#1b1b1f;--sb-bg:var(--bg);--nb-bg:var(--bg);
  position:relative;width:${SCREEN_W}px;height:${SCREEN_H}px;overflow:hidden;background:var(--bg);color:var(--fg)}
.phone.dark{--bg:#121316;--fg:#e8e8ec;--fg2:#9a9aa3;--card:#1f2024;--line:#2c2d33;--accent:#8ab4f8;--sb-fg:#f1f1f4;color-scheme:dark}
.fg-home,.fg-recents{--sb-fg:#fff;--sb-bg:transparent;--nb-bg:transparent}
.fg-home .nb,.fg-recents .nb{color:#fff}
.sb{position:absolute;left:0;top:0;width:100%;height:${STATUS_BAR_H}px;z-index:50;display:flex;align-items:center;gap:5px;padding:0 14px 0 18px;
  color:var(--sb-fg);background:var(--sb-bg);font-size:13.5px;font-weight:600;letter-spacing:.1px}
.sb-fill{flex:1}.sb-i{display:flex;align-items:center}.sb-pct{margin-left:-1px}
.nb{position:absolute;left:0;bottom:0;width:100%;height:${NAV_BAR_H}px;z-index:50;display:flex;justify-content:space-around;align-items:center;background:var(--nb-bg);color:var(--nb-fg,var(--fg))}
.kb-open .nb{background:#e8eaed;color:#202124}.dark.kb-open .nb{background:#202124;color:#e8eaed}
.nb-b{width:72px;height:${NAV_BAR_H}px;display:flex;align-items:center;justify-content:center;opacity:.85}
.app{position:absolute;left:0;top:${STATUS_BAR_H}px;width:100%;height:${APP_H}px;display:flex;flex-direction:column;overflow:hidden;background:var(--bg);color:var(--fg)}
.kb-open .app{height:${APP_H - KEYBOARD_H}px}
.scroll{flex:1 1 auto;min-height:0;overflow-y:auto;overflow-x:hidden}
.hscroll{display:flex;overflow-x:auto;overflow-y:hidden;flex-shrink:0}
.ic{display:block;width:56px;height:56px;border-radius:15px;overflow:hidden;filter:drop-shadow(0 1px 2px rgba(0,0,0,.25))}
.ic svg{display:block;width:100%;height:100%}
.home,.recents{position:absolute;inset:0;padding:${STATUS_BAR_H}px 0 ${NAV_BAR_H}px;color:#fff;
  background:linear-gradient(172deg,#18305e 0%,#2c4a8a 34%,#4d4d96 62%,#7a5a98 84%,#93608f 100%)}
.widget{display:flex;justify-content:space-between;align-items:flex-start;padding:22px 22px 0 24px;height:148px}
.w-time{font-size:66px;font-weight:300;line-height:1;letter-spacing:-1px}
.w-date{font-size:15px;margin-top:10px;opacity:.92}
.w-weather{text-align:right;padding-top:8px}.w-weather svg{display:inline-block}
.w-temp{font-size:30px;font-weight:400;line-height:1.1}.w-city{font-size:13.5px;opacity:.92;margin-top:2px}
.hs{display:flex;align-items:center;gap:10px;margin:0 18px;height:46px;border-radius:23px;padding:0 16px;background:rgba(255,255,255,.94);color:#5f6368}
.hs-in{flex:1;min-width:0;border:0;background:transparent;font-size:15px;color:#202124;height:100%;padding:0}
.hs-in::placeholder{color:#70757a}.hs-mic{color:#4285f4;display:flex}
.grid{display:grid;grid-template-columns:repeat(4,1fr);row-gap:14px;padding:30px 8px 0;height:424px;align-content:start}
.hi{display:flex;flex-direction:column;align-items:center;gap:6px;cursor:pointer}
.hi-l{font-size:12.5px;color:#fff;text-shadow:0 1px 2px rgba(0,0,0,.45);max-width:84px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.dots{display:flex;justify-content:center;gap:7px;height:14px;align-items:center}
.dots i{width:6px;height:6px;border-radius:3px;background:rgba(255,255,255,.45)}.dots i.on{width:16px;background:#fff}
.dock{position:absolute;left:14px;right:14px;bottom:${NAV_BAR_H + 14}px;height:80px;border-radius:28px;background:rgba(255,255,255,.2);display:flex;justify-content:space-around;align-items:center}
.home-search{display:flex;flex-direction:column;height:100%;padding-top:12px;background:rgba(20,24,40,.35)}
.home-search .hs{flex-shrink:0}
.sr-h{font-size:13px;opacity:.8;padding:18px 24px 6px}
.sr-list{padding:0 12px}
.sr{display:flex;align-items:center;gap:14px;padding:8px 12px;border-radius:14px}
.sr-ic{width:40px;height:40px;border-radius:11px}.sr-l{font-size:15.5px}
.sr-empty{padding:24px 12px;opacity:.85;font-size:14px}
.kb-open .home-search{padding-bottom:${KEYBOARD_H}px}
.recents{background:#2b2d33}
.rc-list{height:600px;padding:36px 48px 0;gap:22px;scroll-snap-type:none}
.rc{flex:0 0 250px;display:flex;flex-direction:column;gap:10px}
.rc-h{display:flex;align-items:center;justify-content:center;gap:8px;height:30px}
.rc-ic{width:26px;height:26px;border-radius:7px;filter:none}.rc-l{font-size:14px;font-weight:500}
.rc-prev{position:relative;width:250px;height:502px;border-radius:18px;overflow:hidden;pointer-events:none;background:var(--bg)}
.rc-app.app{top:0;width:${SCREEN_W}px;height:${APP_H}px;transform:scale(.6944);transform-origin:0 0}
.rc-clear{position:absolute;left:50%;bottom:${NAV_BAR_H + 28}px;transform:translateX(-50%);padding:9px 22px;border-radius:20px;background:rgba(255,255,255,.16);font-size:14px}
.rc-empty{text-align:center;margin-top:320px;opacity:.8;font-size:15px}
.kb{position:absolute;left:0;bottom:${NAV_BAR_H}px;width:100%;height:${KEYBOARD_H}px;z-index:60;background:#e8eaed;color:#202124;padding:0 3px 6px;display:flex;flex-direction:column}
.dark .kb{background:#202124;color:#e8eaed}
.kb-bar{height:42px;display:flex;align-items:center;justify-content:space-around;padding:0 24px;color:#5f6368}
.kb-row{display:flex;gap:0;height:52px;padding:3px 0}
.kb-row2{padding-left:17px;padding-right:17px}
.kb-k{flex:1 1 0;margin:0 2.6px;border-radius:6px;background:#fff;font-size:21px;display:flex;align-items:center;justify-content:center;box-shadow:0 1px 0 rgba(0,0,0,.18)}
.dark .kb-k{background:#3c4043}
.kb-fn{background:#d2d6dc;font-size:14px;font-weight:500}.dark .kb-fn{background:#2d2f31}
.kb-wide{flex:1.5 1 0}.kb-mid{flex:1.4 1 0}.kb-spacebar{flex:4.6 1 0;background:#fff}.dark .kb-spacebar{background:#3c4043}
.kb-space{font-size:12.5px;color:#80868b;font-weight:400}
.kb-enter{background:#c2e7ff}.dark .kb-enter{background:#004a77}
.ov{position:absolute;left:0;top:0;width:100%;height:${SCREEN_H - NAV_BAR_H}px;z-index:70}
.ov-scrim{position:absolute;inset:0;background:rgba(0,0,0,.42)}
.dlg{position:absolute;left:32px;right:32px;top:50%;transform:translateY(-50%);background:var(--bg);color:var(--fg);border-radius:26px;padding:22px 22px 12px}
.dlg-t{font-size:19px;font-weight:500;line-height:1.35}
.dlg-b{font-size:14.5px;color:var(--fg2);margin-top:12px;line-height:1.5;white-space:pre-line}
.dlg-bs{display:flex;justify-content:flex-end;gap:4px;margin-top:18px}
.dlg-btn{padding:10px 14px;border-radius:18px;font-size:14.5px;font-weight:500;color:var(--accent)}
.dlg-btn-danger{color:#d93025}.dlg-btn-primary{background:var(--accent);color:#fff}
.menu{position:absolute;left:50%;top:50%;transform:translate(-50%,-50%);min-width:220px;max-width:300px;background:var(--bg);color:var(--fg);border-radius:14px;padding:6px 0;box-shadow:0 6px 24px rgba(0,0,0,.3)}
.menu-t{font-size:13px;color:var(--fg2);padding:10px 20px 6px}
.menu-i,.sheet-i{display:block;width:100%;text-align:left;padding:13px 20px;font-size:15.5px}
.menu-i-danger,.sheet-i-danger{color:#d93025}.sheet-i-primary{color:var(--accent);font-weight:500}
.sheet{position:absolute;left:0;right:0;bottom:0;background:var(--bg);color:var(--fg);border-radius:24px 24px 0 0;padding:6px 0 14px}
.sheet-grip{width:36px;height:4px;border-radius:2px;background:var(--line);margin:4px auto 8px}
.sheet-t{font-size:15px;font-weight:600;padding:8px 20px 10px}
.toast{position:absolute;left:0;right:0;bottom:${NAV_BAR_H + 70}px;z-index:80;display:flex;justify-content:center;pointer-events:none}
.kb-open .toast{bottom:${NAV_BAR_H + KEYBOARD_H + 18}px}
.toast span{max-width:300px;padding:10px 18px;border-radius:20px;background:rgba(40,40,44,.92);color:#fff;font-size:14px;line-height:1.4;text-align:center}
.crash{padding:40px 28px}.crash-t{font-size:19px;font-weight:500}.crash-b{margin-top:12px;color:var(--fg2);font-size:13px;word-break:break-all}
`;
