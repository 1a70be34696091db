// The embed's postMessage API (docs/embedding.md), as plain data and pure checks so it can be
// unit-tested: which messages exist, how a command is recognised, and which origins may
// command the embed. Every message carries `source: 'backend-playground'` so a page with
// other iframes (videos, quizzes) can tell ours apart, and so we ignore theirs.

export const MESSAGE_SOURCE = 'backend-playground';
export const PROTOCOL_VERSION = 1;

/** Host → embed. `step` advances the simulation; `goToStep` moves the story (1-based). */
export type Command =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'nextStep' }
  | { type: 'previousStep' }
  | { type: 'goToStep'; step: number }
  /** Challenge embeds: grade the design now, as the Check button does. */
  | { type: 'check' }
  /** Show this challenge (a challenge file's JSON), replacing what the embed shows. */
  | { type: 'loadChallenge'; challenge: unknown };

export type RunState = 'idle' | 'playing' | 'paused';

export interface StoryInfo {
  id: string;
  title: string;
  /** 1-based. */
  step: number;
  steps: number;
  stepTitle: string;
}

/** A challenge as the page sees it. */
export interface ChallengeInfo {
  id: string;
  title: string;
  difficulty: number;
}

/** One goal of a grade, for the course page's records. */
export interface GradedGoal {
  id: string;
  label: string;
  passed: boolean;
  /** The measured figure (the worst over the runs) and its unit, when there is one. */
  value: number | null;
  unit: string | null;
  /** The figure in words: "412 ms", "1.2%". */
  display: string;
  /** "when App 1 crashed at 20 s", when the script ran once per box. */
  where: string | null;
  /** Why it was missed: "App 2 ran out of workers at 41 s". */
  cause: string | null;
}

export interface GradedResult {
  challenge: ChallengeInfo;
  passed: boolean;
  goalsPassed: number;
  goalsTotal: number;
  /** What the design costs a month, US dollars. */
  costUsd: number;
  seed: number;
  /** 'too-big': the design could not be graded; `message` says why. */
  status: 'graded' | 'too-big';
  message: string | null;
  goals: GradedGoal[];
}

export interface Metrics {
  /** Simulated seconds since the run started. */
  simTime_s: number;
  throughput_rps: number;
  /** 0–1, over the last window (a few seconds). */
  errorRate: number;
  p95_ms: number;
}

/** `ready`'s state: the run's, or 'error' when the embed has nothing to show. */
export type ReadyState = RunState | 'error';

/**
 * Embed → host. `embedId` echoes the `id=` URL parameter, to tell several embeds apart.
 * `ready` always arrives, once, even when the embed cannot show anything: then its state is
 * 'error', `error` says why in plain words, and an `error` message with the same reason
 * comes just before it. `warning` answers a command that could not be done as asked (and
 * names URL settings that were not used as written).
 */
export type Event =
  | {
      type: 'ready';
      version: number;
      /** The diagram's title; null when nothing could be loaded. */
      title: string | null;
      story: StoryInfo | null;
      /** The challenge on show, in a challenge embed (null until the page sends one). */
      challenge: ChallengeInfo | null;
      state: ReadyState;
      error: string | null;
    }
  | { type: 'error'; reason: string }
  | { type: 'warning'; message: string; command?: Command['type'] }
  | { type: 'stepChanged'; story: StoryInfo }
  | { type: 'state'; state: RunState }
  | { type: 'metrics'; metrics: Metrics }
  /** After every Check (the learner's or the page's `check`). */
  | ({ type: 'graded' } & GradedResult)
  /** A challenge the page sent with `loadChallenge` is on show. */
  | { type: 'challengeLoaded'; challenge: ChallengeInfo };

export type Outgoing = Event & { source: typeof MESSAGE_SOURCE; embedId?: string };

