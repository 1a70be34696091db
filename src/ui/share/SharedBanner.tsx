// Opens share links (#/doc/v1.…) and, while a shared diagram is on show, the banner that
// lets the visitor keep it (Undo brings their own back) or go back to their own (asking
// first if they changed the shared one). Mounted once by the app, above the canvas. A link
// that cannot be read says why (JSON paths included) and leaves the visitor's own diagram
// open.

import { useEffect, useRef, useState } from 'react';
import { formatSize, type ParseResult } from '../../io/documentText.ts';
import { decodeDocumentFragment, isDocumentFragment } from '../../io/share.ts';
import { lostParts } from '../../model/restore.ts';
import { formatIssues } from '../../state/download.ts';
import { decodeLink, isBigLink } from '../../state/offThread.ts';
import { services } from '../../state/services.ts';
import { sharedViewEdited, useSharedViewStore } from '../../state/sharedView.ts';
import { storyActive, useStoryStore } from '../../state/storyStore.ts';
import { notify, useUiStore } from '../../state/uiStore.ts';

const fitSoon = () =>
  requestAnimationFrame(() => requestAnimationFrame(() => services.canvas?.fitView()));

/** Drops the fragment without a new history entry, so a reload shows the visitor's work. */
function clearFragment(): void {
  const url = window.location.href.replace(/#.*$/, '');
  window.history.replaceState(window.history.state, '', url);
}

/** Bumped by every link opened, so a slow big link cannot land after a newer one. */
let opening = 0;

function openFromHash(): void {
  const hash = window.location.hash;
  if (!isDocumentFragment(hash)) return;
  clearFragment();
  const ticket = ++opening;
  if (!isBigLink(hash)) {
    showShared(decodeDocumentFragment(hash));
    return;
  }
  // A big link is read off the main thread, with a note saying what is happening.
  const setBusy = useUiStore.getState().setBusy;
  setBusy(`Opening the shared diagram (${formatSize(hash.length)})…`);
  void decodeLink(hash, (p) => {
    if (ticket === opening && p.phase === 'checking' && p.boxes) {
      setBusy(`Opening the shared diagram: checking ${p.boxes.toLocaleString('en')} boxes…`);
    }
  }).then((result) => {
    if (ticket !== opening) return;
    setBusy(null);
    showShared(result);
  });
}

function showShared(result: ParseResult): void {
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
  const lost = lostParts(result.warnings);
  if (lost.length) {
    notify(
      'warning',
      `The shared diagram opened without ${lost.length === 1 ? '1 part' : `${lost.length} parts`} it could not read`,
      formatIssues(result.warnings).slice(0, 6),
    );
  } else if (result.warnings.length) {
    notify(
      'warning',
      'The shared diagram needed small repairs',
      formatIssues(result.warnings).slice(0, 6),
    );
  }
  fitSoon();
}

/** Keep: the shared diagram becomes the visitor's, and Undo can bring their own back. */
function keepShared(): void {
  const { replacedOwn } = useSharedViewStore.getState().keep();
  notify(
    'success',
    replacedOwn
      ? 'The shared diagram is now yours and is saved in this browser. Undo brings your previous one back.'
      : 'The shared diagram is now yours and is saved in this browser.',
  );
}

function backToOwn(): void {
  useSharedViewStore.getState().back();
  fitSoon();
}

export function SharedBanner() {
  const title = useSharedViewStore((s) => s.title);
  const viewing = useSharedViewStore((s) => s.stash !== null);
  // "Back to my diagram" after changing the shared one: say what would be lost, and offer
  // to keep the changed diagram instead.
  const [confirmBack, setConfirmBack] = useState(false);
  const firstChoice = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, []);
  // A new link, or leaving the shared view by any way, starts the banner afresh.
  useEffect(() => {
    if (!viewing) setConfirmBack(false);
  }, [viewing]);
  // The question replaces the button that asked it: keyboard focus moves to the answers.
  useEffect(() => {
    if (confirmBack) firstChoice.current?.focus();
  }, [confirmBack]);

  if (!viewing) return null;
  if (confirmBack) {
    return (
      <section
        className="bp-shared is-confirming"
        aria-label="Shared diagram"
        onKeyDown={(e) => {
          if (e.key === 'Escape') setConfirmBack(false);
        }}
      >
        <p className="bp-shared__text" role="alert">
          <strong>You changed this shared diagram.</strong> Going back to your own diagram drops
          those changes. Keep the changed diagram as yours instead (Undo then brings your own back)?
        </p>
        <div className="bp-shared__actions">
          <button
            ref={firstChoice}
            type="button"
            className="bp-btn bp-btn--primary"
            onClick={() => {
              setConfirmBack(false);
              keepShared();
            }}
          >
            Keep my changes
          </button>
          <button
            type="button"
            className="bp-btn bp-btn--danger"
            onClick={() => {
              setConfirmBack(false);
              backToOwn();
            }}
          >
            Drop changes and go back
          </button>
          <button type="button" className="bp-btn" onClick={() => setConfirmBack(false)}>
            Cancel
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="bp-shared" aria-label="Shared diagram">
      <p className="bp-shared__text">
        <strong>You are viewing a shared diagram{title ? `: “${title}”` : ''}.</strong> Your own
        diagram is safe and is not autosaved over while you look.
      </p>
      <div className="bp-shared__actions">
        <button type="button" className="bp-btn bp-btn--primary" onClick={keepShared}>
          Keep this diagram
        </button>
        <button
          type="button"
          className="bp-btn"
          onClick={() => {
            if (sharedViewEdited()) setConfirmBack(true);
            else backToOwn();
          }}
        >
          Back to my diagram
        </button>
      </div>
    </section>
  );
}
