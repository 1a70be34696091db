// The challenge file format (scenarios/challenges/*.json) and its structural validation.
// Meaning (the starting document, solutions, ids the script and goals name) is checked by
// `compileChallenge` in load.ts. Every message names the challenge and the JSON path, e.g.
// `one-server › goals[1].metric: unknown metric "p96"; use errorRate, …`.

import { z } from '../../model/zod.ts';
import { fieldSpec } from '../../model/kinds.ts';
import { formatPath } from '../../model/paths.ts';
import { NODE_KINDS, type NodeKind } from '../../model/types.ts';
import { chaosAction, OPS, type Op, SHORTHAND } from '../schema.ts';
import { parseGoalMetric } from './goals.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const id = z.string().min(1, 'must not be empty').max(200);
const positive = finite.min(0, 'must be 0 or more');
const kind = z.enum(NODE_KINDS, { error: `must be a box kind: ${NODE_KINDS.join(', ')}` });
const kinds = z.array(kind).min(1, 'name at least one kind');

/** Crash one box, whichever it is: the script runs once per box that could crash. */
const crashAny = z
  .object({
    type: z.literal('crashAny'),
    /** Which kinds of box may be the one (default: every kind that can crash). */
    kinds: kinds.optional(),
  })
  .strict();

const scriptAction = z.unknown().transform((input, ctx) => {
  const isCrashAny =
    typeof input === 'object' &&
    input !== null &&
    (input as { type?: unknown }).type === 'crashAny';
  const parsed = isCrashAny ? crashAny.safeParse(input) : chaosAction.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const message =
      issue.path[0] === 'type' || issue.message.startsWith('unknown action type')
        ? 'unknown action type; use crash, crashAny, restart, slow, errorRate, cut, restore, rollingRestart, setRps or spike'
        : issue.message;
    ctx.addIssue({ code: 'custom', message, path: issue.path });
  }
  return z.NEVER;
});

const scriptEvent = z
  .object({
    atS: positive.optional(),
    atMs: positive.optional(),
    action: scriptAction,
    /** How the event is named on the charts ("the sale starts"). */
    label: z.string().min(1).max(60).optional(),
  })
  .strict()
  .refine((a) => (a.atMs === undefined) !== (a.atS === undefined), {
    message: 'give exactly one of atS (seconds) or atMs (milliseconds)',
  });

export type ScriptEventSource = z.output<typeof scriptEvent>;

const metricGoal = z
  .object({
    metric: z.string().superRefine((value, ctx) => {
      const parsed = parseGoalMetric(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
    op: z.enum(OPS, { error: `must be one of ${OPS.join(' ')}` }),
    value: finite,
    /** Measure only from this second on (e.g. after a crash has been noticed). */
    fromS: positive.optional(),
    /** The goal in the learner's words, instead of the generated one ("Receipts sent ≥ 750"). */
    label: z.string().min(1).max(120).optional(),
    /** One sentence: why this goal matters. */
    why: z.string().max(300).optional(),
  })
  .strict();

export type MetricGoal = z.output<typeof metricGoal> & { type: 'metric' };

const spofGoal = z
  .object({
    goal: z.literal('noSinglePointOfFailure'),
    /** When the box crashes. */
    atS: positive,
    /** Measure from here to the end (default: 10 s after the crash, time to notice it). */
    fromS: positive.optional(),
    /** The error rate still allowed after fromS (default 1%). */
    maxErrorRate: finite.min(0).max(1).optional(),
    /** Which kinds of box may be the one that dies (default: every kind that can crash). */
    kinds: kinds.optional(),
    label: z.string().min(1).max(120).optional(),
    why: z.string().max(300).optional(),
  })
  .strict();

export type SpofGoal = z.output<typeof spofGoal> & { type: 'spof' };
export type Goal = MetricGoal | SpofGoal;

/** `"p95 < 300"`, a metric goal object, or a no-single-point-of-failure goal. */
const goal = z.unknown().transform((input, ctx): Goal => {
  if (typeof input === 'string') {
    const m = SHORTHAND.exec(input);
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: `cannot read "${input}"; write METRIC OP NUMBER, e.g. "p95 < 300"`,
      });
      return z.NEVER;
    }
    const parsed = parseGoalMetric(m[1]!);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return { type: 'metric', metric: m[1]!, op: m[2] as Op, value: Number(m[3]) };
  }
  const isSpof =
    typeof input === 'object' && input !== null && 'goal' in (input as Record<string, unknown>);
  const parsed = isSpof ? spofGoal.safeParse(input) : metricGoal.safeParse(input);
  if (parsed.success) {
    return isSpof
      ? { type: 'spof', ...(parsed.data as z.output<typeof spofGoal>) }
      : { type: 'metric', ...(parsed.data as z.output<typeof metricGoal>) };
  }
  for (const issue of parsed.error.issues) {
    const message =
      isSpof && issue.path[0] === 'goal'
        ? 'unknown goal; the only named goal is "noSinglePointOfFailure" (others use "metric")'
        : issue.message;
    ctx.addIssue({ code: 'custom', message, path: issue.path });
  }
  return z.NEVER;
});

