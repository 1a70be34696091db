// Following one request: which dot (request id) the reader clicked, its journey as the
// engine recorded it (src/sim/trace.ts), and the list of the slowest and the failed
// requests of the last 10 virtual seconds. The journey is asked of the Worker, so it
// works while the run plays and while it is paused; a request still in flight is asked
// again until it ends.

import { create } from 'zustand';
import type { Journey, JourneySummary } from '../sim/index.ts';
import { askLive, onLiveReset, useSimulationStore } from './simulationStore.ts';

export interface JourneyState {
  /** The request followed (a dot's id), or null. */
  followed: number | null;
  journey: Journey | null;
  /** The run no longer keeps that request's journey (or never traced it). */
  missing: boolean;
  listOpen: boolean;
  list: JourneySummary[];
  follow: (id: number) => void;
  close: () => void;
  /** Asks the Worker again (an in-flight request moves on). */
  refresh: () => Promise<void>;
  openList: () => void;
  closeList: () => void;
  refreshList: () => Promise<void>;
}

export const useJourneyStore = create<JourneyState>()((set, get) => ({
  followed: null,
  journey: null,
  missing: false,
  listOpen: false,
  list: [],

  follow: (id) => {
    set({ followed: id, journey: null, missing: false });
    void get().refresh();
  },

  close: () => set({ followed: null, journey: null, missing: false }),

  refresh: async () => {
    const id = get().followed;
    if (id === null) return;
    const j = await askLive((api) => api.journey(id));
    if (get().followed !== id) return; // another dot was clicked meanwhile
    if (j === undefined || j === null) {
      // Keep what was shown if the run has since let it go; say so if it never arrived.
      if (get().journey === null) set({ missing: true });
      return;
    }
    set({ journey: j, missing: false });
  },

  openList: () => {
    set({ listOpen: true });
    void get().refreshList();
  },

  closeList: () => set({ listOpen: false }),

  refreshList: async () => {
    const list = await askLive((api) => api.journeys());
    if (list !== undefined) set({ list });
  },
}));

onLiveReset(() =>
  useJourneyStore.setState({ followed: null, journey: null, missing: false, list: [] }),
);

/** Is the followed journey still changing (in flight while the run plays)? */
export function journeyLive(): boolean {
  const { journey, followed } = useJourneyStore.getState();
  if (followed === null) return false;
  return journey === null || !journey.done || useSimulationStore.getState().status === 'playing';
}
