// The first-visit hint (how to add and connect boxes): dismissed for good by its button, by a
// Mermaid import, or once the learner has added a box or drawn a connection. Apart from
// autosave.ts, which reads whether it was dismissed, because the canvas (in the embed too)
// has its button and the embed has no autosave.

import { useDocumentStore } from './documentStore.ts';
import { sharedViewActive } from './sharedView.ts';
import { writeItem } from './storage.ts';
import { storyActive } from './storyStore.ts';
import { useUiStore } from './uiStore.ts';

export const HINT_KEY = 'backend-playground:hint-dismissed';

export function dismissHint(): void {
  useUiStore.getState().setHintVisible(false);
  // Storage full or off: the hint stays dismissed for this visit, which is what matters.
  writeItem(HINT_KEY, '1');
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
