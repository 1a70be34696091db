// Which connections make sense. The editor refuses the others and tells the user why;
// imported diagrams are not held to these rules (the engine ignores edges it cannot use).
// An arrow out of DNS says what the name resolves to (clients look it up, then call that
// box); an arrow from a queue to an app server means the app consumes its messages, one to
// another queue passes them on.

import type { NodeKind, TopologyDocument } from './types.ts';

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

const TERMINAL: Partial<Record<NodeKind, string>> = {
  db: 'A database only answers queries; it does not call other boxes.',
  static: 'A static file store only answers; it does not call other boxes.',
  external: 'An external API is someone else’s service; it cannot call into yours.',
};

/** Can `source` send requests (or jobs) to `target`? */
export function canConnectKinds(source: NodeKind, target: NodeKind): ConnectionCheck {
  if (source === 'group' || target === 'group') {
    return { ok: false, reason: 'A host only holds boxes; connect the boxes inside it.' };
  }
  if (target === 'client') {
    return { ok: false, reason: 'Nothing flows into a client: clients only send requests.' };
  }
  const terminal = TERMINAL[source];
  if (terminal) return { ok: false, reason: terminal };
  if (source === 'queue' && target !== 'worker' && target !== 'app' && target !== 'queue') {
    return {
      ok: false,
      reason:
        'A queue feeds the workers or app servers that consume its messages (or passes them to another queue).',
    };
  }
  if (target === 'worker' && source !== 'queue' && source !== 'cron') {
    return { ok: false, reason: 'Workers take jobs from a queue: put a queue in between.' };
  }
  if (target === 'dns' && source !== 'client') {
    return { ok: false, reason: 'Only clients look up names in DNS here.' };
  }
  if (target === 'cron') {
    return { ok: false, reason: 'Cron fires on its own schedule; nothing calls it.' };
  }
  return { ok: true };
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
