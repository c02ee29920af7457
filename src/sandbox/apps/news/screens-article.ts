/** The article page: paged body ("Continue reading"), end-of-article like, comments, action bar. */
import type { ViewCtx } from '../../framework.js';
import { html, raw, type Raw } from '../../html.js';
import { icon } from '../contacts/icons.js';
import { agoLabel } from '../contacts/time.js';
import { thumb } from './art.js';
import { PAGES, articleById, authorById, count, type Article, type NewsState } from './data.js';
import { authorAvatar, verifiedMark } from './screens-feed.js';

type Ctx = ViewCtx<NewsState>;

/** Paragraph indexes shown on each page: the body split into PAGES nearly equal parts. */
export function pageEnd(a: Article, page: number): number {
  return Math.round((a.paragraphs.length * Math.min(page, PAGES)) / PAGES);
}

function body(a: Article, page: number): Raw {
  const shown = a.paragraphs.slice(0, pageEnd(a, page));
  return html`${shown.map((p, i) => html`<p class="nw-p">${p}</p>${i === 1 ? html`<figure class="nw-fig">${raw(thumb(a, 0, 'nw-img wide'))}<figcaption>${a.lang === 'zh' ? '图片来源：网络' : 'Photo: staff photographer'}</figcaption></figure>` : ''}${i === 6 ? html`<figure class="nw-fig">${raw(thumb(a, 2, 'nw-img wide'))}</figure>` : ''}`)}`;
}

function ending(ctx: Ctx, a: Article): Raw {
  const liked = ctx.s.liked.includes(a.id);
  const zh = a.lang === 'zh';
  return html`<div class="nw-endmark" data-id="end-of-article">${zh ? '— 全文完 —' : '— End of article —'}</div>
    <div class="nw-likes"><button class="nw-like${liked ? ' on' : ''}" data-tap="toggleLike" data-arg="${a.id}" data-id="like-btn" data-checked="${String(liked)}" aria-label="${liked ? 'Unlike' : 'Like'}">${icon('thumb', 22, liked ? '#fff' : '#e53935')}<span>${count(a.likes + (liked ? 1 : 0))}</span></button>
      <button class="nw-like ghost" data-tap="share" data-arg="${a.id}" data-id="share-end">${icon('share', 20, '#555')}<span>${zh ? '分享' : 'Share'}</span></button></div>
    <div class="nw-sect big" data-id="comments-title">${zh ? `评论 ${count(a.comments)}` : `Comments (${count(a.comments)})`}</div>
    ${a.topComments.map((c) => html`<div class="nw-comment${c.mine ? ' mine' : ''}"><div class="nw-av sm" style="background:#90a4ae">${c.user.slice(0, 1)}</div><div class="nw-cm-main">
      <div class="nw-cm-user">${c.mine ? 'Lin Xiaoyu (me)' : c.user}</div><div class="nw-cm-text">${c.text}</div><div class="nw-sub">${agoLabel(c.time, ctx.phone.system.clock)} · ${icon('thumb', 12, '#aaa')} ${c.likes}</div></div></div>`)}
    <div class="nw-end">${zh ? '没有更多评论了' : 'No more comments'}</div>`;
}

function article(ctx: Ctx): Raw {
  const { s } = ctx;
  const a = articleById(s, String(ctx.screen.params?.id));
  if (!a) return html`<div class="nw"><div class="nw-empty">This story is no longer available</div></div>`;
  const au = authorById(s, a.author);
  const page = s.read[a.id]?.page ?? 1;
  const following = s.following.includes(a.author);
  const saved = s.bookmarked.includes(a.id);
  const draft = ctx.field('comment');
  return html`<div class="nw nw-article">
    <header class="nw-bar"><button class="nw-back dark" data-tap="back" data-id="back-btn" aria-label="Back">${icon('back', 22)}</button>
      <div class="nw-bar-author" data-tap="openAuthor" data-arg="${a.author}" data-id="author-link">${authorAvatar(au, 30)}<span class="nw-bar-name">${au?.name}</span>${verifiedMark(au)}</div>
      <button class="nw-follow${following ? ' on' : ''}" data-tap="toggleFollow" data-arg="${a.author}" data-id="follow-btn" data-checked="${String(following)}">${following ? 'Following' : '+ Follow'}</button>
      <button class="nw-back dark" data-tap="share" data-arg="${a.id}" aria-label="More">${icon('moreH', 22)}</button></header>
    <div class="scroll nw-read" data-scroll="main" data-id="article-body">
      <h1 class="nw-h1">${a.title}</h1>
      <div class="nw-meta big">${authorAvatar(au, 22)}<span>${au?.name}</span>${verifiedMark(au)}<span>${agoLabel(a.time, ctx.phone.system.clock)}</span><span data-id="comment-count">${a.lang === 'zh' ? `${count(a.comments)}评论` : `${count(a.comments)} comments`}</span></div>
      ${body(a, page)}
      ${page < PAGES ? html`<div class="nw-more"><div class="nw-fade"></div><button class="nw-morebtn" data-tap="readMore" data-arg="${a.id}" data-id="read-more">${a.lang === 'zh' ? `展开阅读全文 (${page}/${PAGES})` : `Continue reading (${page}/${PAGES})`} ▾</button></div>` : ending(ctx, a)}
    </div>
    <div class="nw-actionbar"><div class="nw-cbox">${icon('edit', 16, '#999')}<input class="nw-input" data-field="comment" data-id="comment-input" data-onsubmit="postComment" placeholder="${a.lang === 'zh' ? '写评论…' : 'Write a comment…'}" value="${draft}"></div>
      ${draft.trim() ? html`<button class="nw-post" data-tap="postComment" data-id="post-comment">Post</button>` : html`
      <span class="nw-abtn" data-id="comments-btn" aria-label="Comments">${icon('comment', 22, '#333')}<small>${a.comments > 999 ? `${Math.floor(a.comments / 1000)}k+` : a.comments}</small></span>
      <button class="nw-abtn" data-tap="toggleBookmark" data-arg="${a.id}" data-id="bookmark-btn" data-checked="${String(saved)}" aria-label="${saved ? 'Remove bookmark' : 'Bookmark'}">${icon(saved ? 'star' : 'starOutline', 24, saved ? '#f5a623' : '#333')}</button>
      <button class="nw-abtn" data-tap="share" data-arg="${a.id}" data-id="share-btn" aria-label="Share">${icon('share', 22, '#333')}</button>`}
    </div></div>`;
}

export const articleScreens = { article };