const fixed = z.record(z.string(), z.array(z.string().min(1))).superRefine((value, ctx) => {
  for (const [k, keys] of Object.entries(value)) {
    if (!(NODE_KINDS as readonly string[]).includes(k)) {
      ctx.addIssue({ code: 'custom', path: [k], message: `unknown box kind "${k}"` });
      continue;
    }
    keys.forEach((key, i) => {
      if (!fieldSpec(k as NodeKind, key)) {
        ctx.addIssue({ code: 'custom', path: [k, i], message: `${k} has no setting "${key}"` });
      }
    });
  }
});

const constraints = z
  .object({
    /** Box kinds the design may use (default: all). */
    kinds: kinds.optional(),
    /** Ids of boxes (or connections) that must stay: the data lives there, the users come in there. */
    keep: z.array(id).optional(),
    /** The monthly budget in US dollars. */
    budgetUsd: finite.min(0).optional(),
    /**
     * Settings that describe the world, not the design (how long the code takes, how fast the
     * disk is): by kind, the setting keys grading holds at the starting design's values.
     */
    fixed: fixed.optional(),
  })
  .strict();

const solution = z
  .object({
    title: z.string().min(1).max(120),
    /** What this solution does, in a sentence (shown in the docs, not to the learner). */
    note: z.string().max(500).optional(),
    document: z.unknown().optional(),
    change: z.unknown().optional(),
  })
  .strict()
  .refine((s) => (s.document === undefined) !== (s.change === undefined), {
    message: 'give either a document or a change from the starting diagram',
    path: ['change'],
  });

const run = z
  .object({
    durationS: finite.min(5, 'must be at least 5').max(300, 'must be at most 300'),
    warmupS: positive.optional(),
    seed: z.number().int('must be a whole number').optional(),
  })
  .strict()
  .refine((r) => r.warmupS === undefined || r.warmupS < r.durationS, {
    message: 'warmupS must be shorter than durationS',
    path: ['warmupS'],
  });

export const challengeSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "one-server"'),
    title: z.string().min(1, 'must not be empty').max(120),
    /** One line for the picker. */
    summary: z.string().min(1, 'must not be empty').max(200),
    /** 1 (a first lesson) to 5 (hard). */
    difficulty: z.number().int('must be a whole number').min(1).max(5),
    order: finite.optional(),
    /** Plain text: blank lines separate paragraphs, "- " lines make a list. Never HTML. */
    brief: z.string().min(1, 'must not be empty').max(4000),
    /** The starting diagram: a full topology document. */
    start: z.unknown(),
    run,
    script: z.array(scriptEvent).max(50).optional(),
    constraints: constraints.optional(),
    goals: z.array(goal).min(1, 'a challenge needs at least one goal').max(20),
    /** Shown one at a time, in order, when the learner asks. */
    hints: z.array(z.string().min(1).max(600)).min(1, 'give at least one hint').max(10),
    /** At least one design that passes every goal; the first is the reference. */
    solutions: z.array(solution).min(1, 'give at least one solution').max(6),
  })
  .strict();

export type ChallengeSource = z.output<typeof challengeSchema>;

/** One problem with a challenge file, with the JSON path inside it. */
export interface ChallengeIssue {
  challenge: string;
  path: string;
  message: string;
}

export function formatChallengeIssue(issue: ChallengeIssue): string {
  return `${issue.challenge} › ${issue.path}: ${issue.message}`;
}

export type ParseChallengeResult =
  | { ok: true; source: ChallengeSource }
  | { ok: false; issues: ChallengeIssue[] };

export function parseChallengeSource(input: unknown, name: string): ParseChallengeResult {
  const label =
    typeof input === 'object' &&
    input !== null &&
    typeof (input as { id?: unknown }).id === 'string' &&
    (input as { id: string }).id
      ? (input as { id: string }).id
      : name;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ challenge: label, path: '$', message: 'a challenge is a JSON object' }],
    };
  }
  const parsed = challengeSchema.safeParse(input);
  if (parsed.success) return { ok: true, source: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      challenge: label,
      path: formatPath(i.path),
      message: i.message,
    })),
  };
}
