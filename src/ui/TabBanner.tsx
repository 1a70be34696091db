// Another tab of this browser saved newer work while this one was open. Nothing here is
// saved over it until the learner chooses: load the newer diagram (Undo brings this tab's
// back) or keep this tab's as a copy (the other's is kept in File → Recent versions).

import {
  conflictText,
  keepMineAsCopy,
  loadNewerVersion,
  unsavedHere,
  useTabStore,
} from '../state/autosave.ts';
import { useDocumentStore } from '../state/documentStore.ts';
import { useSharedViewStore } from '../state/sharedView.ts';
import { useStoryStore } from '../state/storyStore.ts';

export function TabBanner() {
  const conflict = useTabStore((s) => s.conflict);
  // A story step or a shared diagram on show is not the learner's own work: the question
  // waits until they are back to it.
  const elsewhere = useStoryStore((s) => s.scenario !== null);
  const viewingShared = useSharedViewStore((s) => s.stash !== null);
  // Re-rendered on every edit, so the sentence below says whether there is work to lose.
  useDocumentStore((s) => s.doc);
  // Announced (role="alert") but focus stays where the learner is working.
  if (conflict === null || elsewhere || viewingShared) return null;
  return (
    <section className="bp-tabs" aria-label="Changed in another tab">
      <p className="bp-tabs__text" role="alert">
        <strong>{conflictText(conflict)}</strong>{' '}
        {unsavedHere()
          ? 'Your changes here are not saved over it until you choose.'
          : 'Nothing has changed here since, so loading it loses nothing.'}
      </p>
      <div className="bp-tabs__actions">
        <button
          type="button"
          className="bp-btn bp-btn--primary"
          onClick={() => void loadNewerVersion()}
        >
          Load the newer one
        </button>
        <button type="button" className="bp-btn" onClick={keepMineAsCopy}>
          Keep mine as a copy
        </button>
      </div>
    </section>
  );
}
