// The grader: runs a design through a challenge's script in the engine and says, goal by
// goal, whether it passed, with the measured figure, the box that caused a miss and the
// moment it happened. Built only on the engine's public API (Simulation, timed actions,
// reports, series), so it holds however the engine's insides change.
//
// "Any one box" scripts and the no-single-point-of-failure goal run the script once per box
// that could crash; a goal passes only if it holds in every one of those runs, and its
// figure is the worst of them. Everything is bounded: at most MAX_VARIANTS crash runs and a
// budget of engine events for the whole grade, so a design with absurd traffic gets a clear
// message instead of a frozen page. Same design and seed → the same grade, bit for bit.

import { type DesignCost, designCost } from '../../model/cost.ts';
import { KINDS, numberOf } from '../../model/kinds.ts';
import type { NodeKind, TopologyDocument } from '../../model/types.ts';
import type { ChaosAction, FailureCause, TimedAction } from '../../sim/api.ts';
import { buildReport, Simulation } from '../../sim/index.ts';
import { formatValue, type Unit } from '../metrics.ts';
import {
  type Cause,
  explainBacklog,
  explainCost,
  explainFailures,
  explainSlow,
  type FailureTick,
  type RunRecord,
} from './explain.ts';
import {
  goalMetricLabel,
  goalUnit,
  parseGoalMetric,
  readGoalMetric,
  type GoalRef,
} from './goals.ts';
import type { Challenge, MetricGoal, ScriptEvent, SpofGoal } from './load.ts';
import { normalizeDesign } from './normalize.ts';

export const GRADE_VERSION = 1;
/** Engine events one grade may use, all runs together (a few seconds of engine time). */
export const DEFAULT_MAX_EVENTS = 20_000_000;
/** Crash runs per goal at most ("any one box" over more boxes than this is not tried). */
export const MAX_VARIANTS = 32;
/** The grader hands control back (progress, cancel) at least this often. */
const SLICE_EVENTS = 250_000;
/** Kinds that can be the box that dies, unless a challenge names others. */
export const CRASHABLE: readonly NodeKind[] = [
  'proxy',
  'lb',
  'app',
  'worker',
  'db',
  'cache',
  'queue',
  'group',
];
/** A crash run keeps its box down this long: past the end of any run. */
const DOWN_FOR_GOOD_MS = 1e9;

