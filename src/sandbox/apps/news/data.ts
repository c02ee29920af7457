/** News app state: outlets, articles with paged bodies, and the user's likes, bookmarks, follows. */
import type { Rng } from '../../../core/random.js';
import { DEFAULT_CLOCK } from '../../phone.js';
import { AVATAR_COLORS } from '../contacts/people.js';
import { minusMinutes } from '../contacts/time.js';
import { CHANNELS, COMMENTERS, COMMENT_TEXT, HEADLINES, OUTLETS, bodySentences, type Channel, type TabId } from './content.js';

export interface Author {
  id: string;
  name: string;
  color: string;
  verified: boolean;
  followers: number;
  bio: string;
  lang: 'en' | 'zh';
}

export interface Comment {
  id: string;
  user: string;
  text: string;
  likes: number;
  time: string;
  /** Set on comments the user wrote. */
  mine?: boolean;
}

export interface Article {
  id: string;
  channel: Channel;
  title: string;
  author: string;
  time: string;
  lang: 'en' | 'zh';
  /** Comment count shown on cards and in the article. */
  comments: number;
  likes: number;
  paragraphs: string[];
  /** Picture layout on the card. */
  layout: 'text' | 'right' | 'three';
  hue: number;
  topComments: Comment[];
}

/** How far the user got in an article: pages revealed (1..PAGES) and whether the end was reached. */
export interface ReadState {
  page: number;
  finished: boolean;
}

export interface NewsState {
  authors: Author[];
  articles: Article[];
  liked: string[];
  bookmarked: string[];
  following: string[];
  read: Record<string, ReadState>;
  tab: TabId;
  nav: 'home' | 'me';
  searches: string[];
  nextId: number;
}

/** An article body is revealed in this many pages ("Continue reading" between them). */
export const PAGES = 3;

/** A comment written after the article went up, never after the phone's clock. */
function commentTime(published: string, rng: Rng): string {
  const t = minusMinutes(published, -rng.int(5, 300));
  return t < DEFAULT_CLOCK ? t : minusMinutes(DEFAULT_CLOCK, rng.int(1, 30));
}

export function seedNews(rng: Rng): NewsState {
  let n = 1;
  const authors: Author[] = OUTLETS.map((o, i) => ({
    id: `a${i + 1}`, name: o.name, color: rng.pick(AVATAR_COLORS), verified: o.verified,
    followers: o.verified ? rng.int(80_000, 3_000_000) : rng.int(300, 40_000), bio: o.bio, lang: o.lang,
  }));
  const articles: Article[] = [];
  for (const channel of CHANNELS) {
    for (const [lang, titles] of HEADLINES[channel]) {
      const pool = OUTLETS.map((o, i) => ({ o, a: authors[i] })).filter((x) => x.o.channel === channel && x.o.lang === lang).map((x) => x.a);
      for (const title of titles) {
        const l = lang as 'en' | 'zh';
        const sentences = bodySentences(channel, l);
        const paragraphs = Array.from({ length: rng.int(10, 13) }, () => rng.shuffle(sentences).slice(0, rng.int(2, 3)).join(l === 'zh' ? '' : ' '));
        const time = minusMinutes(DEFAULT_CLOCK, rng.int(8, 3 * 24 * 60));
        const comments = rng.int(3, 4800);
        articles.push({
          id: `n${n++}`, channel, title, author: rng.pick(pool).id, time, lang: l, comments, likes: rng.int(comments, comments * 6 + 50),
          paragraphs, layout: rng.pick(['text', 'right', 'right', 'three'] as const), hue: rng.int(0, 359),
          topComments: Array.from({ length: rng.int(3, 5) }, () => ({
            id: `c${n++}`, user: rng.pick(COMMENTERS), text: rng.pick(COMMENT_TEXT[l]), likes: rng.int(0, 900), time: commentTime(time, rng),
          })).sort((a, b) => b.likes - a.likes),
        });
      }
    }
  }
  articles.sort((a, b) => b.time.localeCompare(a.time));
  // Each channel's most-commented article is unique (tasks ask for it).
  for (const ch of CHANNELS) {
    const inCh = articles.filter((a) => a.channel === ch);
    const top = inCh.reduce((a, b) => (b.comments > a.comments ? b : a));
    top.comments += rng.int(40, 400);
  }
  const following = rng.shuffle(authors).slice(0, 3).map((a) => a.id);
  return { authors, articles, liked: [], bookmarked: [], following, read: {}, tab: 'foryou', nav: 'home', searches: [], nextId: n };
}

// ---------------------------------------------------------------- selectors (also used by tasks)

export function articleById(s: NewsState, id: string): Article | undefined {
  return s.articles.find((a) => a.id === id);
}

export function authorById(s: NewsState, id: string): Author | undefined {
  return s.authors.find((a) => a.id === id);
}

/** Articles of a tab in feed order (newest first). "For you" mixes every channel. */
export function feed(s: NewsState, tab: TabId): Article[] {
  if (tab === 'foryou') return s.articles.slice(0, 24);
  if (tab === 'following') return s.articles.filter((a) => s.following.includes(a.author));
  return s.articles.filter((a) => a.channel === tab);
}

/**
 * Search titles and outlet names. Latin queries match at word starts ("AI" finds "AI models",
 * not "training"); Chinese queries match anywhere, since Chinese has no spaces between words.
 */
export function searchArticles(s: NewsState, q: string): Article[] {
  const t = q.trim();
  if (!t) return [];
  const ascii = /^[\x20-\x7e]+$/.test(t);
  const re = new RegExp(`${ascii ? '\\b' : ''}${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i');
  return s.articles.filter((a) => re.test(a.title) || re.test(authorById(s, a.author)?.name ?? ''));
}

/** "1,234" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "2.3M", "86K", "950" */
export function compact(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}K`;
  return count(n);
}
