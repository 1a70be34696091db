// The scenario file format (scenarios/*.json) and its validation. Structure is checked by
// zod; meaning (documents, diffs, ids referenced by actions, metrics) by `compileScenario`
// in player.ts. Every message names the scenario, the step (number and title) and the
// field, e.g. `system-3 step 2 "Health checks" › expect[1].metric: unknown metric "p96"`.

import { z } from '../model/zod.ts';
import { formatPath } from '../model/paths.ts';
import { parseMetric } from './metrics.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const id = z.string().min(1, 'must not be empty').max(200);
const positive = finite.min(0, 'must be 0 or more');

export const OPS = ['<', '<=', '>', '>='] as const;
export type Op = (typeof OPS)[number];

const metricName = z.string().superRefine((value, ctx) => {
  const parsed = parseMetric(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

const expectationObject = z
  .object({
    metric: metricName,
    op: z.enum(OPS, { error: `must be one of ${OPS.join(' ')}` }),
    value: finite,
    /** Measure only from this second (the run's warmup). */
    fromS: positive.optional(),
    /** Measure up to this second (the run's duration). */
    toS: finite.min(1, 'must be at least 1').max(600, 'must be at most 600').optional(),
    /** One sentence saying what this claim shows; printed by story:check. */
    why: z.string().max(300).optional(),
  })
  .strict()
  .refine((e) => e.fromS === undefined || e.toS === undefined || e.fromS < e.toS, {
    message: 'fromS must be before toS',
    path: ['toS'],
  });

export type Expectation = z.output<typeof expectationObject>;

export const SHORTHAND = /^\s*(\S+(?: \/\S*\.\w+)?)\s*(<=|>=|<|>)\s*(-?[\d.]+(?:e-?\d+)?)\s*$/;

/**
 * `"p95 < 200"` is shorthand for `{ "metric": "p95", "op": "<", "value": 200 }`. A plain
 * union would hide the real problem behind "Invalid input", so the two forms are told
 * apart by hand and the object form's own messages are passed through.
 */
const expectation = z.unknown().transform((input, ctx): Expectation => {
  if (typeof input !== 'string') {
    const parsed = expectationObject.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  }
  const m = SHORTHAND.exec(input);
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message: `cannot read "${input}"; write METRIC OP NUMBER, e.g. "p95 < 200"`,
    });
    return z.NEVER;
  }
  const parsed = parseMetric(m[1]!);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return { metric: m[1]!, op: m[2] as Op, value: Number(m[3]) };
});

const nodeTarget = z.object({ node: id });
export const chaosAction = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('crash'), ...nodeTarget.shape }).strict(),
    z.object({ type: z.literal('restart'), ...nodeTarget.shape }).strict(),
    z.object({ type: z.literal('slow'), ...nodeTarget.shape, factor: finite.min(1) }).strict(),
    z
      .object({ type: z.literal('errorRate'), ...nodeTarget.shape, rate: finite.min(0).max(1) })
      .strict(),
    z.object({ type: z.literal('cut'), edge: id }).strict(),
    z.object({ type: z.literal('restore'), edge: id }).strict(),
    z
      .object({
        type: z.literal('rollingRestart'),
        ...nodeTarget.shape,
        downMs: positive.optional(),
      })
      .strict(),
    z.object({ type: z.literal('setRps'), ...nodeTarget.shape, rps: positive }).strict(),
    z
      .object({
        type: z.literal('spike'),
        ...nodeTarget.shape,
        factor: finite.min(1),
        durationMs: finite.min(1),
      })
      .strict(),
  ],
  {
    error: () =>
      'unknown action type; use crash, restart, slow, errorRate, cut, restore, rollingRestart, setRps or spike',
  },
);

/** A timed action: `atMs` as in the engine contract, or `atS` for people. */
const timedAction = z
  .object({ atMs: positive.optional(), atS: positive.optional(), action: chaosAction })
  .strict()
  .refine((a) => (a.atMs === undefined) !== (a.atS === undefined), {
    message: 'give exactly one of atS (seconds) or atMs (milliseconds)',
  });

const question = z
  .object({
    q: z.string().min(1, 'must not be empty').max(500),
    a: z.string().min(1, 'must not be empty').max(2000),
  })
  .strict();

const nodePatch = z
  .object({
    label: z.string().max(500).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    position: z.object({ x: finite, y: finite }).strict().optional(),
    /** A host id, or null to take the box out of its host. */
    parent: id.nullable().optional(),
  })
  .strict();

