/**
 * uiautomator dump XML -> UiTree (the node shape every backend shares), flattened in document
 * order with parent indices.
 */
import { XMLParser } from 'fast-xml-parser';
import { StepwiseError } from '../../core/errors.js';
import type { UiNode, UiTree } from '../../core/uitree.js';

type XmlNode = Record<string, unknown> & { node?: XmlNode[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => name === 'node',
  processEntities: true,
  htmlEntities: true,
});

const bool = (v: unknown) => v === 'true';

function bounds(v: unknown): UiNode['bounds'] {
  const m = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/.exec(String(v ?? ''));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : [0, 0, 0, 0];
}

/** passwords: indices of password fields (their text reads back masked). */
export interface ParsedDump { tree: UiTree; rotation: number; passwords: Set<number> }

export function parseUiautomatorXml(xml: string): ParsedDump {
  const start = xml.indexOf('<hierarchy');
  const end = xml.lastIndexOf('</hierarchy>');
  if (start < 0 || end < 0) {
    throw new StepwiseError('device_error', 'uiautomator dump did not return a UI hierarchy', 'the screen may be secure (FLAG_SECURE) or uiautomator busy; retry, or observe without the UI tree', { output: xml.slice(0, 200) });
  }
  let doc: { hierarchy?: XmlNode };
  try {
    doc = parser.parse(xml.slice(start, end + '</hierarchy>'.length)) as { hierarchy?: XmlNode };
  } catch (e) {
    throw new StepwiseError('device_error', `uiautomator dump returned malformed XML: ${(e as Error).message}`, 'retry the observation');
  }
  const root = doc.hierarchy ?? {};
  const tree: UiTree = [];
  const passwords = new Set<number>();
  const walk = (n: XmlNode, parent: number) => {
    const index = tree.length;
    tree.push({
      index,
      class: String(n.class ?? ''),
      text: String(n.text ?? ''),
      desc: String(n['content-desc'] ?? ''),
      resourceId: String(n['resource-id'] ?? ''),
      bounds: bounds(n.bounds),
      clickable: bool(n.clickable),
      focused: bool(n.focused),
      scrollable: bool(n.scrollable),
      checkable: bool(n.checkable),
      checked: bool(n.checked),
      selected: bool(n.selected),
      enabled: n.enabled === undefined ? true : bool(n.enabled),
      parent,
      ...(n.package ? { package: String(n.package) } : {}),
    });
    if (bool(n.password)) passwords.add(index);
    for (const c of n.node ?? []) walk(c, index);
  };
  for (const c of root.node ?? []) walk(c, -1);
  return { tree, rotation: Number(root.rotation ?? 0) || 0, passwords };
}
