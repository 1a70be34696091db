// Scenes travel to the Worker 30 times a second, but a box's items change a few times a
// second at most: what the Worker already has (by key) is left out of the message and filled
// back in there. Pure: plain data in, plain data out.

import type { EdgeScene, Item, NodeScene, RecordScene } from './scene.ts';

/** A scene as sent: items, links, labels or panels the Worker already has are null. */
export interface SlimScene extends Omit<RecordScene, 'nodes' | 'edges' | 'labels' | 'overlays'> {
  nodes: readonly (Omit<NodeScene, 'items'> & { items: readonly Item[] | null })[];
  edges: readonly EdgeScene[] | null;
  labels: readonly Item[] | null;
  overlays: readonly Item[] | null;
}

/** The page's side: which keys the Worker was sent. */
export class DeltaSender {
  private readonly nodes = new Map<string, string>();
  private edges = '';
  private labels = '';
  private overlays = '';

  slim(scene: RecordScene): SlimScene {
    const nodes = scene.nodes.map((n) => {
      if (this.nodes.get(n.id) === n.key) return { ...n, items: null };
      this.nodes.set(n.id, n.key);
      return n;
    });
    const send = <T>(value: T, key: string, last: string): T | null =>
      key === last ? null : value;
    const slim: SlimScene = {
      ...scene,
      nodes,
      edges: send(scene.edges, scene.edgesKey, this.edges),
      labels: send(scene.labels, scene.labelsKey, this.labels),
      overlays: send(scene.overlays, scene.overlaysKey, this.overlays),
    };
    this.edges = scene.edgesKey;
    this.labels = scene.labelsKey;
    this.overlays = scene.overlaysKey;
    return slim;
  }
}

/** The Worker's side: the latest of each, to fill a slim scene back in. */
export class DeltaReceiver {
  private readonly nodes = new Map<string, { key: string; items: readonly Item[] }>();
  private edges: readonly EdgeScene[] = [];
  private labels: readonly Item[] = [];
  private overlays: readonly Item[] = [];

  fill(slim: SlimScene): RecordScene {
    const nodes: NodeScene[] = [];
    for (const n of slim.nodes) {
      if (n.items) this.nodes.set(n.id, { key: n.key, items: n.items });
      const known = this.nodes.get(n.id);
      if (!known || known.key !== n.key) {
        throw new Error(`the recording lost track of box ${n.id}`);
      }
      nodes.push({ ...n, items: known.items });
    }
    if (slim.edges) this.edges = slim.edges;
    if (slim.labels) this.labels = slim.labels;
    if (slim.overlays) this.overlays = slim.overlays;
    return { ...slim, nodes, edges: this.edges, labels: this.labels, overlays: this.overlays };
  }
}
