import { beforeAll, describe, expect, it } from 'vitest';
import { exampleDocument } from '../../model/example.ts';
import { defaultConfig, KINDS } from '../../model/kinds.ts';
import { NODE_KINDS, type NodeKind, type TopologyDocument } from '../../model/types.ts';
import { configDelta, exportMermaid, mermaidFileName, stripBpComments } from './export.ts';
import { importMermaid } from './import.ts';
import { loadMermaid } from './load.ts';

let parse: (text: string) => Promise<{ type: string }>;

beforeAll(async () => {
  const mermaid = await loadMermaid();
  parse = (text) => mermaid.mermaidAPI.getDiagramFromText(text);
});

function oneOfEach(): TopologyDocument {
  const kinds = NODE_KINDS.filter((k) => k !== 'group');
  return {
    version: 1,
    title: 'Every kind',
    direction: 'TB',
    nodes: [
      {
        id: 'host',
        kind: 'group',
        label: 'Host',
        position: { x: 0, y: 0 },
        size: { width: 500, height: 300 },
        config: defaultConfig('group'),
      },
      {
        id: 'inner',
        kind: 'group',
        label: 'Inner',
        position: { x: 10, y: 40 },
        parent: 'host',
        config: defaultConfig('group'),
      },
      ...kinds.map((kind, i) => ({
        id: `${kind}1`,
        kind,
        label: KINDS[kind].defaultLabel,
        position: { x: i * 200, y: 0 },
        config: defaultConfig(kind),
        ...(kind === 'app' ? { parent: 'inner' } : kind === 'db' ? { parent: 'host' } : {}),
      })),
    ],
    edges: [
      { id: 'e1', source: 'client1', target: 'proxy1', label: '/api' },
      { id: 'e2', source: 'proxy1', target: 'app1' },
    ],
  };
}

describe('exportMermaid', () => {
  it('writes the direction, the title as front matter and one shape per kind', () => {
    const text = exportMermaid(oneOfEach());
    expect(text.startsWith('---\ntitle: "Every kind"\n---\nflowchart TB\n')).toBe(true);
    const expected: Record<Exclude<NodeKind, 'group'>, string> = {
      client: 'client1(["Users"])',
      dns: 'dns1(("DNS"))',
      cdn: 'cdn1[/"CDN"/]',
      proxy: 'proxy1{{"nginx"}}',
      lb: 'lb1[/"Load balancer"\\]',
      app: 'app1["App"]',
      db: 'db1[("Database")]',
      cache: 'cache1("Redis")',
      queue: 'queue1@{ shape: h-cyl, label: "Queue" }',
      worker: 'worker1[["Worker"]]',
      cron: 'cron1[\\"Cron"\\]',
      static: 'static1[\\"Static files"/]',
      external: 'external1>"Payment API"]',
      limiter: 'limiter1{"Rate limiter"}',
    };
    for (const line of Object.values(expected)) expect(text).toContain(line);
  });

  it('nests subgraphs and puts boxes in their host', () => {
    const lines = exportMermaid(oneOfEach()).split('\n');
    const at = (s: string) => lines.findIndex((l) => l.trim() === s);
    expect(at('subgraph host ["Host"]')).toBeLessThan(at('subgraph inner ["Inner"]'));
    expect(at('subgraph inner ["Inner"]')).toBeLessThan(at('app1["App"]'));
    expect(lines[at('app1["App"]')]).toMatch(/^ {6}app1/);
    expect(lines[at('db1[("Database")]')]).toMatch(/^ {4}db1/);
  });

  it('writes edge labels and one colour class per kind', () => {
    const text = exportMermaid(oneOfEach());
    expect(text).toContain('  client1 -->|"/api"| proxy1\n');
    expect(text).toContain('  proxy1 --> app1\n');
    for (const kind of NODE_KINDS) {
      expect(text.match(new RegExp(`classDef ${kind}Kind `, 'g'))).toHaveLength(1);
    }
    expect(text).toContain(`classDef appKind fill:${KINDS.app.color},`);
    expect(text).toContain('class host,inner groupKind');
  });

  it('carries ids, kinds, settings and positions in %% bp: lines', () => {
    const doc = exampleDocument();
    const text = exportMermaid(doc);
    expect(text).toContain(
      '%% bp:node users {"id":"users","kind":"client","label":"Users","position":{"x":0,"y":160},"config":{"rps":60}}',
    );
    expect(text).toContain(
      '%% bp:edge {"id":"e-nginx-lb","source":"nginx","target":"lb","label":"/api"}',
    );
    expect(stripBpComments(text)).not.toContain('bp:');
  });

  it('keeps the monthly cost: a line people read and the figures per box', () => {
    const doc = exampleDocument();
    const text = exportMermaid(doc);
    expect(text).toContain(
      '%% Monthly cost at AWS on-demand list prices (Backend Playground estimate): $274.53\n',
    );
    expect(text).toContain(
      '%% bp:cost {"totalUsd":274.53,"nodes":{"users":0,"nginx":119.14,"lb":22.27,"app1":59.57,"app2":59.57,"db":13.98}}\n',
    );
    // Stripped of its data, the export still says what the design costs.
    expect(stripBpComments(text)).toContain('%% Monthly cost at AWS on-demand list prices');
  });

  it('escapes labels so no text can break out of its string', () => {
    const doc = exampleDocument();
    doc.nodes[1]!.label = 'a"] --> X[pwned <script>alert(1)</script> #quot; %%{init}%%\nend';
    const text = exportMermaid(doc);
    const body = stripBpComments(text);
    expect(body).toContain(
      'nginx{{"a#34;] --#62; X[pwned #60;script#62;alert(1)#60;/script#62; #35;quot; #37;#37;{init}#37;#37;<br>end"}}',
    );
    expect(body).not.toContain('<script');
  });

  it('stores only settings that differ from the defaults, and which keys were absent', () => {
    expect(configDelta('app', { ...defaultConfig('app'), concurrency: 9 })).toEqual({
      config: { concurrency: 9 },
      missing: [],
    });
    const partial = configDelta('db', { readMs: 5 });
    expect(partial.config).toEqual({});
    expect(partial.missing).toContain('writeMs');
  });

  it('produces text Mermaid itself parses, comments and front matter included', async () => {
    for (const doc of [exampleDocument(), oneOfEach()]) {
      const diagram = await parse(exportMermaid(doc));
      expect(diagram.type).toBe('flowchart-v2');
    }
  });

  it('maps ids Mermaid would refuse', async () => {
    const doc = exampleDocument();
    doc.nodes[0]!.id = 'end';
    doc.nodes[1]!.id = 'my proxy (1)';
    doc.edges[0]!.source = 'end';
    doc.edges[0]!.target = 'my proxy (1)';
    doc.edges[1]!.source = 'my proxy (1)';
    const text = exportMermaid(doc);
    expect(text).toContain('n_end --> my_proxy_1');
    expect(text).toContain('%% bp:node my_proxy_1 {"id":"my proxy (1)"');
    await expect(parse(text)).resolves.toBeDefined();
  });
});

