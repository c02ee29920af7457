/**
 * Plain-text views of stored trajectories for the terminal (`stepwise traj list|show`).
 */
import type { Action } from '../core/actions.js';
import type { Trajectory } from '../core/trajectory.js';
import type { TrajectorySummary } from './query.js';

function time(ms: number | undefined): string {
  return ms === undefined ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** `click point=[500,300]`: an action on one line. */
export function actionText(a: Action | undefined): string {
  if (!a) return '-';
  const args = Object.entries(a)
    .filter(([k]) => k !== 'type' && k !== 'frameId' && k !== 'space')
    .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(clip(v, 40)) : JSON.stringify(v)}`);
  return [a.type, ...args].join(' ');
}

export function summaryTable(rows: readonly TrajectorySummary[]): string {
  if (rows.length === 0) return 'no trajectories\n';
  const head = ['ID', 'STATUS', 'VERDICT', 'STEPS', 'STARTED', 'TASK'];
  const body = rows.map((r) => [
    r.id,
    r.stopReason && r.status !== 'running' ? `${r.status}/${r.stopReason}` : r.status,
    r.verdict ? `${r.verdict} ${r.confidence?.toFixed(2) ?? ''}`.trim() : '-',
    String(r.steps),
    time(r.startedAt),
    clip(`${r.taskId ? `[${r.taskId}] ` : ''}${r.instruction}`, 60),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [fmt(head), ...body.map(fmt)].join('\n') + '\n';
}

export function trajectoryText(t: Trajectory): string {
  const lines = [
    `id:        ${t.id}`,
    `task:      ${t.task.id ? `[${t.task.id}] ` : ''}${t.task.instruction}`,
    `status:    ${t.status}${t.stopReason ? ` (${t.stopReason})` : ''}`,
    `policy:    ${t.policy ? [t.policy.name, t.policy.model].filter(Boolean).join(' / ') : '-'}`,
    `device:    ${t.device ? `${t.device.id} ${t.device.width}x${t.device.height}` : '-'}`,
    `started:   ${time(t.startedAt)}   ended: ${time(t.endedAt)}`,
  ];
  if (t.answer !== undefined) lines.push(`answer:    ${t.answer}`);
  lines.push(`outcome:   ${t.outcome ? `${t.outcome.verdict} (confidence ${t.outcome.confidence}, ${t.outcome.source}${t.outcome.by ? ` ${t.outcome.by}` : ''})${t.outcome.reason ? ` ${t.outcome.reason}` : ''}` : '-'}`);
  lines.push(`steps:     ${t.steps.length}`);
  for (const s of t.steps) {
    const ok = s.result ? (s.result.ok ? 'ok' : `FAILED ${s.result.error ?? ''}`.trim()) : '';
    const ms = s.durationMs !== undefined ? `${Math.round(s.durationMs)}ms` : '';
    lines.push(`  #${s.index}  ${actionText(s.action ?? s.model?.action)}  ${[ok, ms].filter(Boolean).join(' ')}`.trimEnd());
    const why = s.model?.summary ?? s.model?.thought;
    if (why) lines.push(`       ${clip(why, 100)}`);
    if (s.model?.parseError) lines.push(`       parse error: ${clip(s.model.parseError, 100)}`);
  }
  return lines.join('\n') + '\n';
}
