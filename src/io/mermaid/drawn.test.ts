// Stage 2: the graph as drawn, in plain terms; nothing inferred.

import { describe, expect, it } from 'vitest';
import { drawnGraph, flipArrows } from './drawn.ts';
import type { ParsedFlowchart } from './parse.ts';
import { preprocess } from './preprocess.ts';

function parsed(over: Partial<ParsedFlowchart>): ParsedFlowchart {
  return {
    vertices: [],
    edges: [],
    subgraphs: [],
    direction: 'LR',
    pre: preprocess('flowchart LR'),
    ...over,
  };
}

describe('drawnGraph', () => {
  it('gives boxes plain labels, icons taken out, and their subgraph', () => {
    const g = drawnGraph(
      parsed({
        vertices: [
          { id: 'db', text: 'fa:fa-database <b>Orders</b>', classes: ['store'] },
          { id: 'u', text: 'Ana', icon: 'fa:user', classes: [] },
        ],
        subgraphs: [{ id: 'data', title: 'Data', nodes: ['db'] }],
      }),
    );
    expect(g.boxes.map((b) => [b.id, b.label, b.group, b.parent, b.icons])).toEqual([
      ['data', 'Data', true, undefined, []],
      ['db', 'Orders', false, 'data', ['database']],
      ['u', 'Ana', false, undefined, ['user']],
    ]);
    expect(g.boxes[1]!.classes).toEqual(['store']);
  });

  it('names a box whose label came out empty after its id, and says so', () => {
    const g = drawnGraph(parsed({ vertices: [{ id: 'F', text: '<b></b>', classes: [] }] }));
    expect(g.boxes[0]!.label).toBe('F');
    expect(g.notes).toEqual([
      'The label of “F” (<b></b>) held only markup and came out empty, so the box is named “F”.',
    ]);
  });

  it('keeps every arrow with what its style says, arrows to subgraphs included', () => {
    const g = drawnGraph(
      parsed({
        vertices: [
          { id: 'a', text: 'a', classes: [] },
          { id: 'b', text: 'b', classes: [] },
        ],
        subgraphs: [{ id: 'S', title: 'S', nodes: ['b'] }],
        edges: [
          { start: 'a', end: 'S', type: 'arrow_point', stroke: 'normal', text: '/api' },
          { start: 'a', end: 'b', type: 'arrow_open', stroke: 'invisible', text: '' },
          { start: 'b', end: 'a', type: 'double_arrow_point', stroke: 'dotted', text: '' },
        ],
      }),
    );
    expect(g.arrows).toEqual([
      { source: 'a', target: 'S', label: '/api', faint: false, twoWay: false },
      { source: 'a', target: 'b', label: '', faint: true, twoWay: false },
      { source: 'b', target: 'a', label: '', faint: false, twoWay: true },
    ]);
    expect(flipArrows(g).arrows.map((x) => `${x.source}>${x.target}`)).toEqual([
      'S>a',
      'b>a',
      'a>b',
    ]);
  });

  it('cuts a subgraph listed inside its own descendant', () => {
    const g = drawnGraph(
      parsed({
        subgraphs: [
          { id: 'A', title: 'A', nodes: ['B'] },
          { id: 'B', title: 'B', nodes: ['A'] },
        ],
      }),
    );
    const parents = Object.fromEntries(g.boxes.map((b) => [b.id, b.parent]));
    expect(parents.A === 'B' && parents.B === 'A').toBe(false);
  });
});
