// Never lose work: the document is saved to localStorage shortly after every change and
// restored on the next visit.
//
// The saved record carries a revision number and the id of the tab that wrote it. A tab
// remembers the revision its work builds on, so it never saves over newer work from another
// tab: it says so (storage events tell it at once) and offers to load the newer diagram or
// keep its own as a copy; either way the other version goes to File → Recent versions.
// Saved text that cannot be read, or only in part, is kept as it was (versions.ts) and the
// readable part opens. Big saves are read off the main thread (offThread.ts).

import { create } from 'zustand';
import { formatSize, type ParseResult, parseDocumentText } from '../io/documentText.ts';
import { emptyDocument, exampleDocument } from '../model/example.ts';
import { lostParts } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import { setTitle } from './docOps.ts';
import { useDocumentStore } from './documentStore.ts';
import { createHistory } from './history.ts';
import { downloadText, formatIssues } from './download.ts';
import { isBigText, parseText } from './offThread.ts';
import { fitSoon } from './services.ts';
import { sharedViewActive, useSharedViewStore } from './sharedView.ts';
import { challengeActive } from './challengeStore.ts';
import { readItem, removeItem, writeItem } from './storage.ts';
import { storyActive, useStoryStore } from './storyStore.ts';
import { notify, useUiStore } from './uiStore.ts';
import {
  addAutosaveVersion,
  addVersion,
  addVersionText,
  describeDocument,
  dropOldestVersions,
  keepDamaged,
  versionText,
} from './versions.ts';
import { clockTime, plural } from './when.ts';
import { HINT_KEY } from './hint.ts';

// The first-visit hint is hint.ts (the canvas dismisses it, and the embed has no autosave).
export { dismissHint, HINT_KEY, retireHintOnceUsed } from './hint.ts';

export const AUTOSAVE_KEY = 'backend-playground:document';
/** Where older versions kept one unreadable autosave; moved into the damaged list on start. */
export const BROKEN_KEY = 'backend-playground:document:broken';
export const AUTOSAVE_DELAY_MS = 400;

// ---- the saved record -----------------------------------------------------------------

export interface SavedHeader {
  /** Goes up by one with every save, from any tab. */
  revision: number;
  /** The tab that wrote it. */
  tab: string;
  savedAt: number;
  title: string;
  boxes: number;
}

/**
 * `{"revision":…,"tab":…,"savedAt":…,"title":…,"boxes":…,"doc":{…}}`: the header first, so
 * another tab can read it from the start of the text without parsing a big diagram.
 */
export function encodeRecord(h: SavedHeader, docText: string): string {
  return `{"revision":${h.revision},"tab":${JSON.stringify(h.tab)},"savedAt":${h.savedAt},"title":${JSON.stringify(h.title)},"boxes":${h.boxes},"doc":${docText}}`;
}

