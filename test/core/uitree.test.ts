import { describe, expect, it } from 'vitest';
import { clickableAncestor, findNodes, nodeAt, tapTarget, type UiNode } from '../../src/core/uitree.js';

const node = (index: number, bounds: UiNode['bounds'], extra: Partial<UiNode> = {}): UiNode => ({
  index, class: 'android.view.View', text: '', desc: '', resourceId: '', bounds, clickable: false, focused: false, scrollable: false,
  checkable: false, checked: false, selected: false, enabled: true, parent: -1, ...extra,
});

describe('ui tree', () => {
  const tree = [
    node(0, [0, 0, 1080, 2400]),
    node(1, [0, 100, 1080, 300], { parent: 0, clickable: true, text: 'Row' }),
    node(2, [40, 120, 200, 280], { parent: 1, text: 'label' }),
    // a floating button drawn later, over the row
    node(3, [900, 150, 1040, 290], { parent: 0, clickable: true, desc: 'Add' }),
  ];

  it('a tap reaches the topmost clickable node (later in document order paints on top)', () => {
    expect(nodeAt(tree, 950, 200)?.index).toBe(3);
    expect(nodeAt(tree, 100, 200)?.index).toBe(1);
    expect(nodeAt(tree, 100, 1000)?.index).toBe(0);
    expect(nodeAt(tree, 2000, 1000)).toBeUndefined();
  });

  it('finds nodes by text and the clickable ancestor of a label', () => {
    expect(findNodes(tree, 'add').map((n) => n.index)).toEqual([3]);
    expect(clickableAncestor(tree, tree[2])?.index).toBe(1);
  });

  it('a tap activates the clickable node at the point, else the node itself', () => {
    expect(tapTarget(tree, 150, 200)?.index).toBe(1); // on the row's label: the row
    expect(tapTarget(tree, 950, 200)?.index).toBe(3);
    expect(tapTarget(tree, 100, 1000)?.index).toBe(0); // nothing clickable there
    expect(tapTarget(tree, 2000, 1000)).toBeUndefined();
  });
});
