/**
 * UiTree -> uiautomator dump XML, in the format `uiautomator dump` writes on a real device
 * (<hierarchy rotation="N"><node index text resource-id class package content-desc ... bounds>),
 * with bounds already in display coordinates.
 */
import type { UiNode, UiTree } from '../../core/uitree.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

export function toUiautomatorXml(tree: UiTree, rotation: number, mapBounds: (b: UiNode['bounds']) => UiNode['bounds']): string {
  const children = new Map<number, UiNode[]>();
  for (const n of tree) {
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const out: string[] = [`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="${rotation}">`];
  const emit = (n: UiNode, indexInParent: number) => {
    const [l, t, r, b] = mapBounds(n.bounds).map(Math.round);
    const kids = children.get(n.index) ?? [];
    out.push(
      `<node index="${indexInParent}" text="${esc(n.text)}" resource-id="${esc(n.resourceId)}" class="${esc(n.class)}" package="${esc(n.package ?? '')}" ` +
        `content-desc="${esc(n.desc)}" checkable="${n.checkable}" checked="${n.checked}" clickable="${n.clickable}" enabled="${n.enabled}" ` +
        `focusable="${n.clickable || n.focused}" focused="${n.focused}" scrollable="${n.scrollable}" long-clickable="false" password="false" ` +
        `selected="${n.selected}" bounds="[${l},${t}][${r},${b}]"${kids.length ? '>' : ' />'}`,
    );
    kids.forEach((k, i) => emit(k, i));
    if (kids.length) out.push('</node>');
  };
  (children.get(-1) ?? []).forEach((n, i) => emit(n, i));
  out.push('</hierarchy>');
  return out.join('');
}
