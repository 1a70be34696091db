// What the embed shows, from its URL: a story step (the story catalogue's own scenarios) or
// a document from a share-link fragment. Loads it into the same stores the app uses and
// says plainly what went wrong, if anything: the embed shows it, and tells the host page.
// The story and challenge catalogues load only when the URL names one (a diagram link needs
// neither).

import type { ParseResult } from '../../io/documentText.ts';
import { decodeDocumentFragment } from '../../io/share.ts';
import { emptyDocument } from '../../model/example.ts';
import { describeIssues } from '../../model/paths.ts';
import { lostParts } from '../../model/restore.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';
import { CHALLENGE_FROM_PAGE, type EmbedParams, storyName } from '../../ui/share/embedOptions.ts';
import { pastTheEnd } from './protocol.ts';

export type Loaded =
  /** `notes`: what was shown other than asked (a step past the end), for the yellow note. */
  | { ok: true; kind: 'story' | 'doc' | 'challenge'; notes: string[] }
  /** `reason` is the title and details in one plain sentence, for the host page. */
  | { ok: false; title: string; details: string; reason: string };

function failed(title: string, details: string): Loaded {
  useDocumentStore.getState().resetDocument(emptyDocument());
  return { ok: false, title, details, reason: `${title}. ${details.replace(/\n/g, '; ')}` };
}

export async function loadEmbedContent(params: EmbedParams): Promise<Loaded> {
  const docs = useDocumentStore.getState();
  if (params.challenge) {
    // A challenge is for designing: always editable, never saved in this browser (the course
    // page records the grades it is sent).
    const { ensureChallengeCatalog } = await import('../../ui/challenge/catalog.ts');
    const catalog = ensureChallengeCatalog();
    const store = useChallengeStore.getState();
    if (params.challenge === CHALLENGE_FROM_PAGE) {
      docs.resetDocument(emptyDocument());
      return { ok: true, kind: 'challenge', notes: [] };
    }
    const challenge = catalog.challenges.find((c) => c.id === params.challenge);
    if (!challenge) {
      return failed(
        `There is no challenge called “${params.challenge}”`,
        `Challenges in this version: ${catalog.challenges.map((c) => c.id).join(', ')}. Or use challenge=${CHALLENGE_FROM_PAGE} and send one with loadChallenge.`,
      );
    }
    store.open(challenge, { origin: 'embed', persist: false });
    return { ok: true, kind: 'challenge', notes: [] };
  }
  if (params.story) {
    const { ensureStoryCatalog } = await import('../../ui/story/catalog.ts');
    ensureStoryCatalog();
    const story = useStoryStore.getState();
    if (!story.start(params.story.scenarioId, params.story.step)) {
      const known = story.catalog.map((s) => s.id).join(', ');
      return failed(
        `There is no story called “${params.story.scenarioId}”`,
        `Stories in this version: ${known}.`,
      );
    }
    const notes: string[] = [];
    const scenario = useStoryStore.getState().scenario!;
    if (params.story.step >= scenario.steps.length) {
      notes.push(
        pastTheEnd(
          `step ${params.story.step + 1}`,
          storyName(scenario.title),
          scenario.steps.length,
        ),
      );
    }
    if (!params.readOnly) useStoryStore.getState().tryIt();
    return { ok: true, kind: 'story', notes };
  }
  if (params.docFragment) return loadedDocument(decodeDocumentFragment(params.docFragment), params);
  return failed(
    'Nothing to show yet',
    'Add ?story=system-3&step=2 for a story step, or a diagram link (#/doc/v1.…) from File → Embed in Backend Playground.',
  );
}

/** A decoded diagram link on the embed's canvas (read off the main thread when big). */
export function loadedDocument(result: ParseResult, params: EmbedParams): Loaded {
  if (!result.ok) {
    return failed('This embedded diagram could not be read', describeIssues(result.errors));
  }
  const docs = useDocumentStore.getState();
  docs.resetDocument(result.doc);
  docs.setLocked(params.readOnly);
  const lost = lostParts(result.warnings);
  const notes = lost.length
    ? [
        `${lost.length === 1 ? '1 part' : `${lost.length} parts`} of the diagram could not be read and are left out`,
      ]
    : [];
  return { ok: true, kind: 'doc', notes };
}
