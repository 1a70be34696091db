// The one place story mode drives the live run: each step starts its own traffic as soon
// as its document is on the canvas, with the step's seed and timed actions (crash app2 at
// 10 s…), and leaving the story stops it.

import { useSimulationStore } from '../../state/simulationStore.ts';
import type { StoryStep } from '../../story/player.ts';

export function startStepRun(step: StoryStep): void {
  useSimulationStore.getState().start({ seed: step.run.seed, actions: step.actions, play: true });
}

export function stopStoryRun(): void {
  useSimulationStore.getState().reset();
}
