// Runs every step of a scenario headless and checks its claims; shared by
// `npm run story:check` and the scenarios test, so both say the same thing.

import { checkStep, type Simulate, type StepCheck } from './expect.ts';
import type { Scenario } from './player.ts';

export interface ScenarioCheck {
  scenario: Scenario;
  steps: StepCheck[];
  failures: number;
}

export function checkScenario(scenario: Scenario, simulate: Simulate): ScenarioCheck {
  const steps = scenario.steps.map((step) => checkStep(step, simulate));
  const failures = steps.reduce((n, s) => n + s.results.filter((r) => !r.ok).length, 0);
  return { scenario, steps, failures };
}

/** One row per claim: where it is, whether it holds, and the sentence that says so. */
export function checkRows(check: ScenarioCheck): string[][] {
  const rows: string[][] = [];
  for (const s of check.steps) {
    const where = `${check.scenario.id} ${s.step.index + 1}`;
    if (!s.results.length) {
      rows.push([where, s.step.title, '—', 'no claims']);
      continue;
    }
    for (const r of s.results) {
      rows.push([where, s.step.title, r.ok ? 'ok' : 'FAIL', r.message]);
    }
  }
  return rows;
}

export function formatTable(rows: readonly string[][], head: readonly string[]): string {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  return [
    line(head),
    widths.map((w) => '─'.repeat(Math.min(w, 60))).join('  '),
    ...rows.map(line),
  ].join('\n');
}
