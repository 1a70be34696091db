// The one place a story step starts its traffic. Each step carries its run settings and
// timed actions (crash app2 at 10 s…); the live view's run controls play them.

import type { StoryStep } from '../../story/player.ts';

export function startStepRun(step: StoryStep): void {
  void step;
}
