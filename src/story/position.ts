// Where the learner is in a story, and the deep links to a step: no zod and no loaders, so
// the story store and the app's routing need neither on the first page (player.ts, which
// compiles scenario files, re-exports all of it).

import type { Scenario } from './player.ts';

// ── Navigation ────────────────────────────────────────────────────────────────────────

export interface StoryPosition {
  scenarioId: string;
  /** 0-based. */
  step: number;
}

export function clampStep(scenario: Scenario, step: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(scenario.steps.length - 1, Math.trunc(step)));
}

export function goTo(scenario: Scenario, step: number): StoryPosition {
  return { scenarioId: scenario.id, step: clampStep(scenario, step) };
}

export function next(scenario: Scenario, at: StoryPosition): StoryPosition {
  return goTo(scenario, at.step + 1);
}

export function previous(scenario: Scenario, at: StoryPosition): StoryPosition {
  return goTo(scenario, at.step - 1);
}

export function canGoNext(scenario: Scenario, at: StoryPosition): boolean {
  return at.step < scenario.steps.length - 1;
}

export function canGoPrevious(at: StoryPosition): boolean {
  return at.step > 0;
}

/** "Step 3 of 5" as numbers, and the fraction done for a progress bar (1 on the last). */
export function progress(
  scenario: Scenario,
  at: StoryPosition,
): { current: number; total: number; fraction: number } {
  const total = scenario.steps.length;
  const current = clampStep(scenario, at.step) + 1;
  return { current, total, fraction: total ? current / total : 0 };
}

/** Scenarios in picker order: `order`, then id. */
export function sortScenarios<T extends { id: string; order: number }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

// ── Deep links ────────────────────────────────────────────────────────────────────────
// `#/story/system-3/2` opens System 3 at its second step. The URL counts steps from 1,
// as people do; the store counts from 0. `#/story/system-3` opens the first step.

const STORY_HASH = /^#\/story\/([a-z0-9][a-z0-9-]*)(?:\/(\d+))?\/?$/;

export function parseStoryHash(hash: string): StoryPosition | null {
  const m = STORY_HASH.exec(hash);
  if (!m) return null;
  const step = m[2] === undefined ? 1 : Number(m[2]);
  return { scenarioId: m[1]!, step: Math.max(0, step - 1) };
}

export function formatStoryHash(at: StoryPosition): string {
  return `#/story/${at.scenarioId}/${at.step + 1}`;
}
