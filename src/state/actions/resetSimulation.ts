import { useSimulationStore } from '../simulationStore.ts';
import type { Action } from './types.ts';

export const resetSimulationAction: Action = {
  id: 'reset-simulation',
  label: 'Reset run',
  description: 'Stop the run and clear the charts; the diagram stays as it is.',
  keys: ['Shift+R'],
  menu: 'run',
  section: 0,
  order: 2,
  predicate: () => useSimulationStore.getState().status !== 'idle',
  perform: () => useSimulationStore.getState().reset(),
};
