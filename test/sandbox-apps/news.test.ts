import { describe, expect, it } from 'vitest';
import { newsApp } from '../../src/sandbox/apps/news/index.js';
import { TABS } from '../../src/sandbox/apps/news/content.js';
import { PAGES, feed, searchArticles, type NewsState } from '../../src/sandbox/apps/news/data.js';
import { createPhone, type PhoneState } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { NEWS_TASKS } from '../../src/sandbox/tasks/news.js';
import { checkTemplates, runSolution } from './chat-headless.js';

const APPS = [newsApp];
const ns = (p: PhoneState) => p.apps.news as NewsState;

function phoneAt(seed: number): PhoneState {
  const p = createPhone(seed, APPS);
  openApp(p, 'news');
  return p;
}

describe('news app', () => {
  it('seeds deterministically: 35+ stories in every channel, a unique most-commented per channel', () => {
    expect(createPhone(5, APPS).apps.news).toEqual(createPhone(5, APPS).apps.news);
    expect(createPhone(5, APPS).apps.news).not.toEqual(createPhone(6, APPS).apps.news);
    for (const seed of [1, 2, 3]) {
      const s = ns(createPhone(seed, APPS));
      expect(s.articles.length).toBeGreaterThanOrEqual(35);
      expect(s.articles.some((a) => a.lang === 'zh')).toBe(true);
      for (const ch of ['tech', 'sports', 'finance', 'world', 'local'] as const) {
        const c = feed(s, ch).map((a) => a.comments).sort((a, b) => b - a);
        expect(c[0]).toBeGreaterThan(c[1]);
      }
      for (const a of s.articles) expect(a.paragraphs.length).toBeGreaterThanOrEqual(10);
      const times = s.articles.map((a) => a.time);
      expect(times).toEqual([...times].sort().reverse());
    }
  });

  it('renders every tab and screen', () => {
    const p = phoneAt(1);
    const s = ns(p);
    for (const t of TABS) {
      dispatch(p, APPS, 'news', 'tab', t);
      const html = renderScreen(p, newsApp);
      for (const a of feed(s, t)) expect(html).toMatch(new RegExp(`data-id="(article|pinned)-${a.id}"`));
    }
    dispatch(p, APPS, 'news', 'nav', 'me');
    expect(renderScreen(p, newsApp)).toContain('data-id="my-bookmarks"');
    for (const screen of ['openBookmarks', 'openFollowing', 'openHistory']) {
      dispatch(p, APPS, 'news', screen);
      expect(() => renderScreen(p, newsApp)).not.toThrow();
      dispatch(p, APPS, 'news', 'back');
    }
    dispatch(p, APPS, 'news', 'openAuthor', s.authors[0].id);
    expect(renderScreen(p, newsApp)).toContain('data-id="author-follow"');
  });

  it('the channel page reaches channels scrolled out of the tab strip', () => {
    const p = phoneAt(4);
    runSolution(p, APPS, [{ do: 'tap', id: 'channels-btn' }, { do: 'tap', id: 'channel-local' }]);
    expect(ns(p).tab).toBe('local');
    expect(p.system.stacks.news).toEqual([]);
    expect(renderScreen(p, newsApp)).toContain(`data-id="article-${feed(ns(p), 'local')[0].id}"`);
  });

  it('reveals the body page by page and marks the story finished only at the end', () => {
    const p = phoneAt(2);
    const a = ns(p).articles[4];
    dispatch(p, APPS, 'news', 'openArticle', a.id);
    let html = renderScreen(p, newsApp);
    expect(html).toContain('data-id="read-more"');
    expect(html).not.toContain('data-id="like-btn"');
    expect(html).not.toContain(a.paragraphs.at(-1)!);
    for (let i = 1; i < PAGES; i++) {
      expect(ns(p).read[a.id].finished).toBe(false);
      dispatch(p, APPS, 'news', 'readMore', a.id);
    }
    expect(ns(p).read[a.id]).toEqual({ page: PAGES, finished: true });
    html = renderScreen(p, newsApp);
    expect(html).toContain('data-id="end-of-article"');
    expect(html).toContain('data-id="like-btn"');
    expect(html).not.toContain('data-id="read-more"');
    dispatch(p, APPS, 'news', 'toggleLike', a.id);
    expect(ns(p).liked).toEqual([a.id]);
    dispatch(p, APPS, 'news', 'toggleLike', a.id);
    expect(ns(p).liked).toEqual([]);
  });

  it('bookmark, follow and comment change state; an empty comment is refused', () => {
    const p = phoneAt(3);
    const s = ns(p);
    const a = s.articles.find((x) => !s.following.includes(x.author))!;
    runSolution(p, APPS, [{ do: 'tap', id: 'tab-following' }, { do: 'tap', id: 'tab-foryou' }]);
    dispatch(p, APPS, 'news', 'openArticle', a.id);
    runSolution(p, APPS, [{ do: 'tap', id: 'bookmark-btn' }, { do: 'tap', id: 'follow-btn' }]);
    expect(s.bookmarked).toContain(a.id);
    expect(s.following).toContain(a.author);
    const n = a.comments;
    dispatch(p, APPS, 'news', 'postComment');
    expect(a.comments).toBe(n);
    runSolution(p, APPS, [{ do: 'type', text: 'Nice read', into: { id: 'comment-input' } }, { do: 'key', key: 'enter' }]);
    expect(a.comments).toBe(n + 1);
    expect(a.topComments[0]).toMatchObject({ text: 'Nice read', mine: true });
  });

  it('search matches Latin words at word starts and Chinese anywhere', () => {
    const s = ns(createPhone(1, APPS));
    const ai = searchArticles(s, 'ai').map((a) => a.title);
    expect(ai.length).toBeGreaterThanOrEqual(2);
    expect(ai.every((t) => /\bAI/i.test(t))).toBe(true);
    expect(searchArticles(s, '地铁').length).toBeGreaterThanOrEqual(1);
    expect(searchArticles(s, 'zzzz')).toEqual([]);
    const p = phoneAt(1);
    runSolution(p, APPS, [{ do: 'tap', id: 'search-bar' }, { do: 'type', text: 'zzzz' }, { do: 'key', key: 'enter' }]);
    expect(renderScreen(p, newsApp)).toContain('data-id="no-results"');
    expect(ns(p).searches[0]).toBe('zzzz');
  });
});

describe('news tasks', () => {
  it('has 8+ templates with unique ids, Chinese ones, an INFO task and an infeasible task', () => {
    const ids = NEWS_TASKS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(NEWS_TASKS.filter((t) => t.lang === 'zh').length).toBeGreaterThanOrEqual(2);
    expect(NEWS_TASKS.some((t) => t.reply)).toBe(true);
    expect(NEWS_TASKS.some((t) => t.expect === 'abort')).toBe(true);
  });
  checkTemplates(NEWS_TASKS, APPS, [1, 2, 3, 11, 42]);
});
