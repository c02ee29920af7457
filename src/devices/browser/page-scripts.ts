/**
 * Functions evaluated inside the page: the DOM as UiNode[] (device pixels, visible elements
 * only, uiautomator-like classes from tag and ARIA role) and the settle wait (no DOM mutation
 * and no pending fetch/XHR for a few animation frames).
 */
import type { UiNode } from '../../core/uitree.js';

/** Runs in the page; `dpr` converts CSS px to device px. */
export function domTree(dpr: number): UiNode[] {
  const out: UiNode[] = [];
  const vw = window.innerWidth, vh = window.innerHeight;
  const classOf = (el: Element): string => {
    const role = el.getAttribute('role');
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (role === 'checkbox' || role === 'switch' || (tag === 'input' && (type === 'checkbox' || type === 'radio'))) return 'android.widget.CheckBox';
    if (tag === 'textarea' || (tag === 'input' && !['button', 'submit', 'reset', 'image'].includes(type)) || role === 'textbox' || (el as HTMLElement).isContentEditable) return 'android.widget.EditText';
    if (tag === 'button' || role === 'button' || (tag === 'input' && ['button', 'submit', 'reset'].includes(type))) return 'android.widget.Button';
    if (tag === 'a') return 'android.widget.TextView';
    if (tag === 'img' || tag === 'svg' || role === 'img') return 'android.widget.ImageView';
    if (tag === 'select') return 'android.widget.Spinner';
    if (['p', 'span', 'label', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th'].includes(tag)) return 'android.widget.TextView';
    return 'android.view.View';
  };
  const ownText = (el: Element): string => {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.type === 'password' ? '•'.repeat(el.value.length) : el.value || '';
    if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text ?? '';
    let t = '';
    for (const c of el.childNodes) if (c.nodeType === Node.TEXT_NODE) t += c.textContent ?? '';
    return t.replace(/\s+/g, ' ').trim();
  };
  const clickable = (el: Element, style: CSSStyleDeclaration): boolean => {
    const tag = el.tagName.toLowerCase();
    return ['a', 'button', 'input', 'select', 'textarea', 'summary', 'label'].includes(tag) || el.hasAttribute('onclick') ||
      ['button', 'link', 'checkbox', 'switch', 'tab', 'menuitem', 'option'].includes(el.getAttribute('role') ?? '') || style.cursor === 'pointer';
  };
  const walk = (el: Element, parent: number) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const r = el.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < vw && r.top < vh;
    let index = parent;
    if (visible || el === document.body) {
      index = out.length;
      const overflow = `${style.overflowY} ${style.overflowX}`;
      const scrollable = (/(auto|scroll)/.test(overflow) && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) ||
        (el === document.body && document.documentElement.scrollHeight > vh + 1);
      const input = el as HTMLInputElement;
      out.push({
        index, parent,
        class: classOf(el),
        text: ownText(el),
        desc: el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.getAttribute('title') ?? (el instanceof HTMLInputElement ? el.placeholder : '') ?? '',
        resourceId: el.getAttribute('data-testid') ?? el.id ?? '',
        bounds: [Math.max(0, r.left), Math.max(0, r.top), Math.min(vw, r.right), Math.min(vh, r.bottom)].map((v) => Math.round(v * dpr)) as UiNode['bounds'],
        clickable: clickable(el, style),
        focused: document.activeElement === el,
        scrollable,
        checkable: input.type === 'checkbox' || input.type === 'radio' || el.getAttribute('aria-checked') !== null,
        checked: input.checked === true || el.getAttribute('aria-checked') === 'true',
        selected: el.getAttribute('aria-selected') === 'true',
        enabled: !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
        package: location.host || location.protocol,
      });
    }
    for (const c of el.children) walk(c, index);
  };
  walk(document.body, -1);
  return out;
}

/** Installed once per document: counts fetch/XHR in flight and the time of the last DOM change. */
export function installSettleProbe(): void {
  const w = window as unknown as { __stepwiseSettle?: { pending: number; changed: number } };
  if (w.__stepwiseSettle) return;
  const s = { pending: 0, changed: performance.now() };
  w.__stepwiseSettle = s;
  new MutationObserver(() => { s.changed = performance.now(); }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const origFetch = window.fetch.bind(window);
  window.fetch = (...args: Parameters<typeof fetch>) => {
    s.pending++;
    return origFetch(...args).finally(() => { s.pending--; s.changed = performance.now(); });
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, ...a: Parameters<XMLHttpRequest['send']>) {
    s.pending++;
    this.addEventListener('loadend', () => { s.pending--; s.changed = performance.now(); }, { once: true });
    return send.apply(this, a);
  };
}

/** Resolves once nothing is in flight and the DOM did not change for `quietFrames` frames (or after maxMs). */
export function waitSettled([quietFrames, maxMs]: [number, number]): Promise<boolean> {
  const s = (window as unknown as { __stepwiseSettle?: { pending: number; changed: number } }).__stepwiseSettle;
  const start = performance.now();
  return new Promise((resolve) => {
    let quiet = 0;
    let lastChange = s?.changed ?? 0;
    const tick = () => {
      const changed = s ? s.changed !== lastChange : false;
      lastChange = s?.changed ?? 0;
      quiet = changed || (s?.pending ?? 0) > 0 ? 0 : quiet + 1;
      if (quiet >= quietFrames) resolve(true);
      else if (performance.now() - start > maxMs) resolve(false);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
