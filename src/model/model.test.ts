import { describe, expect, it } from 'vitest';
import {
  canConnect,
  canConnectKinds,
  defaultConfig,
  exampleDocument,
  KINDS,
  lostParts,
  NODE_KINDS,
  restoreDocument,
  type TopologyDocument,
  validateDocument,
} from './index.ts';

const doc = (): TopologyDocument => exampleDocument();

describe('validateDocument', () => {
  it('accepts the example document', () => {
    expect(validateDocument(doc())).toEqual([]);
  });

  it('names the JSON path of a bad config value', () => {
    const d = doc();
    d.nodes[0]!.config.rps = -5;
    expect(validateDocument(d)).toEqual([
      { path: 'nodes[0].config.rps', message: 'must be at least 0' },
    ]);
  });

  it('names the path of an unknown kind and lists the known ones', () => {
    const d = doc() as unknown as { nodes: { kind: string }[] };
    d.nodes[2]!.kind = 'mainframe';
    const [issue] = validateDocument(d);
    expect(issue?.path).toBe('nodes[2].kind');
    expect(issue?.message).toContain('unknown kind "mainframe"');
    expect(issue?.message).toContain('client, dns');
  });

  it('finds edges pointing nowhere, duplicate ids and parents that are not hosts', () => {
    const d = doc();
    d.edges.push({ id: 'e-x', source: 'users', target: 'ghost' });
    d.nodes.push({ ...d.nodes[1]!, id: 'nginx' });
    d.nodes[3]!.parent = 'db';
    const paths = validateDocument(d).map((i) => i.path);
    expect(paths).toContain('edges[6].target');
    expect(paths).toContain('nodes[6].id');
    expect(paths).toContain('nodes[3].parent');
  });

  it('rejects NaN and a wrong version', () => {
    const d = doc() as unknown as Record<string, unknown>;
    d.version = 3;
    expect(validateDocument(d)[0]?.path).toBe('version');
    const e = doc();
    e.nodes[5]!.config.maxConnections = Number.NaN;
    expect(validateDocument(e)[0]).toEqual({
      path: 'nodes[5].config.maxConnections',
      message: 'must be a number',
    });
  });
});

