/** The step layout shared by the viewer and the review queue: filmstrip, screen, step details. */
import type { Step } from '../../core/trajectory.js';
import type { Annotation } from '../../store/index.js';
import type { TrajectoryView } from '../views.js';
import { actionLabel } from '../overlay.js';
import { esc, pill, screenHtml, secs, when } from './dom.js';

const acted = (s: Step) => s.action ?? s.model?.action;

export function trajectoryHeader(v: TrajectoryView): string {
  const t = v.trajectory;
  return `<div class="title"><h2>${esc(t.task.instruction)}</h2>${pill(t.outcome?.verdict, t.status)}
    <span class="mute small">${esc(t.task.id ?? '')} · ${esc(t.policy?.name ?? '')}${t.policy?.model ? ` / ${esc(t.policy.model)}` : ''} · ${esc(t.stopReason ?? t.status)}${t.answer ? ` · answer “${esc(t.answer)}”` : ''} · ${when(t.startedAt)}</span>
    <span class="mono mute small">${esc(t.id)}</span></div>`;
}

/** `extraPanels` (the review controls) go on top of the step details. */
export function stepLayout(v: TrajectoryView, i: number, extraPanels = ''): string {
  const t = v.trajectory;
  if (!t.steps.length) return '<div class="empty">this trajectory has no steps yet</div>';
  const s = t.steps[i];
  const flagged = new Set(v.annotations.filter((a) => a.kind === 'review_flag' && a.stepIndex !== undefined).map((a) => a.stepIndex));
  const film = t.steps.map((x, k) => {
    const waste = v.csrs?.steps[k]?.waste;
    return `<div class="thumb${k === i ? ' on' : ''}${flagged.has(k) ? ' flag' : ''}${waste ? ' waste' : ''}" data-step="${k}" title="${esc(actionLabel(acted(x)))}">` +
      `${x.observation?.image ? `<img loading="lazy" src="/api/blobs/${esc(x.observation.image)}">` : '<div style="height:60px"></div>'}<span>${k}</span></div>`;
  }).join('');
  return `<div class="viewer"><div class="film">${film}</div><div>${screenHtml(s.observation, acted(s))}</div>
    <div>${extraPanels}${stepPanels(v, s)}</div></div>`;
}

function stepPanels(v: TrajectoryView, s: Step): string {
  const t = v.trajectory;
  const m = s.model;
  const c = v.csrs?.steps[s.index];
  const notes = v.annotations.filter((a) => a.stepIndex === s.index);
  const tokens = m?.tokens ? `${m.tokens.prompt ?? '?'} in / ${m.tokens.completion ?? '?'} out` : '-';
  return `<div class="panel"><span class="stepno" id="stepno">${s.index + 1} / ${t.steps.length}</span>
      <span class="mute small"> step ${s.index} · <kbd>j</kbd>/<kbd>k</kbd> or arrows</span>
      <div style="margin-top:6px;font-weight:600" id="action-label">${esc(actionLabel(acted(s)))}</div>
      ${s.result && !s.result.ok ? `<div class="err small">failed: ${esc(s.result.error ?? '')} ${esc(s.result.errorCode ?? '')}</div>` : ''}</div>
    ${m?.thought ? `<div class="panel"><h3>Thought</h3><div>${esc(m.thought)}</div></div>` : ''}
    <div class="panel"><h3>Parsed action</h3><pre class="mono">${esc(JSON.stringify(m?.action ?? null))}</pre>
      ${s.action && JSON.stringify(s.action) !== JSON.stringify(m?.action) ? `<h3 style="margin-top:8px">Executed</h3><pre class="mono">${esc(JSON.stringify(s.action))}</pre>` : ''}
      ${m?.parseError ? `<div class="err small">parse error: ${esc(m.parseError)}</div>` : ''}</div>
    <div class="panel"><h3>Timing and tokens</h3><div class="kv small">
      <div>step</div><div>${secs(s.durationMs)}</div><div>model</div><div>${secs(m?.latencyMs)}</div>
      <div>tokens</div><div>${tokens}</div><div>cost</div><div>${m?.costUsd !== undefined ? `$${m.costUsd.toFixed(4)}` : '-'}</div>
      <div>screen</div><div>${s.observation ? `${s.observation.width}×${s.observation.height} ${esc(s.observation.app ?? '')}` : '-'}</div></div></div>
    <div class="panel" id="csrs"><h3>CSRS</h3>${csrsPanel(v, s.index)}</div>
    ${m?.raw ? `<div class="panel"><h3>Raw output</h3><pre class="mono">${esc(m.raw)}</pre></div>` : ''}
    ${notes.length ? `<div class="panel"><h3>Notes on this step</h3>${notes.map(noteLine).join('')}</div>` : ''}`;
}

function csrsPanel(v: TrajectoryView, i: number): string {
  const c = v.csrs?.steps[i];
  if (!c) return `<div class="mute small">${v.csrs ? 'no CSRS data for this step' : 'no CSRS data: start studio with --csrs DIR (a `stepwise csrs --out` folder)'}</div>`;
  const label = c.label === 1 ? 'useful' : c.label === 0 ? `wasted (${esc(c.waste ?? '')})` : 'unknown';
  const cats = Object.entries(c.categories).map(([k, x]) => `<details><summary>${esc(k)}</summary><pre class="mono">${esc(JSON.stringify(x, null, 1))}</pre></details>`).join('');
  return `<div class="kv small"><div>label</div><div>${label}</div><div>reward</div><div>${c.reward !== undefined ? c.reward.toFixed(3) : '-'}${v.csrs?.rewardMethod ? ` (${esc(v.csrs.rewardMethod)})` : ''}</div>
    <div>outcome</div><div>${v.csrs?.outcome !== undefined ? v.csrs.outcome.toFixed(3) : '-'}</div></div>${cats || '<div class="mute small">no category samples</div>'}`;
}

export function noteLine(a: Annotation): string {
  const text = (a.value as { text?: string; decision?: string; reason?: string } | undefined);
  return `<div class="small"><b>${esc(a.kind)}</b> ${esc(text?.text ?? text?.decision ?? text?.reason ?? '')} <span class="mute">— ${esc(a.author ?? '')} ${when(a.at)}</span></div>`;
}

/** Clicks on the filmstrip select a step. */
export function onFilm(root: HTMLElement, go: (i: number) => void): void {
  root.querySelectorAll<HTMLElement>('.film .thumb').forEach((el) => el.addEventListener('click', () => go(Number(el.dataset.step))));
  root.querySelector('.film .thumb.on')?.scrollIntoView({ block: 'nearest' });
}
