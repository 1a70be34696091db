// Never lose work: the document is saved to localStorage shortly after every change and
// restored on the next visit. Broken saved data is kept under another key, never deleted.

import { exampleDocument } from '../model/example.ts';
import { restoreDocument } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import { useDocumentStore } from './documentStore.ts';
import { formatIssues } from './files.ts';
import { sharedViewActive, useSharedViewStore } from './sharedView.ts';
import { challengeActive } from './challengeStore.ts';
import { storyActive } from './storyStore.ts';
import { notify, useUiStore } from './uiStore.ts';

export const AUTOSAVE_KEY = 'backend-playground:document';
export const BROKEN_KEY = 'backend-playground:document:broken';
export const HINT_KEY = 'backend-playground:hint-dismissed';
export const AUTOSAVE_DELAY_MS = 400;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): the editor still works, without autosave
  }
}

/** Loads the saved document (or the example on a first visit) into the document store. */
export function restoreSavedDocument(): void {
  const store = storage();
  const text = store?.getItem(AUTOSAVE_KEY) ?? null;
  const ui = useUiStore.getState();
  if (text === null) {
    useDocumentStore.getState().resetDocument(exampleDocument());
    ui.setHintVisible(store?.getItem(HINT_KEY) !== '1');
    return;
  }
  let doc: TopologyDocument | null = null;
  let problem = '';
  try {
    const result = restoreDocument(JSON.parse(text));
    if (result.ok) {
      doc = result.doc;
      if (result.warnings.length) {
        notify(
          'warning',
          'Your saved diagram needed small repairs',
          formatIssues(result.warnings).slice(0, 6),
        );
      }
    } else {
      problem = formatIssues(result.errors).slice(0, 4).join('; ');
    }
  } catch (err) {
    problem = `not JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (doc) {
    useDocumentStore.getState().resetDocument(doc);
    return;
  }
  store?.setItem(BROKEN_KEY, text);
  useDocumentStore.getState().resetDocument(exampleDocument());
  notify(
    'error',
    `Your saved diagram could not be read (${problem}). It is kept in localStorage under "${BROKEN_KEY}"; the example is open instead.`,
  );
}

/** Saves after changes settle; returns a function that stops autosaving. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  const save = () => {
    timer = undefined;
    // A story step is not the learner's work: their own diagram waits in the story's stash
    // and is saved again when the story ends.
    if (storyActive()) return;
    // Nor is a shared diagram being viewed, until the visitor chooses "Keep this diagram".
    if (sharedViewActive()) return;
    // Nor a challenge design: it is kept with its challenge (challengeStore.ts).
    if (challengeActive()) return;
    try {
      storage()?.setItem(AUTOSAVE_KEY, JSON.stringify(useDocumentStore.getState().doc));
    } catch (err) {
      if (!warned) {
        warned = true;
        notify(
          'warning',
          `Autosave failed (${err instanceof Error ? err.message : String(err)}). Use File → Save to keep your work.`,
        );
      }
    }
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
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    unsubscribeShared();
    window.removeEventListener('pagehide', flush);
    flush();
  };
}

export function dismissHint(): void {
  useUiStore.getState().setHintVisible(false);
  storage()?.setItem(HINT_KEY, '1');
}

/**
 * The first-visit hint says how to add and connect boxes. Once the learner has added a box or
 * drawn a connection themselves it has done its job, so it goes (for good) instead of sitting
 * over the canvas while they work.
 */
export function retireHintOnceUsed(): () => void {
  return useDocumentStore.subscribe((s, prev) => {
    if (!useUiStore.getState().hintVisible || storyActive() || sharedViewActive()) return;
    if (s.doc === prev.doc) return;
    const grew =
      s.doc.nodes.length > prev.doc.nodes.length || s.doc.edges.length > prev.doc.edges.length;
    if (grew) dismissHint();
  });
}
