/** Clock CSS on top of the shared kit. */
import { kitCss } from '../settings/kit.js';

const s = '.app-clock';

export const css = kitCss('clock', '#3c6df0') + `
${s} .next{padding:2px 20px 12px;color:var(--sub);font-size:14px}
${s} .alarm{display:flex;align-items:center;margin:8px 12px;padding:14px 18px;background:var(--card);border-radius:20px}
${s} .alarm-main{flex:1;min-width:0}
${s} .alarm-time{font-size:40px;font-weight:300;letter-spacing:.5px;color:var(--sub)}
${s} .alarm.on .alarm-time{color:var(--fg)}
${s} .alarm-sub{font-size:13px;color:var(--sub);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${s} .alarm-label{color:var(--fg);font-weight:500}
${s} .spacer{height:90px}
${s} .fab{bottom:84px}
${s} .save{color:var(--acc);font-weight:600;font-size:16px;padding:10px 16px}
${s} .ed-sect{font-size:13px;color:var(--sub);padding:12px 20px 6px}
${s} .days{display:flex;justify-content:space-between;padding:0 18px}
${s} .day{width:38px;height:38px;border-radius:19px;border:1px solid var(--line);display:flex;align-items:center;justify-content:center;font-size:14px;font-weight:600;color:var(--sub)}
${s} .day.sel{background:var(--acc);border-color:var(--acc);color:#fff}
${s} .ed-row{display:flex;align-items:center;gap:14px;padding:10px 20px;color:var(--sub)}
${s} .ed-row .field{color:var(--fg)}
${s} .ed-t{flex:1;color:var(--fg);font-size:16px}
${s} .ed-s{font-size:13px;color:var(--sub)}
${s} .btn.danger{gap:8px}
${s} .home-clock{padding:8px 20px 18px}
${s} .hc-time{font-size:64px;font-weight:300}
${s} .hc-date{color:var(--sub);font-size:14px}
${s} .city{display:flex;align-items:center;margin:8px 12px;padding:16px 18px;background:var(--card);border-radius:20px}
${s} .city-main{flex:1}
${s} .city-n{font-size:18px}
${s} .city-s{font-size:13px;color:var(--sub);margin-top:2px}
${s} .city-t{font-size:32px;font-weight:300}
${s} .search{display:flex;align-items:center;gap:8px;margin:0 12px 8px;padding:0 14px;height:44px;border-radius:22px;background:var(--card);color:var(--sub)}
${s} .field.bare{border:0;padding:8px 0}
${s} .tm-entry{text-align:center;font-size:46px;font-weight:300;color:var(--sub);padding:18px 0 8px}
${s} .tm-entry.has{color:var(--acc)}
${s} .tm-entry small{font-size:18px;margin-right:6px}
${s} .presets{display:flex;flex-wrap:wrap;justify-content:center;gap:6px 0;padding:0 10px 6px}
${s} .keypad{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;padding:8px 40px}
${s} .key{height:56px;border-radius:28px;background:var(--card);display:flex;align-items:center;justify-content:center;font-size:26px}
${s} .round-btn{width:76px;height:76px;border-radius:26px;background:var(--acc);display:flex;align-items:center;justify-content:center}
${s} .round-btn.start{margin:12px auto 0}
${s} .ring{margin:24px auto 18px;width:240px;height:240px;border-radius:120px;border:8px solid var(--chip);display:flex;flex-direction:column;align-items:center;justify-content:center;box-sizing:border-box}
${s} .ring.run{border-color:var(--acc)}
${s} .ring-t{font-size:40px;font-weight:300}
${s} .ring-s{font-size:14px;color:var(--acc);margin-top:4px}
${s} .tm-btns{display:flex;align-items:center;justify-content:center;gap:22px}
${s} .pill-btn{min-width:72px;height:44px;border-radius:22px;background:var(--chip);display:flex;align-items:center;justify-content:center;font-size:15px}
${s} .lap{display:flex;justify-content:space-between;padding:12px 40px;border-bottom:1px solid var(--line);font-size:15px}
`;
