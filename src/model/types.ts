// The topology document: the public contract carried by saved files, share links,
// scenarios, Mermaid round trips and the CLI. Bump CURRENT_VERSION only together with a
// migration in migrations.ts.

import { KIND_IDS, type KindId } from '../kinds/index.ts';

export const CURRENT_VERSION = 1 as const;

/** Every kind of box; each is a folder in src/kinds/, listed once in src/kinds/index.ts. */
export const NODE_KINDS: readonly KindId[] = KIND_IDS;

export type NodeKind = KindId;

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
  /**
   * Not drawn by the person: the Mermaid import added it so that a diagram without a
   * traffic source runs (a Users client). The canvas marks it; deleting it is fine.
   */
  addedBy?: 'import';
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  /** For nginx routing the label is the path prefix (`/api`, `/images`). */
  label?: string;
  /**
   * Drawn faint, carries no traffic: it only keeps boxes near each other (Mermaid's
   * `A ~~~ B`). Absent means false.
   */
  faint?: boolean;
  /**
   * Drawn with arrowheads at both ends (Mermaid's `A <--> B`). Requests go the way it was
   * written; with a queue at one end the other end also consumes its messages (see
   * src/model/links.ts). Absent means false.
   */
  twoWay?: boolean;
  /**
   * What the calling box does on this connection (src/model/linkSettings.ts): retries, a
   * call timeout, a circuit breaker. Only keys a person set; absent means none.
   */
  config?: Config;
}

export interface TopologyDocument {
  version: typeof CURRENT_VERSION;
  title: string;
  /** Layout direction, used by auto-layout and Mermaid export. */
  direction?: Direction;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}
