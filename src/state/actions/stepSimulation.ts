import { useSimulationStore } from '../simulationStore.ts';
import type { Action } from './types.ts';

export const stepSimulationAction: Action = {
  id: 'step-simulation',
  label: 'Step',
  description: 'Pause and advance a quarter second of playback.',
  keys: ['.'],
  menu: 'run',
  section: 0,
  order: 1,
  predicate: () => useSimulationStore.getState().status !== 'fast',
  perform: () => useSimulationStore.getState().step(),
};