export type CommandCheck =
  | { ok: true; command: Command }
  /** Not ours at all (another widget's message): ignore silently. */
  | { ok: false; foreign: true }
  | { ok: false; foreign: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Recognises a command; anything else is either someone else's message or a mistake. */
export function parseCommand(data: unknown): CommandCheck {
  if (!isObject(data) || data.source !== MESSAGE_SOURCE) return { ok: false, foreign: true };
  switch (data.type) {
    case 'play':
    case 'pause':
    case 'step':
    case 'reset':
    case 'nextStep':
    case 'previousStep':
    case 'check':
      return { ok: true, command: { type: data.type } };
    case 'loadChallenge':
      if (typeof data.challenge !== 'object' || data.challenge === null) {
        return {
          ok: false,
          foreign: false,
          reason: 'loadChallenge needs `challenge`: the JSON of a challenge file (an object)',
        };
      }
      return { ok: true, command: { type: 'loadChallenge', challenge: data.challenge } };
    case 'goToStep': {
      const step = data.step;
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 1) {
        return { ok: false, foreign: false, reason: 'goToStep needs `step`: a step number from 1' };
      }
      return { ok: true, command: { type: 'goToStep', step } };
    }
    default:
      return {
        ok: false,
        foreign: false,
        reason: `unknown command ${JSON.stringify(data.type)}; known: play, pause, step, reset, nextStep, previousStep, goToStep, check, loadChallenge`,
      };
  }
}

/**
 * The origins allowed to command the embed, and to receive its messages: those named by
 * `origin=`, else the parent page's own origin (from ancestorOrigins, else the referrer).
 * Empty when nothing is known: then the embed neither accepts commands nor posts, rather
 * than trusting everyone ('*').
 */
export function allowedOrigins(
  fromParams: readonly string[],
  ancestorOrigins: readonly string[],
  referrer: string,
): string[] {
  if (fromParams.length) return [...new Set(fromParams)];
  const parent = ancestorOrigins[0];
  if (parent && parent !== 'null') return [parent];
  try {
    const origin = new URL(referrer).origin;
    return origin && origin !== 'null' ? [origin] : [];
  } catch {
    return [];
  }
}

/**
 * Where messages to the parent go: its origin when we know it and it is allowed, else each
 * allowed origin in turn (the browser delivers only the one that matches). Never '*'.
 */
export function postTargets(allowed: readonly string[], parentOrigin: string | null): string[] {
  if (parentOrigin && allowed.includes(parentOrigin)) return [parentOrigin];
  return [...allowed];
}

/** Never more than one `metrics` message per interval; the last figures always get through. */
export function createThrottle(intervalMs: number, now: () => number = Date.now) {
  let last = Number.NEGATIVE_INFINITY;
  return {
    /** true when a message may go now (and records that it went). */
    ready(): boolean {
      const t = now();
      if (t - last < intervalMs) return false;
      last = t;
      return true;
    },
    /** ms until the next message may go. */
    wait(): number {
      return Math.max(0, intervalMs - (now() - last));
    },
  };
}

/** "step 99 is past the end: System 3 has 9 steps; showing step 9". */
export function pastTheEnd(asked: string, storyName: string, steps: number): string {
  const count = steps === 1 ? '1 step' : `${steps} steps`;
  return `${asked} is past the end: ${storyName} has ${count}; showing step ${steps}`;
}

/**
 * What to tell the host when a story command cannot do exactly what it asks: a step past
 * the end (the story goes to the last step), or next/previous with nowhere to go. `step`
 * is the current step, counted from 1. Null when the command does what it says.
 */
export function storyCommandWarning(
  command: Command,
  story: { step: number; steps: number; name: string },
): string | null {
  if (command.type === 'goToStep' && command.step > story.steps) {
    return pastTheEnd(`goToStep ${command.step}`, story.name, story.steps);
  }
  if (command.type === 'nextStep' && story.step >= story.steps) {
    return `nextStep: already at the last step (${story.step} of ${story.steps})`;
  }
  if (command.type === 'previousStep' && story.step <= 1) {
    return `previousStep: already at the first step (1 of ${story.steps})`;
  }
  return null;
}
