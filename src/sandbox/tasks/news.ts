/** Task templates for the news app: read to the end, like, bookmark, follow, comment, count. */
import type { PhoneState, SemanticStep, TaskTemplate } from '../framework.js';
import { PAGES, articleById, authorById, feed, searchArticles, type Article, type NewsState } from '../apps/news/data.js';
import type { Channel } from '../apps/news/content.js';
import { fail, hasNumber, normText, pass } from './answers.js';

const ns = (p: PhoneState) => p.apps.news as NewsState;
const art = (p: PhoneState, id: string) => articleById(ns(p), id)!;
const added = (after: string[], before: string[]) => after.filter((x) => !before.includes(x));
const finished = (p: PhoneState, id: string) => ns(p).read[id]?.finished === true;

/** Channels past Tech sit beyond the strip's right edge on a 360px screen: pick them on the channel page. */
const channelSteps = (channel: Channel): SemanticStep[] => (channel === 'tech' ? [{ do: 'tap', id: 'tab-tech' }] : [{ do: 'tap', id: 'channels-btn' }, { do: 'tap', id: `channel-${channel}` }]);
const openIn = (channel: Channel, id: string): SemanticStep[] => [{ do: 'open_app', app: 'News' }, ...channelSteps(channel), { do: 'tap', id: `article-${id}` }];
const readToEnd: SemanticStep[] = Array.from({ length: PAGES - 1 }, () => ({ do: 'tap', id: 'read-more' }) as SemanticStep);

/** Exactly `id` was newly added to a list (likes, bookmarks, follows), nothing else. */
function onlyAdded(final: string[], initial: string[], id: string, what: string) {
  const extra = added(final, initial).filter((x) => x !== id);
  if (!final.includes(id)) return fail(`${what} is missing`);
  return extra.length ? fail(`${what} is there, but so are ${extra.join(', ')}`) : null;
}

interface ArticleP { id: string; title: string; channel: Channel; other: string }

const pickNth = (channel: Channel, n: number) => (_rng: unknown, phone: PhoneState): ArticleP => {
  const list = feed(ns(phone), channel);
  return { id: list[n].id, title: list[n].title, channel, other: list[n === 0 ? 1 : 0].id };
};

const unread = (p: PhoneState, id: string) => { ns(p).read[id] = { page: 1, finished: false }; };
const drop = (list: (p: PhoneState) => string[], id: string) => (p: PhoneState) => { const l = list(p); if (l.includes(id)) l.splice(l.indexOf(id), 1); };

