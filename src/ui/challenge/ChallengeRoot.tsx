// Mounted once by the app: opens the challenge a link names
// (#/challenge/one-server, or #/challenge/one-server/v1.… with a design in it), and keeps
// the address on the open challenge so a reload comes back to it (and to the design, which
// the store keeps per challenge). The challenge catalogue is loaded first when a link names
// one (it is not on the first page: see catalog.ts).

import { useEffect } from 'react';
import { describeIssues } from '../../model/paths.ts';
import {
  decodeChallengeDesign,
  formatChallengeHash,
  isChallengeHash,
  parseChallengeHash,
} from '../../story/challenge/links.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';
import { services } from '../../state/services.ts';
import { notify, useUiStore, whileLoading } from '../../state/uiStore.ts';
import { loadOnFirstUse } from '../Loading.tsx';

function setHash(hash: string): void {
  const url = new URL(window.location.href);
  if (url.hash === hash) return;
  url.hash = hash;
  window.history.replaceState(
    window.history.state,
    '',
    hash ? url.href : url.href.replace(/#$/, ''),
  );
}

/** The challenge panel (App renders it inside `Lazy`), loaded with the first challenge. */
export const ChallengePanel = loadOnFirstUse(() =>
  import('./ChallengePanel.tsx').then((m) => m.ChallengePanel),
);

/**
 * A challenge link: its panel and catalogue start loading before the app's first render
 * (the entry calls this), so they arrive while the page draws instead of being asked for
 * after.
 */
export function prefetchLinkedChallenge(): void {
  if (!isChallengeHash(window.location.hash)) return;
  void ChallengePanel.preload();
  void import('./catalog.ts');
}

async function openFromHash(): Promise<void> {
  if (!isChallengeHash(window.location.hash)) return;
  // The panel the challenge opens in loads alongside its catalogue, and is here when it opens.
  await Promise.all([
    whileLoading(
      'Loading the challenge…',
      import('./catalog.ts').then((m) => m.ensureChallengeCatalog()),
    ),
    ChallengePanel.preload(),
  ]);
  // Read again: the address may have changed while the catalogue loaded.
  const hash = window.location.hash;
  if (!isChallengeHash(hash)) return;
  const link = parseChallengeHash(hash);
  const store = useChallengeStore.getState();
  const back = () => {
    const open = useChallengeStore.getState().challenge;
    setHash(open ? formatChallengeHash(open.id) : '');
  };
  if (!link || !store.catalog.some((c) => c.id === link.id)) {
    notify(
      'warning',
      `There is no challenge called “${link?.id ?? hash.slice('#/challenge/'.length)}”. Pick one from Challenge → Open a challenge.`,
    );
    back();
    return;
  }
  if (link.design) {
    const decoded = decodeChallengeDesign(link.design);
    if (!decoded.ok) {
      useUiStore.getState().openDialog({
        id: 'problem',
        title: 'This challenge link’s design could not be read',
        message: 'Nothing was opened. This is what is wrong with the design in the link:',
        issues: decoded.errors,
      });
      back();
      return;
    }
    store.start(link.id, decoded.doc);
    if (decoded.warnings.length) {
      notify(
        'warning',
        'The design in the link needed small repairs',
        describeIssues(decoded.warnings).split('\n'),
      );
    }
  } else if (store.challenge?.id !== link.id) {
    store.start(link.id);
  }
  setHash(formatChallengeHash(link.id));
  requestAnimationFrame(() => setTimeout(() => services.canvas?.fitView(), 60));
}

export function ChallengeRoot() {
  useEffect(() => {
    const unsubscribe = useChallengeStore.subscribe((s, prev) => {
      if (s.challenge === prev.challenge) return;
      if (s.challenge) {
        if (s.origin === 'catalog') setHash(formatChallengeHash(s.challenge.id));
        else if (isChallengeHash(window.location.hash)) setHash('');
        requestAnimationFrame(() => setTimeout(() => services.canvas?.fitView(), 60));
      } else if (isChallengeHash(window.location.hash)) setHash('');
    });
    const onHash = () => void openFromHash();
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      unsubscribe();
    };
  }, []);
  return null;
}
