// Challenge mode: which challenge is open, the learner's design for it (kept per challenge
// in the browser), the hints shown so far, the grade of the last Check, and the learner's
// best result per challenge. Grading runs in its own Worker (gradeClient.ts); this store
// only starts it, follows its progress and keeps the result. Like a story, a challenge keeps
// the learner's own diagram aside (with its undo history) until they leave.

import { create } from 'zustand';
import type { TopologyDocument } from '../model/types.ts';
import { cloneDocument } from '../model/clone.ts';
import type { Grade, GradeProgress } from '../story/challenge/grade.ts';
import { liveScript } from '../story/challenge/liveScript.ts';
import type { Challenge } from '../story/challenge/load.ts';
import { normalizeDesign } from '../story/challenge/normalize.ts';
import type { ChallengeIssue } from '../story/challenge/schema.ts';
import { restoreDocument } from '../model/restore.ts';
import { type DocumentState, useDocumentStore } from './documentStore.ts';
import { type Grader, type GradeJob, workerGrader } from './gradeClient.ts';
import { useSelectionStore } from './selectionStore.ts';
import { useSimulationStore } from './simulationStore.ts';
import { useStoryStore } from './storyStore.ts';
import { notify, useUiStore } from './uiStore.ts';

export const CHALLENGE_BEST_KEY = 'backend-playground:challenge-best';
export const challengeDesignKey = (key: string) => `backend-playground:challenge:${key}:design`;

/**
 * Where a challenge's design and best result are kept: by id, and apart for a challenge
 * opened from a file (an instructor's own version may share a bundled one's id).
 */
export function resultKey(s: Pick<ChallengeState, 'challenge' | 'origin'>): string {
  if (!s.challenge) return '';
  return s.origin === 'file' ? `file:${s.challenge.id}` : s.challenge.id;
}
const SAVE_DELAY_MS = 400;

/** The best a learner has done on a challenge. */
export interface BestResult {
  passed: boolean;
  goalsPassed: number;
  goalsTotal: number;
  costUsd: number;
  /** When, as an ISO date. */
  at: string;
}

/** Is `b` better than `a`? A pass beats a miss, more goals beat fewer, then cheaper wins. */
export function isBetter(a: BestResult | undefined, b: BestResult): boolean {
  if (!a) return true;
  if (a.passed !== b.passed) return b.passed;
  if (a.goalsPassed !== b.goalsPassed) return b.goalsPassed > a.goalsPassed;
  return b.costUsd < a.costUsd;
}

export type CheckStatus = 'idle' | 'grading' | 'done' | 'failed';

