import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { restoreDocument } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import {
  AUTOSAVE_KEY,
  BROKEN_KEY,
  copyTitle,
  encodeRecord,
  keepMineAsCopy,
  loadNewerVersion,
  noticeStoredRecord,
  readRecord,
  resetTabForTests,
  restoreSavedDocument,
  saveNow,
  useTabStore,
} from './autosave.ts';
import { addNode, renameNode, setTitle } from './docOps.ts';
import { useDocumentStore } from './documentStore.ts';
import { MemoryStorage, setStorageForTests } from './storage.ts';
import { useUiStore } from './uiStore.ts';
import {
  addAutosaveVersion,
  keepDamaged,
  listDamaged,
  listVersions,
  readDamagedText,
  readVersionText,
  VERSION_SPACING_MS,
} from './versions.ts';

/** The document in saved text: a record's (defaults left out) or a bare one. */
function parseSaved(text: string): TopologyDocument | null {
  const data = JSON.parse(text) as { doc?: unknown };
  const r = restoreDocument(data.doc ?? data);
  return r.ok ? r.doc : null;
}

let store: MemoryStorage;
const docs = () => useDocumentStore.getState();
const toasts = () => useUiStore.getState().toasts.map((t) => t.message);

/** What another tab would write: its own id, the next revision. */
function otherTabSaves(doc: TopologyDocument, revision: number, at = Date.now()): string {
  const text = encodeRecord(
    { revision, tab: 'other-tab', savedAt: at, title: doc.title, boxes: doc.nodes.length },
    JSON.stringify(doc),
  );
  store.setItem(AUTOSAVE_KEY, text);
  return text;
}

beforeEach(() => {
  store = new MemoryStorage();
  setStorageForTests(store);
  resetTabForTests('this-tab');
  useUiStore.setState({ toasts: [], dialog: null, busy: null });
  docs().setLocked(false);
});

afterEach(() => setStorageForTests(undefined));

describe('the saved record', () => {
  it('carries a revision, the tab and the time ahead of the document', () => {
    const doc = exampleDocument();
    const text = encodeRecord(
      { revision: 7, tab: 't1', savedAt: 1234, title: 'Shop "one"', boxes: 6 },
      JSON.stringify(doc),
    );
    const { header, docText } = readRecord(text);
    expect(header).toEqual({
      revision: 7,
      tab: 't1',
      savedAt: 1234,
      title: 'Shop "one"',
      boxes: 6,
    });
    expect(JSON.parse(docText)).toEqual(doc);
  });

  it('reads a bare document (saved before records) as revision 0', () => {
    const text = JSON.stringify(exampleDocument());
    expect(readRecord(text)).toEqual({ header: null, docText: text });
  });

  it('saves the document and brings it back exactly on the next visit', async () => {
    await restoreSavedDocument();
    docs().change('Retitle', (d) => setTitle(d, 'Mine'));
    saveNow();
    const saved = store.getItem(AUTOSAVE_KEY)!;
    expect(readRecord(saved).header).toMatchObject({ revision: 1, tab: 'this-tab', title: 'Mine' });
    const before = docs().doc;
    resetTabForTests('next-visit');
    docs().resetDocument(exampleDocument());
    await restoreSavedDocument();
    expect(docs().doc).toEqual(before);
    expect(parseSaved(saved)).toEqual(before);
  });
});