const HEADER =
  /^\{"revision":(\d+),"tab":"([^"\\]*)","savedAt":(\d+),"title":("(?:[^"\\]|\\.)*"),"boxes":(\d+),"doc":/;

/** The header and the document's text; a bare document (saved before records) has none. */
export function readRecord(text: string): { header: SavedHeader | null; docText: string } {
  const m = HEADER.exec(text.slice(0, 4000));
  if (!m || !text.endsWith('}')) return { header: null, docText: text };
  let title = '';
  try {
    title = JSON.parse(m[4]!) as string;
  } catch {
    // the title is only for messages
  }
  return {
    header: {
      revision: Number(m[1]),
      tab: m[2]!,
      savedAt: Number(m[3]),
      title,
      boxes: Number(m[5]),
    },
    docText: text.slice(m[0].length, -1),
  };
}

// ---- this tab ---------------------------------------------------------------------------

const tab = {
  id: `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  /** The revision this tab's work builds on (the one it loaded or last saved)… */
  base: 0,
  /** …and the tab that wrote it: another write of the same number is someone else's. */
  baseTab: null as string | null,
  /** The document this tab last loaded or saved: the same object means nothing to save. */
  savedDoc: null as TopologyDocument | null,
  /** False while a big autosave is still being read: nothing is saved before it is in. */
  ready: false,
};

/** Another tab saved newer work: what it saved, for the message. */
export interface TabConflict {
  revision: number;
  savedAt: number;
  title: string;
  boxes: number;
}

export const useTabStore = create<{ conflict: TabConflict | null }>()(() => ({ conflict: null }));

/** For tests: a fresh tab (another id, nothing loaded yet). */
export function resetTabForTests(id = `t${Math.random().toString(36).slice(2, 8)}`): void {
  tab.id = id;
  tab.base = 0;
  tab.baseTab = null;
  tab.savedDoc = null;
  tab.ready = false;
  useTabStore.setState({ conflict: null });
}

export function tabId(): string {
  return tab.id;
}

/** Does this tab hold work it has not saved (so the other tab's version would replace it)? */
export function unsavedHere(): boolean {
  return useDocumentStore.getState().doc !== tab.savedDoc;
}

// ---- restore ----------------------------------------------------------------------------

const READING_MESSAGE = 'Your saved diagram is still opening; it is ready in a moment.';

/**
 * Loads the saved document (or the example on a first visit) into the document store.
 * A big save is read off the main thread: the canvas shows a progress note meanwhile and
 * edits wait (returns the promise of that; small saves are in the store on return).
 */
export function restoreSavedDocument(): Promise<void> {
  tab.ready = false;
  moveLegacyBroken();
  const text = readItem(AUTOSAVE_KEY);
  const docs = useDocumentStore.getState();
  const ui = useUiStore.getState();
  if (text === null) {
    docs.resetDocument(exampleDocument());
    ui.setHintVisible(readItem(HINT_KEY) !== '1');
    tab.savedDoc = useDocumentStore.getState().doc;
    tab.ready = true;
    return Promise.resolve();
  }
  const { header, docText } = readRecord(text);
  tab.base = header?.revision ?? 0;
  tab.baseTab = header?.tab ?? null;
  if (!isBigText(docText)) {
    finishRestore(text, header, parseDocumentText(docText), null);
    return Promise.resolve();
  }
  const placeholder = emptyDocument();
  docs.resetDocument(placeholder);
  docs.setLocked(true, READING_MESSAGE);
  ui.setBusy(`Opening your saved diagram (${formatSize(text.length)})…`);
  return parseText(docText, (p) => {
    if (p.phase === 'checking' && p.boxes) {
      useUiStore
        .getState()
        .setBusy(`Opening your saved diagram: checking ${plural(p.boxes, 'box', 'boxes')}…`);
    }
  }).then((result) => {
    const d = useDocumentStore.getState();
    if (d.locked && d.lockedMessage === READING_MESSAGE) d.setLocked(false);
    useUiStore.getState().setBusy(null);
    finishRestore(text, header, result, placeholder);
    fitSoon();
  });
}

/** Puts the restored document where the learner's own work is right now. */
function install(doc: TopologyDocument, placeholder: TopologyDocument | null): void {
  const fresh = { history: createHistory(doc), doc };
  // While it was being read, a story or a shared link may have opened: the learner's own
  // diagram is the one they keep aside, so it goes there.
  if (storyActive() && useStoryStore.getState().stash?.doc === placeholder) {
    useStoryStore.setState({ stash: fresh });
  } else if (sharedViewActive() && useSharedViewStore.getState().stash?.doc === placeholder) {
    useSharedViewStore.setState({ stash: fresh });
  } else if (placeholder === null || useDocumentStore.getState().doc === placeholder) {
    useDocumentStore.getState().resetDocument(doc);
  } else {
    // Something else was opened meanwhile: it stays, and the saved diagram is kept aside.
    addVersion(doc, { note: 'Your saved diagram, set aside when another was opened first' });
    notify(
      'info',
      'Your saved diagram is in File → Recent versions: another diagram was opened while it was loading.',
    );
    return;
  }
  tab.savedDoc = doc;
}

function finishRestore(
  text: string,
  header: SavedHeader | null,
  result: ParseResult,
  placeholder: TopologyDocument | null,
): void {
  if (result.ok) {
    const lost = lostParts(result.warnings);
    install(result.doc, placeholder);
    if (lost.length) {
      const kept = keepDamaged(
        text,
        'your autosaved diagram',
        `${plural(lost.length, 'part')} could not be read: ${formatIssues(lost).slice(0, 3).join('; ')}`,
      );
      notify(
        'warning',
        `Your saved diagram opened without ${plural(lost.length, 'part')} it could not read. ${kept ? 'The original is kept: File → Recent versions → Download.' : 'The browser’s storage is full, so no copy of the original could be kept.'}`,
        formatIssues(result.warnings).slice(0, 6),
      );
    } else if (result.warnings.length) {
      notify(
        'warning',
        'Your saved diagram needed small repairs',
        formatIssues(result.warnings).slice(0, 6),
      );
    }
    // The diagram as it was left counts as an autosave for the versions list.
    addAutosaveVersion(result.doc, header?.savedAt ?? Date.now());
  } else {
    const problem = formatIssues(result.errors).slice(0, 4).join('; ');
    const kept = keepDamaged(text, 'your autosaved diagram', problem);
    install(exampleDocument(), placeholder);
    notify(
      'error',
      `Your saved diagram could not be read (${problem}). ${kept ? 'It is kept as it was: File → Recent versions → Download.' : 'The browser’s storage is full, so no copy could be kept.'} The example is open instead.`,
    );
  }
  tab.ready = true;
}

/** The single slot older versions kept a broken autosave in goes into the damaged list. */
function moveLegacyBroken(): void {
  const old = readItem(BROKEN_KEY);
  if (old === null) return;
  if (
    keepDamaged(old, 'an autosave kept by an earlier version of this app', 'it could not be read')
  ) {
    removeItem(BROKEN_KEY);
  }
}

// ---- save -------------------------------------------------------------------------------

let warned = false;

/** The revision now in storage, if another tab wrote it. */
function storedHeader(): SavedHeader | null {
  const text = readItem(AUTOSAVE_KEY);
  return text === null ? null : readRecord(text).header;
}

/**
 * Would a save now overwrite work of another tab that this one has not seen? A higher
 * revision, or the same revision written by someone else (two tabs saving at once).
 */
function newerElsewhere(h: SavedHeader | null): boolean {
  if (h === null || h.tab === tab.id) return false;
  return h.revision > tab.base || (h.revision === tab.base && h.tab !== tab.baseTab);
}

/** This tab's work now builds on the record `h` (loaded, adopted or written). */
function buildOn(h: SavedHeader | null): void {
  if (!h) return;
  tab.base = Math.max(tab.base, h.revision);
  tab.baseTab = h.tab;
}

function raiseConflict(h: SavedHeader): void {
  const now = useTabStore.getState().conflict;
  if (now?.revision === h.revision) return;
  useTabStore.setState({
    conflict: { revision: h.revision, savedAt: h.savedAt, title: h.title, boxes: h.boxes },
  });
}

/** Writes `doc` as revision `revision`. Returns whether it was written. */
function writeRecord(doc: TopologyDocument, revision: number): boolean {
  const docText = versionText(doc);
  const now = Date.now();
  const { boxes } = describeDocument(doc);
  const record = encodeRecord(
    { revision, tab: tab.id, savedAt: now, title: doc.title, boxes },
    docText,
  );
  let written = writeItem(AUTOSAVE_KEY, record);
  // Full: older versions make room for the work itself.
  while (!written.ok && written.full && dropOldestVersions()) {
    written = writeItem(AUTOSAVE_KEY, record);
  }
  if (!written.ok) {
    if (!warned) {
      warned = true;
      notify('warning', `Autosave failed (${written.reason}). Use File → Save to keep your work.`);
    }
    return false;
  }
  warned = false;
  tab.base = revision;
  tab.baseTab = tab.id;
  tab.savedDoc = doc;
  addAutosaveVersion(doc, now, docText);
  return true;
}

/** Saves the current document now, unless that is not the learner's work or not theirs to save. */
export function saveNow(): void {
  if (!tab.ready) return;
  // A story step is not the learner's work: their own diagram waits in the story's stash
  // and is saved again when the story ends.
  if (storyActive()) return;
  // Nor is a shared diagram being viewed, until the visitor chooses "Keep this diagram".
  if (sharedViewActive()) return;
  // Nor a challenge design: it is kept with its challenge (challengeStore.ts).
  if (challengeActive()) return;
  // Another tab has newer work: nothing is written until the learner chooses.
  if (useTabStore.getState().conflict) return;
  const doc = useDocumentStore.getState().doc;
  if (doc === tab.savedDoc) return;
  const stored = storedHeader();
  if (stored && newerElsewhere(stored)) {
    raiseConflict(stored);
    return;
  }
  writeRecord(doc, Math.max(tab.base, stored?.revision ?? 0) + 1);
}

/** What another tab's write means here (from a storage event, or a look when shown again). */
export function noticeStoredRecord(text: string | null): void {
  if (text === null || !tab.ready) return;
  const h = readRecord(text).header;
  if (h && newerElsewhere(h)) raiseConflict(h);
}

/** Saves after changes settle; returns a function that stops autosaving. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    saveNow();
  };
  const unsubscribe = useDocumentStore.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  // "Keep this diagram" makes the shared document the visitor's work: save it now.
  const unsubscribeShared = useSharedViewStore.subscribe((s, prev) => {
    if (prev.stash && !s.stash) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, 0);
    }
  });
  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      save();
    }
    // Closing while another tab's newer work waits for a choice: this tab's changes are
    // kept as a version rather than lost (or written over the other tab's).
    if (useTabStore.getState().conflict && tab.ready && unsavedHere() && !storyActive()) {
      addVersion(useDocumentStore.getState().doc, {
        note: 'This tab’s unsaved work, kept when the tab closed while another tab had newer changes',
      });
    }
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === AUTOSAVE_KEY) noticeStoredRecord(e.newValue);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') noticeStoredRecord(readItem(AUTOSAVE_KEY));
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('storage', onStorage);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    unsubscribe();
    unsubscribeShared();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('storage', onStorage);
    document.removeEventListener('visibilitychange', onVisible);
    flush();
  };
}

// ---- the two answers to a conflict ------------------------------------------------------

export const LOAD_NEWER_LABEL = 'Load the newer version';
export const KEEP_COPY_LABEL = 'Keep as a copy';

/** "Shop" → "Shop (copy)"; a copy of a copy stays "Shop (copy)". */
export function copyTitle(title: string): string {
  return /\(copy\)$/.test(title) ? title : `${title || 'Untitled'} (copy)`;
}

/**
 * Loads the other tab's newer diagram, as one undo step (Undo brings this tab's back);
 * this tab's unsaved work is also kept in Recent versions.
 */
export async function loadNewerVersion(): Promise<void> {
  const text = readItem(AUTOSAVE_KEY);
  if (text === null) {
    useTabStore.setState({ conflict: null });
    return;
  }
  const { header, docText } = readRecord(text);
  const big = isBigText(docText);
  if (big) useUiStore.getState().setBusy(`Opening the newer diagram (${formatSize(text.length)})…`);
  const result = await parseText(docText);
  if (big) useUiStore.getState().setBusy(null);
  useTabStore.setState({ conflict: null });
  buildOn(header);
  if (!result.ok) {
    const kept = keepDamaged(
      text,
      'the diagram another tab saved',
      formatIssues(result.errors).join('; '),
    );
    notify(
      'error',
      `The other tab’s diagram could not be read${kept ? ' (it is kept in File → Recent versions)' : ''}. This tab’s diagram stays open and is saved.`,
    );
    tab.savedDoc = null;
    saveNow();
    return;
  }
  const mine = useDocumentStore.getState().doc;
  if (unsavedHere()) {
    addVersion(mine, { note: 'This tab’s version, set aside when the newer one was loaded' });
  }
  useDocumentStore.getState().replaceDocument(result.doc, LOAD_NEWER_LABEL);
  tab.savedDoc = useDocumentStore.getState().doc;
  notify(
    'success',
    'Loaded the newer diagram from the other tab. Undo brings back what this tab had; it is also in File → Recent versions.',
  );
  fitSoon();
}

/**
 * Keeps this tab's diagram as a copy ("… (copy)") and saves it; the other tab's newer work
 * goes into Recent versions first (or, if there is no room for it, downloads as a file), so
 * neither is lost. The other tab hears of the change and is asked in turn.
 */
export function keepMineAsCopy(): void {
  const text = readItem(AUTOSAVE_KEY);
  if (text !== null) {
    const { header, docText } = readRecord(text);
    let summary = {
      title: header?.title ?? 'Untitled',
      boxes: header?.boxes ?? 0,
      hosts: 0,
      links: 0,
    };
    try {
      summary = describeDocument(JSON.parse(docText) as TopologyDocument);
    } catch {
      // damaged: still kept as it is, below
    }
    const kept = addVersionText(docText, summary, {
      note: 'From another tab, set aside when this tab kept its own as a copy',
      ...(header ? { now: header.savedAt } : {}),
    });
    if (!kept) downloadText(docText, `${summary.title || 'diagram'} (from another tab).json`);
    buildOn(header);
  }
  useTabStore.setState({ conflict: null });
  useDocumentStore.getState().change(KEEP_COPY_LABEL, (d) => setTitle(d, copyTitle(d.title)));
  tab.savedDoc = null; // saved even if the title was already a copy's
  saveNow();
  notify(
    'success',
    `This tab’s diagram is kept as “${useDocumentStore.getState().doc.title}” and saved. The other tab’s version is in File → Recent versions.`,
  );
}

/** A conflict in words, for the banner. */
export function conflictText(c: TabConflict): string {
  return `This diagram was changed in another tab at ${clockTime(c.savedAt, true)} (“${c.title || 'Untitled'}”, ${plural(c.boxes, 'box', 'boxes')}).`;
}
