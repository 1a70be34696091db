// File → Open with a story or a challenge file instead of a diagram, so an instructor can
// hand out their own without rebuilding the app. The file is held to the same checks as the
// bundled ones; any problem is named by its JSON path and nothing is opened.

import type { DocIssue } from '../model/paths.ts';
import { loadChallenge, looksLikeChallenge } from '../story/challenge/load.ts';
import { loadScenario } from '../story/player.ts';
import { useChallengeStore } from './challengeStore.ts';
import { useStoryStore } from './storyStore.ts';
import { notify, useUiStore } from './uiStore.ts';

/** A story file: an object with an id and steps (a diagram has nodes and edges instead). */
export function looksLikeStory(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    Array.isArray((input as { steps?: unknown }).steps) &&
    !('nodes' in input)
  );
}

const nameOf = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');

function refuse(fileName: string, what: string, issues: DocIssue[]): false {
  useUiStore.getState().openDialog({
    id: 'problem',
    title: `Could not open ${fileName}`,
    message: `This ${what} file was not opened; your diagram is as it was. This is what is wrong with it:`,
    issues,
  });
  return false;
}

/**
 * Opens parsed JSON as a story or a challenge when it is one. Returns null when it is neither
 * (then it is a diagram), else whether it opened.
 */
export function openLessonData(data: unknown, fileName: string): boolean | null {
  if (looksLikeChallenge(data)) {
    const loaded = loadChallenge(data, nameOf(fileName));
    if (!loaded.ok) {
      return refuse(
        fileName,
        'challenge',
        loaded.issues.map((i) => ({ path: i.path, message: i.message })),
      );
    }
    useChallengeStore.getState().open(loaded.challenge, { origin: 'file' });
    notify('success', `Opened the challenge “${loaded.challenge.title}”`);
    return true;
  }
  if (looksLikeStory(data)) {
    const loaded = loadScenario(data, nameOf(fileName));
    if (!loaded.ok) {
      return refuse(
        fileName,
        'story',
        loaded.issues.map((i) => ({
          path:
            i.step === undefined
              ? i.path
              : `step ${i.step}${i.stepTitle ? ` “${i.stepTitle}”` : ''} › ${i.path}`,
          message: i.message,
        })),
      );
    }
    const story = useStoryStore.getState();
    const scenario = loaded.scenario;
    story.setCatalog(
      [...story.catalog.filter((s) => s.id !== scenario.id), scenario],
      story.catalogIssues,
    );
    useStoryStore.getState().start(scenario.id, 0);
    notify('success', `Opened the story “${scenario.title}”`);
    return true;
  }
  return null;
}
