import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../model/kinds.ts';
import { canConnectKinds } from '../../model/rules.ts';
import { validateDocument } from '../../model/schema.ts';
import type { NodeKind, TopologyDocument, TopologyEdge } from '../../model/types.ts';
import { listNames, rewireDns } from './dns.ts';
import { exportMermaid } from './export.ts';
import { applyKinds, type ImportSuccess, importMermaid, keepKindChoices } from './import.ts';
import { loadMermaid } from './load.ts';

beforeAll(async () => {
  await loadMermaid();
});

const DNS_ARTICLE =
  'flowchart LR\n U[Browser] --> D[DNS] --> LB[Load balancer] --> A[API server] --> DB[(Postgres)]';

async function ok(text: string): Promise<ImportSuccess> {
  const r = await importMermaid(text);
  if (!r.ok) throw new Error(`import failed: ${r.error.message}`);
  expect(validateDocument(r.doc)).toEqual([]);
  return r;
}

const pairs = (doc: TopologyDocument) =>
  doc.edges.map((e) => `${e.source}>${e.target}${e.label ? `:${e.label}` : ''}`);

function doc(
  kinds: Record<string, NodeKind>,
  edges: [string, string, string?][],
): TopologyDocument {
  return {
    version: 1,
    title: 't',
    nodes: Object.entries(kinds).map(([id, kind]) => ({
      id,
      kind,
      label: id,
      position: { x: 0, y: 0 },
      config: defaultConfig(kind),
    })),
    edges: edges.map(([source, target, label]) => {
      const e: TopologyEdge = { id: `${source}-${target}`, source, target };
      if (label !== undefined) e.label = label;
      return e;
    }),
  };
}

/** Every connection in the document is one the editor would allow. */
const refused = (d: TopologyDocument) =>
  d.edges.filter((e) => {
    const kind = (id: string) => d.nodes.find((n) => n.id === id)!.kind;
    return !canConnectKinds(kind(e.source), kind(e.target)).ok;
  });

describe('importing DNS drawn in the request path', () => {
  it('lets the client ask DNS, then call the load balancer directly, and says so', async () => {
    const r = await ok(DNS_ARTICLE);
    expect(r.doc.nodes.map((n) => n.kind)).toEqual(['client', 'dns', 'lb', 'app', 'db']);
    expect(pairs(r.doc)).toEqual(['U>D', 'U>LB', 'LB>A', 'A>DB']);
    expect(refused(r.doc)).toEqual([]);
    expect(r.notes).toEqual([
      'DNS only answers lookups: Browser now asks DNS, then calls Load balancer directly.',
    ]);
    // Nothing is left for the preview to call refused.
    expect(r.warnings).toEqual(r.notes);
    expect(r.written.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'U>D',
      'D>LB',
      'LB>A',
      'A>DB',
    ]);
  });

  it('keeps arrow labels, and connects every client to every box the DNS points at', async () => {
    const r = await ok(`flowchart TB
      web([Browser]) -- lookup --> dns((Route 53))
      phone([Mobile app]) --> dns
      dns -->|HTTPS| lb1[Load balancer EU] & lb2[Load balancer US]
      lb1 & lb2 --> api[API]`);
    expect(pairs(r.doc)).toEqual([
      'web>dns:lookup',
      'web>lb1:HTTPS',
      'web>lb2:HTTPS',
      'phone>dns',
      'phone>lb1:HTTPS',
      'phone>lb2:HTTPS',
      'lb1>api',
      'lb2>api',
    ]);
    expect(r.notes).toEqual([
      'DNS only answers lookups: Browser and Mobile app now ask Route 53, then call Load balancer EU and Load balancer US directly.',
    ]);
  });

  it('lets a box that is not a client call the DNS box’s targets directly', () => {
    const r = rewireDns(
      doc({ users: 'client', api: 'app', dns: 'dns', pay: 'external' }, [
        ['users', 'api'],
        ['api', 'dns', 'resolve'],
        ['dns', 'pay'],
      ]),
    );
    expect(pairs(r.doc)).toEqual(['users>api', 'api>pay:resolve']);
    expect(r.notes).toEqual([
      'DNS only answers lookups: api now calls pay directly (only clients look names up in DNS here).',
    ]);
    expect(refused(r.doc)).toEqual([]);
  });

  it('follows a chain of DNS boxes to the box it leads to', () => {
    const r = rewireDns(
      doc({ u: 'client', d1: 'dns', d2: 'dns', lb: 'lb' }, [
        ['u', 'd1'],
        ['d1', 'd2'],
        ['d2', 'lb', 'A record'],
      ]),
    );
    expect(pairs(r.doc)).toEqual(['u>d1', 'u>lb:A record']);
    expect(refused(r.doc)).toEqual([]);
    // Drawn in a loop, the chain still leads to the load balancer, from either end.
    const loop = rewireDns(
      doc({ u: 'client', v: 'client', d1: 'dns', d2: 'dns', lb: 'lb' }, [
        ['u', 'd1'],
        ['v', 'd2'],
        ['d1', 'd2'],
        ['d2', 'd1'],
        ['d2', 'lb'],
      ]),
    );
    expect(pairs(loop.doc)).toEqual(['u>d1', 'u>lb', 'v>d2', 'v>lb']);
  });

  it('drops answer arrows back to the client and arrows nobody can use, with a note', () => {
    const answer = rewireDns(
      doc({ u: 'client', d: 'dns', lb: 'lb' }, [
        ['u', 'd'],
        ['d', 'u', 'IP address'],
        ['u', 'lb'],
      ]),
    );
    expect(pairs(answer.doc)).toEqual(['u>d', 'u>lb']);
    expect(answer.notes).toEqual([
      'DNS only answers lookups: its arrow to u was left out (answers come back on their own).',
    ]);
    const orphan = rewireDns(doc({ d: 'dns', lb: 'lb' }, [['d', 'lb']]));
    expect(orphan.doc.edges).toEqual([]);
    expect(orphan.notes).toEqual([
      'DNS only answers lookups: its arrow to lb was left out (nothing in the diagram asks d).',
    ]);
  });

  it('adds no second connection where the client already calls the box, and keeps ids unique', () => {
    const existing = rewireDns(
      doc({ u: 'client', d: 'dns', lb: 'lb' }, [
        ['u', 'd'],
        ['d', 'lb'],
        ['u', 'lb'],
      ]),
    );
    expect(pairs(existing.doc)).toEqual(['u>d', 'u>lb']);
    const d = doc({ u: 'client', d: 'dns', lb: 'lb' }, [
      ['u', 'd'],
      ['d', 'lb'],
    ]);
    d.edges[0]!.id = 'e-u-lb';
    const r = rewireDns(d);
    expect(r.doc.edges.map((e) => e.id)).toEqual(['e-u-lb', 'e-u-lb-2']);
  });

  it('leaves DNS → DNS alone when it leads nowhere, and documents without DNS untouched', () => {
    const only = doc({ u: 'client', a: 'dns', b: 'dns' }, [
      ['u', 'a'],
      ['a', 'b'],
    ]);
    expect(rewireDns(only).doc).toBe(only);
    const plain = doc({ u: 'client', app: 'app' }, [['u', 'app']]);
    expect(rewireDns(plain)).toEqual({ doc: plain, notes: [] });
  });

  it('never touches arrows restored from our own export, so round trips stay exact', async () => {
    const saved = doc({ u: 'client', d: 'dns', app: 'app' }, [
      ['u', 'd'],
      ['d', 'app'],
    ]);
    const r = await ok(exportMermaid(saved));
    expect(r.doc).toEqual(saved);
    expect(r.notes).toEqual([]);
    // An arrow added by hand to the exported text is the diagram's, and is rewired.
    const edited = exportMermaid(saved).replace('  d --> app', '  d --> app\n  d --> web[Web]');
    const e = await ok(edited);
    expect(pairs(e.doc)).toEqual(['u>d', 'u>web', 'd>app']);
  });
});

