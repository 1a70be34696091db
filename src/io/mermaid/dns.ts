// Article diagrams often draw DNS in the request path: Browser → DNS → Load balancer → App.
// In our model DNS only answers lookups (the editor refuses DNS → X, and the engine ignores
// edges it cannot use), so such a diagram, imported as drawn, would fail every request.
// `rewireDns` turns it into what really happens: the client asks DNS, then calls the boxes
// the DNS pointed at directly. A box that is not a client (only clients look names up here)
// calls those boxes directly instead of asking DNS. Each rewired DNS box gets a note.

import type { TopologyDocument, TopologyEdge } from '../../model/types.ts';

export interface DnsRewiring {
  doc: TopologyDocument;
  /** One sentence per rewired DNS box, in plain words. */
  notes: string[];
}

interface Target {
  id: string;
  label?: string;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Rewires arrows that leave DNS boxes. `exact` holds ids of edges restored from our own
 * `%% bp:` data: those are the document as it was saved and are never touched, so
 * export → import stays exact. Returns the same document when there is nothing to do.
 */
export function rewireDns(
  doc: TopologyDocument,
  exact: ReadonlySet<string> = new Set(),
): DnsRewiring {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const kindOf = (id: string) => byId.get(id)?.kind;
  const name = (id: string) => {
    const n = byId.get(id);
    return n ? n.label.trim() || n.id : id;
  };

  // The arrows a DNS box draws to other boxes, as the diagram wrote them.
  const outOf = new Map<string, TopologyEdge[]>();
  for (const e of doc.edges) {
    if (exact.has(e.id) || e.source === e.target || kindOf(e.source) !== 'dns') continue;
    const list = outOf.get(e.source) ?? [];
    list.push(e);
    outOf.set(e.source, list);
  }
  if (outOf.size === 0) return { doc, notes: [] };

  // Where a DNS box "leads": the boxes it points at, through a chain of DNS boxes if the
  // diagram drew one (DNS → DNS → Load balancer), each once, with the last arrow's label.
  const leadsTo = (start: string): Target[] => {
    const out: Target[] = [];
    const seen = new Set<string>();
    const visit = (dns: string) => {
      if (seen.has(dns)) return;
      seen.add(dns);
      for (const e of outOf.get(dns) ?? []) {
        const kind = kindOf(e.target);
        if (kind === 'dns') visit(e.target);
        else if (kind !== undefined && kind !== 'group' && !out.some((t) => t.id === e.target)) {
          out.push(e.label ? { id: e.target, label: e.label } : { id: e.target });
        }
      }
    };
    visit(start);
    return out;
  };
  const resolved = new Map([...outOf.keys()].map((d) => [d, leadsTo(d)]));
  // Only DNS boxes that lead somewhere are rewired; DNS → DNS alone is left as drawn.
  const rewired = new Set([...outOf.keys()].filter((d) => resolved.get(d)!.length > 0));
  if (rewired.size === 0) return { doc, notes: [] };

  const usedIds = new Set(doc.edges.map((e) => e.id));
  const pairs = new Set(doc.edges.map((e) => `${e.source}\u0000${e.target}`));
  const newId = (s: string, t: string) => {
    const base = `e-${s}-${t}`.slice(0, 190);
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    return id;
  };

  interface Story {
    askers: string[];
    askerTargets: string[];
    callers: string[];
    callerTargets: string[];
  }
  const stories = new Map<string, Story>(
    [...rewired].map((d) => [d, { askers: [], askerTargets: [], callers: [], callerTargets: [] }]),
  );
  const addOnce = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };

  const edges: TopologyEdge[] = [];
  for (const e of doc.edges) {
    // The DNS box's own arrows go: it answers, it does not call.
    if (rewired.has(e.source) && outOf.get(e.source)?.includes(e)) continue;
    const dns = e.target;
    const source = byId.get(e.source);
    if (
      !rewired.has(dns) ||
      !source ||
      source.kind === 'dns' ||
      source.kind === 'group' ||
      e.source === dns
    ) {
      edges.push(e);
      continue;
    }
    const story = stories.get(dns)!;
    const asks = source.kind === 'client';
    // A client keeps its lookup; anything else calls the targets instead of asking DNS.
    if (asks || exact.has(e.id)) edges.push(e);
    addOnce(asks ? story.askers : story.callers, source.id);
    for (const t of resolved.get(dns)!) {
      // An arrow back to a client is the answer, which comes back on its own.
      if (t.id === source.id || kindOf(t.id) === 'client') continue;
      addOnce(asks ? story.askerTargets : story.callerTargets, t.id);
      const key = `${source.id}\u0000${t.id}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const edge: TopologyEdge = { id: newId(source.id, t.id), source: source.id, target: t.id };
      const label = t.label ?? (asks ? undefined : e.label);
      if (label !== undefined && label !== '') edge.label = label;
      edges.push(edge);
    }
  }

  const notes: string[] = [];
  for (const [dns, s] of stories) {
    const parts: string[] = [];
    if (s.askers.length && s.askerTargets.length) {
      const many = s.askers.length > 1;
      parts.push(
        `${listNames(s.askers.map(name))} now ${many ? 'ask' : 'asks'} ${name(dns)}, then ${many ? 'call' : 'calls'} ${listNames(s.askerTargets.map(name))} directly`,
      );
    }
    if (s.callers.length && s.callerTargets.length) {
      parts.push(
        `${listNames(s.callers.map(name))} now ${s.callers.length > 1 ? 'call' : 'calls'} ${listNames(s.callerTargets.map(name))} directly (only clients look names up in DNS here)`,
      );
    }
    const reached = new Set([...s.askerTargets, ...s.callerTargets]);
    const leftOut = resolved.get(dns)!.filter((t) => !reached.has(t.id));
    if (leftOut.length) {
      const asking = [...s.askers, ...s.callers];
      const why =
        asking.length === 0
          ? ` (nothing in the diagram asks ${name(dns)})`
          : leftOut.every((t) => kindOf(t.id) === 'client' || asking.includes(t.id))
            ? ' (answers come back on their own)'
            : '';
      parts.push(
        `its arrow${leftOut.length > 1 ? 's' : ''} to ${listNames(leftOut.map((t) => name(t.id)))} ${leftOut.length > 1 ? 'were' : 'was'} left out${why}`,
      );
    }
    notes.push(`DNS only answers lookups: ${parts.join('; ')}.`);
  }
  return { doc: { ...doc, edges }, notes };
}
