import { FAST_RUN_MS, useSimulationStore } from '../simulationStore.ts';
import type { Action } from './types.ts';

export const runFastAction: Action = {
  id: 'run-fast',
  label: 'Run 60 s fast',
  description: 'Compute the next 60 simulated seconds without animation and fill the charts.',
  menu: 'run',
  section: 1,
  order: 0,
  predicate: () => useSimulationStore.getState().status !== 'fast',
  perform: () => useSimulationStore.getState().runFast(FAST_RUN_MS),
};
