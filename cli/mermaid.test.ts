import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../src/model/example.ts';
import type { TopologyDocument } from '../src/model/types.ts';
import { simulate } from '../src/sim/index.ts';
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

  it('prints usage on stdout with exit 0 for --help and -h; unknown commands stay errors', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await main([flag]);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(
        /^usage:\n {2}npm run mermaid -- import FILE\.mmd\|FILE\.md \[--block N\]/,
      );
      expect(r.out).toContain('--block N');
    }
    const unknown = await main(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toMatch(/^unknown command "frobnicate"\nusage:/);
    const none = await main([]);
    expect(none).toMatchObject({ code: 2, out: '' });
    expect(none.err).toMatch(/^usage:/);
    const option = await main(['import', '--frob', 'x.mmd']);
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^unknown option "--frob"\nusage:/);
  });

  it('takes the first flowchart of a .md file, says which on stderr, and obeys --block N', async () => {
    const md = file(
      'README.md',
      '# Flow\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n\n```mermaid\nflowchart LR\n  U[Users] --> D[(Postgres)]\n```\n\n```mermaid\ngraph TD\n  X --> Y --> Z\n```\n',
    );
    const auto = await main(['import', md]);
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.out).nodes).toHaveLength(2);
    expect(auto.err).toBe(
      `note: ${md} has 3 mermaid blocks; importing block 2 (line 9), the first flowchart. Choose another with --block N.\n`,
    );
    const third = await main(['import', md, '--block', '3']);
    expect(third).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(third.out).nodes).toHaveLength(3);
    const equals = await main(['import', '--block=3', md]);
    expect(JSON.parse(equals.out).nodes).toHaveLength(3);
    const first = await main(['import', md, '--block', '1']);
    expect(first).toMatchObject({ code: 2, out: '' });
    expect(first.err).toMatch(/this is a sequence diagram/);
    for (const bad of ['0', 'two', '1.5']) {
      expect((await main(['import', md, '--block', bad])).err).toMatch(/--block needs a number/);
    }
    expect((await main(['import', md, '--block'])).code).toBe(2);
    const mmd = await main([
      'import',
      file('one.mmd', 'flowchart LR\n  A --> B\n'),
      '--block',
      '2',
    ]);
    expect(mmd.code).toBe(2);
    expect(mmd.err).toMatch(/--block picks a ```mermaid block in a markdown file/);
    // With no flowchart at all it says so, and the error names the diagram it found.
    const none = await main([
      'import',
      file(
        'seq.md',
        '```mermaid\npie\n  "a": 1\n```\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n',
      ),
    ]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/importing block 1 \(line 2\), none of them is a flowchart/);
  });

  it('counts the lines of an unclosed-bracket hint in the markdown file too', async () => {
    const md = file(
      'hint.md',
      'intro\n\n```mermaid\nflowchart LR\n  A --> B\n  C[[Oops\n  D --> E\n```\n',
    );
    const r = await main(['import', md]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /hint\.md:7:\d+: Mermaid could not read line 7, .*Line 6 opens “\[\[” at column 4/,
    );
  });

  it('imports DNS drawn in the request path as a system that runs, arrows as drawn', async () => {
    const text =
      'flowchart LR\n U[Browser] --> D[DNS] --> LB[Load balancer] --> A[API server] --> DB[(Postgres)]\n';
    const r = await main(['import', file('dns.mmd', text)]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as TopologyDocument;
    // DNS's arrow says what the name resolves to: it stays in the document.
    expect(doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'U>D',
      'D>LB',
      'LB>A',
      'A>DB',
    ]);
    const report = simulate(doc, { seed: 7, durationMs: 5_000, warmupMs: 500 });
    const { completed, failed } = report.requests;
    expect(completed).toBeGreaterThan(50);
    const errorRate = failed / (completed + failed);
    expect(errorRate).toBeLessThan(0.01);
    // Every request looked its name up first, then went to the load balancer.
    expect(report.nodes.D!.arrivals).toBeGreaterThan(0);
    expect(report.nodes.LB!.arrivals).toBeGreaterThanOrEqual(completed);
  });
});
