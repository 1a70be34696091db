// The `x-playground` block of an exported compose file: what Compose has no words for (ids,
// labels, kinds, settings, positions, hosts, the links and their labels), so importing our
// own export gives back exactly the diagram. Compose ignores `x-` keys. Like Mermaid's
// `%% bp:` lines: the file's structure still wins — a service deleted by hand is gone, a new
// one is guessed from its image, and replicas or limits edited in the file are read back.

import { defaultConfig, fieldSpec } from '../../model/kinds.ts';
import { checkField } from '../../model/schema.ts';
import {
  type Config,
  type Direction,
  NODE_KINDS,
  type NodeKind,
  type TopologyDocument,
  type TopologyEdge,
  type TopologyNode,
} from '../../model/types.ts';

export const DATA_KEY = 'x-playground';

export interface DataNode {
  id: string;
  /** The service it runs as; absent for boxes outside the stack and folded load balancers. */
  service?: string;
  kind: NodeKind;
  label: string;
  position: { x: number; y: number };
  parent?: string;
  size?: { width: number; height: number };
  /** Only the values that differ from the kind's defaults. */
  config?: Config;
  /** Default keys the box did not have at all. */
  missing?: string[];
}

export interface PlaygroundData {
  version: 1;
  title: string;
  direction?: Direction;
  nodes: DataNode[];
  edges: TopologyEdge[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function encodeData(
  doc: TopologyDocument,
  service: (node: TopologyNode) => string | undefined,
): PlaygroundData {
  const nodes = doc.nodes.map((n) => {
    const defaults = defaultConfig(n.kind);
    const config: Config = {};
    for (const [k, v] of Object.entries(n.config)) if (!same(v, defaults[k])) config[k] = v;
    const missing = Object.keys(defaults).filter((k) => !(k in n.config));
    const out = { id: n.id } as DataNode;
    const s = service(n);
    if (s !== undefined) out.service = s;
    Object.assign(out, { kind: n.kind, label: n.label, position: { ...n.position } });
    if (n.parent !== undefined) out.parent = n.parent;
    if (n.size) out.size = { ...n.size };
    if (Object.keys(config).length) out.config = config;
    if (missing.length) out.missing = missing;
    return out;
  });
  const data: PlaygroundData = {
    version: 1,
    title: doc.title,
    ...(doc.direction ? { direction: doc.direction } : {}),
    nodes,
    edges: [],
  };
  data.edges = doc.edges.map((e) => {
    const edge: TopologyEdge = { id: e.id, source: e.source, target: e.target };
    if (e.label !== undefined) edge.label = e.label;
    if (e.config !== undefined) edge.config = e.config;
    return edge;
  });
  return data;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A box's config from its data: defaults, minus the keys it lacked, plus valid values. */
export function configFromData(node: DataNode, notes: string[]): Config {
  const config = defaultConfig(node.kind);
  for (const key of node.missing ?? []) delete config[key];
  for (const [key, value] of Object.entries(node.config ?? {})) {
    const field = fieldSpec(node.kind, key);
    if (field && checkField(field, value) === null) config[key] = value;
    else
      notes.push(
        `${node.label || node.id}: setting “${key}” ${field ? 'had an invalid value; using the default' : 'is not one of its kind; ignored'}.`,
      );
  }
  return config;
}

/** Reads the block back; null (and a note) when it is not ours or is damaged. */
export function decodeData(raw: unknown, notes: string[]): PlaygroundData | null {
  const bad = (why: string) => {
    notes.push(
      `The ${DATA_KEY} block is ${why}, so it was not used: kinds are guessed from the images.`,
    );
    return null;
  };
  if (!isObject(raw)) return bad('not a map');
  if (raw.version !== 1) return bad(`of another version (${JSON.stringify(raw.version)})`);
  if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges ?? [])) return bad('missing its nodes');
  const nodes: DataNode[] = [];
  const ids = new Set<string>();
  for (const n of raw.nodes) {
    if (!isObject(n) || typeof n.id !== 'string' || n.id === '' || ids.has(n.id)) {
      return bad('damaged (a node without a unique id)');
    }
    if (!NODE_KINDS.includes(n.kind as NodeKind))
      return bad(`damaged (unknown kind ${JSON.stringify(n.kind)})`);
    ids.add(n.id);
    const p = isObject(n.position) ? n.position : {};
    const node: DataNode = {
      id: n.id,
      kind: n.kind as NodeKind,
      label: typeof n.label === 'string' ? n.label.slice(0, 500) : n.id,
      position: { x: finite(p.x) ? p.x : 0, y: finite(p.y) ? p.y : 0 },
    };
    if (typeof n.service === 'string') node.service = n.service;
    if (typeof n.parent === 'string') node.parent = n.parent;
    if (isObject(n.size) && finite(n.size.width) && finite(n.size.height)) {
      node.size = { width: n.size.width, height: n.size.height };
    }
    if (isObject(n.config)) node.config = n.config as Config;
    if (Array.isArray(n.missing))
      node.missing = n.missing.filter((k): k is string => typeof k === 'string');
    nodes.push(node);
  }
  const edges: TopologyEdge[] = [];
  for (const e of (raw.edges ?? []) as unknown[]) {
    if (!isObject(e) || typeof e.source !== 'string' || typeof e.target !== 'string') continue;
    const edge: TopologyEdge = {
      id: typeof e.id === 'string' && e.id ? e.id : `e-${e.source}-${e.target}`,
      source: e.source,
      target: e.target,
    };
    if (typeof e.label === 'string') edge.label = e.label.slice(0, 500);
    if (isObject(e.config)) edge.config = e.config as Config;
    edges.push(edge);
  }
  const data: PlaygroundData = {
    version: 1,
    title: typeof raw.title === 'string' ? raw.title.slice(0, 500) : 'Imported stack',
    nodes,
    edges,
  };
  if (['LR', 'RL', 'TB', 'BT'].includes(raw.direction as string))
    data.direction = raw.direction as Direction;
  return data;
}
