// A database's read-replica settings survive the ways a document travels (Mermaid export
// and import, share links), and a document written before them loads as it was.

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/kinds.ts';
import { restoreDocument } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import { exportMermaid } from './mermaid/export.ts';
import { importMermaid } from './mermaid/import.ts';
import { decodeDocumentFragment, encodeDocumentFragment } from './share.ts';

function withReplicas(): TopologyDocument {
  return {
    version: 1,
    title: 'Replicas',
    nodes: [
      {
        id: 'app',
        kind: 'app',
        label: 'App',
        position: { x: 0, y: 0 },
        config: defaultConfig('app'),
      },
      {
        id: 'db',
        kind: 'db',
        label: 'Postgres',
        position: { x: 0, y: 200 },
        config: {
          ...defaultConfig('db'),
          readReplicas: 3,
          replicaReadShare: 80,
          replicationLagMs: 250,
          lagDist: 'lognormal',
          failoverS: 12,
          rows: 5000,
        },
      },
    ],
    edges: [{ id: 'e1', source: 'app', target: 'db' }],
  };
}

describe('read replica settings travel with the document', () => {
  it('come back exactly from Mermaid export → import', async () => {
    const doc = withReplicas();
    const text = exportMermaid(doc);
    expect(text).toContain('"readReplicas":3');
    const back = await importMermaid(text);
    expect(back.ok && back.doc).toEqual(doc);
  });

  it('come back exactly from a share link', () => {
    const doc = withReplicas();
    const link = encodeDocumentFragment(doc);
    if (!link.ok) throw new Error(link.message);
    expect(decodeDocumentFragment(link.fragment)).toEqual({ ok: true, doc, warnings: [] });
  });

  it('a database saved before them opens without a warning, with no replicas', () => {
    const doc = withReplicas();
    const old = doc.nodes[1]!.config;
    for (const k of [
      'readReplicas',
      'replicaReadShare',
      'replicationLagMs',
      'lagDist',
      'failoverS',
      'rows',
    ]) {
      delete old[k];
    }
    const r = restoreDocument(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.doc.nodes[1]!.config.readReplicas ?? 0).toBe(0);
  });

  it('an impossible replica count is clamped, with a warning naming it', () => {
    const doc = withReplicas();
    doc.nodes[1]!.config.readReplicas = 99;
    const r = restoreDocument(doc);
    expect(r.ok && r.doc.nodes[1]!.config.readReplicas).toBe(15);
    expect(r.ok && JSON.stringify(r.warnings)).toContain('readReplicas');
  });
});
