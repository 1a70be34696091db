export * from './api.ts';
export { Histogram } from './histogram.ts';
export { HOP_OUTCOME_FORWARD, HOP_OUTCOME_OK, type HopBatch } from './hops.ts';
export { type LinkPoint, type SeriesPoint, type WindowSummary, WINDOW_S } from './metrics.ts';
export { buildReport, lbHealth, linkReports, nodeReport } from './report.ts';
export { simulate } from './simulate.ts';
export { describeAction, type SimEvent } from './chaos.ts';
export { Simulation, type SimOptions } from './simulation.ts';
export {
  type Journey,
  type JourneyPhase,
  type JourneySpan,
  type JourneySummary,
  type PhaseKind,
  phaseTotal,
} from './trace.ts';
