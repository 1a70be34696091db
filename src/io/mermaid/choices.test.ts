// What the preview lets a person change, and DNS drawn in the request path: the document
// keeps the arrows as drawn, the engine reads what DNS's arrows mean.

import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../model/kinds.ts';
import { validateDocument } from '../../model/schema.ts';
import type { NodeKind, TopologyDocument, TopologyEdge } from '../../model/types.ts';
import { exportMermaid } from './export.ts';
import {
  applyChoices,
  applyKinds,
  finalDocument,
  type ImportSuccess,
  importMermaid,
  keepKindChoices,
} from './import.ts';
import { loadMermaid } from './load.ts';
import { listNames } from './text.ts';

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

function doc(kinds: Record<string, NodeKind>, edges: [string, string][]): TopologyDocument {
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
    edges: edges.map(
      ([source, target]): TopologyEdge => ({ id: `${source}-${target}`, source, target }),
    ),
  };
}

describe('importing DNS drawn in the request path', () => {
  it('keeps the arrows as drawn: the browser asks DNS, DNS points at the balancer', async () => {
    const r = await ok(DNS_ARTICLE);
    expect(r.doc.nodes.map((n) => n.kind)).toEqual(['client', 'dns', 'lb', 'app', 'db']);
    expect(pairs(r.doc)).toEqual(['U>D', 'D>LB', 'LB>A', 'A>DB']);
    expect(r.notes).toEqual([]);
    // The engine reads DNS's arrow as where the name leads (src/sim/arrows.test.ts).
  });

  it('keeps arrows restored from our own export exactly as saved', async () => {
    const saved = doc({ u: 'client', d: 'dns', app: 'app' }, [
      ['u', 'd'],
      ['d', 'app'],
    ]);
    const r = await ok(exportMermaid(saved));
    expect(r.doc).toEqual(saved);
    expect(r.notes).toEqual([]);
  });
});

describe('applyChoices', () => {
  it('changes kinds and gives back the import itself when nothing changes', async () => {
    const r = await ok(DNS_ARTICLE);
    expect(applyKinds(r, {})).toEqual({ doc: r.doc, notes: r.notes });
    expect(applyChoices(r, {}).doc).toBe(r.doc);
    expect(applyChoices(r, { kinds: { D: 'dns' } }).doc).toBe(r.doc);
    const proxy = applyChoices(r, { kinds: { D: 'proxy' } });
    expect(pairs(proxy.doc)).toEqual(['U>D', 'D>LB', 'LB>A', 'A>DB']);
    expect(proxy.doc.nodes.find((n) => n.id === 'D')).toMatchObject({
      kind: 'proxy',
      config: defaultConfig('proxy'),
    });
    // Positions are the import's: changing a kind does not move boxes.
    expect(proxy.doc.nodes.map((n) => n.position)).toEqual(r.doc.nodes.map((n) => n.position));
    expect(proxy.needsLayout).toBe(false);
  });

  it('adds Users when nothing sends requests, and takes them away again on request', async () => {
    const r = await ok(
      'flowchart LR\n  gw[API gateway] --> api[Orders service] --> db[(Orders DB)]',
    );
    expect(r.added).toBe('users');
    const users = r.doc.nodes.find((n) => n.id === 'users')!;
    expect(users).toMatchObject({ kind: 'client', label: 'Users', addedBy: 'import' });
    expect(pairs(r.doc)).toContain('users>gw');
    const without = applyChoices(r, { users: false });
    expect(without.added).toBeNull();
    expect(without.doc.nodes.some((n) => n.id === 'users')).toBe(false);
    expect(without.needsLayout).toBe(true);
    const laid = await finalDocument(r, { users: false });
    expect(laid.nodes.map((n) => n.id)).toEqual(['gw', 'api', 'db']);
    // A box the person makes a client is the traffic: no Users needed.
    const chosen = applyChoices(r, { kinds: { gw: 'client' } });
    expect(chosen.added).toBeNull();
  });

  it('flips the arrows of a diagram drawn against the flow, and back', async () => {
    const r = await ok(`flowchart TB
      db[(Postgres)] --> api[Orders service] --> gw[API gateway] --> web[Browser]
      cache[(Redis)] --> api`);
    expect(r.direction).toMatchObject({ flip: 'auto', flipped: true });
    expect(pairs(r.doc)).toEqual(['api>db', 'gw>api', 'web>gw', 'api>cache']);
    expect(r.notes[0]).toMatch(/point against the flow of requests \(Postgres → Orders service\)/);
    const asDrawn = applyChoices(r, { flip: false });
    // As drawn, the browser only receives: nothing sends requests, so Users are added,
    // calling the gateway and the service (only the stores "feed" it).
    expect(pairs(asDrawn.doc)).toEqual([
      'users>gw',
      'users>api',
      'db>api',
      'api>gw',
      'gw>web',
      'cache>api',
    ]);
    expect(asDrawn.needsLayout).toBe(true);
    expect(asDrawn.notes.join(' ')).toMatch(/kept as drawn/);
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
