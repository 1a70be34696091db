// The embed drives the same simulation store as the app. These map the store onto the
// embed's API: run state, figures for `metrics`, and starting a story step's own run.

import type { SimulationState } from '../../state/simulationStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { currentStep, type StoryState } from '../../state/storyStore.ts';
import type { Metrics, RunState, StoryInfo } from './protocol.ts';

export function runState(status: SimulationState['status']): RunState {
  if (status === 'playing' || status === 'fast') return 'playing';
  if (status === 'paused') return 'paused';
  return 'idle';
}

export function metricsOf(s: Pick<SimulationState, 't' | 'window'>): Metrics {
  return {
    simTime_s: Math.round(s.t) / 1000,
    throughput_rps: s.window?.throughput_rps ?? 0,
    errorRate: s.window?.errorRate ?? 0,
    p95_ms: s.window?.latency_ms.p95 ?? 0,
  };
}

export function storyInfo(s: Pick<StoryState, 'scenario' | 'step'>): StoryInfo | null {
  const step = currentStep(s);
  if (!s.scenario || !step) return null;
  return {
    id: s.scenario.id,
    title: s.scenario.title,
    step: step.index + 1,
    steps: s.scenario.steps.length,
    stepTitle: step.title,
  };
}

/** A fresh run of what is on the canvas: the story step's seed and timed actions, if any. */
export function startRun(story: Pick<StoryState, 'scenario' | 'step'>, play: boolean): void {
  const step = currentStep(story);
  const sim = useSimulationStore.getState();
  if (step) sim.start({ seed: step.run.seed, actions: step.actions, play });
  else sim.start({ play });
}
