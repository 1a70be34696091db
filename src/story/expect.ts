// The expectation checker: does the run show what the step's narrative claims? Each claim
// is checked against an engine Report and explained in words, e.g.
// "expected error rate > 5%, got 0.4%". The engine is deterministic, so a claim about a
// window (fromS..toS) is checked on its own run with warmup = fromS and duration = toS.

import type { Report, RunOptions } from '../sim/api.ts';
import { formatValue, metricLabel, metricUnit, parseMetric, readMetric } from './metrics.ts';
import type { StoryStep } from './player.ts';
import type { Expectation } from './schema.ts';

export interface ExpectationResult {
  expectation: Expectation;
  ok: boolean;
  /** The measured value, when the report had it. */
  actual?: number;
  /** "expected error rate > 5%, got 0.4%" (also said when it passed). */
  message: string;
}

const OP_WORDS: Record<Expectation['op'], string> = {
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

function holds(actual: number, op: Expectation['op'], value: number): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
  }
}

function windowWords(e: Expectation): string {
  if (e.fromS === undefined && e.toS === undefined) return '';
  return ` between ${e.fromS ?? 0} s and ${e.toS === undefined ? 'the end' : `${e.toS} s`}`;
}

/** The claim in words, e.g. "error rate between 10 s and 20 s > 5%". */
export function claimText(e: Expectation, name?: (id: string) => string): string {
  const parsed = parseMetric(e.metric);
  if (!parsed.ok) return e.metric;
  const unit = metricUnit(parsed.ref);
  return `${metricLabel(parsed.ref, name)}${windowWords(e)} ${OP_WORDS[e.op]} ${formatValue(e.value, unit)}`;
}

/** Checks one claim against one report. */
export function evaluate(e: Expectation, report: Report): ExpectationResult {
  const parsed = parseMetric(e.metric);
  if (!parsed.ok) return { expectation: e, ok: false, message: parsed.message };
  const unit = metricUnit(parsed.ref);
  const claim = claimText(e);
  const read = readMetric(parsed.ref, report);
  if (!read.ok)
    return { expectation: e, ok: false, message: `expected ${claim}, but ${read.message}` };
  const ok = holds(read.value, e.op, e.value);
  return {
    expectation: e,
    ok,
    actual: read.value,
    message: `expected ${claim}, got ${formatValue(read.value, unit)}`,
  };
}

/** The run an expectation is measured on: the step's own, or its window's. */
export function runOptionsFor(step: StoryStep, e?: Expectation): RunOptions {
  const durationMs = e?.toS !== undefined ? e.toS * 1000 : step.run.durationMs;
  const warmupMs =
    e?.fromS !== undefined ? e.fromS * 1000 : Math.min(step.run.warmupMs, durationMs / 2);
  return {
    seed: step.run.seed,
    durationMs,
    warmupMs,
    actions: step.actions.filter((a) => a.atMs < durationMs),
  };
}

export type Simulate = (doc: StoryStep['doc'], options: RunOptions) => Report;

export interface StepCheck {
  step: StoryStep;
  /** The step's own run (what the player shows). */
  report: Report;
  results: ExpectationResult[];
}

/** Runs a step (once per distinct window) and checks every claim. */
export function checkStep(step: StoryStep, simulate: Simulate): StepCheck {
  const reports = new Map<string, Report>();
  const reportFor = (options: RunOptions): Report => {
    const key = `${options.warmupMs}/${options.durationMs}`;
    let report = reports.get(key);
    if (!report) {
      report = simulate(step.doc, options);
      reports.set(key, report);
    }
    return report;
  };
  const report = reportFor(runOptionsFor(step));
  const results = step.expect.map((e) => evaluate(e, reportFor(runOptionsFor(step, e))));
  return { step, report, results };
}
