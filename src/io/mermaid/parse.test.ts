// Stage 1: Mermaid's parser reads the text; what we need is copied out as plain data.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid } from './load.ts';
import { parseFlowchart } from './parse.ts';

beforeAll(async () => {
  await loadMermaid();
});

async function parsed(text: string) {
  const r = await parseFlowchart(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.parsed;
}

describe('parseFlowchart', () => {
  it('copies vertices with their text, shape, icon and classes', async () => {
    const p = await parsed(`flowchart LR
      A["fa:fa-database Orders"]:::store --> B@{ icon: "fa:user", label: "Ana" }
      C[(Ledger)]`);
    expect(p.vertices.find((v) => v.id === 'A')).toMatchObject({
      text: 'fa:fa-database Orders',
      shape: 'square',
      classes: ['store'],
    });
    expect(p.vertices.find((v) => v.id === 'B')).toMatchObject({ text: 'Ana', icon: 'fa:user' });
    expect(p.vertices.find((v) => v.id === 'C')?.shape).toBe('cylinder');
    expect(p.direction).toBe('LR');
  });

  it('copies every edge with its kind of arrow and stroke', async () => {
    const p = await parsed('flowchart TB\n  A --> B\n  A ~~~ C\n  B <-->|x| C\n  C -.- D');
    expect(p.edges.map((e) => [e.start, e.end, e.type, e.stroke, e.text])).toEqual([
      ['A', 'B', 'arrow_point', 'normal', ''],
      ['A', 'C', 'arrow_open', 'invisible', ''],
      ['B', 'C', 'double_arrow_point', 'normal', 'x'],
      ['C', 'D', 'arrow_open', 'dotted', ''],
    ]);
  });

  it('copies subgraphs with their direct members, inner ones first', async () => {
    const p = await parsed(`flowchart LR
      subgraph outer [Data centre]
        subgraph inner [Host 1]
          a
        end
        b
      end`);
    expect(p.subgraphs.map((s) => [s.id, s.title, s.nodes])).toEqual([
      ['inner', 'Host 1', ['a']],
      ['outer', 'Data centre', ['inner', 'b']],
    ]);
  });

  it('keeps front matter and our bp: data aside, and the accessible title', async () => {
    const p = await parsed(
      '---\ntitle: Shop\n---\nflowchart LR\n  accTitle: Acc\n  A --> B\n%% bp:doc {"version":1,"title":"Shop"}',
    );
    expect(p.pre.title).toBe('Shop');
    expect(p.pre.bp.doc?.title).toBe('Shop');
    expect(p.accTitle).toBe('Acc');
  });

  it('says why it cannot read a text, with the line and column', async () => {
    const bad = await parseFlowchart('flowchart LR\n  A --> B\n  C --> [');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ line: 3 });
    const other = await parseFlowchart('sequenceDiagram\n  A->>B: hi');
    expect(!other.ok && other.error.message).toMatch(/sequence diagram/);
    expect((await parseFlowchart('  ')).ok).toBe(false);
  });
});
