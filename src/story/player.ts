// The story player's logic, free of React: turns a scenario file into steps with full
// documents (diffs applied cumulatively), checks every id a step mentions, and handles
// navigation and deep links. The UI keeps only "which scenario, which step" in its store.

import type { TopologyDocument } from '../model/types.ts';
import type { TimedAction } from '../sim/api.ts';
import { applyChange, cloneDocument, type DiffResult, strictDocument } from './diff.ts';
import { parseMetric } from './metrics.ts';
import {
  type Expectation,
  type ParseResult,
  parseScenarioSource,
  type ScenarioSource,
  type StepSource,
  type StoryIssue,
} from './schema.ts';

/** Defaults for a step without `run`: short, so a class does not wait. */
export const DEFAULT_RUN = { durationS: 30, warmupS: 5, seed: 1 } as const;

export interface StoryStep {
  /** 0-based position; people see index + 1. */
  index: number;
  title: string;
  narrative: string;
  doc: TopologyDocument;
  /** Boxes this step adds (or, for a settings-only step, the boxes whose settings changed). */
  newNodes: string[];
  actions: TimedAction[];
  run: { durationMs: number; warmupMs: number; seed: number };
  notice: { nodes: string[]; metrics: string[]; text?: string };
  questions: { q: string; a: string }[];
  expect: Expectation[];
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  order: number;
  steps: StoryStep[];
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; issues: StoryIssue[] };

/** Validates and compiles a scenario file's parsed JSON. Never throws. */
export function loadScenario(input: unknown, name: string): LoadResult {
  const parsed: ParseResult = parseScenarioSource(input, name);
  if (!parsed.ok) return parsed;
  return compileScenario(parsed.scenario);
}

export function compileScenario(source: ScenarioSource): LoadResult {
  const issues: StoryIssue[] = [];
  const steps: StoryStep[] = [];
  let previous: TopologyDocument | undefined;
  source.steps.forEach((step, index) => {
    const at = (path: string, message: string): StoryIssue => ({
      scenario: source.id,
      step: index + 1,
      stepTitle: step.title,
      path,
      message,
    });
    let result: DiffResult;
    if (step.document !== undefined) result = strictDocument(step.document, 'document');
    else if (previous && step.change) result = applyChange(previous, step.change);
    else if (previous) result = { ok: true, doc: cloneDocument(previous), added: [], patched: [] };
    else {
      // Later steps build on the first; when it has no document, that one message is enough.
      if (index === 0) issues.push(at('document', 'the first step needs a full document'));
      return;
    }
    if (!result.ok) {
      issues.push(...result.issues.map((i) => at(i.path, i.message)));
      return;
    }
    const doc = result.doc;
    const stepIssues = referenceIssues(step, doc).map((i) => at(i.path, i.message));
    issues.push(...stepIssues);
    previous = doc;
    if (stepIssues.length) return;
    const derived =
      step.document !== undefined ? [] : result.added.length ? result.added : result.patched;
    const run = { ...DEFAULT_RUN, ...step.run };
    steps.push({
      index,
      title: step.title,
      narrative: step.narrative,
      doc,
      newNodes: step.newNodes ?? derived,
      actions: (step.actions ?? []).map((a) => ({
        atMs: a.atMs ?? Math.round((a.atS ?? 0) * 1000),
        action: a.action,
      })),
      run: {
        durationMs: run.durationS * 1000,
        warmupMs: (step.run?.warmupS ?? Math.min(DEFAULT_RUN.warmupS, run.durationS / 2)) * 1000,
        seed: run.seed,
      },
      notice: {
        nodes: step.notice?.nodes ?? [],
        metrics: step.notice?.metrics ?? [],
        ...(step.notice?.text ? { text: step.notice.text } : {}),
      },
      questions: step.questions ?? [],
      expect: (step.expect ?? []) as Expectation[],
    });
  });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    scenario: {
      id: source.id,
      title: source.title,
      summary: source.summary,
      order: source.order ?? Number.POSITIVE_INFINITY,
      steps,
    },
  };
}

/** Every box or connection id a step mentions must exist in its document. */
function referenceIssues(
  step: StepSource,
  doc: TopologyDocument,
): { path: string; message: string }[] {
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const edges = new Set(doc.edges.map((e) => e.id));
  const out: { path: string; message: string }[] = [];
  const needNode = (id: string, path: string) => {
    if (!nodes.has(id)) out.push({ path, message: `no box with id "${id}" in this step` });
  };
  (step.actions ?? []).forEach((a, i) => {
    const action = a.action;
    if ('node' in action) needNode(action.node, `actions[${i}].action.node`);
    else if (!edges.has(action.edge)) {
      out.push({
        path: `actions[${i}].action.edge`,
        message: `no connection with id "${action.edge}" in this step`,
      });
    }
    const atMs = a.atMs ?? (a.atS ?? 0) * 1000;
    const durationMs = (step.run?.durationS ?? DEFAULT_RUN.durationS) * 1000;
    if (atMs >= durationMs) {
      out.push({
        path: `actions[${i}]`,
        message: `happens at ${atMs / 1000} s, after the run ends (${durationMs / 1000} s)`,
      });
    }
  });
  (step.notice?.nodes ?? []).forEach((id, i) => {
    needNode(id, `notice.nodes[${i}]`);
  });
  (step.newNodes ?? []).forEach((id, i) => {
    needNode(id, `newNodes[${i}]`);
  });
  (step.notice?.metrics ?? []).forEach((m, i) => {
    const parsed = parseMetric(m);
    if (parsed.ok && 'node' in parsed.ref) needNode(parsed.ref.node, `notice.metrics[${i}]`);
  });
  (step.expect ?? []).forEach((e, i) => {
    const parsed = parseMetric(e.metric);
    if (parsed.ok && 'node' in parsed.ref) needNode(parsed.ref.node, `expect[${i}].metric`);
    const durationS = step.run?.durationS ?? DEFAULT_RUN.durationS;
    if (e.toS !== undefined && e.toS > durationS) {
      out.push({
        path: `expect[${i}].toS`,
        message: `window ends at ${e.toS} s, after the run ends (${durationS} s)`,
      });
    }
    if (e.fromS !== undefined && e.toS === undefined && e.fromS >= durationS) {
      out.push({
        path: `expect[${i}].fromS`,
        message: `window starts at ${e.fromS} s, after the run ends (${durationS} s)`,
      });
    }
  });
  return out;
}

// ── Navigation and deep links: position.ts (on the first page without the loaders) ──

export {
  canGoNext,
  canGoPrevious,
  clampStep,
  formatStoryHash,
  goTo,
  next,
  parseStoryHash,
  previous,
  progress,
  type StoryPosition,
  sortScenarios,
} from './position.ts';

// ── Narrative: narrative.ts (the presenter's caption shows it without the loaders) ──

export { type NarrativeBlock, narrativeBlocks } from './narrative.ts';
