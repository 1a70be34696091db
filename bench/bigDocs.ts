// Big diagrams for the reliability figures in `npm run bench` and for the e2e tests that
// open them: n boxes in a grid, rows of app servers with a cache or database at the end,
// each box connected to the next in its row. Labels are distinct, configs at their
// defaults (as most boxes of a real big diagram are), so a share link stays compact.

import { defaultConfig } from '../src/model/kinds.ts';
import type { NodeKind, TopologyDocument, TopologyEdge, TopologyNode } from '../src/model/types.ts';

const ROW = 100;
const KINDS_BY_COLUMN: NodeKind[] = ['client', 'proxy', 'lb'];

export function bigDocument(boxes: number): TopologyDocument {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  for (let i = 0; i < boxes; i++) {
    const row = Math.floor(i / ROW);
    const col = i % ROW;
    const kind: NodeKind =
      KINDS_BY_COLUMN[col] ?? (col === ROW - 1 ? (row % 2 ? 'cache' : 'db') : 'app');
    nodes.push({
      id: `n${i}`,
      kind,
      label: `${kind} ${row}.${col}`,
      position: { x: col * 220, y: row * 140 },
      config: defaultConfig(kind),
    });
    if (col > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}` });
  }
  return {
    version: 1,
    title: `${boxes.toLocaleString('en')} boxes`,
    direction: 'LR',
    nodes,
    edges,
  };
}