const readLikeTech: TaskTemplate<ArticleP> = {
  id: 'news.read-like-top-tech', app: 'news', scenario: 'content', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: pickNth('tech', 0),
  instruction: () => 'Read the top story in the Tech channel to the end, then like it.',
  expect: 'complete',
  verify: (final, _a, p, initial) => {
    if (!finished(final, p.id)) return fail(`"${p.title}" was not read to the end`);
    return onlyAdded(ns(final).liked, ns(initial).liked, p.id, `a like on "${p.title}"`) ?? pass('read to the end and liked');
  },
  solution: (p) => [...openIn('tech', p.id), ...readToEnd, { do: 'tap', id: 'like-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'liked without reaching the end', mutate: (ph) => unread(ph, p.id) },
    { name: 'read but not liked', mutate: drop((ph) => ns(ph).liked, p.id) },
    { name: 'liked the second story instead', mutate: (ph) => { drop((x) => ns(x).liked, p.id)(ph); ns(ph).liked.push(p.other); ns(ph).read[p.other] = { page: PAGES, finished: true }; } },
  ],
};

const readBookmarkZh: TaskTemplate<ArticleP> = {
  id: 'news.read-bookmark-second-tech-zh', app: 'news', scenario: 'content', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'zh',
  params: pickNth('tech', 1),
  instruction: () => '把科技（Tech）频道的第二篇文章读到最后，然后收藏它',
  expect: 'complete',
  verify: (final, _a, p, initial) => {
    if (!finished(final, p.id)) return fail(`"${p.title}" was not read to the end`);
    return onlyAdded(ns(final).bookmarked, ns(initial).bookmarked, p.id, `a bookmark on "${p.title}"`) ?? pass('read to the end and bookmarked');
  },
  solution: (p) => [...openIn('tech', p.id), ...readToEnd, { do: 'tap', id: 'bookmark-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'bookmarked without finishing', mutate: (ph) => unread(ph, p.id) },
    { name: 'finished but not bookmarked', mutate: drop((ph) => ns(ph).bookmarked, p.id) },
    { name: 'the first story instead', mutate: (ph) => { drop((x) => ns(x).bookmarked, p.id)(ph); ns(ph).bookmarked.push(p.other); } },
  ],
};

const mostCommented: TaskTemplate<ArticleP & { runnerUp: string }> = {
  id: 'news.bookmark-most-commented-sports', app: 'news', scenario: 'content', type: 'analyze', complexity: 'composite', ambiguity: 'mid', lang: 'en',
  params: (_rng, phone) => {
    const list = [...feed(ns(phone), 'sports')].sort((a, b) => b.comments - a.comments);
    return { id: list[0].id, title: list[0].title, channel: 'sports', other: list[1].id, runnerUp: list[1].id };
  },
  instruction: () => 'Bookmark the most-commented story in the Sports channel.',
  expect: 'complete',
  verify: (final, _a, p, initial) => onlyAdded(ns(final).bookmarked, ns(initial).bookmarked, p.id, `a bookmark on "${p.title}"`) ?? pass(`bookmarked "${p.title}"`),
  solution: (p) => [...openIn('sports', p.id), { do: 'tap', id: 'bookmark-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'runner-up instead', mutate: (ph) => { drop((x) => ns(x).bookmarked, p.id)(ph); ns(ph).bookmarked.push(p.runnerUp); } },
    { name: 'both', mutate: (ph) => { ns(ph).bookmarked.push(p.runnerUp); } },
    { name: 'nothing saved', mutate: drop((ph) => ns(ph).bookmarked, p.id) },
  ],
};

interface FollowP extends ArticleP { author: string; otherAuthor: string }

const followAuthor: TaskTemplate<FollowP> = {
  id: 'news.follow-author', app: 'news', scenario: 'content', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const s = ns(phone);
    const a = rng.pick(s.articles.filter((x) => !s.following.includes(x.author)));
    const o = rng.pick(s.authors.filter((x) => x.id !== a.author && !s.following.includes(x.id)));
    return { id: a.id, title: a.title, channel: a.channel, other: '', author: a.author, otherAuthor: o.id };
  },
  instruction: (p) => `Follow the author of the story "${p.title}".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => onlyAdded(ns(final).following, ns(initial).following, p.author, `following ${authorById(ns(initial), p.author)?.name}`) ?? pass('followed the author'),
  solution: (p) => [...openIn(p.channel, p.id), { do: 'tap', id: 'follow-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'not followed', mutate: drop((ph) => ns(ph).following, p.author) },
    { name: 'followed someone else', mutate: (ph) => { drop((x) => ns(x).following, p.author)(ph); ns(ph).following.push(p.otherAuthor); } },
  ],
};

const commentCountZh: TaskTemplate<ArticleP & { comments: number; likes: number }> = {
  id: 'news.comment-count-zh', app: 'news', scenario: 'content', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (rng, phone) => {
    const a = rng.pick(ns(phone).articles.filter((x) => x.lang === 'zh' && !/\d/.test(x.title)));
    return { id: a.id, title: a.title, channel: a.channel, other: '', comments: a.comments, likes: a.likes };
  },
  instruction: (p) => `《${p.title}》这篇文章有多少条评论？`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.comments) ? pass(`answered ${p.comments}`) : fail(`expected ${p.comments} comments, got "${answer ?? ''}"`)),
  solution: (p) => [...openIn(p.channel, p.id), { do: 'complete', answer: `${p.comments}条评论` }],
  wrongEnds: (p) => [{ name: 'likes instead of comments', answer: String(p.likes) }, { name: 'off by one', answer: `${p.comments + 1}条` }],
};

const COMMENTS = ['Great analysis, thanks!', 'Very helpful summary.', 'Looking forward to the follow-up.'];

const postComment: TaskTemplate<ArticleP & { text: string }> = {
  id: 'news.comment-top-finance', app: 'news', scenario: 'content', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => ({ ...pickNth('finance', 0)(rng, phone), text: rng.pick(COMMENTS) }),
  instruction: (p) => `Post the comment "${p.text}" on the top story in the Finance channel.`,
  expect: 'complete',
  verify: (final, _a, p) => {
    const mine = ns(final).articles.flatMap((a) => a.topComments.filter((c) => c.mine).map((c) => ({ a, c })));
    const here = mine.filter((x) => x.a.id === p.id);
    if (mine.length > here.length) return fail(`commented on "${mine.find((x) => x.a.id !== p.id)!.a.title}" too`);
    if (!here.length) return fail(`no comment on "${p.title}"`);
    return here.some((x) => normText(x.c.text) === normText(p.text)) ? pass('comment posted') : fail(`posted "${here[0].c.text}", expected "${p.text}"`);
  },
  solution: (p) => [...openIn('finance', p.id), { do: 'type', text: p.text, into: { id: 'comment-input' } }, { do: 'tap', id: 'post-comment' }, { do: 'complete' }],
  wrongEnds: (p) => {
    const mineOn = (ph: PhoneState) => art(ph, p.id).topComments.find((c) => c.mine)!;
    return [
      { name: 'on another story', mutate: (ph) => { const c = mineOn(ph); art(ph, p.id).topComments = art(ph, p.id).topComments.filter((x) => x !== c); art(ph, p.other).topComments.unshift(c); } },
      { name: 'different words', mutate: (ph) => { mineOn(ph).text = 'Nice'; } },
      { name: 'never posted', mutate: (ph) => { art(ph, p.id).topComments = art(ph, p.id).topComments.filter((c) => !c.mine); } },
    ];
  },
};

interface BranchP extends ArticleP { author: string; verified: boolean }

const followOrBookmark: TaskTemplate<BranchP> = {
  id: 'news.follow-if-verified', app: 'news', scenario: 'content', type: 'filter', complexity: 'conditional', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => {
    const s = ns(phone);
    const want = rng.chance(0.5);
    const pool = s.articles.filter((a) => !s.following.includes(a.author) && authorById(s, a.author)!.verified === want && a.lang === 'en');
    const a = rng.pick(pool.length ? pool : s.articles.filter((x) => !s.following.includes(x.author)));
    return { id: a.id, title: a.title, channel: a.channel, other: '', author: a.author, verified: authorById(s, a.author)!.verified };
  },
  instruction: (p) => `Open the story "${p.title}". If its author has a verified badge, follow the author; otherwise bookmark the story.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => {
    const followed = added(ns(final).following, ns(initial).following);
    const saved = added(ns(final).bookmarked, ns(initial).bookmarked);
    if (p.verified) {
      if (saved.length) return fail('the author is verified, so the story should not be bookmarked');
      return onlyAdded(ns(final).following, ns(initial).following, p.author, 'following the verified author') ?? pass('followed the verified author');
    }
    if (followed.length) return fail('the author is not verified, so nobody should be followed');
    return onlyAdded(ns(final).bookmarked, ns(initial).bookmarked, p.id, 'a bookmark on the story') ?? pass('bookmarked the story of an unverified author');
  },
  solution: (p) => [...openIn(p.channel, p.id), { do: 'tap', id: p.verified ? 'follow-btn' : 'bookmark-btn' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'took the other branch', mutate: (ph) => { const s = ns(ph); if (p.verified) { drop((x) => ns(x).following, p.author)(ph); s.bookmarked.push(p.id); } else { drop((x) => ns(x).bookmarked, p.id)(ph); s.following.push(p.author); } } },
    { name: 'did both', mutate: (ph) => { const s = ns(ph); if (p.verified) s.bookmarked.push(p.id); else s.following.push(p.author); } },
    { name: 'did nothing', mutate: (ph) => { drop((x) => ns(x).following, p.author)(ph); drop((x) => ns(x).bookmarked, p.id)(ph); } },
  ],
};

const FAKE = ['Mars colony opens its first coffee shop', 'Shanghai Metro Line 30 opens to the public', '北京申办2040年世博会成功'];

const missing: TaskTemplate<{ title: string; some: string }> = {
  id: 'news.bookmark-missing-story', app: 'news', scenario: 'content', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => ({ title: rng.pick(FAKE.filter((t) => !searchArticles(ns(phone), t).length)), some: rng.pick(ns(phone).articles).id }),
  instruction: (p) => `Bookmark the story titled "${p.title}".`,
  expect: 'abort',
  verify: (final, _a, p, initial) => {
    const saved = added(ns(final).bookmarked, ns(initial).bookmarked);
    return saved.length ? fail(`"${p.title}" does not exist, yet ${saved.join(', ')} was bookmarked`) : pass('nothing bookmarked for a story that does not exist');
  },
  solution: (p) => [{ do: 'open_app', app: 'News' }, { do: 'tap', id: 'search-bar' }, { do: 'type', text: p.title, into: { id: 'search-input' } }, { do: 'key', key: 'enter' }, { do: 'abort', reason: `No story titled "${p.title}" exists.` }],
  wrongEnds: (p) => [{ name: 'bookmarked something else', mutate: (ph) => { ns(ph).bookmarked.push(p.some); } }, { name: 'bookmarked two stories', mutate: (ph) => { ns(ph).bookmarked.push(p.some, ns(ph).articles[0].id); } }],
};

const countByAuthor: TaskTemplate<{ author: string; name: string; count: number; total: number }> = {
  id: 'news.count-author-sports', app: 'news', scenario: 'content', type: 'analyze', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const s = ns(phone);
    const list = feed(s, 'sports');
    const a = authorById(s, rng.pick(list).author)!;
    return { author: a.id, name: a.name, count: list.filter((x) => x.author === a.id).length, total: list.length };
  },
  instruction: (p) => `How many stories in the Sports channel are from ${p.name}?`,
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.count) && !hasNumber(answer, p.total) ? pass(`answered ${p.count}`) : fail(`expected ${p.count}, got "${answer ?? ''}"`)),
  solution: (p) => [{ do: 'open_app', app: 'News' }, ...channelSteps('sports'), { do: 'complete', answer: String(p.count) }],
  wrongEnds: (p) => [{ name: 'all sports stories', answer: String(p.total) }, { name: 'one more', answer: String(p.count + 1) }],
};

