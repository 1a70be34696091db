// Editor commands that combine the stores: the actions, the canvas and the palette call
// these, so "add a box" or "delete the selection" mean the same thing everywhere.

import { canConnect } from '../model/rules.ts';
import type { NodeKind, XY } from '../model/types.ts';
import { clipboard } from './clipboard.ts';
import {
  addNode,
  BOX_SIZE,
  connect,
  copyFragment,
  descendants,
  freeSpot,
  groupAt,
  NEW_GROUP_SIZE,
  pasteFragment,
  removeItems,
} from './docOps.ts';
import { useDocumentStore } from './documentStore.ts';
import { useSelectionStore } from './selectionStore.ts';
import { services } from './services.ts';
import { notify } from './uiStore.ts';
import { KINDS } from '../model/kinds.ts';

/**
 * Adds a box. With `at` (absolute top-left, e.g. a drop point) it goes there and into the
 * host under it; without, it goes to a free spot in the visible part of the canvas.
 */
export function addBox(kind: NodeKind, at?: XY): string {
  const store = useDocumentStore.getState();
  const doc = store.doc;
  const size = kind === 'group' ? NEW_GROUP_SIZE : BOX_SIZE;
  const view = services.canvas?.viewRect() ?? { x: 0, y: 0, width: 1000, height: 600 };
  const place = at ?? freeSpot(doc, view, size);
  const centre = { x: place.x + size.width / 2, y: place.y + size.height / 2 };
  const parent = kind === 'group' ? undefined : groupAt(doc, centre);
  const result = addNode(doc, kind, place, parent);
  store.change(`Add ${KINDS[kind].title}`, () => result.doc);
  useSelectionStore.getState().select([result.id]);
  return result.id;
}

/** Connects two boxes if the rules allow it; otherwise tells the user why not. */
export function connectBoxes(source: string, target: string): boolean {
  const store = useDocumentStore.getState();
  const check = canConnect(store.doc, source, target);
  if (!check.ok) {
    notify('error', check.reason);
    return false;
  }
  const result = connect(store.doc, source, target);
  store.change('Connect', () => result.doc);
  useSelectionStore.getState().select([], [result.id]);
  return true;
}

export function hasSelection(): boolean {
  const s = useSelectionStore.getState();
  return s.nodeIds.length > 0 || s.edgeIds.length > 0;
}

export function deleteSelection(): void {
  const s = useSelectionStore.getState();
  if (!hasSelection()) return;
  const n = s.nodeIds.length + s.edgeIds.length;
  const store = useDocumentStore.getState();
  // A host takes what it holds with it: say so, since those boxes were not selected.
  const doc = store.doc;
  const selected = new Set(s.nodeIds);
  const hosts = doc.nodes.filter((x) => x.kind === 'group' && selected.has(x.id));
  const held = new Set<string>();
  for (const h of hosts) for (const d of descendants(doc, h.id)) if (!selected.has(d)) held.add(d);
  store.change(n === 1 ? 'Delete' : `Delete ${n} items`, (d) =>
    removeItems(d, s.nodeIds, s.edgeIds),
  );
  s.clear();
  if (held.size > 0 && !store.locked) {
    const what = hosts.length === 1 ? hosts[0]!.label : `${hosts.length} hosts`;
    notify(
      'info',
      `Deleted ${what} and the ${held.size === 1 ? 'box' : `${held.size} boxes`} on it. Undo brings them back.`,
    );
  }
}

export function copySelection(): boolean {
  const ids = useSelectionStore.getState().nodeIds;
  if (ids.length === 0) return false;
  clipboard.put(copyFragment(useDocumentStore.getState().doc, ids));
  return true;
}

export function pasteClipboard(): void {
  const fragment = clipboard.get();
  if (!fragment) return;
  const store = useDocumentStore.getState();
  const result = pasteFragment(store.doc, fragment, clipboard.nextOffset());
  store.change('Paste', () => result.doc);
  useSelectionStore.getState().select(result.nodeIds);
}

export function duplicateSelection(): void {
  const ids = useSelectionStore.getState().nodeIds;
  if (ids.length === 0) return;
  const store = useDocumentStore.getState();
  const result = pasteFragment(store.doc, copyFragment(store.doc, ids), { x: 40, y: 40 });
  store.change('Duplicate', () => result.doc);
  useSelectionStore.getState().select(result.nodeIds);
}
