/** Ride actions: search and pick places, choose a class, book, cancel with a reason. */
import type { ActCtx } from '../../framework.js';
import { CANCEL_REASONS, CLASSES, activeTrip, addTrip, classById, place, type ClassId, type RideState } from './data.js';

type A = ActCtx<RideState>;

function clockLabel(ctx: A): string {
  return ctx.system.clock.replace('T', ' ');
}

export const ACTIONS: Record<string, (ctx: A, arg: string) => void> = {
  tab(ctx, arg) {
    ctx.resetTo(arg === 'trips' || arg === 'me' ? arg : 'home');
  },
  back(ctx) {
    ctx.focus(null);
    ctx.pop();
  },
  notice(ctx, arg) {
    ctx.toast(arg);
  },
  openSearch(ctx, arg) {
    ctx.setField('q', '');
    ctx.focus('q');
    ctx.push('search', { which: arg === 'pickup' ? 'pickup' : 'dest' });
  },
  /** arg "pickup:<placeId>" or "dest:<placeId>". */
  pickPlace(ctx, arg) {
    const [which, id] = arg.split(':');
    place(ctx.s, id);
    ctx.focus(null);
    ctx.setField('q', '');
    if (which === 'pickup') {
      ctx.s.pickup = id;
      ctx.pop();
      return;
    }
    ctx.s.dest = id;
    // Changing the destination from the confirm screen returns to it instead of stacking another.
    const stack = ctx.system.stacks.ride ?? [];
    if (stack.length >= 2 && stack[stack.length - 2].name === 'confirm') ctx.pop();
    else ctx.replace('confirm');
  },
  goDest(ctx, arg) {
    place(ctx.s, arg);
    ctx.s.dest = arg;
    ctx.push('confirm');
  },
  selectClass(ctx, arg) {
    ctx.s.cls = classById(arg).id;
  },
  book(ctx) {
    const s = ctx.s;
    const live = activeTrip(s);
    if (live) {
      ctx.dialog('您有进行中的行程', `请先完成或取消当前行程（${place(s, live.dest).name}）再叫车。`, [
        { label: '查看行程', action: 'openTrip', arg: live.id, style: 'primary' },
        { label: '知道了' },
      ]);
      return;
    }
    if (!s.dest) {
      ctx.toast('请先选择目的地');
      return;
    }
    if (s.dest === s.pickup) {
      ctx.toast('上车点和目的地相同，请重新选择');
      return;
    }
    const trip = addTrip(s, s.pickup, s.dest, s.cls as ClassId, 'active', clockLabel(ctx));
    // A fresh trip starts from the user's current position next time.
    s.pickup = s.current;
    s.dest = null;
    s.cls = CLASSES[0].id;
    ctx.resetTo('assigned', { trip: trip.id });
    ctx.toast(`已为您叫到${classById(trip.cls).name}，司机正在赶来`);
  },
  openTrip(ctx, arg) {
    if (!ctx.s.trips.some((t) => t.id === arg)) throw new Error(`ride: no trip "${arg}"`);
    ctx.push('assigned', { trip: arg });
  },
  askCancel(ctx, arg) {
    ctx.sheet(
      [...CANCEL_REASONS.map((r) => ({ label: r, action: 'cancelTrip', arg: `${arg}|${r}` })), { label: '暂不取消 Keep my ride' }],
      '请选择取消原因 Why are you cancelling?',
    );
  },
  /** arg "<tripId>|<reason>". */
  cancelTrip(ctx, arg) {
    const [id, reason] = arg.split('|');
    const t = ctx.s.trips.find((x) => x.id === id);
    if (!t || t.status !== 'active') {
      ctx.toast('该行程无法取消');
      return;
    }
    t.status = 'cancelled';
    t.reason = reason;
    ctx.resetTo('home');
    ctx.toast('行程已取消');
  },
};