describe('two tabs', () => {
  it('never saves over newer work from another tab, and says so', async () => {
    otherTabSaves(exampleDocument(), 1);
    await restoreSavedDocument();
    // The other tab saves again (revision 2) while this one edits.
    const theirs = setTitle(exampleDocument(), 'Theirs');
    const theirText = otherTabSaves(theirs, 2);
    docs().change('Retitle', (d) => setTitle(d, 'Mine'));
    saveNow();
    expect(store.getItem(AUTOSAVE_KEY)).toBe(theirText);
    expect(useTabStore.getState().conflict).toMatchObject({ revision: 2, title: 'Theirs' });
  });

  it('hears of the other tab’s save at once (a storage event), before it edits', async () => {
    otherTabSaves(exampleDocument(), 3);
    await restoreSavedDocument();
    noticeStoredRecord(otherTabSaves(setTitle(exampleDocument(), 'Newer'), 4));
    expect(useTabStore.getState().conflict?.revision).toBe(4);
    // Its own saves (same tab id) are not news.
    resetTabForTests('other-tab');
    await restoreSavedDocument();
    noticeStoredRecord(store.getItem(AUTOSAVE_KEY));
    expect(useTabStore.getState().conflict).toBeNull();
  });

  it('“Load the newer one” is one undo step, and this tab’s work is kept as a version', async () => {
    otherTabSaves(exampleDocument(), 1);
    await restoreSavedDocument();
    docs().change('Retitle', (d) => setTitle(d, 'Mine'));
    const mine = docs().doc;
    otherTabSaves(setTitle(exampleDocument(), 'Theirs'), 2);
    saveNow();
    await loadNewerVersion();
    expect(docs().doc.title).toBe('Theirs');
    expect(useTabStore.getState().conflict).toBeNull();
    expect(listVersions().some((v) => v.title === 'Mine' && v.note)).toBe(true);
    docs().undo();
    expect(docs().doc).toEqual(mine);
    // Its next edit builds on revision 2 and is saved as 3.
    docs().redo();
    docs().change('Retitle', (d) => setTitle(d, 'Theirs, then mine'));
    saveNow();
    expect(readRecord(store.getItem(AUTOSAVE_KEY)!).header).toMatchObject({
      revision: 3,
      tab: 'this-tab',
    });
  });

  it('“Keep mine as a copy” saves this tab’s work and keeps the other’s in Recent versions', async () => {
    otherTabSaves(exampleDocument(), 1);
    await restoreSavedDocument();
    docs().change('Add', (d) => addNode(d, 'cache', { x: 0, y: 0 }).doc);
    otherTabSaves(setTitle(exampleDocument(), 'Theirs'), 2);
    saveNow();
    expect(useTabStore.getState().conflict).not.toBeNull();
    keepMineAsCopy();
    const saved = readRecord(store.getItem(AUTOSAVE_KEY)!);
    expect(saved.header).toMatchObject({
      revision: 3,
      tab: 'this-tab',
      title: 'My first backend (copy)',
    });
    expect(parseSaved(store.getItem(AUTOSAVE_KEY)!)?.nodes).toHaveLength(7);
    const kept = listVersions().find((v) => v.title === 'Theirs');
    expect(kept?.note).toMatch(/another tab/);
    expect(parseSaved(readVersionText(kept!.id)!)?.title).toBe('Theirs');
    expect(toasts().some((m) => m.includes('(copy)'))).toBe(true);
  });

  it('two tabs saving the same revision at once: the one written over notices', async () => {
    otherTabSaves(exampleDocument(), 1);
    await restoreSavedDocument();
    docs().change('Retitle', (d) => setTitle(d, 'Mine'));
    saveNow(); // revision 2, this tab's
    expect(readRecord(store.getItem(AUTOSAVE_KEY)!).header).toMatchObject({
      revision: 2,
      tab: 'this-tab',
    });
    // The other tab read revision 1 just before, and writes its own revision 2 over ours.
    noticeStoredRecord(otherTabSaves(setTitle(exampleDocument(), 'Theirs'), 2));
    expect(useTabStore.getState().conflict).toMatchObject({ revision: 2, title: 'Theirs' });
  });

  it('copies are called copies once', () => {
    expect(copyTitle('Shop')).toBe('Shop (copy)');
    expect(copyTitle('Shop (copy)')).toBe('Shop (copy)');
    expect(copyTitle('')).toBe('Untitled (copy)');
  });
});

describe('damaged saves', () => {
  it('opens the readable boxes and keeps the original to download', async () => {
    const doc = exampleDocument() as unknown as { nodes: Record<string, unknown>[] };
    doc.nodes.push({ id: 'x', kind: 'mainframe', label: 'Old thing', position: { x: 0, y: 0 } });
    const text = JSON.stringify(doc);
    store.setItem(AUTOSAVE_KEY, text);
    await restoreSavedDocument();
    expect(docs().doc.nodes).toHaveLength(6);
    const damaged = listDamaged();
    expect(damaged).toHaveLength(1);
    expect(damaged[0]!.reason).toMatch(/1 part could not be read: nodes\[6\]\.kind/);
    expect(readDamagedText(damaged[0]!.id)).toBe(text);
    expect(toasts().some((m) => m.includes('without 1 part'))).toBe(true);
  });

  it('unreadable text opens the example and is kept; several are kept, with their time', async () => {
    store.setItem(AUTOSAVE_KEY, '{"version": 1, "nodes": [oops');
    await restoreSavedDocument();
    expect(docs().doc.title).toBe('My first backend');
    expect(toasts().some((m) => m.includes('could not be read'))).toBe(true);
    keepDamaged('second', 'a test', 'also broken', Date.now() + 1000);
    const list = listDamaged();
    expect(list.map((d) => readDamagedText(d.id))).toEqual([
      'second',
      '{"version": 1, "nodes": [oops',
    ]);
    expect(list[0]!.keptAt).toBeGreaterThan(list[1]!.keptAt);
    // The same text found again is not kept twice.
    keepDamaged('second', 'a test', 'also broken');
    expect(listDamaged()).toHaveLength(2);
  });

  it('the single slot of earlier versions is moved into the list', async () => {
    store.setItem(BROKEN_KEY, 'old broken text');
    await restoreSavedDocument();
    expect(store.getItem(BROKEN_KEY)).toBeNull();
    expect(listDamaged().map((d) => readDamagedText(d.id))).toContain('old broken text');
  });
});

