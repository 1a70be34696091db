// What the Docker Compose and nginx.conf importers give back, and the steps they share:
// the Users box a config file never has, the layout, and the connection check.

import { defaultConfig } from '../../model/kinds.ts';
import type {
  NodeKind,
  Route,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
} from '../../model/types.ts';
import { layoutDocument } from '../layout.ts';
import { connectionWarnings, withKinds } from '../mermaid/import.ts';
import { unique } from './names.ts';

export type ConfigFormat = 'compose' | 'nginx';

export interface ConfigImportError {
  message: string;
  /** 1-based, in the text that was imported. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export interface ConfigImportSuccess {
  ok: true;
  format: ConfigFormat;
  doc: TopologyDocument;
  /** Why each box is what it is ("image postgres:16 is a database image"), by box id. */
  reasons: Record<string, string>;
  /** What the file says that has no place in the diagram. */
  unmapped: string[];
  /** Everything else worth telling (boxes added, settings clamped, arrows turned). */
  notes: string[];
  /** Boxes whose kind was guessed (no x-playground data for them). */
  inferred: string[];
  /** True when our own export's data gave back ids, kinds, settings and positions. */
  exact: boolean;
  laidOut: boolean;
  /** Compose only: each dependency the file states, as written (before a worker's arrow turns). */
  dependencies?: { from: string; to: string; via: 'depends_on' | 'links' | 'environment' }[];
}

export type ConfigImportResult =
  | ConfigImportSuccess
  | { ok: false; format: ConfigFormat; error: ConfigImportError };

/** Far above any real config file, low enough to keep the parsers responsive. */
export const MAX_CONFIG_LENGTH = 2_000_000;

export function box(id: string, kind: NodeKind, label: string, parent?: string): TopologyNode {
  const n: TopologyNode = {
    id,
    kind,
    label,
    position: { x: 0, y: 0 },
    config: defaultConfig(kind),
  };
  if (parent !== undefined) n.parent = parent;
  return n;
}

/**
 * Config files have no users: a Users box sends requests to the front door so the diagram
 * runs as soon as it is imported. `routes` are the paths the front door answers.
 */
export function addUsers(
  nodes: TopologyNode[],
  edges: TopologyEdge[],
  front: TopologyNode,
  why: string,
  reasons: Record<string, string>,
  notes: string[],
  extra: { routes?: Route[]; timeoutMs?: number } = {},
): void {
  const used = new Set(nodes.map((n) => n.id));
  const id = unique('users', used);
  const users = box(id, 'client', 'Users');
  if (extra.routes?.length) users.config.routes = extra.routes;
  if (extra.timeoutMs !== undefined) users.config.timeoutMs = extra.timeoutMs;
  nodes.unshift(users);
  const ids = new Set(edges.map((e) => e.id));
  edges.unshift({ id: unique(`e-${id}-${front.id}`, ids), source: id, target: front.id });
  reasons[id] =
    `added: config files have no users; these send requests to ${front.label || front.id}`;
  notes.push(
    `Users were added in front of ${front.label || front.id} (${why}) so the diagram runs.`,
  );
}

/** Lays the diagram out when it has to be (new boxes, no saved positions). */
export async function finish(
  doc: TopologyDocument,
  layout: boolean,
): Promise<{ doc: TopologyDocument; laidOut: boolean }> {
  if (!layout) return { doc, laidOut: false };
  return { doc: await layoutDocument(doc, { direction: doc.direction ?? 'LR' }), laidOut: true };
}

/** The document with the kinds chosen in the preview (a changed box gets its kind's defaults). */
export function applyConfigKinds(
  result: ConfigImportSuccess,
  kinds: Readonly<Record<string, NodeKind>>,
): TopologyDocument {
  return withKinds(result.doc, kinds);
}

export { connectionWarnings };
