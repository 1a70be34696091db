// What the Share and Embed dialogs offer: in a story, the step (a short link that always
// shows the story's version) or the diagram as it is now; otherwise the diagram.

import { useMemo } from 'react';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';
import { currentStep, useStoryStore } from '../../state/storyStore.ts';
import { frameTitle } from './embedOptions.ts';
import type { ShareTarget } from './links.ts';

export interface TargetChoice {
  id: 'story' | 'challenge' | 'doc';
  label: string;
  /** The embed's iframe title: "Backend Playground: System 3, step 2 — One slow server". */
  frameTitle: string;
  target: ShareTarget;
}

export function useTargetChoices(): TargetChoice[] {
  const doc = useDocumentStore((s) => s.doc);
  const scenario = useStoryStore((s) => s.scenario);
  const stepIndex = useStoryStore((s) => s.step);
  // Only a bundled challenge can be named in a link; one opened from a file travels as a file.
  const challenge = useChallengeStore((s) =>
    s.challenge && s.origin === 'catalog' ? s.challenge : null,
  );
  // Memoized: the dialogs build links (and copy them) only when the target really changes.
  return useMemo(() => {
    const step = currentStep({ scenario, step: stepIndex });
    const choices: TargetChoice[] = [];
    if (scenario && step) {
      choices.push({
        id: 'story',
        label: `This story step: ${scenario.title}, step ${step.index + 1} (${step.title})`,
        frameTitle: frameTitle({
          kind: 'story',
          storyTitle: scenario.title,
          step: step.index + 1,
          stepTitle: step.title,
        }),
        target: { kind: 'story', scenarioId: scenario.id, step: step.index },
      });
    }
    if (challenge) {
      choices.push({
        id: 'challenge',
        label: `This challenge with your design as it is now (“${challenge.title}”)`,
        frameTitle: `Backend Playground challenge: ${challenge.title}`,
        target: { kind: 'challenge', challengeId: challenge.id, doc },
      });
    }
    choices.push({
      id: 'doc',
      label: `The diagram as it is now (“${doc.title}”, ${doc.nodes.length} boxes)`,
      frameTitle: frameTitle({ kind: 'doc', title: doc.title }),
      target: { kind: 'doc', doc },
    });
    return choices;
  }, [doc, scenario, stepIndex, challenge]);
}