describe('recent versions', () => {
  it('keeps autosaves at least a minute apart, newest first', () => {
    const t0 = 1_700_000_000_000;
    let doc = exampleDocument();
    expect(addAutosaveVersion(doc, t0)).not.toBeNull();
    doc = renameNode(doc, 'db', 'Postgres');
    expect(addAutosaveVersion(doc, t0 + 10_000)).toBeNull();
    expect(addAutosaveVersion(doc, t0 + VERSION_SPACING_MS)).not.toBeNull();
    const list = listVersions();
    expect(list.map((v) => v.savedAt)).toEqual([t0 + VERSION_SPACING_MS, t0]);
    expect(list[0]).toMatchObject({ boxes: 6, links: 6, title: 'My first backend' });
    expect(parseSaved(readVersionText(list[0]!.id)!)?.nodes.find((n) => n.id === 'db')?.label).toBe(
      'Postgres',
    );
  });

  it('a full storage drops old versions before the work itself fails to save', async () => {
    store = new MemoryStorage(60_000);
    setStorageForTests(store);
    await restoreSavedDocument();
    const t0 = Date.now() - 60 * VERSION_SPACING_MS;
    for (let i = 0; i < 12; i++) {
      addAutosaveVersion(setTitle(exampleDocument(), `v${i}`), t0 + i * VERSION_SPACING_MS);
    }
    docs().change('Retitle', (d) => setTitle(d, 'Still saved'));
    saveNow();
    expect(readRecord(store.getItem(AUTOSAVE_KEY)!).header?.title).toBe('Still saved');
    expect(toasts().some((m) => m.startsWith('Autosave failed'))).toBe(false);
  });

  it('storage that refuses every write warns once and keeps the editor working', async () => {
    const refusing = new MemoryStorage(0);
    setStorageForTests(refusing);
    await restoreSavedDocument();
    docs().change('Retitle', (d) => setTitle(d, 'A'));
    saveNow();
    docs().change('Retitle', (d) => setTitle(d, 'B'));
    saveNow();
    expect(toasts().filter((m) => m.startsWith('Autosave failed'))).toHaveLength(1);
    expect(docs().doc.title).toBe('B');
  });
});

describe('a big autosave', () => {
  it('is read off the main thread (here: after a pause) while edits wait, then opens', async () => {
    const big = exampleDocument();
    for (let i = 0; i < 400; i++)
      big.nodes.push({ ...big.nodes[0]!, id: `u${i}`, label: `Users ${i}` });
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(150_000);
    store.setItem(AUTOSAVE_KEY, text);
    const done = restoreSavedDocument();
    // Meanwhile: an empty canvas that refuses edits with a reason, and a note.
    expect(docs().doc.nodes).toHaveLength(0);
    expect(docs().locked).toBe(true);
    expect(useUiStore.getState().busy).toMatch(/^Opening your saved diagram \(\d+ KB\)/);
    docs().change('Add', (d) => addNode(d, 'app', { x: 0, y: 0 }).doc);
    expect(docs().doc.nodes).toHaveLength(0);
    expect(toasts().some((m) => m.includes('still opening'))).toBe(true);
    saveNow();
    expect(store.getItem(AUTOSAVE_KEY)).toBe(text); // nothing written over it meanwhile
    await done;
    expect(docs().doc.nodes).toHaveLength(406);
    expect(docs().locked).toBe(false);
    expect(useUiStore.getState().busy).toBeNull();
  });
});
