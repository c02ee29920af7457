/** Calendar CSS on top of the shared kit. */
import { kitCss } from '../settings/kit.js';

const s = '.app-calendar';

export const css = kitCss('calendar', '#1a73e8') + `
${s} .today-btn{width:26px;height:26px;border:2px solid var(--fg);border-radius:6px;display:flex;align-items:center;justify-content:center;font-size:12px;font-weight:700;margin:0 10px 0 6px}
${s} .wk{display:grid;grid-template-columns:repeat(7,1fr);padding:0 6px;font-size:12px;color:var(--sub);text-align:center;height:22px;align-items:center}
${s} .grid{display:grid;grid-template-columns:repeat(7,1fr);padding:0 6px 6px;row-gap:2px}
${s} .cell{height:52px;display:flex;flex-direction:column;align-items:center;border-radius:12px;padding-top:4px;box-sizing:border-box}
${s} .cell .num{width:28px;height:24px;line-height:24px;text-align:center;font-size:15px;border-radius:12px}
${s} .cell .sub{font-size:9px;color:var(--sub);height:12px;line-height:12px;white-space:nowrap;overflow:hidden;max-width:46px}
${s} .cell .sub.hol{color:#d93025;font-weight:600}
${s} .cell .dots{display:flex;gap:2px;height:6px;margin-top:2px}
${s} .cell .dots i{width:5px;height:5px;border-radius:3px;display:block}
${s} .cell.out{opacity:.3}
${s} .cell.today .num{color:var(--acc);font-weight:700}
${s} .cell.sel{background:color-mix(in srgb,var(--acc) 14%,transparent)}
${s} .cell.sel .num{background:var(--acc);color:#fff;font-weight:700}
${s} .agenda-h{padding:10px 20px 6px;font-size:14px;font-weight:600;color:var(--sub);border-top:1px solid var(--line)}
${s} .hol-chip{display:flex;align-items:center;gap:8px;margin:4px 14px;padding:8px 12px;border-radius:12px;background:#fde7e6;color:#b3261e;font-size:14px;font-weight:600}
${s} .ev{display:flex;gap:12px;margin:6px 14px;padding:10px 12px;background:var(--card);border-radius:14px}
${s} .ev-bar{width:4px;border-radius:2px;flex:none}
${s} .ev-main{min-width:0}
${s} .ev-t{font-size:15px;font-weight:500;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${s} .ev-s{font-size:13px;color:var(--sub);margin-top:2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${s} .empty.small{padding:18px}
${s} .spacer{height:84px}
${s} .save{color:var(--acc);font-weight:600;font-size:16px;padding:10px 16px}
${s} .ed-title{padding:4px 20px 10px;background:var(--card)}
${s} .field.big{font-size:22px}
${s} .det-h{display:flex;gap:16px;padding:8px 20px 18px}
${s} .det-sq{width:18px;height:18px;border-radius:5px;margin-top:8px;flex:none}
${s} .det-t{font-size:24px;line-height:1.3}
${s} .det-s{font-size:14px;color:var(--sub);margin-top:4px}
${s} .pick-h{display:flex;align-items:center;justify-content:space-between;padding:4px 10px}
${s} .pick-t{font-size:18px;font-weight:600}
`;