/** A change from the previous step's document: remove, then patch, then add. */
export const change = z
  .object({
    title: z.string().max(500).optional(),
    remove: z.array(id).optional(),
    patch: z.record(id, nodePatch).optional(),
    add: z
      .object({
        nodes: z.array(z.record(z.string(), z.unknown())).optional(),
        edges: z.array(z.record(z.string(), z.unknown())).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Change = z.output<typeof change>;

const run = z
  .object({
    durationS: finite.min(1, 'must be at least 1').max(600, 'must be at most 600'),
    warmupS: positive.optional(),
    seed: z.number().int('must be a whole number').optional(),
  })
  .strict()
  .refine((r) => r.warmupS === undefined || r.warmupS < r.durationS, {
    message: 'warmupS must be shorter than durationS',
    path: ['warmupS'],
  });

export type RunSettings = z.output<typeof run>;

export const stepSchema = z
  .object({
    title: z.string().min(1, 'must not be empty').max(120),
    /** Plain text; blank lines separate paragraphs. Rendered as text, never HTML. */
    narrative: z.string().min(1, 'must not be empty').max(4000),
    /** A full topology document (required on the first step)… */
    document: z.unknown().optional(),
    /** …or a change from the previous step. */
    change: change.optional(),
    run: run.optional(),
    actions: z.array(timedAction).max(100).optional(),
    notice: z
      .object({
        nodes: z.array(id).optional(),
        metrics: z.array(metricName).optional(),
        /** One sentence: what to look at while it runs. */
        text: z.string().max(500).optional(),
      })
      .strict()
      .optional(),
    questions: z.array(question).max(10).optional(),
    newNodes: z.array(id).optional(),
    expect: z.array(expectation).max(30).optional(),
  })
  .strict()
  .refine((s) => !(s.document !== undefined && s.change !== undefined), {
    message: 'give either a document or a change, not both',
    path: ['change'],
  });

export type StepSource = z.output<typeof stepSchema>;

export const scenarioHeadSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "system-3"'),
    title: z.string().min(1, 'must not be empty').max(120),
    /** One line for the story picker. */
    summary: z.string().min(1, 'must not be empty').max(200),
    /** Position in the picker; lower first. */
    order: finite.optional(),
    steps: z.array(z.unknown()).min(1, 'a scenario needs at least one step').max(50),
  })
  .strict();

export interface ScenarioSource {
  id: string;
  title: string;
  summary: string;
  order?: number;
  steps: StepSource[];
}

/** One problem with a scenario file. `step` is 1-based, as people count. */
export interface StoryIssue {
  scenario: string;
  step?: number;
  stepTitle?: string;
  /** The field inside the step (or the scenario), e.g. `expect[1].metric`. */
  path: string;
  message: string;
}

export function formatIssue(issue: StoryIssue): string {
  const where =
    issue.step === undefined
      ? issue.scenario
      : `${issue.scenario} step ${issue.step}${issue.stepTitle ? ` ${JSON.stringify(issue.stepTitle)}` : ''}`;
  return `${where} › ${issue.path}: ${issue.message}`;
}

export type ParseResult =
  | { ok: true; scenario: ScenarioSource }
  | { ok: false; issues: StoryIssue[] };

/**
 * Structural validation. `name` is what to call the scenario in messages when the file
 * has no usable id (usually the file name without `.json`).
 */
export function parseScenarioSource(input: unknown, name: string): ParseResult {
  const head = scenarioHeadSchema.safeParse(input);
  const scenarioName =
    typeof input === 'object' &&
    input !== null &&
    typeof (input as { id?: unknown }).id === 'string'
      ? (input as { id: string }).id || name
      : name;
  if (!head.success) {
    return {
      ok: false,
      issues: head.error.issues
        .filter((i) => i.path[0] !== 'steps' || i.path.length === 1)
        .map((i) => ({ scenario: scenarioName, path: formatPath(i.path), message: i.message })),
    };
  }
  const issues: StoryIssue[] = [];
  const steps: StepSource[] = [];
  head.data.steps.forEach((raw, i) => {
    const parsed = stepSchema.safeParse(raw);
    if (parsed.success) {
      steps.push(parsed.data);
      return;
    }
    const title =
      typeof raw === 'object' &&
      raw !== null &&
      typeof (raw as { title?: unknown }).title === 'string'
        ? (raw as { title: string }).title
        : undefined;
    for (const issue of parsed.error.issues) {
      issues.push({
        scenario: head.data.id,
        step: i + 1,
        ...(title ? { stepTitle: title } : {}),
        path: formatPath(issue.path),
        message: issue.message,
      });
    }
  });
  if (issues.length) return { ok: false, issues };
  const { steps: _raw, ...rest } = head.data;
  return { ok: true, scenario: { ...rest, steps } };
}