export interface GradePoint {
  t: number;
  throughput: number;
  errors: number;
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface GradeMarker {
  /** Virtual seconds. */
  t: number;
  text: string;
}

export interface GoalRow {
  /** Stable within a challenge: "goal-0", "rules", "budget". */
  id: string;
  kind: 'goal' | 'rules' | 'budget';
  /** The goal in words: "p95 latency < 300 ms". */
  label: string;
  passed: boolean;
  /** The measured figure (the worst over the runs), when there is one. */
  value?: number;
  unit?: Unit;
  /** "412 ms", "48% after App 1 crashed", or what is wrong. */
  display: string;
  /** The run this figure comes from, when the script ran once per box ("App 1 crashed at 20 s"). */
  where?: string;
  /** Why it was missed. */
  cause?: Cause;
  why?: string;
}

export interface Grade {
  version: typeof GRADE_VERSION;
  challenge: string;
  seed: number;
  passed: boolean;
  /** 'too-big': the design needs more engine work than one grade may use; nothing is measured. */
  status: 'graded' | 'too-big';
  message?: string;
  rows: GoalRow[];
  goalsPassed: number;
  goalsTotal: number;
  cost: DesignCost;
  /** What grading put back (traffic, fixed settings). */
  notes: string[];
  /** The run the charts show: the first missed goal's, else the first run. */
  shown: {
    where: string | null;
    series: GradePoint[];
    markers: GradeMarker[];
    /** To replay it live: the design as graded, its seed and its timed actions. */
    replay: { seed: number; durationMs: number; actions: TimedAction[] };
  };
  runs: number;
  events: number;
}

export interface GradeProgress {
  doneMs: number;
  totalMs: number;
}

export interface GradeOptions {
  /** Engine events the whole grade may use (default DEFAULT_MAX_EVENTS). */
  maxEvents?: number;
  /**
   * Wall-clock ms the whole grade may take, read from `now` (default: no limit). One event
   * can hide a lot of work (a cron run of 100,000 jobs), so the Worker and the CLI set one.
   */
  maxMs?: number;
  now?: () => number;
}

/** A version of the script: the base one, or with one box crashing. */
interface Variant {
  key: string;
  /** "App 1 crashed at 20 s"; null for the base script. */
  where: string | null;
  actions: TimedAction[];
  markers: GradeMarker[];
}

interface PlannedRun {
  variant: Variant;
  warmupMs: number;
}

class TooBig extends Error {
  constructor(
    readonly reason: 'events' | 'time',
    readonly where: string | null,
    readonly atMs: number,
  ) {
    super('too big');
  }
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

// ── Variants ────────────────────────────────────────────────────────────────────────────

function labelOf(doc: TopologyDocument, id: string): string {
  return doc.nodes.find((n) => n.id === id)?.label ?? id;
}

function linkLabel(doc: TopologyDocument, id: string): string {
  const e = doc.edges.find((x) => x.id === id);
  return e ? `${labelOf(doc, e.source)} → ${labelOf(doc, e.target)}` : id;
}

/** A script action in words, with the boxes' names. */
export function describeScriptAction(doc: TopologyDocument, a: ChaosAction): string {
  switch (a.type) {
    case 'crash':
      return `${labelOf(doc, a.node)} crashes`;
    case 'restart':
      return `${labelOf(doc, a.node)} restarts`;
    case 'slow':
      return `${labelOf(doc, a.node)} ×${a.factor} slower`;
    case 'errorRate':
      return `${labelOf(doc, a.node)} fails ${Math.round(a.rate * 100)}%`;
    case 'cut':
      return `${linkLabel(doc, a.edge)} cut`;
    case 'restore':
      return `${linkLabel(doc, a.edge)} restored`;
    case 'rollingRestart':
      return `rolling restart of ${labelOf(doc, a.node)}`;
    case 'setRps':
      return `${labelOf(doc, a.node)}: ${a.rps} req/s`;
    case 'spike':
      return `${labelOf(doc, a.node)} ×${a.factor} traffic for ${a.durationMs / 1000} s`;
  }
}

/** Boxes that could be the one that dies, in document order. */
export function crashCandidates(doc: TopologyDocument, kinds?: readonly NodeKind[]): string[] {
  const allowed = new Set(kinds ?? CRASHABLE);
  return doc.nodes.filter((n) => allowed.has(n.kind) && n.kind !== 'client').map((n) => n.id);
}

/** Crashing one box: a replicated box loses one replica (its copies live elsewhere). */
function crashOf(
  doc: TopologyDocument,
  id: string,
  atMs: number,
): { action: TimedAction; text: string } {
  const node = doc.nodes.find((n) => n.id === id)!;
  const replicas =
    node.kind === 'app' || node.kind === 'worker'
      ? numberOf(node.kind, node.config, 'replicas')
      : 1;
  if (replicas > 1) {
    return {
      action: { atMs, action: { type: 'rollingRestart', node: id, downMs: DOWN_FOR_GOOD_MS } },
      text: `one replica of ${node.label} crashed`,
    };
  }
  const what = node.kind === 'group' ? ' (and everything on it)' : '';
  return {
    action: { atMs, action: { type: 'crash', node: id } },
    text: `${node.label} crashed${what}`,
  };
}

function baseScript(challenge: Challenge, doc: TopologyDocument) {
  const actions: TimedAction[] = [];
  const markers: GradeMarker[] = [];
  for (const e of challenge.script) {
    if (e.action.type === 'crashAny') continue;
    actions.push({ atMs: e.atMs, action: e.action });
    markers.push({ t: e.atMs / 1000, text: e.label ?? describeScriptAction(doc, e.action) });
  }
  return { actions, markers };
}

function withCrash(
  base: { actions: TimedAction[]; markers: GradeMarker[] },
  doc: TopologyDocument,
  id: string,
  atMs: number,
  label?: string,
): Variant {
  const crash = crashOf(doc, id, atMs);
  const actions = [...base.actions, crash.action].sort((a, b) => a.atMs - b.atMs);
  const markers = [...base.markers, { t: atMs / 1000, text: label ?? crash.text }].sort(
    (a, b) => a.t - b.t,
  );
  return {
    key: `crash:${id}@${atMs}`,
    where: `when ${crash.text} at ${Math.round(atMs / 1000)} s`,
    actions,
    markers,
  };
}

// ── Running ────────────────────────────────────────────────────────────────────────────

interface Budget {
  max: number;
  used: number;
  /** Wall-clock deadline (from `now`), or Infinity. */
  deadline: number;
  maxMs: number;
  now: () => number;
}

/** Virtual time per engine slice: bounds what one slice can do (one cron run at most). */
const SLICE_MS = 100;

/** Runs one variant; yields the virtual ms it advanced (0 between event slices). */
function* execute(
  doc: TopologyDocument,
  challenge: Challenge,
  run: PlannedRun,
  budget: Budget,
): Generator<number, RunRecord> {
  const { durationMs, seed } = challenge.run;
  const sim = new Simulation(doc, { seed, warmupMs: run.warmupMs, actions: run.variant.actions });
  const failures: FailureTick[] = [];
  let last = new Map<string, number>();
  let sinceYield = 0;
  for (let t = 1000; t <= durationMs; t += 1000) {
    while (sim.now < t) {
      const left = budget.max - budget.used;
      if (left <= 0) throw new TooBig('events', run.variant.where, sim.now);
      if (budget.now() > budget.deadline) throw new TooBig('time', run.variant.where, sim.now);
      const limit = Math.min(SLICE_EVENTS, left);
      const n = sim.runUntil(Math.min(t, sim.now + SLICE_MS), limit);
      budget.used += n;
      sinceYield += n;
      if (sinceYield >= SLICE_EVENTS || n >= limit) {
        sinceYield = 0;
        yield 0;
      }
    }
    // Failures per box and cause in this second. The counts restart at the warmup, so the
    // second holding it starts from zero.
    if (run.warmupMs > t - 1000 && run.warmupMs <= t) last = new Map();
    const report = buildReport(sim);
    const now = new Map<string, number>();
    const measured = t > run.warmupMs;
    for (const [id, node] of Object.entries(report.nodes)) {
      for (const [cause, count] of Object.entries(node.failedBy)) {
        const key = `${id}\u0000${cause}`;
        now.set(key, count ?? 0);
        const delta = (count ?? 0) - (last.get(key) ?? 0);
        if (delta > 0) {
          failures.push({
            t: t / 1000,
            node: id,
            cause: cause as FailureCause,
            count: delta,
            measured,
          });
        }
      }
    }
    last = now;
    yield 1000;
  }
  return {
    report: buildReport(sim),
    series: sim.series.toArray(),
    failures,
    warmupS: run.warmupMs / 1000,
    durationS: durationMs / 1000,
  };
}

// ── Goals ──────────────────────────────────────────────────────────────────────────────

function worse(op: MetricGoal['op'], a: number, b: number): boolean {
  return op === '<' || op === '<=' ? a > b : a < b;
}

function holds(op: MetricGoal['op'], actual: number, value: number): boolean {
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

const OP_WORDS: Record<MetricGoal['op'], string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export function goalLabel(goal: MetricGoal | SpofGoal, name: (id: string) => string): string {
  if (goal.label) return goal.label;
  if (goal.type === 'spof') {
    const max = goal.maxErrorRate ?? 0.01;
    const from = goal.fromS ?? goal.atS + 10;
    return `No single point of failure: any one box may die at ${goal.atS} s; from ${from} s, errors ${max === 0 ? '= 0' : `< ${formatValue(max, 'share')}`}`;
  }
  const parsed = parseGoalMetric(goal.metric);
  if (!parsed.ok) return goal.metric;
  const unit = goalUnit(parsed.ref);
  const from = goal.fromS !== undefined ? ` from ${goal.fromS} s` : '';
  // "≤ 0" of a count reads better as "= 0": none at all.
  const op = goal.op === '<=' && goal.value === 0 ? '=' : OP_WORDS[goal.op];
  return `${capital(goalMetricLabel(parsed.ref, name))}${from} ${op} ${formatValue(goal.value, unit)}`;
}

/** "error rate" → "Error rate"; "p95 latency" stays as it is. */
const capital = (s: string) => (/^[a-z]\d/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1));

function explainGoal(
  ref: GoalRef,
  rec: RunRecord,
  doc: TopologyDocument,
  cost: DesignCost,
): Cause | null {
  if (ref.scope === 'design') {
    switch (ref.name) {
      case 'cost':
        return explainCost(cost);
      case 'sessionsLost':
        return explainFailures(rec, doc, (f) => f.cause === 'session-lost');
      case 'queueDepth':
        return explainBacklog(rec, doc);
      case 'jobsLost': {
        const queues = new Set(doc.nodes.filter((n) => n.kind === 'queue').map((n) => n.id));
        return (
          explainFailures(rec, doc, (f) => queues.has(f.node)) ?? explainFailures(rec, doc) ?? null
        );
      }
      default:
        return explainFailures(rec, doc) ?? explainSlow(rec, doc);
    }
  }
  if (ref.scope === 'run' && ['p50', 'p95', 'p99', 'mean'].includes(ref.name)) {
    return explainSlow(rec, doc) ?? explainFailures(rec, doc);
  }
  if (ref.scope === 'route' && ['p50', 'p95', 'p99', 'mean'].includes(ref.figure)) {
    return explainSlow(rec, doc) ?? explainFailures(rec, doc);
  }
  return explainFailures(rec, doc) ?? explainSlow(rec, doc);
}

// ── The grade ──────────────────────────────────────────────────────────────────────────

function shownSeries(rec: RunRecord): GradePoint[] {
  return rec.series.map((p) => ({
    t: p.t,
    throughput: p.throughput_rps,
    errors: p.errors_rps,
    errorRate: r6(p.errorRate),
    p50: r6(p.latency_ms.p50),
    p95: r6(p.latency_ms.p95),
    p99: r6(p.latency_ms.p99),
  }));
}

/**
 * Grades `design` against `challenge`, step by step: the generator yields progress between
 * slices of engine work (so a Worker can report it and honour a cancel) and returns the grade.
 */
export function* gradeSteps(
  challenge: Challenge,
  design: TopologyDocument,
  options: GradeOptions = {},
): Generator<GradeProgress, Grade> {
  const { doc, notes, problems } = normalizeDesign(challenge, design);
  const cost = designCost(doc);
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
  for (const n of challenge.start.nodes) if (!labels.has(n.id)) labels.set(n.id, n.label);
  const name = (id: string) => labels.get(id) ?? id;
  const base = baseScript(challenge, doc);
  const baseVariant: Variant = { key: 'base', where: null, ...base };
  const crashAny = challenge.script.find((e) => e.action.type === 'crashAny') as
    | (ScriptEvent & { action: { type: 'crashAny'; kinds?: NodeKind[] } })
    | undefined;

  // Which runs each goal needs.
  const runs = new Map<string, PlannedRun>();
  const need = (variant: Variant, warmupMs: number): string => {
    const key = `${variant.key}#${warmupMs}`;
    if (!runs.has(key)) runs.set(key, { variant, warmupMs });
    return key;
  };
  let tooMany: string | null = null;
  const scriptVariants: Variant[] = (() => {
    if (!crashAny) return [baseVariant];
    const ids = crashCandidates(doc, crashAny.action.kinds);
    if (ids.length > MAX_VARIANTS) {
      tooMany = `${ids.length} boxes could be the one that crashes; at most ${MAX_VARIANTS} are tried`;
      return [baseVariant];
    }
    if (!ids.length) return [baseVariant];
    return ids.map((id) => withCrash(base, doc, id, crashAny.atMs, crashAny.label));
  })();
  const plans = challenge.goals.map((goal) => {
    if (goal.type === 'metric') {
      const warmupMs = goal.fromS !== undefined ? goal.fromS * 1000 : challenge.run.warmupMs;
      return scriptVariants.map((v) => ({ variant: v, key: need(v, warmupMs) }));
    }
    const ids = crashCandidates(doc, goal.kinds);
    if (ids.length > MAX_VARIANTS) return 'too-many' as const;
    const fromMs = (goal.fromS ?? goal.atS + 10) * 1000;
    return ids.map((id) => {
      const v = withCrash(base, doc, id, goal.atS * 1000);
      return { variant: v, key: need(v, fromMs) };
    });
  });
  // The base run always runs: the charts and a replay need one even when every goal is on cost.
  const firstKey = need(scriptVariants[0]!, challenge.run.warmupMs);

  const totalMs = runs.size * challenge.run.durationMs;
  const now = options.now ?? (() => 0);
  const maxMs = options.maxMs ?? Number.POSITIVE_INFINITY;
  const budget: Budget = {
    max: options.maxEvents ?? DEFAULT_MAX_EVENTS,
    used: 0,
    deadline: now() + maxMs,
    maxMs,
    now,
  };
  const records = new Map<string, RunRecord>();
  let doneMs = 0;
  yield { doneMs, totalMs };
  try {
    for (const [key, run] of runs) {
      const steps = execute(doc, challenge, run, budget);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          records.set(key, step.value);
          break;
        }
        doneMs += step.value;
        yield { doneMs, totalMs };
      }
    }
  } catch (err) {
    if (!(err instanceof TooBig)) throw err;
    return tooBigGrade(challenge, doc, cost, notes, problems, name, budget, err, runs.size);
  }

