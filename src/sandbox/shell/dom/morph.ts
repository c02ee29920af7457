/**
 * Update a container to new HTML by changing only what differs, instead of replacing it wholesale.
 * The result is the same DOM as `innerHTML = html`, but Chromium then restyles, lays out and
 * re-rasterizes only the changed parts: a tap that flips one switch repaints one switch, not the
 * screen (the largest cost of an input in the sandbox, and of the screenshot after it).
 * Nodes are matched by position and tag; anything else is replaced with the freshly parsed node.
 * Elements that name what they show (an app's scope, its screen) match only the same one: a new
 * screen is swapped in whole, which is cheaper than diffing two unrelated trees.
 * Live form state other than a field's value (which the controller sets after every render) is
 * not synced: apps draw switches and checks as elements, never as checkbox or radio inputs.
 */
export function morphInto(target: Element, html: string): void {
  const parsed = document.createElement('template');
  parsed.innerHTML = html;
  syncChildren(target, parsed.content);
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType !== Node.ELEMENT_NODE) return true;
  const x = a as Element, y = b as Element;
  return x.localName === y.localName && x.namespaceURI === y.namespaceURI && KEYS.every((k) => x.getAttribute(k) === y.getAttribute(k));
}

const KEYS = ['data-scope', 'data-screen'];

function syncAttributes(to: Element, from: Element): void {
  const want = from.getAttributeNames();
  const have = to.getAttributeNames();
  // Same names in the same order (the usual case): update values only. Otherwise rebuild the
  // list, so the element serializes exactly like the parsed one.
  if (want.length !== have.length || want.some((n, i) => n !== have[i])) {
    for (const name of have) to.removeAttribute(name);
  }
  for (const name of want) {
    const value = from.getAttribute(name)!;
    if (to.getAttribute(name) !== value) to.setAttribute(name, value);
  }
}

function syncChildren(to: Node, from: Node): void {
  let old = to.firstChild;
  let next = from.firstChild;
  while (next) {
    const after = next.nextSibling;
    if (old && sameKind(old, next)) {
      if (old.nodeType === Node.ELEMENT_NODE) {
        syncAttributes(old as Element, next as Element);
        syncChildren(old, next);
      } else if (old.nodeValue !== next.nodeValue) {
        old.nodeValue = next.nodeValue;
      }
      old = old.nextSibling;
    } else if (old) {
      const oldAfter = old.nextSibling;
      to.replaceChild(next, old); // moves the parsed node in
      old = oldAfter;
    } else {
      to.appendChild(next);
    }
    next = after;
  }
  while (old) {
    const oldAfter = old.nextSibling;
    to.removeChild(old);
    old = oldAfter;
  }
}
