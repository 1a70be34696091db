// An app server's and a worker's autoscaling settings survive every way a document
// travels (Mermaid export → import, share links), and a document without them (every
// older one) loads with autoscaling off and nothing else changed.

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/kinds.ts';
import { restoreDocument } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import { exportMermaid } from './mermaid/export.ts';
import { importMermaid } from './mermaid/import.ts';
import { decodeDocumentFragment, encodeDocumentFragment } from './share.ts';

const AUTOSCALE = {
  autoscale: true,
  scaleOn: 'queue',
  targetUtilizationPct: 55,
  targetQueue: 25,
  minReplicas: 2,
  maxReplicas: 12,
  coldStartS: 45,
  cooldownS: 90,
  scaleEveryS: 15,
};

function scaled(): TopologyDocument {
  const box = (id: string, kind: 'client' | 'app' | 'queue' | 'worker', x: number) => ({
    id,
    kind,
    label: id,
    position: { x, y: 0 },
    config: defaultConfig(kind),
  });
  const app = box('app', 'app', 300);
  app.config = { ...app.config, ...AUTOSCALE, scaleOn: 'utilization' };
  const worker = box('worker', 'worker', 900);
  worker.config = { ...worker.config, ...AUTOSCALE };
  return {
    version: 1,
    title: 'scaled',
    nodes: [box('users', 'client', 0), app, box('jobs', 'queue', 600), worker],
    edges: [
      { id: 'users->app', source: 'users', target: 'app' },
      { id: 'app->jobs', source: 'app', target: 'jobs' },
      { id: 'jobs->worker', source: 'jobs', target: 'worker' },
    ],
  };
}

describe('autoscaling settings travel', () => {
  it('through Mermaid export and import, exactly', async () => {
    const doc = scaled();
    const text = exportMermaid(doc);
    expect(text).toContain('"autoscale":true');
    const back = await importMermaid(text);
    if (!back.ok) throw new Error('import failed');
    for (const id of ['app', 'worker']) {
      expect(back.doc.nodes.find((n) => n.id === id)!.config).toEqual(
        doc.nodes.find((n) => n.id === id)!.config,
      );
    }
  });

  it('through a share link, exactly', () => {
    const doc = scaled();
    const enc = encodeDocumentFragment(doc);
    if (!enc.ok) throw new Error(enc.message);
    const dec = decodeDocumentFragment(enc.fragment);
    expect(dec.ok && dec.doc.nodes).toEqual(doc.nodes);
  });

  it('an older document without them loads with autoscaling off, without a warning', () => {
    const doc = scaled();
    for (const n of doc.nodes) {
      if (n.kind !== 'app' && n.kind !== 'worker') continue;
      for (const k of Object.keys(AUTOSCALE)) delete n.config[k];
    }
    const r = restoreDocument(doc);
    if (!r.ok) throw new Error('restore failed');
    expect(r.warnings).toEqual([]);
    const app = r.doc.nodes.find((n) => n.id === 'app')!;
    expect(app.config.autoscale).toBe(false);
    expect(app.config.replicas).toBe(1);
  });

  it('out-of-range values are clamped with a warning naming the setting', () => {
    const doc = scaled();
    doc.nodes[1]!.config.maxReplicas = 500;
    const r = restoreDocument(doc);
    if (!r.ok) throw new Error('restore failed');
    expect(r.doc.nodes[1]!.config.maxReplicas).toBe(64);
    expect(r.warnings.map((w) => w.path)).toEqual(['nodes[1].config.maxReplicas']);
  });
});
