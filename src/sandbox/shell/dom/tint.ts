/**
 * System bar colours follow the app, as on Android where apps tint the status and navigation bars
 * to match their toolbar: the bars take the opaque background just inside the app's top and bottom
 * edges, with dark or light icons by luminance. Computed from the DOM, so same state -> same colours.
 */
const parse = (c: string): [number, number, number, number] | null => {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
};

function opaqueBackground(app: HTMLElement, x: number, y: number): [number, number, number] | null {
  let el: Element | null = document.elementsFromPoint(x, y).find((e) => app.contains(e)) ?? app;
  while (el) {
    const c = parse(getComputedStyle(el).backgroundColor);
    if (c && c[3] >= 0.99) return [c[0], c[1], c[2]];
    if (el === app) return null;
    el = el.parentElement;
  }
  return null;
}

const luminance = ([r, g, b]: [number, number, number]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

export function tintBars(root: HTMLElement, topY: number, bottomY: number): void {
  const app = root.querySelector<HTMLElement>(':scope > .app');
  for (const [prop, y] of [['sb', topY], ['nb', bottomY]] as const) {
    const c = app ? opaqueBackground(app, root.clientWidth / 2, y) : null;
    setVar(root, `--${prop}-bg`, c ? `rgb(${c.join(',')})` : '');
    setVar(root, `--${prop}-fg`, c ? (luminance(c) > 0.6 ? '#1b1b1f' : '#ffffff') : '');
  }
}

/** Touch the inline style only on a change: any write restyles everything that inherits it. */
function setVar(el: HTMLElement, name: string, value: string): void {
  if (el.style.getPropertyValue(name) === value) return;
  if (value) el.style.setProperty(name, value); else el.style.removeProperty(name);
}
