// Strict validation of a topology document. Structure is checked by a zod schema, config
// values against the kind catalogue and references by hand (checks.ts); every issue names
// its JSON path. Not on the first page: restore (loose.ts) reads documents without zod.

import { z } from './zod.ts';
import { referenceIssues } from './checks.ts';
import { type DocIssue, formatPath } from './paths.ts';
import { CURRENT_VERSION, NODE_KINDS, type TopologyDocument } from './types.ts';

// Checked without zod (restore needs them on the first page): see checks.ts.
export { checkField, referenceIssues } from './checks.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const xy = z.object({ x: finite, y: finite });

export const routeSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
  path: z.string().startsWith('/', 'must start with "/"').max(500),
  weight: finite.min(0, 'must be 0 or more'),
});

export const nodeSchema = z.object({
  id: z.string().min(1, 'must not be empty').max(200),
  kind: z.enum(NODE_KINDS, {
    error: (issue) =>
      `unknown kind ${JSON.stringify(issue.input)}; expected one of ${NODE_KINDS.join(', ')}`,
  }),
  label: z.string().max(500),
  position: xy,
  parent: z.string().min(1).optional(),
  size: z.object({ width: finite.min(1), height: finite.min(1) }).optional(),
  config: z.record(z.string(), z.unknown()),
  addedBy: z.literal('import').optional(),
});

export const edgeSchema = z.object({
  id: z.string().min(1, 'must not be empty').max(200),
  source: z.string().min(1),
  target: z.string().min(1),
  label: z.string().max(500).optional(),
  faint: z.boolean().optional(),
  twoWay: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const documentSchema = z.object({
  version: z.literal(CURRENT_VERSION, { error: `must be ${CURRENT_VERSION}` }),
  title: z.string().max(500),
  direction: z.enum(['LR', 'RL', 'TB', 'BT']).optional(),
  nodes: z.array(nodeSchema).max(10_000),
  edges: z.array(edgeSchema).max(50_000),
});

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): DocIssue[] {
  return error.issues.map((i) => ({
    path: formatPath([...prefix, ...i.path]),
    message: i.message,
  }));
}

/** Every problem with `input` as a current-version document; empty when it is valid. */
export function validateDocument(input: unknown): DocIssue[] {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) return zodIssues(parsed.error);
  return referenceIssues(parsed.data as TopologyDocument, true);
}
