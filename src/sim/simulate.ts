// One-shot runs for the CLI, the story checker, tests and the bench.

import type { TopologyDocument } from '../model/types.ts';
import type { Report, RunOptions } from './api.ts';
import { buildReport } from './report.ts';
import { Simulation } from './simulation.ts';

/** Runs `doc` for options.durationMs of virtual time and reports (after warmup). */
export function simulate(doc: TopologyDocument, options: RunOptions): Report {
  const sim = new Simulation(doc, {
    seed: options.seed,
    warmupMs: options.warmupMs ?? 0,
    networkMs: options.networkMs ?? 0,
    actions: options.actions ?? [],
  });
  sim.runUntil(options.durationMs);
  return buildReport(sim);
}
