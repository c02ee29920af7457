/** Notes CSS on top of the shared kit (warm paper tones, like common notes apps). */
import { kitCss } from '../settings/kit.js';

const s = '.app-notes';

export const css = kitCss('notes', '#e6a100') + `
${s}{--bg:#f7f5f0}
.dark ${s}{--bg:#121212}
${s} .bar-t.big{font-size:26px;font-weight:700}
${s} .search{display:flex;align-items:center;gap:8px;margin:0 14px 8px;padding:0 14px;height:42px;border-radius:21px;background:var(--chip);color:var(--sub);flex:none}
${s} .field.bare{border:0;padding:8px 0}
${s} .chips{padding:0 12px 8px;flex:none}
${s} .note{margin:8px 14px;padding:12px 14px;background:var(--card);border-radius:16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
${s} .note-t{font-size:16px;font-weight:600;display:flex;align-items:center;gap:4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${s} .pin{color:var(--acc);display:flex}
${s} .prev{font-size:14px;color:var(--sub);margin-top:4px;line-height:1.4;max-height:40px;overflow:hidden}
${s} .cl-prev{margin-top:4px;font-size:14px;color:var(--sub)}
${s} .cl-prev div{display:flex;align-items:center;gap:6px;line-height:20px}
${s} .cl-prev .done span{text-decoration:line-through}
${s} .meta{font-size:12px;color:var(--sub);margin-top:6px}
${s} .spacer{height:90px}
${s} .save{color:var(--acc)}
${s} .ed-meta{font-size:12px;color:var(--sub);padding:0 20px 6px}
${s} .field.title{font-size:24px;font-weight:600;margin:0 20px;width:calc(100% - 40px);border-bottom:0}
${s} .field.body{margin:6px 20px;width:calc(100% - 40px);min-height:280px;border-bottom:0;resize:none;line-height:1.55}
${s} .cl{padding:4px 16px}
${s} .cl-item{display:flex;align-items:center;gap:10px;min-height:40px;font-size:16px;color:var(--fg)}
${s} .cl-item .sx-ic{color:var(--acc)}
${s} .cl-item.done span{text-decoration:line-through;color:var(--sub)}
${s} .cl-add{display:flex;align-items:center;gap:10px;color:var(--sub)}
`;
