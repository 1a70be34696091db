// Story mode commands: open the picker, step forward and back (arrow keys, and PageDown /
// PageUp, which is what presentation clickers send), presenter mode, try it yourself, reset
// and leave. The keys only apply while a story is open, so the editor keeps them otherwise.

import { nextScenario, storyActive, useStoryStore } from '../storyStore.ts';
import { useUiStore } from '../uiStore.ts';
import type { Action, ActionContext } from './types.ts';

const story = () => useStoryStore.getState();

/**
 * While the learner edits a step ("Try it yourself") the arrow keys belong to the canvas
 * (nudging a box must not turn the page and drop their edits); the buttons still step.
 */
const keysFree = (ctx: ActionContext) => ctx.source !== 'keyboard' || !story().editing;

export const openStoryAction: Action = {
  id: 'story-open',
  label: 'Open a story…',
  description: 'Pick a guided story: grow a backend one box at a time.',
  menu: 'story',
  section: 0,
  order: 0,
  perform: () => useUiStore.getState().openDialog({ id: 'story-picker' }),
};

export const nextStepAction: Action = {
  id: 'story-next',
  label: 'Next step',
  description: 'Go to the next step of the story; from the last step, on to the next story.',
  keys: ['ArrowRight', 'PageDown'],
  menu: 'story',
  section: 1,
  order: 0,
  predicate: (ctx) => {
    const s = story();
    if (!keysFree(ctx) || s.scenario === null) return false;
    return s.step < s.scenario.steps.length - 1 || nextScenario() !== null;
  },
  perform: () => {
    const s = story();
    if (s.scenario && s.step < s.scenario.steps.length - 1) s.next();
    else {
      const following = nextScenario();
      if (following) s.start(following.id, 0);
    }
  },
};

export const previousStepAction: Action = {
  id: 'story-previous',
  label: 'Previous step',
  description: 'Go back to the previous step of the story.',
  keys: ['ArrowLeft', 'PageUp'],
  menu: 'story',
  section: 1,
  order: 1,
  predicate: (ctx) => keysFree(ctx) && storyActive() && story().step > 0,
  perform: () => story().previous(),
};

export const tryItAction: Action = {
  id: 'story-try',
  label: 'Try it yourself',
  description: 'Unlock this step’s diagram so you can change it and run it.',
  menu: 'story',
  section: 2,
  order: 0,
  predicate: () => storyActive() && !story().editing,
  perform: () => story().tryIt(),
};

export const resetStepAction: Action = {
  id: 'story-reset',
  label: 'Reset step',
  description: 'Put this step’s diagram back the way the story had it.',
  menu: 'story',
  section: 2,
  order: 1,
  predicate: storyActive,
  perform: () => story().resetStep(),
};

function requestFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || !root.requestFullscreen) return;
  // Refused outside a user gesture or in an iframe without permission: the layout alone is
  // still presenter mode.
  root.requestFullscreen().catch(() => undefined);
}

export function exitFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

export const presenterAction: Action = {
  id: 'story-presenter',
  label: 'Presenter mode',
  description: 'Full-screen canvas with the narrative as a large caption; Esc leaves.',
  keys: ['Shift+P'],
  menu: 'story',
  section: 3,
  order: 0,
  predicate: storyActive,
  checked: () => story().presenter,
  perform: () => {
    const on = !story().presenter;
    if (on) requestFullscreen();
    else exitFullscreen();
    story().setPresenter(on);
  },
};

export const leavePresenterAction: Action = {
  id: 'story-presenter-leave',
  label: 'Leave presenter mode',
  description: 'Back to the normal layout.',
  keys: ['Escape'],
  predicate: () => story().presenter,
  perform: () => {
    exitFullscreen();
    story().setPresenter(false);
  },
};

export const leaveStoryAction: Action = {
  id: 'story-leave',
  label: 'Leave the story',
  description: 'Close the story and get your own diagram back.',
  menu: 'story',
  section: 3,
  order: 1,
  predicate: storyActive,
  perform: () => {
    exitFullscreen();
    story().leave();
  },
};
