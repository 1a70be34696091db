import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDocument, exampleDocument } from '../model/example.ts';
import type { TopologyDocument } from '../model/types.ts';
import { useDocumentStore } from './documentStore.ts';
import { renameNode } from './docOps.ts';
import {
  KEEP_LABEL,
  sharedViewActive,
  sharedViewEdited,
  useSharedViewStore,
} from './sharedView.ts';

const docs = () => useDocumentStore.getState();
const shared = (): TopologyDocument => ({ ...exampleDocument(), title: 'Shared checkout' });

/** The visitor's own work: the example, retitled, with one edit in its history. */
function ownWork(): TopologyDocument {
  docs().resetDocument(exampleDocument());
  docs().change('Retitle', (d) => ({ ...d, title: 'Mine' }));
  return docs().doc;
}

describe('viewing a shared diagram', () => {
  beforeEach(() => {
    useSharedViewStore.getState().back();
    docs().setLocked(false);
  });

  it('keeps the visitor’s work aside and puts it back, history included', () => {
    const own = ownWork();
    const ownHistory = docs().history;
    useSharedViewStore.getState().open(shared());
    expect(sharedViewActive()).toBe(true);
    expect(docs().doc.title).toBe('Shared checkout');
    expect(docs().history.past).toHaveLength(0);
    useSharedViewStore.getState().back();
    expect(sharedViewActive()).toBe(false);
    expect(docs().doc).toBe(own);
    expect(docs().history).toBe(ownHistory);
  });

  it('Keep is one undo step: Undo brings the visitor’s diagram back, Redo the kept one', () => {
    const own = ownWork();
    const incoming = shared();
    useSharedViewStore.getState().open(incoming);
    expect(useSharedViewStore.getState().keep()).toEqual({ replacedOwn: true });
    expect(sharedViewActive()).toBe(false);
    expect(docs().doc).toBe(incoming);
    expect(docs().history.past.at(-1)?.label).toBe(KEEP_LABEL);
    docs().undo();
    expect(docs().doc).toBe(own);
    // The visitor's own history is still there under it.
    docs().undo();
    expect(docs().doc.title).toBe('My first backend');
    docs().redo();
    docs().redo();
    expect(docs().doc).toBe(incoming);
  });

  it('Keep takes the shared diagram as it is now, edits included, still one step above', () => {
    const own = ownWork();
    useSharedViewStore.getState().open(shared());
    docs().change('Rename', (d) => renameNode(d, d.nodes[0]!.id, 'Shoppers'));
    const edited = docs().doc;
    useSharedViewStore.getState().keep();
    expect(docs().doc).toBe(edited);
    docs().undo();
    expect(docs().doc).toBe(own);
  });

  it('says when the visitor had nothing of their own to lose', () => {
    docs().resetDocument(emptyDocument());
    useSharedViewStore.getState().open(shared());
    expect(useSharedViewStore.getState().keep()).toEqual({ replacedOwn: false });
  });

  it('knows whether the shared diagram was changed (undoing the change counts as unchanged)', () => {
    ownWork();
    expect(sharedViewEdited()).toBe(false);
    useSharedViewStore.getState().open(shared());
    expect(sharedViewEdited()).toBe(false);
    docs().change('Retitle', (d) => ({ ...d, title: 'Shared, tweaked' }));
    expect(sharedViewEdited()).toBe(true);
    docs().undo();
    expect(sharedViewEdited()).toBe(false);
    useSharedViewStore.getState().back();
    expect(sharedViewEdited()).toBe(false);
  });

  it('a second link while viewing keeps the visitor’s own diagram aside, not the first link', () => {
    const own = ownWork();
    useSharedViewStore.getState().open(shared());
    useSharedViewStore.getState().open({ ...exampleDocument(), title: 'Another' });
    expect(docs().doc.title).toBe('Another');
    useSharedViewStore.getState().back();
    expect(docs().doc).toBe(own);
  });
});
