import { defaultConfig } from './kinds.ts';
import type { NodeKind, TopologyDocument, TopologyNode } from './types.ts';

/** A box at (x, y) with every config key at its default, `config` laid over them. */
export function node(
  id: string,
  kind: NodeKind,
  label: string,
  x: number,
  y: number,
  config = {},
): TopologyNode {
  return { id, kind, label, position: { x, y }, config: { ...defaultConfig(kind), ...config } };
}

/** What a first visit opens: client → nginx → LB → two apps → DB. */
export function exampleDocument(): TopologyDocument {
  return {
    version: 1,
    title: 'My first backend',
    direction: 'LR',
    nodes: [
      node('users', 'client', 'Users', 0, 160, { rps: 60 }),
      node('nginx', 'proxy', 'nginx', 240, 160),
      node('lb', 'lb', 'Load balancer', 480, 160),
      node('app1', 'app', 'App 1', 720, 60),
      node('app2', 'app', 'App 2', 720, 260),
      node('db', 'db', 'Database', 980, 160),
    ],
    edges: [
      { id: 'e-users-nginx', source: 'users', target: 'nginx' },
      { id: 'e-nginx-lb', source: 'nginx', target: 'lb', label: '/api' },
      { id: 'e-lb-app1', source: 'lb', target: 'app1' },
      { id: 'e-lb-app2', source: 'lb', target: 'app2' },
      { id: 'e-app1-db', source: 'app1', target: 'db' },
      { id: 'e-app2-db', source: 'app2', target: 'db' },
    ],
  };
}

export function emptyDocument(): TopologyDocument {
  return { version: 1, title: 'Untitled', direction: 'LR', nodes: [], edges: [] };
}
