/** Settings-specific CSS on top of the shared kit. */
import { kitCss, levelCss } from './kit.js';

const s = '.app-settings';

export const css = kitCss('settings', '#1a73e8') + levelCss('settings') + `
${s} .search-pill{display:flex;align-items:center;gap:10px;height:46px;margin:4px 12px 8px;padding:0 16px;border-radius:23px;background:var(--card);color:var(--sub);font-size:15px}
${s} .acct{display:flex;align-items:center;gap:14px;padding:14px 16px}
${s} .avatar{width:48px;height:48px;border-radius:24px;background:linear-gradient(135deg,#5b8def,#7c5cf0);color:#fff;font-size:22px;font-weight:600;display:flex;align-items:center;justify-content:center}
${s} .row.noline{border-bottom:0;min-height:44px}
${s} .row.master{min-height:60px}
${s} .row.master .row-t{font-size:17px;font-weight:600}
${s} .sig{position:relative;color:var(--fg);display:flex}
${s} .sig-lock{position:absolute;right:-4px;bottom:-2px;color:var(--fg)}
${s} .hint{font-size:13px;color:var(--sub);padding:10px 20px}
${s} .hero{display:flex;flex-direction:column;align-items:center;padding:20px 0 10px;color:var(--acc)}
${s} .hero-t{font-size:22px;font-weight:600;color:var(--fg);margin-top:8px}
${s} .hero-s{font-size:14px;color:var(--sub);margin-top:2px}
${s} .pair-btns{display:flex;justify-content:center;gap:16px;padding:8px 0 6px}
${s} .pbtn{display:flex;flex-direction:column;align-items:center;gap:4px;width:96px;padding:10px 0;border-radius:14px;background:var(--card);font-size:13px;color:var(--acc)}
${s} .scroll.dim{filter:blur(1px)}
${s} .scrim{position:absolute;inset:0;background:rgba(0,0,0,.38)}
${s} .dlg{position:absolute;left:24px;right:24px;top:170px;background:var(--card);border-radius:24px;padding:22px 22px 12px;box-shadow:0 8px 30px rgba(0,0,0,.3)}
${s} .dlg-t{font-size:20px;font-weight:600}
${s} .dlg-s{font-size:13px;color:var(--sub);margin:4px 0 12px}
${s} .dlg-err{color:#e5484d;font-size:13px;margin-top:6px}
${s} .dlg-chk{display:flex;align-items:center;gap:8px;margin:14px 0 4px;font-size:14px;color:var(--fg)}
${s} .dlg-chk .sx-ic{color:var(--acc)}
${s} .dlg-btns{display:flex;justify-content:flex-end;gap:6px;margin-top:10px}
${s} .dlg-b{padding:10px 16px;border-radius:20px;color:var(--acc);font-weight:600;font-size:15px}
${s} .dlg-b.pri{background:var(--acc);color:#fff}
${s} .preview{padding:16px}
${s} .preview p{margin:6px 0 0;line-height:1.45}
${s} .batt{padding:18px 20px}
${s} .batt-pct{font-size:40px;font-weight:600}
${s} .batt-sub{font-size:14px;color:var(--sub);margin:2px 0 12px}
${s} .batt-bar{height:10px;border-radius:5px;background:var(--chip);overflow:hidden}
${s} .batt-bar>div{height:100%;border-radius:5px}
${s} .usage-bar{width:70px;height:6px;border-radius:3px;background:var(--chip);overflow:hidden}
${s} .usage-bar>div{height:100%;background:var(--acc)}
${s} .search-box{display:flex;align-items:center;gap:8px;margin:0 12px 6px;padding:0 14px;height:44px;border-radius:22px;background:var(--card);color:var(--sub)}
${s} .field.bare{border:0;padding:8px 0}
${s} .app-tile{width:64px;height:64px;border-radius:18px;background:linear-gradient(135deg,#34a853,#1a73e8);color:#fff;font-size:28px;font-weight:700;display:flex;align-items:center;justify-content:center}
${s} .stor{padding:14px 16px}
${s} .stor-t{font-size:15px;margin-bottom:8px}
${s} .stor .row-s{margin-top:6px}
`;