describe('restoreDocument', () => {
  it('fills every missing config key with its default', () => {
    const result = restoreDocument({
      version: 1,
      title: 'Tiny',
      nodes: [{ id: 'a', kind: 'app', label: 'A', position: { x: 0, y: 0 }, config: {} }],
      edges: [],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.nodes[0]!.config).toEqual(defaultConfig('app'));
    expect(result.warnings).toEqual([]);
    expect(validateDocument(result.doc)).toEqual([]);
  });

  it('repairs what it can and says what it changed', () => {
    const result = restoreDocument({
      version: 1,
      nodes: [
        { id: 'u', kind: 'client', config: { rps: -1, arrival: 'bursty', colour: 'red' } },
        { id: 'a', kind: 'app', label: 'A', position: { x: 10, y: 20 }, parent: 'nope' },
      ],
      edges: [
        { id: 'e1', source: 'u', target: 'a' },
        { id: 'e1', source: 'u', target: 'a' },
        { id: 'e3', source: 'u', target: 'ghost' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { doc: d, warnings } = result;
    expect(d.title).toBe('Untitled');
    expect(d.nodes[0]!.label).toBe(KINDS.client.defaultLabel);
    expect(d.nodes[0]!.config.rps).toBe(0);
    expect(d.nodes[0]!.config.arrival).toBe('poisson');
    expect(d.nodes[0]!.config).not.toHaveProperty('colour');
    expect(d.nodes[1]!.parent).toBeUndefined();
    expect(d.edges.map((e) => e.id)).toEqual(['e1', 'e-u-a']);
    const paths = warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'nodes[0].config.rps',
        'nodes[0].config.arrival',
        'nodes[0].config.colour',
        'nodes[1].parent',
        'edges[1].id',
        'edges[2]',
      ]),
    );
    expect(validateDocument(d)).toEqual([]);
  });

  it('rejects what it cannot repair, with the path and reason', () => {
    expect(restoreDocument('hello')).toEqual({
      ok: false,
      errors: [
        { path: '$', message: 'expected a topology document (a JSON object with nodes and edges)' },
      ],
    });
    const noNodes = restoreDocument({ version: 1, title: 'x' });
    expect(noNodes.ok || noNodes.errors[0]!.path).toBe('nodes');
    // Some other JSON file (here a package.json) is called what it is.
    const foreign = restoreDocument({ name: 'my-app', version: '0.1.0', dependencies: {} });
    expect(foreign.ok || foreign.errors).toEqual([
      {
        path: 'nodes',
        message:
          'missing: this JSON is not a Backend Playground diagram (a diagram has a "nodes" list of boxes)',
      },
    ]);
    const badKind = restoreDocument({ version: 1, nodes: [{ id: 'a', kind: 'toaster' }] });
    expect(badKind.ok || badKind.errors[0]!.path).toBe('nodes[0].kind');
    const dupe = restoreDocument({
      version: 1,
      nodes: [
        { id: 'a', kind: 'app' },
        { id: 'a', kind: 'db' },
      ],
    });
    expect(dupe.ok || dupe.errors[0]!.path).toBe('nodes[1].id');
    const future = restoreDocument({ version: 9, nodes: [] });
    expect(future.ok || future.errors[0]!.message).toContain(
      'newer Backend Playground (version 9)',
    );
  });

  it('opens the readable boxes of a damaged diagram and names every part it dropped', () => {
    const r = restoreDocument({
      version: 1,
      title: 'Half broken',
      nodes: [
        { id: 'u', kind: 'client', label: 'Users', position: { x: 0, y: 0 } },
        { id: 't', kind: 'toaster', label: 'Toaster', position: { x: 200, y: 0 } },
        { id: 'h', kind: 'mainframe', label: 'Big host' },
        { id: 'a', kind: 'app', label: 'App', parent: 'h', position: { x: 20, y: 40 } },
        null,
        { kind: 'db' },
      ],
      edges: [
        { id: 'e1', source: 'u', target: 'a' },
        { id: 'e2', source: 'u', target: 't' },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes.map((n) => n.id)).toEqual(['u', 'a']);
    expect(r.doc.edges.map((e) => e.id)).toEqual(['e1']);
    expect(r.doc.nodes[1]!.parent).toBeUndefined();
    const lost = lostParts(r.warnings);
    expect(lost.map((w) => w.path)).toEqual([
      'nodes[1].kind',
      'nodes[2].kind',
      'nodes[4]',
      'nodes[5].id',
      'edges[1]',
    ]);
    expect(lost[0]!.message).toMatch(/^dropped the box "Toaster": unknown kind "toaster"/);
    expect(lost[4]!.message).toBe('dropped: it joined "t", a box that was dropped');
    // The box that sat in the dropped host is kept, taken out of it.
    expect(r.warnings.some((w) => w.path === 'nodes[3].parent')).toBe(true);
    // Small repairs are not losses.
    const repaired = restoreDocument({ version: 1, nodes: [{ id: 'x', kind: 'app' }] });
    expect(repaired.ok && lostParts(repaired.warnings)).toEqual([]);
  });

  it('says in words when a diagram has more boxes than the format allows', () => {
    const nodes = Array.from({ length: 10_001 }, (_, i) => ({ id: `n${i}`, kind: 'app' }));
    const r = restoreDocument({ version: 1, nodes });
    expect(r.ok || r.errors[0]).toEqual({
      path: 'nodes',
      message: 'more than 10,000 boxes; a diagram has at most 10,000',
    });
  });

  it('never throws on garbage', () => {
    for (const junk of [
      null,
      42,
      [],
      { nodes: 'x' },
      { nodes: [null, 1, 'a'] },
      { version: 'one', nodes: [] },
      { nodes: [{ id: {}, kind: 'app' }] },
    ]) {
      expect(() => restoreDocument(junk)).not.toThrow();
      expect(restoreDocument(junk).ok).toBe(false);
    }
  });

  it('loads a version 0 (prototype) document through the migration', () => {
    const v0 = {
      name: 'Old lab',
      nodes: [
        { id: 'u', type: 'user', name: 'Browser', x: 0, y: 10, props: { rps: 5 } },
        { id: 'web', type: 'server', name: 'Web', x: 200, y: 10, props: { concurrency: 2 } },
        { id: 'pg', type: 'database', name: 'Postgres', x: 400, y: 10 },
      ],
      links: [
        { from: 'u', to: 'web' },
        { from: 'web', to: 'pg', label: 'SQL' },
      ],
    };
    const result = restoreDocument(v0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.version).toBe(1);
    expect(result.doc.title).toBe('Old lab');
    expect(result.doc.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['u', 'client', 'Browser'],
      ['web', 'app', 'Web'],
      ['pg', 'db', 'Postgres'],
    ]);
    expect(result.doc.nodes[1]!.config.concurrency).toBe(2);
    expect(result.doc.nodes[1]!.position).toEqual({ x: 200, y: 10 });
    expect(result.doc.edges).toEqual([
      { id: 'e1', source: 'u', target: 'web' },
      { id: 'e2', source: 'web', target: 'pg', label: 'SQL' },
    ]);
    expect(result.warnings[0]).toEqual({
      path: 'version',
      message: 'upgraded from version 0 to 1',
    });
  });

  it('round-trips through JSON without loss', () => {
    const d = doc();
    d.nodes.push({
      id: 'host',
      kind: 'group',
      label: 'Box "1" <b>',
      position: { x: -40, y: -40 },
      size: { width: 400, height: 300 },
      config: defaultConfig('group'),
    });
    d.nodes[3]!.parent = 'host';
    d.nodes[0]!.config.routes = [{ method: 'DELETE', path: '/api/ünïcode', weight: 0.5 }];
    const text = JSON.stringify(d);
    const back = restoreDocument(JSON.parse(text));
    expect(back.ok && back.doc).toEqual(d);
    expect(back.ok && back.warnings).toEqual([]);
  });

  it('keeps faint and two-way arrows and boxes the import added; older documents stay as they were', () => {
    const d = doc();
    expect(d.edges.some((e) => 'faint' in e || 'twoWay' in e)).toBe(false);
    d.edges[0]!.faint = true;
    d.edges[1]!.twoWay = true;
    d.nodes[0]!.addedBy = 'import';
    expect(validateDocument(d)).toEqual([]);
    const back = restoreDocument(JSON.parse(JSON.stringify(d)));
    expect(back.ok && back.doc).toEqual(d);
    expect(back.ok && back.warnings).toEqual([]);
  });

  it('drops odd values of the optional flags, saying so, and leaves false out', () => {
    const d = doc() as unknown as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    d.edges[0]!.faint = 'yes';
    d.edges[1]!.twoWay = false;
    d.nodes[0]!.addedBy = 'someone';
    const back = restoreDocument(d);
    if (!back.ok) throw new Error('should restore');
    expect(back.doc.edges[0]).not.toHaveProperty('faint');
    expect(back.doc.edges[1]).not.toHaveProperty('twoWay');
    expect(back.doc.nodes[0]).not.toHaveProperty('addedBy');
    expect(back.warnings).toEqual([
      { path: 'nodes[0].addedBy', message: 'not "import"; ignored' },
      { path: 'edges[0].faint', message: 'not true or false; ignored' },
    ]);
  });
});

describe('connection rules', () => {
  it('refuses flows into a client, out of a queue to non-consumers, and into a host', () => {
    expect(canConnectKinds('app', 'client')).toEqual({
      ok: false,
      reason: 'Nothing flows into a client: clients only send requests.',
    });
    expect(canConnectKinds('queue', 'db').ok).toBe(false);
    expect(canConnectKinds('queue', 'worker').ok).toBe(true);
    // An app server consumes a queue's messages as a worker does (event-driven services).
    expect(canConnectKinds('queue', 'app').ok).toBe(true);
    expect(canConnectKinds('queue', 'queue').ok).toBe(true);
    expect(canConnectKinds('app', 'group').ok).toBe(false);
    expect(canConnectKinds('client', 'proxy').ok).toBe(true);
  });

  it('lets DNS point at what its name resolves to, never back at a client', () => {
    expect(canConnectKinds('dns', 'lb').ok).toBe(true);
    expect(canConnectKinds('dns', 'cdn').ok).toBe(true);
    expect(canConnectKinds('dns', 'client').ok).toBe(false);
    expect(canConnectKinds('app', 'dns').ok).toBe(false);
  });

  it('refuses self loops and duplicates', () => {
    const d = doc();
    expect(canConnect(d, 'lb', 'lb').ok).toBe(false);
    expect(canConnect(d, 'lb', 'app1')).toEqual({
      ok: false,
      reason: 'Load balancer is already connected to App 1.',
    });
  });

  it('gives every kind a default config that validates', () => {
    for (const kind of NODE_KINDS) {
      const d: TopologyDocument = {
        version: 1,
        title: 't',
        nodes: [
          { id: 'x', kind, label: 'x', position: { x: 0, y: 0 }, config: defaultConfig(kind) },
        ],
        edges: [],
      };
      expect(validateDocument(d)).toEqual([]);
    }
  });
});
