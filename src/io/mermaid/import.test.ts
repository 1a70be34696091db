import { beforeAll, describe, expect, it } from 'vitest';
import { exampleDocument } from '../../model/example.ts';
import { defaultConfig } from '../../model/kinds.ts';
import { runtimeLinks } from '../../model/links.ts';
import { validateDocument } from '../../model/schema.ts';
import type { TopologyDocument, TopologyNode } from '../../model/types.ts';
import { NODE_SIZE } from '../layout.ts';
import { exportMermaid } from './export.ts';
import { applyChoices, importMermaid } from './import.ts';
import { loadMermaid } from './load.ts';

beforeAll(async () => {
  await loadMermaid();
});

/** Imports as drawn: no Users box added (the traffic stage has its own tests). */
async function ok(text: string) {
  const r = await importMermaid(text, { users: false });
  if (!r.ok) throw new Error(`import failed: ${r.error.message}`);
  expect(validateDocument(r.doc)).toEqual([]);
  return r;
}

const node = (doc: TopologyDocument, id: string): TopologyNode => {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id} in ${doc.nodes.map((x) => x.id).join(', ')}`);
  return n;
};
const pairs = (doc: TopologyDocument) => doc.edges.map((e) => `${e.source}>${e.target}`).sort();

describe('importMermaid: headers and directions', () => {
  it.each([
    ['graph TD', 'TB'],
    ['graph TB', 'TB'],
    ['flowchart LR', 'LR'],
    ['flowchart RL', 'RL'],
    ['flowchart BT', 'BT'],
    ['graph LR', 'LR'],
  ])('%s → %s', async (header, direction) => {
    const r = await ok(`${header}\n  A --> B`);
    expect(r.doc.direction).toBe(direction);
    expect(pairs(r.doc)).toEqual(['A>B']);
  });

  it('reads a graph without a direction as top to bottom', async () => {
    expect((await ok('graph\n A --> B')).doc.direction).toBe('TB');
  });
});

describe('importMermaid: shapes and labels', () => {
  it('accepts every classic shape and keeps the labels', async () => {
    const r = await ok(`flowchart LR
      a[rect] --> b(round) --> c([stadium]) --> d[[subroutine]] --> e[(cylinder)]
      e --> f((circle)) --> g>flag] --> h{diamond} --> i{{hexagon}} --> j[/lean right/]
      j --> k[\\lean left\\] --> l[/trapezoid\\] --> m[\\inv trapezoid/] --> n(((double)))
      n --> o`);
    expect(r.doc.nodes.map((n) => n.label)).toEqual([
      'rect',
      'round',
      'stadium',
      'subroutine',
      'cylinder',
      'circle',
      'flag',
      'diamond',
      'hexagon',
      'lean right',
      'lean left',
      'trapezoid',
      'inv trapezoid',
      'double',
      'o',
    ]);
    expect(node(r.doc, 'e').kind).toBe('db');
    expect(r.doc.edges).toHaveLength(14);
  });

  it('accepts Mermaid 11 shapes written as id@{ shape: … }', async () => {
    const r = await ok(`flowchart LR
      q@{ shape: h-cyl, label: "Jobs" }
      d@{ shape: cyl, label: "Ledger" }
      s@{ shape: rect, label: "Orders" }
      x@{ shape: das }
      q --> s`);
    expect(node(r.doc, 'q').kind).toBe('queue');
    expect(node(r.doc, 'q').label).toBe('Jobs');
    expect(node(r.doc, 'd').kind).toBe('db');
    // A plain rectangle says nothing: "Orders" is read from where it sits, consuming Jobs.
    expect(node(r.doc, 's').kind).toBe('worker');
    expect(r.guesses.s!.reasons).toEqual(['takes messages from a queue']);
    expect(node(r.doc, 'x').label).toBe('x');
  });

  it('decodes entities, strips markdown and keeps unicode ids and labels', async () => {
    const r = await ok(`flowchart LR
      A["Say #quot;hi#quot; #35;1 #9829;"] --> B["\`**Bold** and _italic_\`"]
      Lé["Ünïcødé 🚀"] --> 数据库[(数据库)]
      C[Line one<br>line two]`);
    expect(node(r.doc, 'A').label).toBe('Say "hi" #1 ♥');
    expect(node(r.doc, 'B').label).toBe('Bold and italic');
    expect(node(r.doc, 'Lé').label).toBe('Ünïcødé 🚀');
    expect(node(r.doc, '数据库').kind).toBe('db');
    expect(node(r.doc, 'C').label).toBe('Line one\nline two');
  });

  it('keeps HTML in labels as text and never as markup', async () => {
    const r = await ok(`flowchart LR
      A["<b>Bold</b> <img src=x onerror=alert(1)> <script>alert(1)</script>a &lt; b"] --> B`);
    const label = node(r.doc, 'A').label;
    expect(label).toBe('Bold a < b');
    expect(label).not.toMatch(/<\w/);
  });

  it('gives every imported box the full default config of its kind', async () => {
    const r = await ok('flowchart LR\n  U[Users] --> N[nginx] --> A[App] --> D[(Postgres)]');
    for (const n of r.doc.nodes) {
      // The traffic stage picks what imported users ask for, and how often.
      const { routes: _r, rps: _p, ...rest } = n.config;
      const { routes: _dr, rps: _dp, ...defaults } = defaultConfig(n.kind);
      expect(rest).toEqual(defaults);
      expect(Object.keys(n.config).sort()).toEqual(Object.keys(defaultConfig(n.kind)).sort());
    }
    expect(r.doc.nodes.map((n) => n.kind)).toEqual(['client', 'proxy', 'app', 'db']);
    expect(r.inferred).toEqual(['U', 'N', 'A', 'D']);
  });
});

describe('importMermaid: edges', () => {
  it('accepts every edge kind and both label syntaxes', async () => {
    const r = await ok(`flowchart LR
      A --> B
      A --- C
      A -.-> D
      A ==> E
      A --o F
      A --x G
      A ---> H
      A -- text one --> I
      A -->|text two| J
      A == thick ==> K
      A -. dotted .-> L
      A -./.-> M
      A -->|"quoted | pipe"| N
      A e1@--> O`);
    const label = (t: string) => r.doc.edges.find((e) => e.target === t)?.label;
    expect(r.doc.edges).toHaveLength(14);
    expect(label('I')).toBe('text one');
    expect(label('J')).toBe('text two');
    expect(label('K')).toBe('thick');
    expect(label('L')).toBe('dotted');
    expect(label('M')).toBe('/');
    expect(label('N')).toBe('quoted | pipe');
    expect(label('B')).toBeUndefined();
  });

  it('expands & and chains', async () => {
    const r = await ok('flowchart LR\n  A & B --> C & D --> E');
    expect(pairs(r.doc)).toEqual(['A>C', 'A>D', 'B>C', 'B>D', 'C>E', 'D>E']);
  });

  it('keeps a two-way arrow two-way, in the direction written', async () => {
    const r = await ok('flowchart LR\n  A <--> B\n  C <-.->|sync| D');
    expect(pairs(r.doc)).toEqual(['A>B', 'C>D']);
    expect(r.doc.edges.map((e) => [e.twoWay, e.label])).toEqual([
      [true, undefined],
      [true, 'sync'],
    ]);
  });

  it('keeps invisible links as faint arrows that carry nothing, saying so', async () => {
    const r = await ok('flowchart LR\n  A ~~~ B\n  A --> C');
    expect(pairs(r.doc)).toEqual(['A>B', 'A>C']);
    expect(r.doc.edges.find((e) => e.target === 'B')?.faint).toBe(true);
    expect(r.doc.edges.find((e) => e.target === 'C')).not.toHaveProperty('faint');
    expect(r.doc.nodes).toHaveLength(3);
    expect(runtimeLinks(r.doc).map((l) => `${l.source}>${l.target}`)).toEqual(['A>C']);
    expect(r.notes.join(' ')).toMatch(/faint link \(~~~\) is kept, drawn faint/);
  });

  it('keeps connections the editor would refuse, listing them as warnings', async () => {
    const r = await ok('flowchart LR\n  D[(Database)] --> U[Users]\n  A[App] --> W[Worker]');
    expect(r.doc.edges).toHaveLength(2);
    expect(r.warnings.some((w) => w.startsWith('Database → Users:'))).toBe(true);
    expect(r.warnings.some((w) => w.startsWith('App → Worker:'))).toBe(true);
  });
});

describe('importMermaid: subgraphs', () => {
  it('turns nested subgraphs into nested groups with their titles', async () => {
    const r = await ok(`flowchart LR
      subgraph dc [Data centre]
        direction TB
        subgraph h1 ["Host 1"]
          a1[App 1]
        end
        subgraph h2
          a2[App 2]
        end
        lb[LB]
      end
      u[Users] --> lb --> a1 & a2`);
    expect(node(r.doc, 'dc')).toMatchObject({ kind: 'group', label: 'Data centre' });
    expect(node(r.doc, 'h1')).toMatchObject({ kind: 'group', label: 'Host 1', parent: 'dc' });
    expect(node(r.doc, 'h2')).toMatchObject({ kind: 'group', label: 'h2', parent: 'dc' });
    expect(node(r.doc, 'a1').parent).toBe('h1');
    expect(node(r.doc, 'a2').parent).toBe('h2');
    expect(node(r.doc, 'lb').parent).toBe('dc');
    expect(node(r.doc, 'u').parent).toBeUndefined();
    // Groups come before what they hold (React Flow needs parents first).
    const index = (id: string) => r.doc.nodes.findIndex((n) => n.id === id);
    expect(index('dc')).toBeLessThan(index('h1'));
    expect(index('h1')).toBeLessThan(index('a1'));
    for (const g of r.doc.nodes.filter((n) => n.kind === 'group')) expect(g.size).toBeDefined();
  });

  it('keeps arrows to and from a subgraph on its host; requests reach its entry and exit boxes', async () => {
    const r = await ok(`flowchart LR
      subgraph S
        a --> b
        c
      end
      u --> S
      S --> d`);
    expect(pairs(r.doc)).toEqual(['S>d', 'a>b', 'u>S']);
    const links = runtimeLinks(r.doc).map((l) => `${l.source}>${l.target}`);
    expect(links.sort()).toEqual(['a>b', 'b>d', 'c>d', 'u>a', 'u>c']);
  });

  it('reads an architecture article diagram', async () => {
    const r = await ok(`flowchart TB
      subgraph clients [Clients]
        desktop[[Desktop]]
        mobile[[Mobile]]
      end
      subgraph edge [Edge]
        lb[[Load Balancer]]
        nginx[[nginx]]
      end
      subgraph services [Services]
        api1[[API server 1]]
        api2[[API server 2]]
      end
      subgraph data [Data]
        db[(PostgreSQL)]
        redis[(Redis)]
        mq[[RabbitMQ]]
      end
      desktop & mobile <--req/res--> lb
      lb --> nginx --> api1 & api2
      api1 & api2 -./.-> redis
      api1 & api2 --> db
      api2 -- publish --> mq --> worker[[Email worker]]`);
    const kinds = Object.fromEntries(r.doc.nodes.map((n) => [n.id, n.kind]));
    expect(kinds).toMatchObject({
      clients: 'group',
      desktop: 'client',
      mobile: 'client',
      lb: 'lb',
      nginx: 'proxy',
      api1: 'app',
      api2: 'app',
      db: 'db',
      redis: 'cache',
      mq: 'queue',
      worker: 'worker',
    });
    expect(pairs(r.doc)).toContain('desktop>lb');
    expect(pairs(r.doc)).toContain('mobile>lb');
    expect(r.doc.edges.find((e) => e.source === 'api1' && e.target === 'redis')?.label).toBe('/');
    expect(r.doc.direction).toBe('TB');
  });
});

describe('importMermaid: everything else Mermaid allows', () => {
  it('ignores styling, comments and click lines (never running them), saying so', async () => {
    const r = await ok(`flowchart LR
      %% a comment
      A[Start]:::hot --> B
      classDef hot fill:#f96
      class B hot
      style A fill:#f00,stroke:#333
      linkStyle 0 stroke:#ff3
      click A "https://example.com" "Open"
      click B callback "Tooltip"`);
    expect(pairs(r.doc)).toEqual(['A>B']);
    expect(JSON.stringify(r.doc)).not.toContain('example.com');
    expect(r.notes.join(' ')).toMatch(/Colours, classes and click links/);
  });

  it('takes the title from front matter, else from accTitle', async () => {
    const fm = await ok('---\ntitle: "Shop #1: checkout"\n---\nflowchart LR\n  A --> B');
    expect(fm.doc.title).toBe('Shop #1: checkout');
    const acc = await ok(
      'flowchart LR\n  accTitle: Payments flow\n  accDescr: How a payment travels\n  A --> B',
    );
    expect(acc.doc.title).toBe('Payments flow');
    expect((await ok('flowchart LR\n  A --> B')).doc.title).toBe('Imported diagram');
  });

  it('lays out diagrams without saved positions, following their direction', async () => {
    const r = await ok('flowchart TB\n  A --> B --> C');
    expect(r.laidOut).toBe(true);
    const y = r.doc.nodes.map((n) => n.position.y);
    expect(y[0]).toBeLessThan(y[1]!);
    expect(y[1]).toBeLessThan(y[2]!);
    const boxes = r.doc.nodes.map((n) => n.position);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const apart =
          Math.abs(boxes[i]!.x - boxes[j]!.x) >= NODE_SIZE.width ||
          Math.abs(boxes[i]!.y - boxes[j]!.y) >= NODE_SIZE.height;
        expect(apart).toBe(true);
      }
    }
  });
});

describe('importMermaid: bad input', () => {
  it('refuses other diagram types by name', async () => {
    const r = await importMermaid('sequenceDiagram\n  Alice->>Bob: Hi');
    expect(r).toEqual({
      ok: false,
      error: { message: 'Only flowcharts can be imported (this is a sequence diagram).' },
    });
    const c = await importMermaid('classDiagram\n  class Animal');
    expect(!c.ok && c.error.message).toMatch(/this is a class diagram/);
  });

  it('reports syntax errors with the line and column of the user’s text', async () => {
    const r = await importMermaid('flowchart LR\n  A --> B\n  B --> [x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.line).toBe(3);
    expect(r.error.column).toBe(9);
    expect(r.error.message).toMatch(/^Mermaid could not read line 3, column 9/);
  });

  it('answers a real diagram Mermaid refuses with a clear message, not a crash', async () => {
    // From a public README (see corpus SOURCES.md, "Rejected wild diagram"): a dotted
    // arrow whose text holds "./", which Mermaid 11 does not read.
    const text =
      'flowchart TD\n  U[User] --> CF[CloudFront]\n  CF --> S3[S3 Static Website]\n' +
      '  S3 -.calls API./.-> API[API Gateway]\n  API --> L[Lambda]\n  L --> DB[DynamoDB]\n' +
      '  U --> Auth[Cognito]\n  L --> CW[CloudWatch Logs]\n\n\n\n\n';
    const r = await importMermaid(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^Mermaid could not read line \d+, column \d+: /);
    expect(r.error.line).toBeGreaterThanOrEqual(4);
  });

  it('counts lines of front matter and comments in error positions', async () => {
    const text = '---\ntitle: T\n---\nflowchart LR\n%% note\n  A --> B\n  B --> C[x\n';
    const r = await importMermaid(text);
    expect(!r.ok && r.error.line).toBe(7);
    expect(!r.ok && r.error.message).toMatch(/ends too early/);
  });

  it('says so for empty text, comments only and text that is no diagram', async () => {
    for (const text of ['', '   \n  ']) {
      const r = await importMermaid(text);
      expect(!r.ok && r.error.message).toMatch(/nothing to import/);
    }
    const comments = await importMermaid('%% just a note');
    expect(!comments.ok && comments.error.message).toMatch(/only comments/);
    const prose = await importMermaid('hello world');
    expect(!prose.ok && prose.error.message).toMatch(/not a Mermaid flowchart/);
  });

  it('refuses a flowchart with no boxes instead of importing an empty diagram', async () => {
    for (const text of ['graph', 'flowchart LR', 'flowchart TD\n\n%% nothing yet\n', 'graph LR;']) {
      const r = await importMermaid(text);
      expect(r.ok, text).toBe(false);
      expect(!r.ok && r.error.message, text).toBe(
        'There are no boxes to import: the flowchart has only its first line. Add boxes below it, e.g. `A[Users] --> B[App]`.',
      );
    }
    const hosts = await importMermaid('flowchart LR\n  subgraph S [Servers]\n  end');
    expect(!hosts.ok && hosts.error.message).toMatch(
      /^There are no boxes to import: the subgraphs are empty/,
    );
    // Our own export of a document that holds only a host still comes back.
    const onlyHost: TopologyDocument = {
      version: 1,
      title: 'Hosts',
      nodes: [
        {
          id: 'h',
          kind: 'group',
          label: 'Host',
          position: { x: 0, y: 0 },
          size: { width: 300, height: 200 },
          config: defaultConfig('group'),
        },
      ],
      edges: [],
    };
    expect((await ok(exportMermaid(onlyHost))).doc).toEqual(onlyHost);
  });

  it('explains Mermaid’s edge limit', async () => {
    const lines = ['flowchart LR'];
    for (let i = 0; i < 501; i++) lines.push(`  n${i} --> n${i + 1}`);
    const r = await importMermaid(lines.join('\n'));
    expect(!r.ok && r.error.message).toMatch(/more than 500 connections/);
    const atLimit = await importMermaid(lines.slice(0, 501).join('\n'));
    expect(atLimit.ok).toBe(true);
  });

  it('never throws on values that are not text', async () => {
    const r = await importMermaid(undefined as unknown as string);
    expect(r.ok).toBe(false);
  });
});

describe('round trips', () => {
  it('export → import gives back the same document', async () => {
    const doc = exampleDocument();
    const r = await ok(exportMermaid(doc));
    expect(r.doc).toEqual(doc);
    expect(r.laidOut).toBe(false);
    expect(r.inferred).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('keeps groups, odd ids, labels, sizes and partial configs', async () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'Odd "one" #1 %%{init}%%',
      direction: 'BT',
      nodes: [
        {
          id: 'host 1',
          kind: 'group',
          label: 'Host <1>',
          position: { x: 5, y: 6 },
          size: { width: 400, height: 300 },
          config: { cores: 8 },
        },
        {
          id: 'end',
          kind: 'app',
          label: 'say "hi" | [x] {y} #quot; <script>alert(1)</script>\nline 2',
          position: { x: 1.5, y: -2 },
          parent: 'host 1',
          config: { concurrency: 2 },
        },
        {
          id: '数据库',
          kind: 'db',
          label: '',
          position: { x: 300, y: 0 },
          config: defaultConfig('db'),
        },
        {
          id: 'q-1',
          kind: 'queue',
          label: '  spaced  ',
          position: { x: 0, y: 0 },
          config: {},
        },
      ],
      edges: [
        { id: 'e 1', source: 'end', target: '数据库', label: 'SELECT * | "x"' },
        { id: 'e2', source: 'end', target: 'q-1' },
        { id: 'e3', source: 'end', target: 'q-1', label: '' },
      ],
    };
    const text = exportMermaid(doc);
    const r = await ok(text);
    expect(r.doc).toEqual(doc);
  });

  it('a plain Mermaid diagram → export → import gives the same graph', async () => {
    const plain = await ok(`flowchart LR
      subgraph host [App host]
        a1[API] --> c[(Redis)]
      end
      u([Users]) --> n{{nginx}} --> a1
      a1 --> d[(Postgres)]
      a1 -- jobs --> q[RabbitMQ] --> w[Worker]`);
    const again = await ok(exportMermaid(plain.doc));
    expect(again.doc).toEqual(plain.doc);
  });

  it('honours edits made to an exported text: new labels, new boxes', async () => {
    const text = exportMermaid(exampleDocument())
      .replace('app1["App 1"]', 'app1["API one"]')
      .replace('  app2 --> db', '  app2 --> db\n  app2 --> cache[(Redis)]');
    const r = await ok(text);
    expect(node(r.doc, 'app1').label).toBe('API one');
    expect(node(r.doc, 'app1').config).toEqual(exampleDocument().nodes[3]!.config);
    expect(node(r.doc, 'cache').kind).toBe('cache');
    expect(r.inferred).toEqual(['cache']);
    expect(r.laidOut).toBe(true);
  });
});

describe('applyChoices', () => {
  it('changes chosen kinds, giving those boxes their new defaults, and leaves hosts alone', async () => {
    const r = await ok('flowchart LR\n  subgraph h [Host]\n    A[App] --> B[Thing]\n  end');
    const next = applyChoices(r, { kinds: { B: 'cache', h: 'app', A: 'app' } }).doc;
    expect(node(next, 'B').kind).toBe('cache');
    expect(node(next, 'B').config).toEqual(defaultConfig('cache'));
    expect(node(next, 'h').kind).toBe('group');
    expect(node(next, 'A')).toEqual(node(r.doc, 'A'));
    expect(applyChoices(r, {}).doc).toBe(r.doc);
  });
});

describe('importMermaid: arrows to the subgraph a box sits in', () => {
  it('keeps them as drawn but never lets a request loop back into the box', async () => {
    const r = await ok('flowchart LR\n  subgraph S\n    a --> b\n    a --> S\n  end');
    expect(pairs(r.doc)).toEqual(['a>S', 'a>b']);
    expect(runtimeLinks(r.doc).map((l) => `${l.source}>${l.target}`)).toEqual(['a>b']);
  });
});
