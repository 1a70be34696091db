import { expect, it } from 'vitest';
import { DeltaReceiver, DeltaSender } from './delta.ts';
import type { RecordScene } from './scene.ts';

const items = (label: string) => [
  {
    t: 'text' as const,
    x: 0,
    y: 0,
    w: 10,
    h: 10,
    text: label,
    font: '10px a',
    color: '#000',
    spacing: 0,
    clip: null,
  },
];

function scene(appKey: string, edgesKey = '1'): RecordScene {
  return {
    width: 10,
    height: 10,
    paneWidth: 10,
    paneHeight: 10,
    view: { tx: 0, ty: 0, zoom: 1 },
    background: { color: '#fff', dots: null },
    nodes: [
      { id: 'app', key: appKey, x: 0, y: 0, z: 0, items: items(appKey) },
      { id: 'db', key: 'db#1', x: 5, y: 0, z: 0, items: items('db') },
    ],
    edges: [{ id: 'e', d: 'M0,0L1,1', color: '#000', width: 1, dash: [], arrow: null }],
    labels: [],
    overlays: [],
    edgesKey,
    labelsKey: '1',
    overlaysKey: '1',
    load: null,
    dots: null,
    clock: null,
    caption: null,
    captionBand: 0,
  };
}

it('sends a box’s items once per key and the Worker fills them back in', () => {
  const send = new DeltaSender();
  const recv = new DeltaReceiver();
  const first = send.slim(scene('app#1'));
  expect(first.nodes.every((n) => n.items !== null)).toBe(true);
  expect(recv.fill(first)).toEqual(scene('app#1'));

  const again = send.slim(scene('app#1'));
  expect(again.nodes.every((n) => n.items === null)).toBe(true);
  expect(again.edges).toBeNull();
  expect(recv.fill(again)).toEqual(scene('app#1'));

  // One box changed: only it travels; the links changed too.
  const changed = send.slim(scene('app#2', '2'));
  expect(changed.nodes.map((n) => n.items !== null)).toEqual([true, false]);
  expect(changed.edges).not.toBeNull();
  expect(recv.fill(changed)).toEqual(scene('app#2', '2'));
});

it('refuses a scene that refers to items it never got', () => {
  const recv = new DeltaReceiver();
  const slim = new DeltaSender().slim(scene('app#1'));
  const broken = { ...slim, nodes: slim.nodes.map((n) => ({ ...n, items: null })) };
  expect(() => recv.fill(broken)).toThrow(/lost track of box app/);
});
