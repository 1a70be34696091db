// The embed drives the same simulation store as the app. These map the store onto the
// embed's API: run state, figures for `metrics`, and starting a story step's own run.

import type { SimulationState } from '../../state/simulationStore.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { liveScript } from '../../story/challenge/liveScript.ts';
import { currentStep, type StoryState } from '../../state/storyStore.ts';
import type { ChallengeInfo, GradedResult, Metrics, RunState, StoryInfo } from './protocol.ts';
import type { Grade } from '../../story/challenge/grade.ts';
import type { Challenge } from '../../story/challenge/load.ts';

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

/**
 * A fresh run of what is on the canvas: the story step's (or the challenge's) seed and timed
 * actions, if any.
 */
export function startRun(story: Pick<StoryState, 'scenario' | 'step'>, play: boolean): void {
  const step = currentStep(story);
  const challenge = useChallengeStore.getState().challenge;
  const sim = useSimulationStore.getState();
  if (step) sim.start({ seed: step.run.seed, actions: step.actions, play });
  else if (challenge) sim.start({ seed: challenge.run.seed, actions: liveScript(challenge), play });
  else sim.start({ play });
}

export function challengeInfo(challenge: Challenge | null): ChallengeInfo | null {
  return challenge
    ? { id: challenge.id, title: challenge.title, difficulty: challenge.difficulty }
    : null;
}

/** A grade as the course page gets it: the goals with their figures, in plain data. */
export function gradedResult(grade: Grade, challenge: Challenge): GradedResult {
  return {
    challenge: challengeInfo(challenge)!,
    passed: grade.passed,
    goalsPassed: grade.goalsPassed,
    goalsTotal: grade.goalsTotal,
    costUsd: grade.cost.totalUsd,
    seed: grade.seed,
    status: grade.status,
    message: grade.message ?? null,
    goals: grade.rows.map((r) => ({
      id: r.id,
      label: r.label,
      passed: r.passed,
      value: r.value ?? null,
      unit: r.unit ?? null,
      display: r.display,
      where: r.where ?? null,
      cause: r.cause?.text ?? null,
    })),
  };
}
