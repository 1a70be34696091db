// What the embed shows, from its URL: a story step (the story catalogue's own scenarios) or
// a document from a share-link fragment. Loads it into the same stores the app uses and
// says plainly what went wrong, if anything.

import { decodeDocumentFragment } from '../../io/share.ts';
import { emptyDocument } from '../../model/example.ts';
import { describeIssues } from '../../model/paths.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import type { EmbedParams } from '../../ui/share/embedOptions.ts';
import { loadCatalog } from '../../ui/story/catalog.ts';

export type Loaded =
  | { ok: true; kind: 'story' | 'doc' }
  | { ok: false; title: string; details: string };

export function loadEmbedContent(params: EmbedParams): Loaded {
  const docs = useDocumentStore.getState();
  if (params.story) {
    const catalog = loadCatalog();
    const story = useStoryStore.getState();
    story.setCatalog(catalog.scenarios, catalog.issues);
    if (!story.start(params.story.scenarioId, params.story.step)) {
      docs.resetDocument(emptyDocument());
      const known = catalog.scenarios.map((s) => s.id).join(', ');
      return {
        ok: false,
        title: `There is no story called “${params.story.scenarioId}”`,
        details: `Stories in this version: ${known}.`,
      };
    }
    if (!params.readOnly) useStoryStore.getState().tryIt();
    return { ok: true, kind: 'story' };
  }
  if (params.docFragment) {
    const result = decodeDocumentFragment(params.docFragment);
    if (!result.ok) {
      docs.resetDocument(emptyDocument());
      return {
        ok: false,
        title: 'This embedded diagram could not be read',
        details: describeIssues(result.errors),
      };
    }
    docs.resetDocument(result.doc);
    docs.setLocked(params.readOnly);
    return { ok: true, kind: 'doc' };
  }
  docs.resetDocument(emptyDocument());
  return {
    ok: false,
    title: 'Nothing to show yet',
    details:
      'Add ?story=system-3&step=2 for a story step, or a diagram link (#/doc/v1.…) from File → Embed in Backend Playground.',
  };
}
