/**
 * The UI tree, computed in the page from the rendered DOM (uiautomator-like, src/core/uitree.ts).
 * Compact: purely structural wrappers (no text, desc, id, clickability) are skipped and their
 * children attach to the nearest kept ancestor. Bounds are device pixels clipped to the screen and
 * to scrolling/overflow-hidden ancestors; nodes fully clipped or invisible are omitted.
 */
import type { UiNode } from '../../../core/uitree.js';

export const DEVICE_SCALE = 3;
type Rect = [number, number, number, number];

const INLINE = new Set(['SPAN', 'B', 'I', 'EM', 'STRONG', 'SMALL', 'SUP', 'SUB', 'BR', 'MARK', 'U', 'S', 'DEL', 'INS', 'ABBR', 'TIME', 'CODE', 'LABEL', 'Q']);
const MARKERS = ['data-tap', 'data-longpress', 'data-field', 'data-shell', 'data-id', 'aria-label', 'data-checked', 'data-class', 'data-scroll', 'data-selected'];
const CLICKABLE = ['data-tap', 'data-longpress', 'data-field', 'data-shell'];

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const intersect = (a: Rect, b: Rect): Rect => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
const empty = (r: Rect) => r[2] - r[0] <= 0 || r[3] - r[1] <= 0;

function hasAny(el: Element, attrs: readonly string[]): boolean {
  for (const a of attrs) if (el.hasAttribute(a)) return true;
  return false;
}

/**
 * Only unmarked descendants that flow as inline text, and some text: one TextView (or Button) for
 * the whole element. Spans laid out as flex items or blocks read as separate labels, so they stay
 * separate nodes, as separate TextViews would on Android.
 */
function isTextLeaf(el: Element): boolean {
  if (!norm(el.textContent)) return false;
  const all = el.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const d = all[i];
    if (!INLINE.has(d.tagName) || hasAny(d, MARKERS)) return false;
    if (d.tagName !== 'BR' && getComputedStyle(d).display !== 'inline') return false;
  }
  return true;
}

function directText(el: Element): string {
  let s = '';
  for (const n of el.childNodes) if (n.nodeType === 3) s += n.nodeValue;
  return norm(s);
}

function isScrollContainer(el: Element): boolean {
  return el.hasAttribute('data-scroll') && (el.classList.contains('scroll') || el.classList.contains('hscroll'));
}

/** Several siblings of one kind look like a list (RecyclerView) rather than a page (ScrollView). */
function looksLikeList(el: Element): boolean {
  const kids = el.children;
  if (kids.length < 3) return false;
  const sig = (e: Element) => e.tagName + '.' + e.className;
  const first = sig(kids[0]);
  let same = 0;
  for (let i = 0; i < kids.length; i++) if (sig(kids[i]) === first) same++;
  return same >= 3 && same / kids.length >= 0.6;
}

export interface TreeContext {
  /** Focused field key "<scope>.<field>" or null. */
  focus: string | null;
  /** Root package (foreground app or launcher). */
  rootPackage: string;
}

function fieldKey(el: Element): string {
  const scope = el.closest('[data-scope]')?.getAttribute('data-scope') ?? '';
  return `${scope}.${el.getAttribute('data-field')}`;
}

export function buildUiTree(root: HTMLElement, ctx: TreeContext): UiNode[] {
  const W = root.clientWidth, H = root.clientHeight;
  const nodes: UiNode[] = [];
  const S = DEVICE_SCALE;
  const push = (n: Omit<UiNode, 'index'>) => { nodes.push({ index: nodes.length, ...n }); return nodes.length - 1; };
  push({ class: 'android.widget.FrameLayout', text: '', desc: '', resourceId: '', bounds: [0, 0, W * S, H * S], clickable: false, focused: false, scrollable: false, checkable: false, checked: false, selected: false, enabled: true, parent: -1, package: ctx.rootPackage });

  const visit = (el: Element, parent: number, clip: Rect, pkg: string): void => {
    if (el.getAttribute('data-tree') === 'skip' || el.getAttribute('aria-hidden') === 'true') return;
    const tag = el.tagName;
    if (tag === 'STYLE' || tag === 'SCRIPT') return;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return;
    pkg = el.getAttribute('data-pkg') ?? pkg;
    const r = el.getBoundingClientRect();
    const rect: Rect = [r.left, r.top, r.right, r.bottom];
    const box = intersect(rect, clip);
    const isImage = tag === 'svg' || tag === 'IMG' || tag === 'CANVAS';
    const isField = el.hasAttribute('data-field') && (tag === 'INPUT' || tag === 'TEXTAREA');
    const scrollC = isScrollContainer(el);
    const clickable = hasAny(el, CLICKABLE);
    const leaf = !isImage && !isField && isTextLeaf(el);
    const own = leaf ? norm(el.textContent) : isField ? '' : directText(el);
    const desc = norm(el.getAttribute('aria-label'));
    const id = el.getAttribute('data-id');
    const checkedAttr = el.getAttribute('data-checked');
    const keep = clickable || isField || scrollC || isImage || own !== '' || desc !== '' || id !== null || checkedAttr !== null || el.hasAttribute('data-class') || el.hasAttribute('data-selected');

    let me = parent;
    if (keep && !empty(box) && !(isImage && (r.width < 1 || r.height < 1))) {
      let cls = el.getAttribute('data-class') ?? '';
      let text = own;
      if (isField) {
        const input = el as HTMLInputElement;
        text = input.value || input.placeholder || ''; // Android reports the hint as text when empty
      }
      if (!cls) {
        if (isField) cls = 'android.widget.EditText';
        else if (scrollC) cls = el.classList.contains('hscroll') ? 'android.widget.HorizontalScrollView' : looksLikeList(el) ? 'androidx.recyclerview.widget.RecyclerView' : 'android.widget.ScrollView';
        else if (checkedAttr !== null) cls = /switch|toggle/i.test(el.className.toString()) ? 'android.widget.Switch' : 'android.widget.CheckBox';
        else if (isImage) cls = clickable ? 'android.widget.ImageButton' : 'android.widget.ImageView';
        else if (clickable && leaf) cls = 'android.widget.Button';
        else if (clickable && !own && el.querySelector('svg,img') && !norm(el.textContent)) cls = 'android.widget.ImageButton';
        else if (leaf || (own && !el.children.length)) cls = 'android.widget.TextView';
        else if (!own && desc && el.querySelector('svg,img')) cls = 'android.widget.ImageView';
        else cls = own ? 'android.widget.TextView' : 'android.widget.LinearLayout';
      }
      const disabled = el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true' || el.getAttribute('data-disabled') === 'true';
      me = push({
        class: cls, text, desc,
        resourceId: id ? `${pkg}:id/${id}` : '',
        bounds: [Math.round(box[0] * S), Math.round(box[1] * S), Math.round(box[2] * S), Math.round(box[3] * S)],
        clickable,
        focused: isField && fieldKey(el) === ctx.focus,
        scrollable: scrollC && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1),
        checkable: checkedAttr !== null,
        checked: checkedAttr === 'true',
        selected: el.getAttribute('data-selected') === 'true' || el.getAttribute('aria-selected') === 'true',
        enabled: !disabled,
        parent,
        package: pkg,
      });
    }
    if (isImage || leaf || isField) return;
    const clipsKids = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
    const childClip = clipsKids ? intersect(clip, rect) : clip;
    if (empty(childClip)) return;
    for (const c of el.children) visit(c, me, childClip, pkg);
  };
  for (const c of root.children) visit(c, 0, [0, 0, W, H], ctx.rootPackage);
  return nodes;
}
