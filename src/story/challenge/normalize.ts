// Before a design is graded: the parts of the world it does not choose are put back (the
// users' traffic, and the settings a challenge fixes, such as how long the code takes), and
// the rules are checked (box kinds allowed, boxes that must stay, no extra users). Pure.

import { fieldSpec, KINDS } from '../../model/kinds.ts';
import type { ConfigValue, NodeKind, TopologyDocument, TopologyNode } from '../../model/types.ts';
import type { Challenge } from './load.ts';

export interface Normalized {
  doc: TopologyDocument;
  /** What was put back, in words ("App 2: Work per request 20 → 40 ms"). */
  notes: string[];
  /** Broken rules, in words. Empty: the design keeps to the rules. */
  problems: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function show(kind: NodeKind, key: string, value: ConfigValue | undefined): string {
  const field = fieldSpec(kind, key);
  if (value === undefined) return 'unset';
  if (Array.isArray(value)) return `${value.length} routes`;
  if (field?.type === 'number' && field.unit) return `${value} ${field.unit}`;
  if (field?.type === 'enum') {
    return field.options.find((o) => o.value === value)?.label ?? String(value);
  }
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

function fieldLabel(kind: NodeKind, key: string): string {
  return fieldSpec(kind, key)?.label ?? key;
}

/** Puts back what the challenge fixes and lists the rules the design breaks. */
export function normalizeDesign(challenge: Challenge, design: TopologyDocument): Normalized {
  const doc: TopologyDocument = JSON.parse(JSON.stringify(design));
  const notes: string[] = [];
  const problems: string[] = [];
  const start = challenge.start;
  const startById = new Map(start.nodes.map((n) => [n.id, n]));
  const firstOfKind = (kind: NodeKind): TopologyNode | undefined =>
    start.nodes.find((n) => n.kind === kind);
  const { constraints } = challenge;

  for (const node of doc.nodes) {
    const original = startById.get(node.id);
    if (node.kind === 'client') {
      if (original?.kind !== 'client') {
        problems.push(
          `“${node.label}” adds users of its own: only the challenge’s users send traffic`,
        );
        continue;
      }
      if (!same(node.config, original.config)) {
        node.config = JSON.parse(JSON.stringify(original.config));
        notes.push(
          `${node.label}: traffic put back to the challenge’s (the users are not yours to change)`,
        );
      }
      continue;
    }
    const keys = constraints.fixed[node.kind] ?? [];
    if (!keys.length) continue;
    const source = original && original.kind === node.kind ? original : firstOfKind(node.kind);
    for (const key of keys) {
      const want = source ? source.config[key] : fieldDefault(node.kind, key);
      if (want === undefined || same(node.config[key], want)) continue;
      const before = node.config[key];
      node.config[key] = JSON.parse(JSON.stringify(want)) as ConfigValue;
      const from =
        source && source !== original ? `, as ${source.label} in the starting diagram` : '';
      notes.push(
        `${node.label}: ${fieldLabel(node.kind, key)} ${show(node.kind, key, before)} → ${show(node.kind, key, want)} (fixed by the challenge${from})`,
      );
    }
  }

  if (constraints.kinds) {
    const allowed = new Set(constraints.kinds);
    const banned = new Map<NodeKind, string[]>();
    for (const n of doc.nodes) {
      if (allowed.has(n.kind)) continue;
      const list = banned.get(n.kind) ?? [];
      list.push(n.label);
      banned.set(n.kind, list);
    }
    for (const [kind, labels] of banned) {
      problems.push(
        `${KINDS[kind].title} is not part of this challenge (${labels.map((l) => `“${l}”`).join(', ')}); use ${constraints.kinds.map((k) => KINDS[k].title).join(', ')}`,
      );
    }
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const id of constraints.keep) {
    const original = startById.get(id)!;
    const now = byId.get(id);
    if (!now) problems.push(`“${original.label}” was removed; the challenge needs it`);
    else if (now.kind !== original.kind) {
      problems.push(
        `“${original.label}” must stay a ${KINDS[original.kind].title}, not a ${KINDS[now.kind].title}`,
      );
    }
  }
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  for (const id of constraints.keepEdges) {
    if (edgeIds.has(id)) continue;
    const e = start.edges.find((x) => x.id === id)!;
    const label = (n: string) => startById.get(n)?.label ?? n;
    problems.push(
      `the connection ${label(e.source)} → ${label(e.target)} was removed; the challenge needs it`,
    );
  }
  return { doc, notes, problems };
}

function fieldDefault(kind: NodeKind, key: string): ConfigValue | undefined {
  const f = fieldSpec(kind, key);
  return f ? (f.default as ConfigValue) : undefined;
}