describe('the title', () => {
  const HTML_TITLE = '<b>Shop</b> & <script>alert(1)</script> <img src=x onerror=alert(1)> #1 100%';

  it('is written so a renderer shows all of it: no < for its HTML sanitizer to read', async () => {
    const doc = { ...exampleDocument(), title: HTML_TITLE };
    const text = exportMermaid(doc);
    const front = text.split('\n')[1]!;
    expect(front).toBe(
      'title: "\\u2039b\\u203aShop\\u2039/b\\u203a & \\u2039script\\u203aalert(1)\\u2039/script\\u203a \\u2039img src=x onerror=alert(1)\\u203a \\u00231 100\\u0025"',
    );
    expect(front).not.toMatch(/[<>]/);
    await expect(parse(text)).resolves.toBeDefined();
    // The YAML string (JSON-compatible) is the title renderers show, every character kept;
    // the browser test checks Mermaid's drawing of it.
    expect(JSON.parse(front.slice('title: '.length))).toBe(
      '‹b›Shop‹/b› & ‹script›alert(1)‹/script› ‹img src=x onerror=alert(1)› #1 100%',
    );
  });

  it('comes back exactly from export → import, and readable without the bp: lines', async () => {
    const doc = { ...exampleDocument(), title: HTML_TITLE };
    const back = await importMermaid(exportMermaid(doc));
    expect(back.ok && back.doc).toEqual(doc);
    const plain = await importMermaid(stripBpComments(exportMermaid(doc)));
    expect(plain.ok && plain.doc.title).toBe(
      '‹b›Shop‹/b› & ‹script›alert(1)‹/script› ‹img src=x onerror=alert(1)› #1 100%',
    );
  });

  it('is left as it is when it holds no <', () => {
    const text = exportMermaid({ ...exampleDocument(), title: 'a -> b & c' });
    expect(text.split('\n')[1]).toBe('title: "a -> b & c"');
  });
});

describe('mermaidFileName', () => {
  it.each([
    ['Shop v2 / prod b', 'Shop v2 prod b.mmd'],
    ['Shop v2  prod\tb', 'Shop v2 prod b.mmd'],
    ['a:b*c?d"e<f>g|h\\i/j', 'a b c d e f g h i j.mmd'],
    ['Bob’s shop (v1.2), #3 & co %', 'Bobs shop (v1.2), 3 co.mmd'],
    ['..hidden.', 'hidden.mmd'],
    ['- dash', 'dash.mmd'],
    ['Café 数据库 Ünïcode', 'Café 数据库 Ünïcode.mmd'],
    ['line\nbreak\u0000nul', 'line break nul.mmd'],
    ['CON', 'CON diagram.mmd'],
    ['', 'diagram.mmd'],
    ['  /// ', 'diagram.mmd'],
  ])('%j → %j', (title, name) => {
    expect(mermaidFileName(title)).toBe(name);
  });

  it('is at most 80 characters before .mmd and never ends in a space or dot', () => {
    const name = mermaidFileName(`${'x'.repeat(79)} . y`);
    expect(name).toBe(`${'x'.repeat(79)}.mmd`);
    expect(mermaidFileName('😀'.repeat(100))).toBe('diagram.mmd');
  });
});
