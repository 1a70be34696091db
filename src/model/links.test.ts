import { describe, expect, it } from 'vitest';
import { defaultConfig } from './kinds.ts';
import { hostEntries, hostExits, type Link, runtimeLinks } from './links.ts';
import type { NodeKind, TopologyDocument, TopologyEdge, TopologyNode } from './types.ts';

const n = (id: string, kind: NodeKind, parent?: string): TopologyNode => ({
  id,
  kind,
  label: id,
  position: { x: 0, y: 0 },
  config: defaultConfig(kind),
  ...(parent ? { parent } : {}),
});
const e = (source: string, target: string, extra: Partial<TopologyEdge> = {}): TopologyEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  ...extra,
});
const doc = (nodes: TopologyNode[], edges: TopologyEdge[]): TopologyDocument => ({
  version: 1,
  title: 't',
  nodes,
  edges,
});
const pairs = (links: Link[]) =>
  links.map(
    (l) =>
      `${l.source}>${l.target}${l.reversed ? ' (back)' : ''}${l.turn >= 0 ? ` t${l.turn}` : ''}`,
  );

describe('runtimeLinks', () => {
  it('is the arrows one for one when none is special', () => {
    const d = doc(
      [n('u', 'client'), n('a', 'app'), n('db', 'db')],
      [e('u', 'a', { label: '/api' }), e('a', 'db')],
    );
    const links = runtimeLinks(d);
    expect(links).toEqual([
      { edge: 0, source: 'u', target: 'a', reversed: false, turn: -1, label: '/api', via: 'drawn' },
      { edge: 1, source: 'a', target: 'db', reversed: false, turn: -1, label: '', via: 'drawn' },
    ]);
  });

  it('gives faint arrows no link', () => {
    const d = doc([n('a', 'app'), n('b', 'app')], [e('a', 'b', { faint: true })]);
    expect(runtimeLinks(d)).toEqual([]);
  });

  it('sends an arrow into a host to its entry boxes, taking turns, and out of it from its exits', () => {
    const d = doc(
      [
        n('u', 'client'),
        n('S', 'group'),
        n('a', 'app', 'S'),
        n('b', 'app', 'S'),
        n('c', 'app', 'S'),
        n('db', 'db', 'S'),
        n('pay', 'external'),
      ],
      [e('a', 'b'), e('b', 'db'), e('u', 'S'), e('S', 'pay')],
    );
    expect(hostEntries(d, 'S')).toEqual(['a', 'c']);
    expect(hostExits(d, 'S')).toEqual(['b', 'c']);
    expect(pairs(runtimeLinks(d))).toEqual(['a>b', 'b>db', 'u>a t2', 'u>c t2', 'b>pay', 'c>pay']);
    expect(runtimeLinks(d).find((l) => l.source === 'u')?.via).toBe('host');
  });

  it('resolves hosts inside hosts and arrows between two hosts', () => {
    const d = doc(
      [
        n('clients', 'group'),
        n('web', 'client', 'clients'),
        n('phone', 'client', 'clients'),
        n('dc', 'group'),
        n('edge', 'group', 'dc'),
        n('nginx', 'proxy', 'edge'),
        n('apps', 'group', 'dc'),
        n('a1', 'app', 'apps'),
        n('a2', 'app', 'apps'),
      ],
      [e('clients', 'dc'), e('edge', 'apps')],
    );
    // nginx feeds the apps through the arrow between the hosts: only nginx enters dc.
    expect(hostEntries(d, 'dc')).toEqual(['nginx']);
    expect(pairs(runtimeLinks(d))).toEqual([
      'web>nginx',
      'phone>nginx',
      'nginx>a1 t1',
      'nginx>a2 t1',
    ]);
  });

  it('never links a box to the host it sits in, and leaves empty hosts unlinked', () => {
    const d = doc(
      [n('S', 'group'), n('a', 'app', 'S'), n('E', 'group'), n('x', 'app')],
      [e('a', 'S'), e('x', 'E')],
    );
    expect(runtimeLinks(d)).toEqual([]);
  });

  it('lets boxes with an arrow to DNS reach what its arrows point at', () => {
    const d = doc(
      [n('web', 'client'), n('dns', 'dns'), n('dns2', 'dns'), n('lb', 'lb'), n('cdn', 'cdn')],
      [
        e('web', 'dns'),
        e('dns', 'dns2'),
        e('dns2', 'lb', { label: '/api' }),
        e('dns', 'cdn'),
        e('dns', 'web'),
      ],
    );
    const links = runtimeLinks(d);
    expect(pairs(links)).toEqual([
      'web>dns',
      'web>lb t0',
      'web>cdn t0',
      'dns>dns2',
      'dns2>lb',
      'dns>cdn',
      'dns>web',
    ]);
    // The request to the load balancer travels along DNS's arrow to it.
    expect(links[1]).toMatchObject({ edge: 2, via: 'dns', label: '/api' });
  });

  it('adds no link through DNS where the box already has one', () => {
    const d = doc(
      [n('web', 'client'), n('dns', 'dns'), n('lb', 'lb')],
      [e('web', 'dns'), e('web', 'lb'), e('dns', 'lb')],
    );
    expect(pairs(runtimeLinks(d))).toEqual(['web>dns', 'web>lb', 'dns>lb']);
  });

  it('uses a two-way arrow to a queue both ways, other two-way arrows as written', () => {
    const d = doc(
      [n('orders', 'app'), n('bus', 'queue'), n('web', 'client'), n('nginx', 'proxy')],
      [e('orders', 'bus', { twoWay: true }), e('web', 'nginx', { twoWay: true })],
    );
    const links = runtimeLinks(d);
    expect(pairs(links)).toEqual(['orders>bus', 'bus>orders (back)', 'web>nginx']);
    expect(links[1]).toMatchObject({ edge: 0, via: 'back' });
  });
});