  const rows: GoalRow[] = [];
  let shownKey: string | null = null;
  challenge.goals.forEach((goal, i) => {
    const plan = plans[i]!;
    const id = `goal-${i}`;
    const label = goalLabel(goal, name);
    const why = goal.why ? { why: goal.why } : {};
    if (plan === 'too-many' || (goal.type === 'metric' && tooMany && crashAny)) {
      rows.push({
        id,
        kind: 'goal',
        label,
        passed: false,
        display: `not measured: ${tooMany ?? `more than ${MAX_VARIANTS} boxes could crash`}`,
        ...why,
      });
      return;
    }
    if (goal.type === 'spof') {
      const max = goal.maxErrorRate ?? 0.01;
      if (!plan.length) {
        rows.push({
          id,
          kind: 'goal',
          label,
          passed: true,
          display: 'no box here can crash',
          ...why,
        });
        return;
      }
      let worst: { rate: number; key: string; where: string | null } | null = null;
      for (const p of plan) {
        const rec = records.get(p.key)!;
        const done = rec.report.requests.completed + rec.report.requests.failed;
        const rate = done > 0 ? rec.report.requests.failed / done : 0;
        if (!worst || rate > worst.rate) worst = { rate, key: p.key, where: p.variant.where };
      }
      const passed = max === 0 ? worst!.rate === 0 : worst!.rate < max;
      const rec = records.get(worst!.key)!;
      const row: GoalRow = {
        id,
        kind: 'goal',
        label,
        passed,
        value: r6(worst!.rate),
        unit: 'share',
        display: `${formatValue(worst!.rate, 'share')} errors at worst`,
        ...(worst!.where ? { where: worst!.where } : {}),
        ...why,
      };
      if (!passed) {
        const cause = explainFailures(rec, doc) ?? explainSlow(rec, doc);
        if (cause) row.cause = cause;
        shownKey ??= worst!.key;
      }
      rows.push(row);
      return;
    }
    const parsed = parseGoalMetric(goal.metric);
    if (!parsed.ok) {
      rows.push({ id, kind: 'goal', label, passed: false, display: parsed.message, ...why });
      return;
    }
    const unit = goalUnit(parsed.ref);
    let worst: { value: number; key: string; where: string | null } | null = null;
    let missing: string | null = null;
    for (const p of plan) {
      const read = readGoalMetric(parsed.ref, records.get(p.key)!.report, cost);
      if (!read.ok) {
        missing = read.message;
        break;
      }
      if (!worst || worse(goal.op, read.value, worst.value)) {
        worst = { value: read.value, key: p.key, where: p.variant.where };
      }
    }
    if (missing !== null || !worst) {
      rows.push({
        id,
        kind: 'goal',
        label,
        passed: false,
        display: missing ?? 'not measured',
        ...why,
      });
      return;
    }
    const passed = holds(goal.op, worst.value, goal.value);
    const row: GoalRow = {
      id,
      kind: 'goal',
      label,
      passed,
      value: r6(worst.value),
      unit,
      display: formatValue(worst.value, unit),
      ...(worst.where && scriptVariants.length > 1 ? { where: worst.where } : {}),
      ...why,
    };
    if (!passed) {
      const cause = explainGoal(parsed.ref, records.get(worst.key)!, doc, cost);
      if (cause) row.cause = cause;
      if (parsed.ref.scope !== 'design' || parsed.ref.name !== 'cost') shownKey ??= worst.key;
    }
    rows.push(row);
  });
  const budgetRow = budgetOf(challenge, cost);
  if (budgetRow) rows.push(budgetRow);
  rows.push(rulesRow(problems));

