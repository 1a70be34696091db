// Which connections make sense. The editor refuses the others and tells the user why;
// imported diagrams are not held to these rules (the engine ignores edges it cannot use).
// An arrow out of DNS says what the name resolves to (clients look it up, then call that
// box); an arrow from a queue to an app server means the app consumes its messages, one to
// another queue passes them on.

import { KIND_DECLS } from '../kinds/index.ts';
import type { ConnectionRules } from '../kinds/spec.ts';
import type { NodeKind, TopologyDocument } from './types.ts';

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

const rulesOf = (kind: NodeKind): ConnectionRules => KIND_DECLS[kind].rules ?? {};

const refuses = (
  rule: { kinds: readonly string[]; reason: string } | undefined,
  kind: NodeKind,
): ConnectionCheck | null =>
  rule && !rule.kinds.includes(kind) ? { ok: false, reason: rule.reason } : null;

/**
 * Can `source` send requests (or jobs) to `target`? Each kind declares its rules
 * (`rules` in src/kinds/<kind>/kind.ts); they are checked in the order spec.ts gives.
 */
export function canConnectKinds(source: NodeKind, target: NodeKind): ConnectionCheck {
  const from = rulesOf(source);
  const to = rulesOf(target);
  const host = from.holdsOnly ?? to.holdsOnly;
  if (host !== undefined) return { ok: false, reason: host };
  return (
    refuses(to.firstReceivesOnlyFrom, source) ??
    (from.sendsNothing !== undefined ? { ok: false, reason: from.sendsNothing } : null) ??
    refuses(from.sendsOnlyTo, target) ??
    refuses(to.receivesOnlyFrom, source) ?? { ok: true }
  );
}

/** The full check for a new edge in a document: kinds, self loops and duplicates. */
export function canConnect(
  doc: TopologyDocument,
  sourceId: string,
  targetId: string,
): ConnectionCheck {
  if (sourceId === targetId) return { ok: false, reason: 'A box cannot connect to itself.' };
  const source = doc.nodes.find((n) => n.id === sourceId);
  const target = doc.nodes.find((n) => n.id === targetId);
  if (!source || !target) return { ok: false, reason: 'Both ends must be boxes on the canvas.' };
  if (doc.edges.some((e) => e.source === sourceId && e.target === targetId)) {
    return { ok: false, reason: `${source.label} is already connected to ${target.label}.` };
  }
  return canConnectKinds(source.kind, target.kind);
}
