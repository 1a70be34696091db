// What a design costs to run for a month. ONE table keyed by kind, derived from each
// kind's `cost` (src/kinds/<kind>/kind.ts): what one replica of that box is in the cloud,
// how its size follows from its settings (workers, cores, connections, cache entries), and
// where the prices come from (prices.ts, which has the price lists and the sizes).
// docs/challenges.md prints the same figures with their sources and the dates they were read.

import { KIND_DECLS, KIND_IDS } from '../kinds/index.ts';
import { settings } from '../kinds/spec.ts';
import { type BooleanKey, booleanOf, KINDS, type NumberKey, numberOf } from './kinds.ts';
import { type KindCost, round2 } from './prices.ts';
import type { NodeKind, TopologyDocument, TopologyNode } from './types.ts';

export * from './prices.ts';

function costRow(id: NodeKind): KindCost {
  const { price, ...row } = KIND_DECLS[id].cost as KindCost & {
    price(s: ReturnType<typeof settings>): ReturnType<KindCost['price']>;
  };
  const fields = KIND_DECLS[id].fields;
  return { ...row, price: (config) => price(settings(fields, config)) };
}

/** The table: one row per kind. */
export const COSTS = Object.fromEntries(KIND_IDS.map((id) => [id, costRow(id)])) as Record<
  NodeKind,
  KindCost
>;

/** What one box costs a month. */
export interface BoxCost {
  id: string;
  kind: NodeKind;
  label: string;
  /** The whole box: every replica. */
  monthlyUsd: number;
  perReplicaUsd: number;
  replicas: number;
  product: string;
  why: string;
  /** The host it runs on, when its price is part of that host's. */
  runsOn?: string;
  note?: string;
  /**
   * An autoscaled box: what it costs at its fewest and most replicas. The box is priced at
   * the replicas it starts with (`replicas`), as a design is priced before it runs.
   */
  scaling?: { min: number; max: number; minUsd: number; maxUsd: number };
}

export interface DesignCost {
  totalUsd: number;
  boxes: BoxCost[];
}

/** Kinds with copies of one box (a `replicas` setting): the price is per replica. */
const REPLICATED: ReadonlySet<NodeKind> = new Set(
  KIND_IDS.filter((id) => KINDS[id].fields.some((f) => f.key === 'replicas')),
);

/** Kinds that can add and remove replicas while they run (an `autoscale` setting). */
const AUTOSCALED: ReadonlySet<NodeKind> = new Set(
  KIND_IDS.filter((id) => KINDS[id].fields.some((f) => f.key === 'autoscale')),
);

/** Fewest and most replicas of a box that autoscales; null when it does not. */
function scalingRange(node: TopologyNode): { min: number; max: number } | null {
  const kind = node.kind;
  if (!AUTOSCALED.has(kind) || !booleanOf(kind, node.config, 'autoscale' as BooleanKey<NodeKind>))
    return null;
  const min = numberOf(kind, node.config, 'minReplicas' as NumberKey<NodeKind>);
  const max = numberOf(kind, node.config, 'maxReplicas' as NumberKey<NodeKind>);
  return { min: Math.min(min, max), max: Math.max(min, max) };
}

/** Groups that hold another group are networks, not machines. */
function networks(doc: TopologyDocument): Set<string> {
  const groups = new Set(doc.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
  const out = new Set<string>();
  for (const n of doc.nodes) {
    if (n.kind === 'group' && n.parent !== undefined && groups.has(n.parent)) out.add(n.parent);
  }
  return out;
}

/** What pricing a box needs to know about the rest of the design, worked out once per design. */
interface Surroundings {
  nets: Set<string>;
  byId: Map<string, TopologyNode>;
}

function surroundings(doc: TopologyDocument): Surroundings {
  return { nets: networks(doc), byId: new Map(doc.nodes.map((n) => [n.id, n])) };
}

/** The machine a box runs on: its nearest enclosing host that is not a network. */
function hostOf(node: TopologyNode, { nets, byId }: Surroundings): TopologyNode | null {
  if (node.parent === undefined) return null;
  const seen = new Set<string>([node.id]);
  let parent = node.parent === undefined ? undefined : byId.get(node.parent);
  while (parent && !seen.has(parent.id)) {
    if (parent.kind === 'group') return nets.has(parent.id) ? null : parent;
    seen.add(parent.id);
    parent = parent.parent === undefined ? undefined : byId.get(parent.parent);
  }
  return null;
}

export function boxCost(doc: TopologyDocument, node: TopologyNode): BoxCost {
  return costOf(node, surroundings(doc));
}

function costOf(node: TopologyNode, around: Surroundings): BoxCost {
  const { nets } = around;
  const row = COSTS[node.kind];
  const base = { id: node.id, kind: node.kind, label: node.label };
  if (node.kind === 'group' && nets.has(node.id)) {
    return {
      ...base,
      monthlyUsd: 0,
      perReplicaUsd: 0,
      replicas: 1,
      product: 'a network',
      why: 'it holds other hosts; networks are free',
    };
  }
  const host = node.kind === 'group' ? null : hostOf(node, around);
  const replicas = REPLICATED.has(node.kind)
    ? numberOf(node.kind, node.config, 'replicas' as NumberKey<NodeKind>)
    : 1;
  if (host && row.price(node.config).monthlyUsd > 0) {
    return {
      ...base,
      monthlyUsd: 0,
      perReplicaUsd: 0,
      replicas,
      product: `part of ${host.label}`,
      why: `it runs on ${host.label}, whose cores are priced there`,
      runsOn: host.id,
    };
  }
  const price = row.price(node.config);
  const range = price.monthlyUsd > 0 ? scalingRange(node) : null;
  return {
    ...base,
    monthlyUsd: round2(price.monthlyUsd * replicas),
    perReplicaUsd: price.monthlyUsd,
    replicas,
    product: price.product,
    why: price.why,
    ...(row.note ? { note: row.note } : {}),
    ...(range
      ? {
          scaling: {
            ...range,
            minUsd: round2(price.monthlyUsd * range.min),
            maxUsd: round2(price.monthlyUsd * range.max),
          },
        }
      : {}),
  };
}

/** Every box's monthly price and the total, in document order. */
export function designCost(doc: TopologyDocument): DesignCost {
  const around = surroundings(doc);
  const boxes = doc.nodes.map((n) => costOf(n, around));
  const cents = boxes.reduce((sum, b) => sum + Math.round(b.monthlyUsd * 100), 0);
  return { totalUsd: cents / 100, boxes };
}

/** "$59.57", "$1,240", "$0". */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '–';
  if (usd === 0) return '$0';
  const digits = Math.abs(usd) >= 1000 || Number.isInteger(usd) ? 0 : 2;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}