export interface ChallengeState {
  /** Every challenge that loaded, in picker order. */
  catalog: Challenge[];
  /** Files that did not load, with the reason. */
  catalogIssues: { file: string; issues: ChallengeIssue[] }[];
  challenge: Challenge | null;
  /** Where the open challenge came from (an embed: the course page; there is no leaving it). */
  origin: 'catalog' | 'file' | 'embed';
  /** Whether the design and the best result are kept in this browser (not in an embed). */
  persist: boolean;
  /** How many hints are showing. */
  hints: number;
  status: CheckStatus;
  progress: GradeProgress | null;
  grade: Grade | null;
  /** The design the grade is for (the learner may have changed it since). */
  gradedDoc: TopologyDocument | null;
  error: string | null;
  best: Record<string, BestResult>;
  /** The learner's own diagram and its history, put back when the challenge ends. */
  stash: Pick<DocumentState, 'history' | 'doc'> | null;
  setCatalog: (catalog: Challenge[], issues: ChallengeState['catalogIssues']) => void;
  /** Opens a catalog challenge; false for an unknown id. */
  start: (id: string, design?: TopologyDocument) => boolean;
  /** Opens any compiled challenge (from the catalog, a file or the embedding page). */
  open: (
    challenge: Challenge,
    options?: { design?: TopologyDocument; origin?: ChallengeState['origin']; persist?: boolean },
  ) => void;
  /** Grades the design on the canvas. Resolves with the grade (null if cancelled or failed). */
  check: () => Promise<Grade | null>;
  cancel: () => void;
  showHint: () => void;
  /** The starting diagram again, as one undo step. */
  startOver: () => void;
  /** Plays the graded run live: the same seed and events. */
  replay: () => void;
  leave: () => void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readBest(): Record<string, BestResult> {
  try {
    const text = storage()?.getItem(CHALLENGE_BEST_KEY);
    const data = text ? (JSON.parse(text) as unknown) : null;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const out: Record<string, BestResult> = {};
    for (const [id, v] of Object.entries(data as Record<string, Partial<BestResult>>)) {
      if (
        typeof v?.passed === 'boolean' &&
        typeof v.goalsPassed === 'number' &&
        typeof v.goalsTotal === 'number' &&
        typeof v.costUsd === 'number'
      ) {
        out[id] = { ...(v as BestResult), at: typeof v.at === 'string' ? v.at : '' };
      }
    }
    return out;
  } catch {
    return {};
  }
}

function savedDesign(id: string): TopologyDocument | null {
  try {
    const text = storage()?.getItem(challengeDesignKey(id));
    if (!text) return null;
    const restored = restoreDocument(JSON.parse(text));
    return restored.ok ? restored.doc : null;
  } catch {
    return null;
  }
}

let grader: Grader = workerGrader;
let job: GradeJob | null = null;
/** Bumped by every Check, so a late answer to an older one is ignored. */
let checks = 0;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
type GradedListener = (grade: Grade, challenge: Challenge) => void;
const gradedListeners = new Set<GradedListener>();

/** Tests grade synchronously; the app uses the Worker. */
export function setGrader(next: Grader): void {
  grader = next;
}

/** Told after every Check that produced a grade (the embed posts it to the course page). */
export function onGraded(listener: GradedListener): () => void {
  gradedListeners.add(listener);
  return () => gradedListeners.delete(listener);
}

export const useChallengeStore = create<ChallengeState>()((set, get) => {
  const saveNow = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    const { challenge, persist } = get();
    if (!challenge || !persist) return;
    try {
      storage()?.setItem(
        challengeDesignKey(resultKey(get())),
        JSON.stringify(useDocumentStore.getState().doc),
      );
    } catch {
      // Storage full or disabled: the design still lives on the canvas (File → Save works).
    }
  };

  const record = (challenge: Challenge, grade: Grade) => {
    const result: BestResult = {
      passed: grade.passed,
      goalsPassed: grade.goalsPassed,
      goalsTotal: grade.goalsTotal,
      costUsd: grade.cost.totalUsd,
      at: new Date().toISOString(),
    };
    const best = get().best;
    const key = resultKey({ challenge, origin: get().origin });
    if (!get().persist || !isBetter(best[key], result)) return;
    const next = { ...best, [key]: result };
    set({ best: next });
    try {
      storage()?.setItem(CHALLENGE_BEST_KEY, JSON.stringify(next));
    } catch {
      // Kept for this visit only.
    }
  };

  const close = () => {
    job?.cancel();
    job = null;
    saveNow();
    useSimulationStore.getState().reset();
    useSimulationStore.getState().prime({ actions: [] });
  };

  return {
    catalog: [],
    catalogIssues: [],
    challenge: null,
    origin: 'catalog',
    persist: true,
    hints: 0,
    status: 'idle',
    progress: null,
    grade: null,
    gradedDoc: null,
    error: null,
    best: readBest(),
    stash: null,
    setCatalog: (catalog, catalogIssues) => set({ catalog, catalogIssues }),

    start: (id, design) => {
      const challenge = get().catalog.find((c) => c.id === id);
      if (!challenge) return false;
      get().open(challenge, design ? { design } : {});
      return true;
    },

    open: (challenge, options = {}) => {
      const story = useStoryStore.getState();
      if (story.scenario) story.leave();
      if (get().challenge) close();
      const docs = useDocumentStore.getState();
      if (!get().stash) set({ stash: { history: docs.history, doc: docs.doc } });
      const persist = options.persist ?? true;
      const origin = options.origin ?? 'catalog';
      const doc =
        options.design ??
        (persist ? savedDesign(resultKey({ challenge, origin })) : null) ??
        cloneDocument(challenge.start);
      useSimulationStore.getState().reset();
      useSelectionStore.getState().clear();
      docs.setLocked(false);
      docs.resetDocument(doc);
      useUiStore.getState().setHintVisible(false);
      set({
        challenge,
        origin,
        persist,
        hints: 0,
        status: 'idle',
        progress: null,
        grade: null,
        gradedDoc: null,
        error: null,
      });
      // Play runs the challenge's own script (the sale at 20 s, the deploy at 10 s…).
      useSimulationStore
        .getState()
        .prime({ seed: challenge.run.seed, actions: liveScript(challenge) });
      if (options.design) saveNow();
    },

    check: async () => {
      const { challenge, status } = get();
      if (!challenge || status === 'grading') return null;
      const docs = useDocumentStore.getState();
      const normalized = normalizeDesign(challenge, docs.doc);
      if (normalized.notes.length) {
        docs.change('Apply the challenge’s fixed settings', () => normalized.doc);
        notify('info', 'Check put back what this challenge fixes', normalized.notes.slice(0, 8));
      }
      const design = useDocumentStore.getState().doc;
      set({ status: 'grading', progress: null, error: null });
      const id = ++checks;
      const current = grader(challenge, design, (p) => {
        if (checks === id && get().status === 'grading') set({ progress: p });
      });
      job = current;
      const result = await current.promise;
      if (job !== current || checks !== id) return null; // cancelled by leaving, or replaced
      job = null;
      if (!result.ok) {
        set({
          status: result.cancelled ? (get().grade ? 'done' : 'idle') : 'failed',
          progress: null,
          error: result.cancelled ? null : result.message,
        });
        if (result.cancelled) notify('info', 'Check cancelled. Your design is as it was.');
        return null;
      }
      set({ status: 'done', grade: result.grade, gradedDoc: design, progress: null });
      record(challenge, result.grade);
      for (const l of gradedListeners) l(result.grade, challenge);
      return result.grade;
    },

    cancel: () => job?.cancel(),

    showHint: () => {
      const { challenge, hints } = get();
      if (challenge) set({ hints: Math.min(challenge.hints.length, hints + 1) });
    },

    startOver: () => {
      const { challenge } = get();
      if (!challenge) return;
      useDocumentStore
        .getState()
        .replaceDocument(cloneDocument(challenge.start), 'Start the challenge over');
    },

    replay: () => {
      const { grade } = get();
      if (grade?.status !== 'graded') return;
      const { replay } = grade.shown;
      useUiStore.getState().setBottomPanelOpen(true);
      useSimulationStore
        .getState()
        .start({ seed: replay.seed, actions: replay.actions, play: true });
    },

    leave: () => {
      if (!get().challenge) return;
      close();
      const { stash } = get();
      useSelectionStore.getState().clear();
      if (stash) useDocumentStore.setState({ history: stash.history, doc: stash.doc });
      set({
        challenge: null,
        stash: null,
        hints: 0,
        status: 'idle',
        progress: null,
        grade: null,
        gradedDoc: null,
        error: null,
      });
    },
  };
});

