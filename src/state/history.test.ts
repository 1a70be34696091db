import { describe, expect, it } from 'vitest';
import { emptyDocument, exampleDocument, node } from '../model/example.ts';
import type { TopologyDocument } from '../model/types.ts';
import { addNode, moveNodes, removeItems, renameNode } from './docOps.ts';
import {
  applyArrayPatch,
  COALESCE_MS,
  createHistory,
  diffArray,
  diffDocuments,
  HISTORY_ELEMENT_BUDGET,
  HISTORY_LIMIT,
  patchSize,
  record,
  redo,
  SNAPSHOT_WINDOW,
  undo,
} from './history.ts';

const titled = (title: string) => ({ ...emptyDocument(), title });

describe('history', () => {
  it('undoes and redoes changes in order, with their labels', () => {
    let h = createHistory(titled('a'));
    h = record(h, titled('b'), 'First');
    h = record(h, titled('c'), 'Second');
    expect(h.past.map((e) => e.label)).toEqual(['First', 'Second']);
    h = undo(h);
    expect(h.present.title).toBe('b');
    expect(h.future[0]!.label).toBe('Second');
    h = undo(h);
    expect(h.present.title).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present.title).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('a new change after undo drops the redo branch', () => {
    let h = createHistory(titled('a'));
    h = record(h, titled('b'), 'B');
    h = undo(h);
    h = record(h, titled('x'), 'X');
    expect(h.future).toEqual([]);
    expect(undo(h).present.title).toBe('a');
  });

  it('records nothing for a change that changes nothing', () => {
    const h = createHistory(exampleDocument());
    expect(record(h, h.present, 'Nothing')).toBe(h);
  });

  it('coalesces typing with the same key into one step, but not after a pause', () => {
    let h = createHistory(titled(''));
    h = record(h, titled('S'), 'Title', { coalesce: 'title', now: 1000 });
    h = record(h, titled('Sh'), 'Title', { coalesce: 'title', now: 1100 });
    h = record(h, titled('Shop'), 'Title', { coalesce: 'title', now: 1300 });
    expect(h.past).toHaveLength(1);
    expect(undo(h).present.title).toBe('');
    h = record(h, titled('Shop!'), 'Title', { coalesce: 'title', now: 1300 + COALESCE_MS + 1 });
    expect(h.past).toHaveLength(2);
    h = record(h, titled('Shop!?'), 'Other', { coalesce: 'other', now: 1300 + COALESCE_MS + 2 });
    expect(h.past).toHaveLength(3);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = createHistory(titled('0'));
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, titled(String(i)), 'Step');
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});

describe('history as patches', () => {
  const grid = (n: number): TopologyDocument => ({
    ...emptyDocument(),
    nodes: Array.from({ length: n }, (_, i) => node(`app${i}`, 'app', `App ${i}`, i * 200, 0)),
  });

  it('a thousand edits undo back to the start and redo to the end, exactly', () => {
    const start = grid(3);
    let h = createHistory(start);
    const states = [start];
    for (let i = 0; i < 1000; i++) {
      const doc = h.present;
      let next: TopologyDocument;
      if (i % 4 === 0) next = addNode(doc, 'db', { x: i, y: 300 }).doc;
      else if (i % 4 === 1) next = moveNodes(doc, new Map([[doc.nodes[0]!.id, { x: i, y: i }]]));
      else if (i % 4 === 2) next = renameNode(doc, doc.nodes.at(-1)!.id, `Box ${i}`);
      else next = removeItems(doc, [doc.nodes[1]!.id]);
      h = record(h, next, `Edit ${i}`);
      states.push(h.present);
    }
    expect(h.past).toHaveLength(1000);
    for (let i = 999; i >= 0; i--) {
      h = undo(h);
      expect(h.present).toEqual(states[i]);
    }
    expect(h.past).toHaveLength(0);
    for (let i = 1; i <= 1000; i++) {
      h = redo(h);
      expect(h.present).toEqual(states[i]);
    }
  });

  it('stores what an edit touched, not the whole diagram', () => {
    const big = grid(2000);
    const moved = moveNodes(big, new Map([[big.nodes[500]!.id, { x: 1, y: 1 }]]));
    const patch = diffDocuments(big, moved);
    expect(patch.nodes?.removed).toHaveLength(1);
    expect(patch.nodes?.inserted).toHaveLength(1);
    expect(patch.edges).toBeUndefined();
    expect(patchSize(patch)).toBe(3);
    const added = addNode(big, 'cache', { x: 0, y: 0 }).doc;
    expect(patchSize(diffDocuments(big, added))).toBe(2);
  });

  it('recent undo steps give back the very same document objects', () => {
    let h = createHistory(titled('a'));
    const a = h.present;
    h = record(h, titled('b'), 'B');
    const b = h.present;
    h = record(h, titled('c'), 'C');
    expect(undo(h).present).toBe(b);
    expect(undo(undo(h)).present).toBe(a);
    expect(redo(undo(h)).present).toBe(h.present);
  });

  it('far-off steps are rebuilt from their patches', () => {
    let h = createHistory(grid(2));
    const states = [h.present];
    for (let i = 0; i < SNAPSHOT_WINDOW * 3; i++) {
      h = record(h, addNode(h.present, 'queue', { x: i, y: 0 }).doc, 'Add');
      states.push(h.present);
    }
    expect(h.past.filter((e) => e.doc !== undefined)).toHaveLength(SNAPSHOT_WINDOW);
    while (h.past.length) h = undo(h);
    expect(h.present).toEqual(states[0]);
    expect(h.future.filter((e) => e.doc !== undefined)).toHaveLength(SNAPSHOT_WINDOW);
  });

  it('counts the steps it drops, so the editor can say so once', () => {
    let h = createHistory(titled('0'));
    for (let i = 1; i <= HISTORY_LIMIT; i++) h = record(h, titled(String(i)), 'Step');
    expect(h.dropped).toBe(0);
    h = record(h, titled('more'), 'Step');
    expect(h.dropped).toBe(1);
    expect(undo(h).dropped).toBe(1);
  });

  it('drops old steps when big replacements exceed the element budget', () => {
    const big = grid(10_000);
    let h = createHistory(emptyDocument());
    for (let i = 0; i < 90; i++) {
      h = record(
        h,
        i % 2 ? emptyDocument() : { ...big, nodes: [...big.nodes.map((n) => ({ ...n }))] },
        'Open',
      );
    }
    expect(h.held).toBeLessThanOrEqual(HISTORY_ELEMENT_BUDGET);
    expect(h.dropped).toBeGreaterThan(0);
    // What is left still undoes correctly.
    let back = h;
    while (back.past.length) back = undo(back);
    expect(back.present.nodes.length === 0 || back.present.nodes.length === 10_000).toBe(true);
  });

  it('coalesced typing is one step from before the first key', () => {
    let h = createHistory(grid(1));
    const start = h.present;
    const id = start.nodes[0]!.id;
    for (const [i, text] of ['S', 'Sh', 'Sho', 'Shop'].entries()) {
      h = record(h, renameNode(h.present, id, text), 'Rename', { coalesce: 'r', now: 1000 + i });
    }
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toBe(start);
  });

  it('array patches survive reordering', () => {
    const a = [1, 2, 3, 4, 5].map((v) => ({ v }));
    const b = [a[4]!, a[1]!, { v: 9 }, a[0]!];
    const p = diffArray(a, b)!;
    expect(applyArrayPatch(a, p)).toEqual(b);
    expect(applyArrayPatch(b, p, true)).toEqual(a);
    expect(diffArray(a, [...a])).toBeUndefined();
  });
});

describe('the document store', () => {
  it('says once that old steps are no longer kept', async () => {
    const { HISTORY_DROPPED_MESSAGE, useDocumentStore } = await import('./documentStore.ts');
    const { useUiStore } = await import('./uiStore.ts');
    useUiStore.setState({ toasts: [] });
    const store = useDocumentStore.getState();
    store.resetDocument(emptyDocument());
    for (let i = 0; i <= HISTORY_LIMIT + 10; i++) {
      useDocumentStore.getState().change('Retitle', (d) => ({ ...d, title: String(i) }));
    }
    const said = useUiStore.getState().toasts.filter((t) => t.message === HISTORY_DROPPED_MESSAGE);
    expect(said).toHaveLength(1);
    expect(useDocumentStore.getState().history.past).toHaveLength(HISTORY_LIMIT);
  });
});
