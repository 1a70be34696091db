// Opens share links (#/doc/v1.…) and, while a shared diagram is on show, the banner that
// lets the visitor keep it or go back to their own. Mounted once by the app, above the
// canvas. A link that cannot be read says why (JSON paths included) and leaves the
// visitor's own diagram open.

import { useEffect } from 'react';
import { decodeDocumentFragment, isDocumentFragment } from '../../io/share.ts';
import { formatIssues } from '../../state/files.ts';
import { services } from '../../state/services.ts';
import { useSharedViewStore } from '../../state/sharedView.ts';
import { storyActive, useStoryStore } from '../../state/storyStore.ts';
import { notify, useUiStore } from '../../state/uiStore.ts';

const fitSoon = () =>
  requestAnimationFrame(() => requestAnimationFrame(() => services.canvas?.fitView()));

/** Drops the fragment without a new history entry, so a reload shows the visitor's work. */
function clearFragment(): void {
  const url = window.location.href.replace(/#.*$/, '');
  window.history.replaceState(window.history.state, '', url);
}

function openFromHash(): void {
  const hash = window.location.hash;
  if (!isDocumentFragment(hash)) return;
  const result = decodeDocumentFragment(hash);
  clearFragment();
  if (!result.ok) {
    useUiStore.getState().openDialog({
      id: 'problem',
      title: 'This share link could not be opened',
      message:
        'The link is damaged or was not made by Backend Playground (it may have been cut short when it was copied). Your own diagram is open, unchanged. What is wrong:',
      issues: result.errors,
    });
    return;
  }
  // A story step is on show: leave it first, so the learner's own diagram is the one kept aside.
  if (storyActive()) useStoryStore.getState().leave();
  useSharedViewStore.getState().open(result.doc);
  useUiStore.getState().setHintVisible(false);
  if (result.warnings.length) {
    notify(
      'warning',
      'The shared diagram needed small repairs',
      formatIssues(result.warnings).slice(0, 6),
    );
  }
  fitSoon();
}

export function SharedBanner() {
  const title = useSharedViewStore((s) => s.title);
  const viewing = useSharedViewStore((s) => s.stash !== null);

  useEffect(() => {
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, []);

  if (!viewing) return null;
  return (
    <section className="bp-shared" aria-label="Shared diagram">
      <p className="bp-shared__text">
        <strong>You are viewing a shared diagram{title ? `: “${title}”` : ''}.</strong> Your own
        diagram is safe and is not autosaved over while you look.
      </p>
      <div className="bp-shared__actions">
        <button
          type="button"
          className="bp-btn bp-btn--primary"
          onClick={() => {
            useSharedViewStore.getState().keep();
            notify('success', 'The shared diagram is now yours and is saved in this browser.');
          }}
        >
          Keep this diagram
        </button>
        <button
          type="button"
          className="bp-btn"
          onClick={() => {
            useSharedViewStore.getState().back();
            fitSoon();
          }}
        >
          Back to my diagram
        </button>
      </div>
    </section>
  );
}