/** Is a challenge open? (Autosave leaves the learner's own diagram alone meanwhile.) */
export function challengeActive(): boolean {
  return useChallengeStore.getState().challenge !== null;
}

// The learner's design is kept per challenge, shortly after every change.
useDocumentStore.subscribe((s, prev) => {
  if (s.doc === prev.doc || !challengeActive()) return;
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    const state = useChallengeStore.getState();
    if (!state.challenge || !state.persist) return;
    try {
      storage()?.setItem(
        challengeDesignKey(resultKey(state)),
        JSON.stringify(useDocumentStore.getState().doc),
      );
    } catch {
      // Storage full or disabled.
    }
  }, SAVE_DELAY_MS);
});

// A story opened during a challenge ends the challenge: the story keeps the learner's own
// diagram aside (not the challenge design, which is saved with the challenge).
useStoryStore.subscribe((s, prev) => {
  if (prev.scenario || !s.scenario) return;
  const state = useChallengeStore.getState();
  const { challenge, stash, persist } = state;
  if (!challenge) return;
  job?.cancel();
  job = null;
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  // What the story put aside is the challenge design as it was: keep it with the challenge.
  const design = s.stash?.doc;
  if (design && persist) {
    try {
      storage()?.setItem(challengeDesignKey(resultKey(state)), JSON.stringify(design));
    } catch {
      // Storage full or disabled.
    }
  }
  useSimulationStore.getState().prime({ actions: [] });
  if (stash) useStoryStore.setState({ stash });
  useChallengeStore.setState({
    challenge: null,
    stash: null,
    hints: 0,
    status: 'idle',
    progress: null,
    grade: null,
    gradedDoc: null,
    error: null,
  });
});
