// File → Open with a story or a challenge file: it opens as one; a file with a mistake names
// the JSON path and opens nothing, leaving the diagram as it was.

import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { useChallengeStore } from './challengeStore.ts';
import { useDocumentStore } from './documentStore.ts';
import { openDocumentText } from './files.ts';
import { useStoryStore } from './storyStore.ts';
import { useUiStore } from './uiStore.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

beforeEach(() => {
  useChallengeStore.getState().leave();
  useStoryStore.getState().leave();
  useDocumentStore.getState().resetDocument(exampleDocument());
  useUiStore.setState({ dialog: null });
});

describe('opening lesson files', () => {
  it('opens a challenge file as a challenge', () => {
    expect(openDocumentText(read('../story/challenge/fixtures/tiny.json'), 'tiny.json')).toBe(true);
    const s = useChallengeStore.getState();
    expect(s.challenge?.id).toBe('tiny');
    expect(s.origin).toBe('file');
    expect(useDocumentStore.getState().doc.title).toBe('One server');
  });

  it('refuses a challenge file with a mistake, naming the JSON path, and opens nothing', () => {
    const before = useDocumentStore.getState().doc;
    const json = JSON.parse(read('../story/challenge/fixtures/tiny.json'));
    json.goals[0].metric = 'p96';
    expect(openDocumentText(JSON.stringify(json), 'mine.json')).toBe(false);
    const dialog = useUiStore.getState().dialog;
    expect(dialog?.title).toBe('Could not open mine.json');
    expect(dialog?.issues?.[0]).toMatchObject({ path: 'goals[0].metric' });
    expect(dialog?.issues?.[0]?.message).toMatch(/^unknown metric "p96"/);
    expect(useChallengeStore.getState().challenge).toBeNull();
    expect(useDocumentStore.getState().doc).toBe(before);
  });

  it('opens a story file as a story, and names a broken step', () => {
    expect(openDocumentText(read('../story/fixtures/valid-small.json'), 'tiny.json')).toBe(true);
    expect(useStoryStore.getState().scenario?.id).toBe('tiny');
    useStoryStore.getState().leave();
    expect(openDocumentText(read('../story/fixtures/broken-scenario.json'), 'broken.json')).toBe(
      false,
    );
    expect(useUiStore.getState().dialog?.issues?.[0]?.path).toBe(
      'step 2 “Health checks” › expect[1].metric',
    );
  });

  it('still opens a plain diagram as a diagram', () => {
    expect(openDocumentText(JSON.stringify(exampleDocument()), 'd.json')).toBe(true);
    expect(useChallengeStore.getState().challenge).toBeNull();
    expect(useStoryStore.getState().scenario).toBeNull();
  });
});