  const shown = records.get(shownKey ?? firstKey)!;
  const shownRun = runs.get(shownKey ?? firstKey)!;
  const goalsPassed = rows.filter((r) => r.passed).length;
  return {
    version: GRADE_VERSION,
    challenge: challenge.id,
    seed: challenge.run.seed,
    passed: goalsPassed === rows.length,
    status: 'graded',
    rows,
    goalsPassed,
    goalsTotal: rows.length,
    cost,
    notes,
    shown: {
      where: shownRun.variant.where,
      series: shownSeries(shown),
      markers: shownRun.variant.markers,
      replay: {
        seed: challenge.run.seed,
        durationMs: challenge.run.durationMs,
        actions: shownRun.variant.actions,
      },
    },
    runs: runs.size,
    events: budget.used,
  };
}

function budgetOf(challenge: Challenge, cost: DesignCost): GoalRow | null {
  const max = challenge.constraints.budgetUsd;
  if (max === null) return null;
  const passed = cost.totalUsd <= max;
  const row: GoalRow = {
    id: 'budget',
    kind: 'budget',
    label: `Monthly budget ≤ ${formatValue(max, 'usd')}`,
    passed,
    value: cost.totalUsd,
    unit: 'usd',
    display: formatValue(cost.totalUsd, 'usd'),
  };
  if (!passed) {
    const cause = explainCost(cost);
    if (cause) row.cause = cause;
  }
  return row;
}

