import { SPEEDS, useSimulationStore } from '../simulationStore.ts';
import type { Action } from './types.ts';

/** The next preset speed up or down from the current one. */
export function nextSpeed(current: number, direction: 1 | -1): number {
  if (direction > 0) return SPEEDS.find((s) => s > current + 1e-9) ?? SPEEDS[SPEEDS.length - 1]!;
  return [...SPEEDS].reverse().find((s) => s < current - 1e-9) ?? SPEEDS[0]!;
}

export const fasterAction: Action = {
  id: 'speed-up',
  label: 'Faster',
  description: 'Play simulated time faster (up to 100×).',
  keys: [']'],
  menu: 'run',
  section: 2,
  order: 0,
  perform: () => {
    const s = useSimulationStore.getState();
    s.setSpeed(nextSpeed(s.speed, 1));
  },
};

export const slowerAction: Action = {
  id: 'speed-down',
  label: 'Slower',
  description: 'Play simulated time slower (down to 0.1×).',
  keys: ['['],
  menu: 'run',
  section: 2,
  order: 1,
  perform: () => {
    const s = useSimulationStore.getState();
    s.setSpeed(nextSpeed(s.speed, -1));
  },
};
