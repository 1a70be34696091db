// Challenge mode commands: open the picker, Check the design (Mod+Enter), a hint, start
// over, watch the graded run live, and leave.

import { challengeActive, useChallengeStore } from '../challengeStore.ts';
import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

const challenge = () => useChallengeStore.getState();

export const openChallengeAction: Action = {
  id: 'challenge-open',
  label: 'Open a challenge…',
  description:
    'Pick a challenge: fix a system that breaks, within a budget, and let the engine grade it.',
  menu: 'challenge',
  section: 0,
  order: 0,
  perform: () => useUiStore.getState().openDialog({ id: 'challenge-picker' }),
};

export const checkDesignAction: Action = {
  id: 'challenge-check',
  label: 'Check my design',
  description: 'Run the challenge’s script in the engine and grade every goal.',
  keys: ['Mod+Enter'],
  menu: 'challenge',
  section: 1,
  order: 0,
  predicate: () => challengeActive() && challenge().status !== 'grading',
  perform: () => {
    void challenge().check();
  },
};

export const challengeHintAction: Action = {
  id: 'challenge-hint',
  label: 'Show a hint',
  description: 'Show the next hint for this challenge.',
  menu: 'challenge',
  section: 1,
  order: 1,
  predicate: () => {
    const s = challenge();
    return s.challenge !== null && s.hints < s.challenge.hints.length;
  },
  perform: () => challenge().showHint(),
};

export const replayGradeAction: Action = {
  id: 'challenge-replay',
  label: 'Watch the graded run live',
  description: 'Play the run the last Check graded, with the same seed and events.',
  menu: 'challenge',
  section: 1,
  order: 2,
  predicate: () => challenge().grade?.status === 'graded',
  perform: () => challenge().replay(),
};

export const startOverAction: Action = {
  id: 'challenge-start-over',
  label: 'Start over',
  description: 'Put the challenge’s starting diagram back (Undo brings your design back).',
  menu: 'challenge',
  section: 2,
  order: 0,
  predicate: challengeActive,
  perform: () => challenge().startOver(),
};

export const leaveChallengeAction: Action = {
  id: 'challenge-leave',
  label: 'Leave the challenge',
  description:
    'Close the challenge and get your own diagram back. Your design is kept for next time.',
  menu: 'challenge',
  section: 2,
  order: 1,
  predicate: () => challengeActive() && challenge().origin !== 'embed',
  perform: () => challenge().leave(),
};
