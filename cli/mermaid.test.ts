import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../src/model/example.ts';
import { main } from './mermaid.ts';

const dir = mkdtempSync(join(tmpdir(), 'bp-mermaid-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('mermaid CLI', () => {
  it('imports a .mmd file as document JSON', async () => {
    const r = await main(['import', file('a.mmd', 'flowchart LR\n  U[Users] --> D[(Postgres)]\n')]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.nodes.map((n: { kind: string }) => n.kind)).toEqual(['client', 'db']);
  });

  it('takes the first ```mermaid block of a .md file, or the one --block names', async () => {
    const md = file(
      'doc.md',
      '# Title\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n~~~mermaid\ngraph TD\n  X --> Y --> Z\n~~~\n',
    );
    const first = await main(['import', md]);
    expect(JSON.parse(first.out).nodes).toHaveLength(2);
    const second = await main(['import', md, '--block', '2']);
    expect(JSON.parse(second.out).nodes).toHaveLength(3);
    const missing = await main(['import', md, '--block', '3']);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toMatch(/2 mermaid blocks; there is no block 3/);
  });

  it('reports errors on stderr with exit code 2, lines counted in the markdown file', async () => {
    const md = file('bad.md', 'intro\n\n```mermaid\nflowchart LR\n  A --> [x\n```\n');
    const r = await main(['import', md]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/bad\.md:5:\d+: Mermaid could not read line 5/);
    const seq = await main(['import', file('s.mmd', 'sequenceDiagram\n  A->>B: hi\n')]);
    expect(seq.err).toMatch(/this is a sequence diagram/);
    expect((await main(['import', join(dir, 'nope.mmd')])).code).toBe(2);
    expect((await main(['frobnicate'])).code).toBe(2);
  });

  it('exports a document as Mermaid that imports back to the same document', async () => {
    const json = file('doc.json', JSON.stringify(exampleDocument()));
    const r = await main(['export', json]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^---\ntitle: "My first backend"\n---\nflowchart LR\n/);
    const back = await main(['import', file('back.mmd', r.out)]);
    expect(JSON.parse(back.out)).toEqual(exampleDocument());
    const bad = await main(['export', file('bad.json', '{"nodes": 3}')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a topology document/);
  });
});
