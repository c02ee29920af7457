/**
 * Perceptual features of a GUI observation: tokens read off the UI tree (resource ids, short
 * texts and descriptions, widget classes, checked/selected/focused state, the app) and words of
 * on-device OCR text when a backend provides it. A vocabulary learned from demonstrations turns
 * token sets into 0/1 vectors for the perceptual reward and the ONI models.
 */
import { StepwiseError } from '../../core/errors.js';
import type { UiTree } from '../../core/uitree.js';

export interface PerceivedFrame {
  tree?: UiTree;
  /** OCR lines of the screenshot, where available. */
  ocr?: string[];
}

const MAX_TEXT = 40;
const idOf = (rid: string) => rid.slice(rid.lastIndexOf('/') + 1);
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function frameTokens(f: PerceivedFrame): Set<string> {
  const out = new Set<string>();
  for (const n of f.tree ?? []) {
    const id = n.resourceId ? idOf(n.resourceId) : '';
    if (id) out.add(`id:${id}`);
    // long texts (message bodies, articles) say little about where in a flow the user is
    if (n.text && n.text.length <= MAX_TEXT) out.add(`text:${norm(n.text)}`);
    if (n.desc && n.desc.length <= MAX_TEXT) out.add(`desc:${norm(n.desc)}`);
    out.add(`class:${n.class.slice(n.class.lastIndexOf('.') + 1)}`);
    if (n.package) out.add(`pkg:${n.package}`);
    const name = id || norm(n.text) || norm(n.desc);
    if (name && n.checkable) out.add(`${n.checked ? 'checked' : 'unchecked'}:${name}`);
    if (name && n.selected) out.add(`selected:${name}`);
    if (name && n.focused) out.add(`focused:${name}`);
  }
  for (const line of f.ocr ?? []) for (const w of norm(line).match(/[\p{L}\p{N}]+/gu) ?? []) out.add(`ocr:${w}`);
  return out;
}

export interface Vocabulary {
  tokens: string[];
}

/** Every token seen in the frames, sorted (so the same demonstrations give the same vocabulary). */
export function buildVocabulary(frames: Iterable<Set<string>>, maxTokens = 4096): Vocabulary {
  const counts = new Map<string, number>();
  for (const f of frames) for (const t of f) counts.set(t, (counts.get(t) ?? 0) + 1);
  if (counts.size === 0) throw new StepwiseError('invalid_input', 'the demonstrations have no UI tree or OCR tokens', 'record observations with UI trees (or pass OCR text)');
  // keep the most frequent when capped; ties broken by name for determinism
  const tokens = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxTokens).map(([t]) => t).sort();
  return { tokens };
}

export function toVector(v: Vocabulary, tokens: Set<string>): number[] {
  return v.tokens.map((t) => (tokens.has(t) ? 1 : 0));
}

/** A frame as text for an embedding model: the app, then short visible labels in screen order, then OCR. */
export function frameText(f: PerceivedFrame): string {
  const tree = f.tree ?? [];
  const app = tree.find((n) => n.package)?.package;
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const n of tree) {
    for (const s of [n.text, n.desc]) {
      const t = s?.trim();
      if (t && t.length <= MAX_TEXT * 2 && !seen.has(t)) { seen.add(t); labels.push(t); }
    }
  }
  return [app ? `app ${app}` : '', labels.join(', '), ...(f.ocr ?? [])].filter(Boolean).join('\n');
}