function rulesRow(problems: string[]): GoalRow {
  return {
    id: 'rules',
    kind: 'rules',
    label: 'Keeps to the challenge’s rules',
    passed: problems.length === 0,
    display: problems.length ? problems.join('; ') : 'yes',
  };
}

function tooBigGrade(
  challenge: Challenge,
  doc: TopologyDocument,
  cost: DesignCost,
  notes: string[],
  problems: string[],
  name: (id: string) => string,
  budget: Budget,
  err: TooBig,
  runs: number,
): Grade {
  const rps = doc.nodes
    .filter((n) => n.kind === 'client')
    .reduce((sum, n) => sum + numberOf('client', n.config, 'rps'), 0);
  const crons = doc.nodes
    .filter((n) => n.kind === 'cron')
    .map((n) => ({
      n,
      rate:
        (numberOf('cron', n.config, 'jobsPerRun') * 1000) / numberOf('cron', n.config, 'everyMs'),
    }))
    .filter((c) => c.rate > 100);
  const hint = crons.length
    ? ` ${crons.map((c) => `“${c.n.label}” starts ${Math.round(c.rate)} jobs a second`).join('; ')}.`
    : ` The challenge sends ${rps} requests a second; look for loops, a cron job with many jobs per run or very many replicas.`;
  const at = `${Math.round(err.atMs / 1000)} of ${challenge.run.durationMs / 1000} s`;
  const where = err.where ? ` of the run ${err.where}` : '';
  const message =
    err.reason === 'events'
      ? `Grading stopped: this design needs more than ${budget.max >= 1e6 ? `${Math.round(budget.max / 1e6)} million` : budget.max.toLocaleString('en-US')} engine events, the most one grade may use (it had simulated ${at}${where}).${hint}`
      : `Grading stopped after ${Math.round(budget.maxMs / 1000)} s: this design takes too long to simulate (it had simulated ${at}${where}).${hint}`;
  const rows: GoalRow[] = challenge.goals.map((goal, i) => ({
    id: `goal-${i}`,
    kind: 'goal' as const,
    label: goalLabel(goal, name),
    passed: false,
    display: 'not measured: the design is too big to grade',
  }));
  const budgetRow = budgetOf(challenge, cost);
  if (budgetRow) rows.push(budgetRow);
  rows.push(rulesRow(problems));
  const goalsPassed = rows.filter((r) => r.passed).length;
  return {
    version: GRADE_VERSION,
    challenge: challenge.id,
    seed: challenge.run.seed,
    passed: false,
    status: 'too-big',
    message,
    rows,
    goalsPassed,
    goalsTotal: rows.length,
    cost,
    notes,
    shown: {
      where: null,
      series: [],
      markers: [],
      replay: { seed: challenge.run.seed, durationMs: challenge.run.durationMs, actions: [] },
    },
    runs,
    events: budget.used,
  };
}

/** Grades in one go (CLI, tests, story:check). */
export function gradeDesign(
  challenge: Challenge,
  design: TopologyDocument,
  options: GradeOptions = {},
): Grade {
  const steps = gradeSteps(challenge, design, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The kinds that may be the crashed box, in words, for the panel. */
export function crashKindsText(kinds?: readonly NodeKind[]): string {
  return (kinds ?? CRASHABLE).map((k) => KINDS[k].title).join(', ');
}

