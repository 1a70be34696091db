// Stage 5: traffic where the diagram has none, requests that follow its routes, at a rate
// it takes comfortably.

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../model/kinds.ts';
import type { NodeKind, TopologyDocument, TopologyEdge, TopologyNode } from '../../model/types.ts';
import { comfortableRate, niceRate } from './capacity.ts';
import { hasTraffic } from '../../model/links.ts';
import {
  consumersOfQueues,
  entryBoxes,
  routesFor,
  throughTheDoor,
  unreachedEntries,
  withTraffic,
} from './traffic.ts';

const n = (id: string, kind: NodeKind, config = {}): TopologyNode => ({
  id,
  kind,
  label: id,
  position: { x: 0, y: 0 },
  config: { ...defaultConfig(kind), ...config },
});
const e = (source: string, target: string, label?: string): TopologyEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  ...(label ? { label } : {}),
});
const doc = (nodes: TopologyNode[], edges: TopologyEdge[]): TopologyDocument => ({
  version: 1,
  title: 't',
  nodes,
  edges,
});

describe('withTraffic', () => {
  it('adds Users calling the front door when nothing sends requests', () => {
    const d = doc(
      [n('nginx', 'proxy'), n('api', 'app'), n('db', 'db')],
      [e('nginx', 'api'), e('api', 'db')],
    );
    expect(hasTraffic(d)).toBe(false);
    expect(entryBoxes(d)).toEqual(['nginx']);
    const t = withTraffic(d);
    expect(t.added).toMatchObject({
      id: 'users',
      kind: 'client',
      label: 'Users',
      addedBy: 'import',
    });
    expect(t.doc.edges[0]).toEqual({ id: 'e-users-nginx', source: 'users', target: 'nginx' });
    expect(t.notes[0]).toMatch(
      /Nothing in the diagram sends requests, so a Users box was added that calls nginx/,
    );
    expect(withTraffic(d, { add: false }).doc).toBe(d);
  });

  it('gives users the paths nginx routes, nested prefixes and the default included', () => {
    const d = doc(
      [
        n('u', 'client'),
        n('nginx', 'proxy'),
        n('gw', 'proxy'),
        n('orders', 'app'),
        n('users', 'app'),
        n('web', 'app'),
      ],
      [
        e('u', 'nginx'),
        e('nginx', 'gw', '/api/*'),
        e('gw', 'orders', '/api/orders'),
        e('gw', 'users', '/api/users'),
        e('nginx', 'web'),
      ],
    );
    const paths = routesFor(d, 'u')!
      .filter((r) => r.method === 'GET')
      .map((r) => r.path);
    expect(paths).toEqual(['/api/orders', '/api/users', '/']);
    expect(routesFor(doc([n('u', 'client'), n('a', 'app')], [e('u', 'a')]), 'u')).toBeNull();
  });

  it('feeds the parts of a diagram no client reaches, through another added Users', () => {
    const d = doc(
      [n('u', 'client'), n('api', 'app'), n('db', 'db'), n('prom', 'app'), n('exp', 'app')],
      [e('u', 'api'), e('api', 'db'), e('prom', 'exp'), e('db', 'exp')],
    );
    expect(unreachedEntries(d, ['u'])).toEqual(['prom']);
    const t = withTraffic(d, { fit: ['u'] });
    expect(t.added?.id).toBe('users');
    expect(t.doc.edges.some((x) => x.source === 'users' && x.target === 'prom')).toBe(true);
    expect(t.notes.join(' ')).toMatch(/No request from the diagram's clients reaches prom/);
  });

  it('sets imported users to a rate the busiest box takes at about half its capacity', () => {
    // A worker taking requests (200 ms each, one at a time) serves 5 a second.
    const d = doc(
      [n('u', 'client'), n('api', 'app', { dbQueries: 0 }), n('w', 'worker')],
      [e('u', 'api'), e('api', 'w')],
    );
    expect(comfortableRate(d, ['u'])).toBe(2);
    const t = withTraffic(d, { fit: ['u'] });
    expect(t.doc.nodes.find((x) => x.id === 'u')!.config.rps).toBe(2);
    expect(t.notes.join(' ')).toMatch(/The users send 2 requests\/s in all/);
    // Plenty of room: the kind's usual 20.
    expect(comfortableRate(doc([n('u', 'client'), n('a', 'app')], [e('u', 'a')]), ['u'])).toBe(20);
    expect(niceRate(7.3)).toBe(5);
  });

  it('lets a client with no arrow send nothing', () => {
    const d = doc([n('u', 'client'), n('a', 'app'), n('lost', 'client')], [e('u', 'a')]);
    const t = withTraffic(d, { fit: ['u', 'lost'] });
    expect(t.doc.nodes.find((x) => x.id === 'lost')!.config.rps).toBe(0);
    expect(t.notes).toContain('lost sends nothing: no arrow leaves it.');
  });
});

describe('consumersOfQueues', () => {
  it('reads a worker that nothing hands jobs to, drawn pointing at a queue, as its consumer', () => {
    const d = doc(
      [n('api', 'app'), n('q', 'queue'), n('cons', 'worker'), n('es', 'db')],
      [e('api', 'q'), e('cons', 'q'), e('cons', 'es')],
    );
    const r = consumersOfQueues(d);
    expect(r.doc.edges.map((x) => [x.id, x.twoWay ?? false])).toEqual([
      ['api-q', false],
      ['cons-q', true],
      ['cons-es', false],
    ]);
    expect(r.notes).toEqual([
      "Nothing hands this worker jobs, so cons → q is read as taking the queue's messages (made two-way).",
    ]);
  });

  it('leaves workers that get jobs, and arrows labelled as writes, as drawn', () => {
    const fed = doc(
      [n('q1', 'queue'), n('w', 'worker'), n('q2', 'queue')],
      [e('q1', 'w'), e('w', 'q2')],
    );
    expect(consumersOfQueues(fed).doc).toBe(fed);
    const called = doc(
      [n('web', 'app'), n('w', 'worker'), n('q', 'queue')],
      [e('web', 'w'), e('w', 'q')],
    );
    expect(consumersOfQueues(called).doc).toBe(called);
    const writes = doc([n('w', 'worker'), n('q', 'queue')], [e('w', 'q', 'publishes results')]);
    expect(consumersOfQueues(writes).doc).toBe(writes);
  });
});

describe('a diagram entered at DNS or a CDN', () => {
  const site = doc(
    [
      n('dns', 'dns'),
      n('cdn', 'cdn'),
      n('alb', 'lb'),
      n('web', 'app'),
      n('fn', 'app'),
      n('s3', 'static'),
    ],
    [e('dns', 'cdn'), e('cdn', 'alb'), e('alb', 'web'), e('fn', 's3')],
  );

  it('counts what DNS points at as reached by those who ask it', () => {
    expect(unreachedEntries(site, ['dns'])).toEqual(['fn']);
  });

  it('gives the added Users the door only, so the servers behind the CDN get the requests', () => {
    expect(throughTheDoor(site, ['dns', 'fn'])).toEqual({ keep: ['dns'], left: ['fn'] });
    const t = withTraffic(site);
    expect(t.doc.edges.filter((x) => x.source === t.added!.id).map((x) => x.target)).toEqual([
      'dns',
    ]);
    expect(t.notes.join('\n')).toMatch(/enter through the CDN, so they do not call fn/);
  });

  it('names the door it calls when the only entry found was left out', () => {
    const island = doc(
      [n('fn', 'app'), n('s3', 'static'), n('cdn', 'cdn'), n('alb', 'lb'), n('web', 'app')],
      [e('fn', 's3'), e('cdn', 'alb'), e('alb', 'web')],
    );
    const t = withTraffic(island);
    expect(t.doc.edges.filter((x) => x.source === t.added!.id).map((x) => x.target)).toEqual([
      'cdn',
    ]);
    expect(t.notes[0]).toMatch(/a Users box was added that calls cdn,/);
  });

  it('keeps every entry when the CDN only serves files from a store', () => {
    const files = doc(
      [n('cdn', 'cdn'), n('s3', 'static'), n('nginx', 'proxy'), n('api', 'app')],
      [e('cdn', 's3'), e('nginx', 'api')],
    );
    expect(throughTheDoor(files, ['cdn', 'nginx'])).toEqual({
      keep: ['cdn', 'nginx'],
      left: [],
    });
  });
});
