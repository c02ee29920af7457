/** News actions: channel tabs, search, reading progress, like, bookmark, follow, comments. */
import type { ActCtx } from '../../framework.js';
import { TABS, type TabId } from './content.js';
import { PAGES, articleById, authorById, type Article, type NewsState } from './data.js';

type Ctx = ActCtx<NewsState>;

function need(ctx: Ctx, id: string): Article {
  const a = articleById(ctx.s, id);
  if (!a) throw new Error(`news: no article "${id}"`);
  return a;
}

function toggle(list: string[], id: string): boolean {
  const i = list.indexOf(id);
  if (i >= 0) list.splice(i, 1); else list.push(id);
  return i < 0;
}

export const actions: Record<string, (ctx: Ctx, arg: string) => void> = {
  tab(ctx, t) {
    if ((TABS as readonly string[]).includes(t)) ctx.s.tab = t as TabId;
  },
  /** The channel page lists every channel, also those scrolled out of the tab strip. */
  channels(ctx) { ctx.push('channels'); },
  pickChannel(ctx, t) {
    if ((TABS as readonly string[]).includes(t)) ctx.s.tab = t as TabId;
    ctx.pop();
  },
  nav(ctx, where) {
    if (where === 'home' || where === 'me') ctx.s.nav = where;
    else ctx.toast('Video needs a network connection');
  },
  back(ctx) {
    ctx.focus(null);
    ctx.pop();
  },
  publish(ctx) { ctx.toast('Sign in to publish'); },
  openSearch(ctx) {
    ctx.setField('q', '');
    ctx.push('search');
    ctx.focus('q');
  },
  search(ctx) {
    const q = ctx.field('q').trim();
    if (!q) { ctx.toast('Enter a keyword'); return; }
    ctx.s.searches = [q, ...ctx.s.searches.filter((x) => x !== q)].slice(0, 8);
    ctx.focus(null);
    ctx.replace('search', { submitted: true });
  },
  openArticle(ctx, id) {
    need(ctx, id);
    ctx.s.read[id] ??= { page: 1, finished: PAGES <= 1 };
    ctx.focus(null);
    ctx.setField('comment', '');
    ctx.push('article', { id });
  },
  /** Reveal the next page of the body; revealing the last one reaches the end of the article. */
  readMore(ctx, id) {
    need(ctx, id);
    const r = (ctx.s.read[id] ??= { page: 1, finished: false });
    r.page = Math.min(PAGES, r.page + 1);
    r.finished = r.page >= PAGES;
  },
  toggleLike(ctx, id) {
    need(ctx, id);
    toggle(ctx.s.liked, id);
  },
  toggleBookmark(ctx, id) {
    need(ctx, id);
    ctx.toast(toggle(ctx.s.bookmarked, id) ? 'Saved to bookmarks' : 'Removed from bookmarks');
  },
  toggleFollow(ctx, authorId) {
    const a = authorById(ctx.s, authorId);
    if (!a) throw new Error(`news: no author "${authorId}"`);
    ctx.toast(toggle(ctx.s.following, authorId) ? `Following ${a.name}` : `Unfollowed ${a.name}`);
  },
  openAuthor(ctx, authorId) {
    if (!authorById(ctx.s, authorId)) throw new Error(`news: no author "${authorId}"`);
    ctx.focus(null);
    ctx.push('author', { id: authorId });
  },
  postComment(ctx) {
    const text = ctx.field('comment').trim();
    const a = need(ctx, String(ctx.screen.params?.id));
    if (!text) { ctx.toast('Write something first'); return; }
    a.topComments.unshift({ id: `c${ctx.s.nextId++}`, user: 'me', text, likes: 0, time: ctx.system.clock, mine: true });
    a.comments += 1;
    ctx.setField('comment', '');
    ctx.focus(null);
    ctx.toast('Comment posted');
  },
  share(ctx) {
    ctx.sheet([{ label: 'WeChat' }, { label: 'Moments' }, { label: 'Copy link' }], 'Share to');
  },
  openBookmarks(ctx) { ctx.push('bookmarks'); },
  openFollowing(ctx) { ctx.push('following'); },
  openHistory(ctx) { ctx.push('history'); },
};
