/** Trajectory viewer: one step at a time, j/k or arrows, g/G for first/last, Esc back. */
import type { TrajectoryView } from '../views.js';
import { api, esc } from './dom.js';
import { onFilm, stepLayout, trajectoryHeader } from './steps.js';
import { go, type Mount } from './view.js';

export const mountViewer: Mount = async (root, [id, at]) => {
  const v = await api.get<TrajectoryView>(`/api/trajectories/${encodeURIComponent(id)}`);
  const n = v.trajectory.steps.length;
  let i = Math.max(0, Math.min(n - 1, Number(at ?? 0) || 0));
  const q = encodeURIComponent(id);
  const draw = () => {
    root.innerHTML = `${trajectoryHeader(v)}<div class="bar small"><a href="#/">← all trajectories</a>
      <a href="/api/trajectories/${q}/gif" target="_blank">Export GIF</a><a href="/api/trajectories/${q}/sheet.png" target="_blank">Contact sheet PNG</a>
      <span class="mute">keys: <kbd>j</kbd> <kbd>k</kbd> <kbd>←</kbd> <kbd>→</kbd> step · <kbd>g</kbd>/<kbd>G</kbd> first/last · <kbd>Esc</kbd> back</span>
      <span class="mono mute">${esc(v.trajectory.device?.id ?? '')}</span></div>${stepLayout(v, i)}`;
    onFilm(root, (k) => { i = k; sync(); });
  };
  const sync = () => { history.replaceState(null, '', `#/t/${q}/${i}`); draw(); };
  draw();
  return {
    onKey(e) {
      const before = i;
      if (e.key === 'j' || e.key === 'ArrowRight' || e.key === 'ArrowDown') i = Math.min(n - 1, i + 1);
      else if (e.key === 'k' || e.key === 'ArrowLeft' || e.key === 'ArrowUp') i = Math.max(0, i - 1);
      else if (e.key === 'g') i = 0;
      else if (e.key === 'G') i = n - 1;
      else if (e.key === 'Escape') return go('#/');
      else return;
      e.preventDefault();
      if (i !== before) sync();
    },
  };
};