describe('applyKinds', () => {
  it('follows the chosen kinds: a DNS turned into a proxy gets its arrows back, and back again', async () => {
    const r = await ok(DNS_ARTICLE);
    expect(applyKinds(r, {})).toEqual({ doc: r.doc, notes: r.notes });
    expect(applyKinds(r, {}).doc).toBe(r.doc);
    const proxy = applyKinds(r, { D: 'proxy' });
    expect(pairs(proxy.doc)).toEqual(['U>D', 'D>LB', 'LB>A', 'A>DB']);
    expect(proxy.notes).toEqual([]);
    expect(proxy.doc.nodes.find((n) => n.id === 'D')!.kind).toBe('proxy');
    const back = applyKinds(r, { D: 'dns' });
    expect(back.doc).toBe(r.doc);
  });

  it('rewires a box the person turns into DNS', async () => {
    const r = await ok('flowchart LR\n  U[Browser] --> R[Lookup] --> W[Web server]');
    expect(pairs(r.doc)).toEqual(['U>R', 'R>W']);
    const dns = applyKinds(r, { R: 'dns' });
    expect(pairs(dns.doc)).toEqual(['U>R', 'U>W']);
    expect(dns.notes).toEqual([
      'DNS only answers lookups: Browser now asks Lookup, then calls Web server directly.',
    ]);
    // Positions are the import's: changing a kind does not move boxes.
    expect(dns.doc.nodes.map((n) => n.position)).toEqual(r.doc.nodes.map((n) => n.position));
  });
});

describe('keepKindChoices', () => {
  it('keeps choices for boxes that are still there and drops the rest', async () => {
    const r = await ok('flowchart LR\n  subgraph h [Host]\n    A[App] --> B[Thing]\n  end');
    expect(keepKindChoices({ A: 'cache', B: 'queue', gone: 'db', h: 'app' }, r)).toEqual({
      A: 'cache',
      B: 'queue',
    });
  });

  it('keeps every choice while the text does not parse', async () => {
    const broken = await importMermaid('flowchart LR\n  A --> [');
    expect(broken.ok).toBe(false);
    expect(keepKindChoices({ A: 'cache' }, broken)).toEqual({ A: 'cache' });
  });
});

describe('listNames', () => {
  it('joins names the way a sentence does', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });
});
