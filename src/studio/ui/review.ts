/**
 * Review queue: the first queued trajectory is open; a approve, r reject, f flag the current
 * step, c comment, s skip, j/k steps. Decisions go to the store (reviewer + time) and the next
 * trajectory opens; throughput comes from the stored decision times.
 */
import type { QueueItem, Throughput } from '../review.js';
import type { TrajectoryView } from '../views.js';
import { api, esc, flash } from './dom.js';
import { noteLine, onFilm, stepLayout, trajectoryHeader } from './steps.js';
import type { Mount } from './view.js';

interface QueueReply { items: QueueItem[]; throughput: Throughput; reviewer: string }

const REVIEWER_KEY = 'stepwise.reviewer';

export const mountReview: Mount = async (root) => {
  let q = await api.get<QueueReply>('/api/review/queue');
  let skipped = new Set<string>();
  let v: TrajectoryView | undefined;
  let i = 0;
  let noteKind: 'review_flag' | 'comment' | undefined;
  const reviewer = () => localStorage.getItem(REVIEWER_KEY) || q.reviewer;

  const current = () => q.items.find((x) => !skipped.has(x.id));
  const load = async () => {
    const c = current();
    v = c ? await api.get<TrajectoryView>(`/api/trajectories/${encodeURIComponent(c.id)}`) : undefined;
    i = 0;
    draw();
    window.scrollTo(0, 0);
  };
  const stats = () => {
    const t = q.throughput;
    return `<div class="stats"><div><div class="stat" id="queue-left">${q.items.length}</div><div class="mute small">in queue</div></div>
      <div><div class="stat" id="reviewed">${t.reviews}</div><div class="mute small">reviewed (all time)</div></div>
      <div><div class="stat" id="throughput">${t.perMinute === null ? '–' : t.perMinute.toFixed(1)}</div><div class="mute small">trajectories / min this session (${t.session} decisions)</div></div></div>`;
  };
  const draw = () => {
    const c = current();
    const head = `<div class="bar">${stats()}<span style="margin-left:auto" class="small">reviewer <input id="reviewer" style="width:120px" value="${esc(reviewer())}"></span></div>`;
    if (!c || !v) {
      root.innerHTML = `${head}<div class="empty" id="queue-empty">The review queue is empty. CSRS routes unsure trajectories here (<code>stepwise csrs</code>).</div>`;
    } else {
      const notes = v.annotations.filter((a) => a.stepIndex === undefined && a.kind !== 'review_needed');
      const panel = `<div class="panel"><h3>Why review</h3>${c.why.map((w) => `<div>${esc(w)}</div>`).join('') || '-'}
          ${v.outcomes.map((o) => `<div class="small mute">${esc(o.source)}: ${esc(o.verdict)} ${o.confidence.toFixed(2)} ${esc(o.reason ?? '')}</div>`).join('')}
          ${notes.map(noteLine).join('')}
          <div style="margin-top:8px;display:flex;gap:6px;flex-wrap:wrap"><button class="ok" id="approve">Approve <kbd>a</kbd></button><button class="bad" id="reject">Reject <kbd>r</kbd></button>
          <button id="flag">Flag step <kbd>f</kbd></button><button id="comment">Comment <kbd>c</kbd></button><button id="skip">Skip <kbd>s</kbd></button></div>
          <form class="notes" id="note-form" ${noteKind ? '' : 'hidden'}><input id="note" placeholder="${noteKind === 'review_flag' ? `what is wrong with step ${i}?` : 'comment on this trajectory'}"><button class="primary">Save</button></form></div>`;
      root.innerHTML = `${head}${trajectoryHeader(v)}${stepLayout(v, i, panel)}`;
      onFilm(root, (k) => { i = k; draw(); });
      root.querySelector('#approve')!.addEventListener('click', () => void decide('approve'));
      root.querySelector('#reject')!.addEventListener('click', () => void decide('reject'));
      root.querySelector('#flag')!.addEventListener('click', () => openNote('review_flag'));
      root.querySelector('#comment')!.addEventListener('click', () => openNote('comment'));
      root.querySelector('#skip')!.addEventListener('click', () => void skip());
      root.querySelector<HTMLFormElement>('#note-form')!.addEventListener('submit', (e) => { e.preventDefault(); void saveNote(); });
      if (noteKind) root.querySelector<HTMLInputElement>('#note')!.focus();
    }
    root.querySelector<HTMLInputElement>('#reviewer')!.addEventListener('change', (e) => localStorage.setItem(REVIEWER_KEY, (e.target as HTMLInputElement).value.trim()));
  };
  const decide = async (decision: 'approve' | 'reject') => {
    const c = current();
    if (!c) return;
    await api.post(`/api/review/${encodeURIComponent(c.id)}`, { decision, reviewer: reviewer() });
    flash(`${decision === 'approve' ? 'approved' : 'rejected'} ${c.id}`);
    q = await api.get<QueueReply>('/api/review/queue');
    await load();
  };
  const skip = async () => { const c = current(); if (c) skipped.add(c.id); if (!current()) skipped = new Set(); await load(); };
  const openNote = (k: 'review_flag' | 'comment') => { noteKind = k; draw(); };
  const saveNote = async () => {
    const c = current();
    const text = root.querySelector<HTMLInputElement>('#note')?.value ?? '';
    if (!c || !noteKind) return;
    await api.post(`/api/trajectories/${encodeURIComponent(c.id)}/notes`, { kind: noteKind, text, reviewer: reviewer(), ...(noteKind === 'review_flag' ? { step: i } : {}) });
    flash(noteKind === 'review_flag' ? `flagged step ${i}` : 'comment saved');
    noteKind = undefined;
    v = await api.get<TrajectoryView>(`/api/trajectories/${encodeURIComponent(c.id)}`);
    draw();
  };
  await load();
  return {
    onKey(e) {
      const n = v?.trajectory.steps.length ?? 0;
      if (e.key === 'Escape' && noteKind) { noteKind = undefined; draw(); return; }
      if (!v) return;
      if (e.key === 'j' || e.key === 'ArrowRight') { i = Math.min(n - 1, i + 1); draw(); }
      else if (e.key === 'k' || e.key === 'ArrowLeft') { i = Math.max(0, i - 1); draw(); }
      else if (e.key === 'a') void decide('approve');
      else if (e.key === 'r') void decide('reject');
      else if (e.key === 'f') openNote('review_flag');
      else if (e.key === 'c') openNote('comment');
      else if (e.key === 's') void skip();
      else return;
      e.preventDefault();
    },
  };
};