const saveAi: TaskTemplate<{ id: string; title: string; options: string[] }> = {
  id: 'news.save-ai-story-info', app: 'news', scenario: 'content', type: 'filter', complexity: 'atomic', ambiguity: 'high', lang: 'en',
  params: (rng, phone) => {
    const hits = searchArticles(ns(phone), 'AI');
    const a: Article = rng.pick(hits);
    return { id: a.id, title: a.title, options: hits.map((h) => h.title) };
  },
  instruction: () => 'Save that AI story for me to read later.',
  reply: (p) => `The one called "${p.title}".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => onlyAdded(ns(final).bookmarked, ns(initial).bookmarked, p.id, `a bookmark on "${p.title}"`) ?? pass('saved the story the user meant'),
  solution: (p) => [
    { do: 'open_app', app: 'News' }, { do: 'tap', id: 'search-bar' }, { do: 'type', text: 'AI', into: { id: 'search-input' } }, { do: 'key', key: 'enter' },
    { do: 'info', question: `There are ${p.options.length} AI stories: ${p.options.map((t) => `"${t}"`).join(', ')}. Which one should I save?` },
    { do: 'tap', id: `result-${p.id}` }, { do: 'tap', id: 'bookmark-btn' }, { do: 'complete' },
  ],
  wrongEnds: (p) => [
    { name: 'saved a different AI story', mutate: (ph) => { drop((x) => ns(x).bookmarked, p.id)(ph); ns(ph).bookmarked.push(searchArticles(ns(ph), 'AI').find((a) => a.id !== p.id)!.id); } },
    { name: 'saved every AI story', mutate: (ph) => { for (const a of searchArticles(ns(ph), 'AI')) if (!ns(ph).bookmarked.includes(a.id)) ns(ph).bookmarked.push(a.id); } },
    { name: 'saved nothing', mutate: drop((ph) => ns(ph).bookmarked, p.id) },
  ],
};

export const NEWS_TASKS: TaskTemplate[] = [readLikeTech, readBookmarkZh, mostCommented, followAuthor, commentCountZh, postComment, followOrBookmark, missing, countByAuthor, saveAi];
