// A connection's retries, timeout and breaker survive every way a document travels:
// Mermaid export → import, and share links.

import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../model/types.ts';
import { defaultConfig } from '../model/kinds.ts';
import { exportMermaid } from './mermaid/export.ts';
import { importMermaid } from './mermaid/import.ts';
import { decodeDocumentFragment, encodeDocumentFragment } from './share.ts';

function guarded(): TopologyDocument {
  return {
    version: 1,
    title: 'guarded',
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 0 },
        config: defaultConfig('client'),
      },
      {
        id: 'app',
        kind: 'app',
        label: 'App',
        position: { x: 300, y: 0 },
        config: defaultConfig('app'),
      },
    ],
    edges: [
      {
        id: 'users->app',
        source: 'users',
        target: 'app',
        config: {
          retries: 3,
          retryJitter: 'equal',
          timeoutMs: 800,
          breaker: true,
          breakerProbes: 2,
        },
      },
      { id: 'app->users', source: 'app', target: 'users' },
    ],
  };
}

describe('connection settings travel', () => {
  it('through Mermaid export and import, exactly', async () => {
    const doc = guarded();
    const text = exportMermaid(doc);
    expect(text).toContain('"retries":3');
    const back = await importMermaid(text);
    expect(back.ok && back.doc.edges).toEqual(doc.edges);
  });

  it('through a share link, exactly', () => {
    const doc = guarded();
    const enc = encodeDocumentFragment(doc);
    if (!enc.ok) throw new Error(enc.message);
    const dec = decodeDocumentFragment(enc.fragment);
    expect(dec.ok && dec.doc.edges).toEqual(doc.edges);
  });
});
