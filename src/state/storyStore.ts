// The story player's state: which scenario and step are open, whether the learner has
// unlocked editing ("Try it yourself") and whether presenter mode is on. The step logic
// (documents, bounds, deep links) lives in src/story/player.ts; this store only applies it
// to the editor: it loads each step's document into the canvas and keeps the learner's own
// diagram aside, untouched, until the story is left.

import { create } from 'zustand';
import type { TopologyDocument } from '../model/types.ts';
import { cloneDocument } from '../model/clone.ts';
import type { Scenario, StoryStep } from '../story/player.ts';
import { clampStep } from '../story/position.ts';
import type { StoryIssue } from '../story/schema.ts';
import { type DocumentState, onDocumentReplaced, useDocumentStore } from './documentStore.ts';
import { record } from './history.ts';
import { useUiStore } from './uiStore.ts';

/** How a box is marked on the canvas: the box this step adds, or one worth watching. */
export type StoryMark = 'new' | 'notice';

export interface StoryState {
  /** Every scenario that loaded, in picker order. */
  catalog: Scenario[];
  /** Files that did not load, with the reason (shown in the picker, never silently dropped). */
  catalogIssues: { file: string; issues: StoryIssue[] }[];
  scenario: Scenario | null;
  /** 0-based. */
  step: number;
  /** "Try it yourself": the step's document may be edited. */
  editing: boolean;
  presenter: boolean;
  marks: Readonly<Record<string, StoryMark>>;
  /** Bumped each time a step (re)loads, so run controls can restart its traffic. */
  loadCount: number;
  /** The learner's own diagram and its undo history, restored when the story ends. */
  stash: Pick<DocumentState, 'history' | 'doc'> | null;
  setCatalog: (catalog: Scenario[], issues: StoryState['catalogIssues']) => void;
  /** Opens a scenario at a step (0-based, clamped). Returns false for an unknown id. */
  start: (scenarioId: string, step?: number) => boolean;
  goTo: (step: number) => void;
  next: () => void;
  previous: () => void;
  tryIt: () => void;
  resetStep: () => void;
  setPresenter: (on: boolean) => void;
  leave: () => void;
}

function marksFor(step: StoryStep): Record<string, StoryMark> {
  const marks: Record<string, StoryMark> = {};
  for (const id of step.notice.nodes) marks[id] = 'notice';
  for (const id of step.newNodes) marks[id] = 'new';
  return marks;
}

export const useStoryStore = create<StoryState>()((set, get) => {
  /** Puts step `index` of `scenario` on the canvas, read-only, with a fresh history. */
  const load = (scenario: Scenario, index: number) => {
    const step = scenario.steps[clampStep(scenario, index)]!;
    const docs = useDocumentStore.getState();
    docs.setLocked(false);
    docs.resetDocument(cloneDocument(step.doc));
    docs.setLocked(true);
    set((s) => ({
      scenario,
      step: step.index,
      editing: false,
      marks: marksFor(step),
      loadCount: s.loadCount + 1,
    }));
  };
  return {
    catalog: [],
    catalogIssues: [],
    scenario: null,
    step: 0,
    editing: false,
    presenter: false,
    marks: {},
    loadCount: 0,
    stash: null,
    setCatalog: (catalog, catalogIssues) => set({ catalog, catalogIssues }),
    start: (scenarioId, step = 0) => {
      const scenario = get().catalog.find((s) => s.id === scenarioId);
      if (!scenario) return false;
      if (!get().stash) {
        const { history, doc } = useDocumentStore.getState();
        set({ stash: { history, doc } });
      }
      // The editor's "drag a box" hint does not apply to a read-only story step.
      useUiStore.getState().setHintVisible(false);
      load(scenario, step);
      return true;
    },
    goTo: (step) => {
      const { scenario, step: current } = get();
      if (!scenario) return;
      const target = clampStep(scenario, step);
      if (target !== current) load(scenario, target);
    },
    next: () => get().goTo(get().step + 1),
    previous: () => get().goTo(get().step - 1),
    tryIt: () => {
      if (!get().scenario) return;
      useDocumentStore.getState().setLocked(false);
      set({ editing: true });
    },
    resetStep: () => {
      const { scenario, step } = get();
      if (scenario) load(scenario, step);
    },
    setPresenter: (presenter) => set({ presenter: presenter && get().scenario !== null }),
    leave: () => {
      const { stash } = get();
      const docs = useDocumentStore.getState();
      docs.setLocked(false);
      if (stash) useDocumentStore.setState({ history: stash.history, doc: stash.doc });
      set({ scenario: null, step: 0, editing: false, presenter: false, marks: {}, stash: null });
    },
  };
});

// A document brought in during a story (File → Open, New, an import) is the learner's new
// work: the story ends and the document stays, on top of the learner's own history, so
// Undo goes back to their diagram rather than to a story step.
onDocumentReplaced((doc, label) => {
  const { scenario, stash } = useStoryStore.getState();
  if (!scenario) return;
  useDocumentStore.setState({
    locked: false,
    ...(stash ? { history: record(stash.history, doc, label), doc } : {}),
  });
  useStoryStore.setState({
    scenario: null,
    step: 0,
    editing: false,
    presenter: false,
    marks: {},
    stash: null,
  });
});

/** The current step, or null when no story is open. */
export function currentStep(s: Pick<StoryState, 'scenario' | 'step'>): StoryStep | null {
  return s.scenario?.steps[s.step] ?? null;
}

/** Is a story open? For action predicates and autosave. */
export function storyActive(): boolean {
  return useStoryStore.getState().scenario !== null;
}

/** The step's document as authored, e.g. to compare against the learner's edits. */
export function stepDocument(): TopologyDocument | null {
  return currentStep(useStoryStore.getState())?.doc ?? null;
}

/** The story after the open one in the picker's order, for the last step's "Next". */
export function nextScenario(): Scenario | null {
  const { catalog, scenario } = useStoryStore.getState();
  if (!scenario) return null;
  const i = catalog.findIndex((s) => s.id === scenario.id);
  return i >= 0 ? (catalog[i + 1] ?? null) : null;
}
