import { useSimulationStore } from '../simulationStore.ts';
import type { Action } from './types.ts';

export const playPauseAction: Action = {
  id: 'play-pause',
  label: 'Play / pause',
  description: 'Send traffic through the diagram, or freeze it where it is.',
  keys: ['Space'],
  menu: 'run',
  section: 0,
  order: 0,
  checked: () => useSimulationStore.getState().status === 'playing',
  perform: () => useSimulationStore.getState().togglePlay(),
};
