// A challenge file's parsed JSON → a Challenge ready to grade: the starting diagram held to
// the strict bar of scenarios, every id the script, the goals and the constraints name
// checked against it, and every solution compiled (a full document or a change from the
// start). Plain data throughout, so a Challenge can be posted to the grading Worker.

import { formatPath } from '../../model/paths.ts';
import type { NodeKind, TopologyDocument } from '../../model/types.ts';
import type { ChaosAction } from '../../sim/api.ts';
import { applyChange, strictDocument } from '../diff.ts';
import { change as changeSchema } from '../schema.ts';
import { parseGoalMetric } from './goals.ts';
import {
  type ChallengeIssue,
  type ChallengeSource,
  type Goal,
  parseChallengeSource,
} from './schema.ts';

export type { Goal, MetricGoal, SpofGoal } from './schema.ts';

export interface CrashAny {
  type: 'crashAny';
  kinds?: NodeKind[];
}

export interface ScriptEvent {
  atMs: number;
  action: ChaosAction | CrashAny;
  label?: string;
}

export interface Solution {
  title: string;
  note?: string;
  doc: TopologyDocument;
}

export interface Constraints {
  /** Kinds the design may use; null: any. */
  kinds: NodeKind[] | null;
  /** Boxes that must stay (named, plus the users, and every box the script or goals name). */
  keep: string[];
  /** Connections that must stay (the script cuts them). */
  keepEdges: string[];
  budgetUsd: number | null;
  /** By kind: setting keys held at the starting design's values. */
  fixed: Partial<Record<NodeKind, string[]>>;
}

export interface Challenge {
  id: string;
  title: string;
  summary: string;
  difficulty: number;
  order: number;
  brief: string;
  start: TopologyDocument;
  run: { durationMs: number; warmupMs: number; seed: number };
  script: ScriptEvent[];
  constraints: Constraints;
  goals: Goal[];
  hints: string[];
  solutions: Solution[];
}

export type LoadChallengeResult =
  | { ok: true; challenge: Challenge }
  | { ok: false; issues: ChallengeIssue[] };

export const DEFAULT_CHALLENGE_WARMUP_S = 5;

/** Validates and compiles a challenge file's parsed JSON. Never throws. */
export function loadChallenge(input: unknown, name: string): LoadChallengeResult {
  const parsed = parseChallengeSource(input, name);
  if (!parsed.ok) return parsed;
  return compileChallenge(parsed.source);
}

