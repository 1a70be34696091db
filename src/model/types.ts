// The topology document: the public contract carried by saved files, share links,
// scenarios, Mermaid round trips and the CLI. Bump CURRENT_VERSION only together with a
// migration in migrations.ts.

export const CURRENT_VERSION = 1 as const;

export const NODE_KINDS = [
  'client',
  'dns',
  'cdn',
  'proxy',
  'lb',
  'app',
  'db',
  'cache',
  'queue',
  'worker',
  'cron',
  'static',
  'external',
  'group',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

export type Direction = 'LR' | 'RL' | 'TB' | 'BT';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A config value. Routes (client traffic mix) are the one structured value. */
export type ConfigValue = number | string | boolean | Route[];

export type Config = Record<string, ConfigValue>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One entry of a client's traffic mix: `weight` is relative to the other routes. */
export interface Route {
  method: HttpMethod;
  path: string;
  weight: number;
}

export interface TopologyNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Relative to the parent group when `parent` is set (React Flow's convention). */
  position: XY;
  /** Id of the `group` node (a host or network) this node sits in. */
  parent?: string;
  /** Groups carry their frame size; other nodes size themselves. */
  size?: Size;
  config: Config;
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  /** For nginx routing the label is the path prefix (`/api`, `/images`). */
  label?: string;
}

export interface TopologyDocument {
  version: typeof CURRENT_VERSION;
  title: string;
  /** Layout direction, used by auto-layout and Mermaid export. */
  direction?: Direction;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}
