/**
 * open_app name matching: exact (id, label, alias; case- and space-insensitive), then a unique
 * substring, then fuzzy by edit distance. Fuzzy accepts the best name only when its distance is at
 * most FUZZY_MAX_RATIO of the longer name's length and no other app is as close; otherwise the
 * caller gets an error listing the closest names, never a silently wrong app.
 */
import { distance } from 'fastest-levenshtein';
import { StepwiseError } from '../core/errors.js';

export interface AppNames {
  id: string;
  label: string;
  aliases: string[];
}

export const FUZZY_MAX_RATIO = 0.34;

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s\-_·.,'"’()（）]/g, '');
const names = (a: AppNames) => [a.label, a.id, ...a.aliases];

export function matchApp<A extends AppNames>(apps: readonly A[], query: string): A {
  const q = norm(query);
  if (!q) throw new StepwiseError('invalid_action', 'open_app needs an app name', `apps: ${apps.map((a) => a.label).join(', ')}`);
  const exact = apps.filter((a) => names(a).some((n) => norm(n) === q));
  if (exact.length === 1) return exact[0];
  const sub = apps.filter((a) => names(a).some((n) => { const m = norm(n); return m.length > 0 && (m.includes(q) || (q.includes(m) && m.length >= 2)); }));
  if (sub.length === 1) return sub[0];
  const scored = apps
    .map((a) => {
      let best = Infinity;
      for (const n of names(a)) {
        const m = norm(n);
        if (m) best = Math.min(best, distance(m, q) / Math.max(m.length, q.length));
      }
      return { a, score: best };
    })
    .sort((x, y) => x.score - y.score);
  const [first, second] = scored;
  if (first && first.score <= FUZZY_MAX_RATIO && (!second || second.score > first.score)) return first.a;
  const close = (sub.length > 1 ? sub : scored.slice(0, 3).map((s) => s.a)).map((a) => `${a.label} (${a.id})`);
  throw new StepwiseError(
    'not_found',
    `no app on this phone is called "${query}"${sub.length > 1 || exact.length > 1 ? ' unambiguously' : ''}`,
    close.length ? `closest: ${close.join(', ')}; use the name under the icon` : 'this phone has no apps installed',
    { query, candidates: close },
  );
}