export function compileChallenge(source: ChallengeSource): LoadChallengeResult {
  const issues: ChallengeIssue[] = [];
  const at = (path: string, message: string) =>
    issues.push({ challenge: source.id, path, message });

  const started = strictDocument(source.start, 'start');
  if (!started.ok) {
    for (const i of started.issues) at(i.path, i.message);
    return { ok: false, issues };
  }
  const start = started.doc;
  const nodes = new Map(start.nodes.map((n) => [n.id, n]));
  const edges = new Set(start.edges.map((e) => e.id));
  const durationS = source.run.durationS;
  const durationMs = durationS * 1000;
  const c = source.constraints ?? {};

  if (c.kinds) {
    start.nodes.forEach((n, i) => {
      if (!c.kinds!.includes(n.kind)) {
        at(`start.nodes[${i}].kind`, `"${n.kind}" is not in constraints.kinds`);
      }
    });
  }
  const keep = new Set<string>();
  const keepEdges = new Set<string>();
  (c.keep ?? []).forEach((k, i) => {
    if (nodes.has(k)) keep.add(k);
    else if (edges.has(k)) keepEdges.add(k);
    else
      at(`constraints.keep[${i}]`, `no box or connection with id "${k}" in the starting diagram`);
  });
  for (const n of start.nodes) if (n.kind === 'client') keep.add(n.id);

  const script = (source.script ?? []).map((e, i) => {
    const atMs = e.atMs ?? Math.round((e.atS ?? 0) * 1000);
    if (atMs >= durationMs) {
      at(`script[${i}]`, `happens at ${atMs / 1000} s, after the run ends (${durationS} s)`);
    }
    const action = e.action;
    if ('node' in action) {
      if (!nodes.has(action.node)) {
        at(`script[${i}].action.node`, `no box with id "${action.node}" in the starting diagram`);
      } else keep.add(action.node);
    } else if ('edge' in action) {
      if (!edges.has(action.edge)) {
        at(
          `script[${i}].action.edge`,
          `no connection with id "${action.edge}" in the starting diagram`,
        );
      } else keepEdges.add(action.edge);
    }
    return { atMs, action, ...(e.label ? { label: e.label } : {}) } as ScriptEvent;
  });
  const crashAnys = script.filter((e) => e.action.type === 'crashAny').length;
  if (crashAnys > 1) at('script', 'only one crashAny per challenge (each one multiplies the runs)');

  const hasSpof = source.goals.some((g) => g.type === 'spof');
  if (hasSpof && crashAnys > 0) {
    at(
      'goals',
      'a noSinglePointOfFailure goal already crashes each box in turn; drop the crashAny',
    );
  }
  source.goals.forEach((g, i) => {
    if (g.type === 'metric') {
      const parsed = parseGoalMetric(g.metric);
      if (parsed.ok && 'node' in parsed.ref) {
        if (!nodes.has(parsed.ref.node)) {
          at(`goals[${i}].metric`, `no box with id "${parsed.ref.node}" in the starting diagram`);
        } else keep.add(parsed.ref.node);
      }
      if (g.fromS !== undefined && g.fromS >= durationS) {
        at(`goals[${i}].fromS`, `starts at ${g.fromS} s, after the run ends (${durationS} s)`);
      }
    } else {
      const from = g.fromS ?? g.atS + 10;
      if (g.atS >= durationS) {
        at(`goals[${i}].atS`, `the crash at ${g.atS} s is after the run ends (${durationS} s)`);
      } else if (from >= durationS) {
        at(
          `goals[${i}].fromS`,
          `measuring from ${from} s leaves nothing to measure: the run ends at ${durationS} s`,
        );
      } else if (from < g.atS) {
        at(`goals[${i}].fromS`, 'must not be before the crash (atS)');
      }
    }
  });

  const solutions = source.solutions.map((s, i) => {
    const path = `solutions[${i}]`;
    if (s.document !== undefined) {
      const result = strictDocument(s.document, `${path}.document`);
      if (!result.ok) {
        for (const issue of result.issues) at(issue.path, issue.message);
        return null;
      }
      return { title: s.title, ...(s.note ? { note: s.note } : {}), doc: result.doc };
    }
    const shape = changeSchema.safeParse(s.change);
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        at(`${path}.change${issue.path.length ? `.${formatPath(issue.path)}` : ''}`, issue.message);
      }
      return null;
    }
    const result = applyChange(start, shape.data);
    if (!result.ok) {
      for (const issue of result.issues) {
        at(`${path}.${issue.path.replace(/^change/, 'change')}`, issue.message);
      }
      return null;
    }
    return { title: s.title, ...(s.note ? { note: s.note } : {}), doc: result.doc };
  });

  if (issues.length) return { ok: false, issues };
  const warmupS = source.run.warmupS ?? Math.min(DEFAULT_CHALLENGE_WARMUP_S, durationS / 2);
  return {
    ok: true,
    challenge: {
      id: source.id,
      title: source.title,
      summary: source.summary,
      difficulty: source.difficulty,
      order: source.order ?? Number.POSITIVE_INFINITY,
      brief: source.brief,
      start,
      run: { durationMs, warmupMs: warmupS * 1000, seed: source.run.seed ?? 1 },
      script,
      constraints: {
        kinds: c.kinds ? [...c.kinds] : null,
        keep: [...keep],
        keepEdges: [...keepEdges],
        budgetUsd: c.budgetUsd ?? null,
        fixed: c.fixed ?? {},
      },
      goals: source.goals,
      hints: source.hints,
      solutions: solutions as Solution[],
    },
  };
}

/** Challenges in picker order: `order`, then difficulty, then id. */
export function sortChallenges<T extends { id: string; order: number; difficulty: number }>(
  list: readonly T[],
): T[] {
  return [...list].sort(
    (a, b) => a.order - b.order || a.difficulty - b.difficulty || a.id.localeCompare(b.id),
  );
}

/** Does this parsed JSON look like a challenge file (rather than a diagram or a story)? */
export function looksLikeChallenge(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    'goals' in input &&
    'start' in input
  );
}
