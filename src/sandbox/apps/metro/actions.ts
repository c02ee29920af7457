/** Metro actions: choose stations, search routes, avoid lines, save, browse lines and places. */
import type { ActCtx } from '../../framework.js';
import { nearestStations, type MetroState } from './data.js';
import { line, station } from './network.js';

type A = ActCtx<MetroState>;

function showResult(ctx: A): void {
  const s = ctx.s;
  s.avoid = [];
  s.recent = [{ from: s.from!, to: s.to! }, ...s.recent.filter((r) => r.from !== s.from || r.to !== s.to)].slice(0, 6);
  ctx.push('result');
}

export const ACTIONS: Record<string, (ctx: A, arg: string) => void> = {
  tab(ctx, arg) {
    ctx.resetTo(['lines', 'nearby', 'saved'].includes(arg) ? arg : 'home');
  },
  back(ctx) {
    ctx.focus(null);
    ctx.pop();
  },
  notice(ctx, arg) {
    ctx.toast(arg);
  },
  pick(ctx, arg) {
    ctx.setField('stq', '');
    ctx.focus('stq');
    ctx.push('picker', { which: arg === 'to' ? 'to' : 'from' });
  },
  /** arg "from:<stationId>" or "to:<stationId>". */
  choose(ctx, arg) {
    const [which, id] = arg.split(':');
    station(id);
    if (which === 'to') ctx.s.to = id;
    else ctx.s.from = id;
    ctx.focus(null);
    ctx.setField('stq', '');
    ctx.pop();
  },
  swap(ctx) {
    const s = ctx.s;
    [s.from, s.to] = [s.to, s.from];
  },
  search(ctx) {
    const s = ctx.s;
    if (!s.from || !s.to) return ctx.toast('请先选择起点和终点 Choose both stations');
    if (s.from === s.to) return ctx.toast('起点和终点相同 Same station');
    showResult(ctx);
  },
  recent(ctx, arg) {
    const r = ctx.s.recent[Number(arg)];
    if (!r) return;
    ctx.s.from = r.from;
    ctx.s.to = r.to;
    showResult(ctx);
  },
  toggleAvoid(ctx, arg) {
    line(arg);
    const a = ctx.s.avoid;
    ctx.s.avoid = a.includes(arg) ? a.filter((x) => x !== arg) : [...a, arg];
  },
  save(ctx) {
    const s = ctx.s;
    if (!s.from || !s.to) return;
    const i = s.saved.findIndex((t) => t.from === s.from && t.to === s.to);
    if (i >= 0) {
      s.saved.splice(i, 1);
      ctx.toast('已取消收藏');
    } else {
      s.saved.push({ from: s.from, to: s.to });
      ctx.toast('已收藏路线 Route saved');
    }
  },
  openSaved(ctx, arg) {
    const t = ctx.s.saved[Number(arg)];
    if (!t) return;
    ctx.s.from = t.from;
    ctx.s.to = t.to;
    ctx.s.avoid = [];
    ctx.push('result');
  },
  unsave(ctx, arg) {
    ctx.s.saved.splice(Number(arg), 1);
    ctx.toast('已删除');
  },
  openLine(ctx, arg) {
    line(arg);
    ctx.push('lineMap', { line: arg });
  },
  openPlace(ctx, arg) {
    ctx.focus(null);
    ctx.push('place', { place: arg });
  },
  routeTo(ctx, arg) {
    ctx.s.to = nearestStations(ctx.s, arg, 1)[0].station.id;
    ctx.resetTo('home');
  },
};
