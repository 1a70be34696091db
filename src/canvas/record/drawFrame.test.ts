import { describe, expect, it } from 'vitest';
import { BUCKETS } from '../live/paint.ts';
import { boundsOf, createFrameCache, drawFrame, ellipsize, frameLayout } from './drawFrame.ts';
import { fakeCanvases, fakePath } from './fakeCanvas.ts';
import type { BoxItem, NodeScene, RecordScene, TextItem } from './scene.ts';

const r0 = { x: 0, y: 0 };
const box = (x: number, y: number, w: number, h: number, fill = '#fff'): BoxItem => ({
  t: 'box',
  x,
  y,
  w,
  h,
  radii: [r0, r0, r0, r0],
  fill,
  border: { color: '#cbd5e1', width: 1, style: 'solid' },
  shadows: [],
});
const text = (s: string, x: number, y: number): TextItem => ({
  t: 'text',
  x,
  y,
  w: s.length * 6,
  h: 14,
  text: s,
  font: '600 13px sans-serif',
  color: '#0f172a',
  spacing: 0,
  clip: null,
});
const node = (id: string, x: number, y: number, key = `${id}#1`, z = 0): NodeScene => ({
  id,
  key,
  x,
  y,
  z,
  items: [box(0, 0, 180, 72), text(id, 40, 10)],
});

function scene(patch: Partial<RecordScene> = {}): RecordScene {
  const buckets = Array.from({ length: BUCKETS }, () => new Float32Array(0));
  buckets[0] = Float32Array.from([100, 50, 200, 60]);
  return {
    width: 1280,
    height: 720,
    paneWidth: 640,
    paneHeight: 360,
    view: { tx: 10, ty: 20, zoom: 1 },
    background: { color: '#f8fafc', dots: { gap: 20, r: 0.6, x: 0, y: 0, color: '#cbd5e1' } },
    nodes: [node('app', 300, 100), node('host', 0, 0, 'host#1', -1), node('users', 0, 100)],
    edges: [
      {
        id: 'e1',
        d: 'M180,136 C240,136 240,136 300,136',
        color: '#94a3b8',
        width: 1.6,
        dash: [],
        arrow: {
          points: [300, 136, 294, 132, 294, 140],
          fill: '#94a3b8',
          stroke: '#94a3b8',
          width: 1,
        },
      },
    ],
    labels: [text('/api', 230, 130)],
    overlays: [box(200, 300, 240, 40)],
    edgesKey: '1',
    labelsKey: '1',
    overlaysKey: '1',
    load: {
      key: '1',
      curves: [
        ['e1', { x0: 180, y0: 136, cx1: 240, cy1: 136, cx2: 240, cy2: 136, x1: 300, y1: 136 }],
      ],
      rps: { e1: 40 },
      labelled: [['e1', '/api']],
      boxes: [],
      steady: false,
    },
    dots: { buckets, queued: [], rects: [] },
    clock: '12.5 s',
    caption: null,
    captionBand: 0,
    ...patch,
  };
}

function setup() {
  const c = fakeCanvases();
  const main = c.main(1280, 720);
  const cache = createFrameCache(c.make, fakePath);
  return { ...c, g: main.getContext('2d'), cache };
}

describe('frameLayout', () => {
  it('fills the frame with the canvas when the shapes match', () => {
    expect(frameLayout(scene())).toEqual({ scale: 2, ox: 0, oy: 0, band: 0 });
  });

  it('keeps a caption band under the canvas and centres the canvas above it', () => {
    const L = frameLayout(scene({ captionBand: 0.25 }));
    expect(L.band).toBe(180);
    expect(L.scale).toBeCloseTo(1.5);
    expect(L.ox).toBeCloseTo((1280 - 640 * 1.5) / 2);
    expect(L.oy).toBe(0);
  });
});

describe('drawFrame', () => {
  it('paints in the page’s order: background and load, dots, hosts, links, labels, boxes, legend, clock', () => {
    const { g, cache, log, made } = setup();
    drawFrame(g, scene(), cache);
    // What went onto the frame itself: three layers and the dots between them.
    const onMain = log.filter((c) => c.on === 'main' && c.op === 'drawImage');
    const layerIds = (ids: string[]) =>
      ids.map((id) => made.findIndex((m) => m.id === id)).filter((i) => i >= 0);
    expect(onMain.length).toBe(2 + 2); // under, two dot sprites, top
    const sources = onMain.map((c) => (c.args[0] as { id: string }).id);
    const under = sources[0]!;
    const top = sources[sources.length - 1]!;
    expect(layerIds([under, top]).length).toBe(2);
    // Dots land at (flow × zoom + t) × scale, centred on their sprite.
    const dots = onMain.slice(1, -1).map((c) => [c.args[1], c.args[2]]);
    const half = (made.find((m) => m.id === sources[1])!.width as number) / 2;
    expect(dots).toEqual([
      [Math.round((100 + 10) * 2 - half), Math.round((50 + 20) * 2 - half)],
      [Math.round((200 + 10) * 2 - half), Math.round((60 + 20) * 2 - half)],
    ]);
    // The top layer: the host first, then the link, then the label text, then the boxes.
    const onTop = log.filter((c) => c.on === top);
    const order = onTop
      .filter((c) => c.op === 'drawImage' || c.op === 'stroke' || c.op === 'fillText')
      .map((c) => (c.op === 'drawImage' ? (c.args[0] as { id: string }).id : c.op));
    const hostLayer = cache.layers.get('host')!.canvas as unknown as { id: string };
    const appLayer = cache.layers.get('app')!.canvas as unknown as { id: string };
    expect(order.indexOf(hostLayer.id)).toBeLessThan(order.indexOf('stroke'));
    expect(order.indexOf('stroke')).toBeLessThan(order.indexOf('fillText'));
    expect(order.indexOf('fillText')).toBeLessThan(order.indexOf(appLayer.id));
    // The clock is written on the frame last.
    expect(log.filter((c) => c.on === 'main' && c.op === 'fillText').map((c) => c.args[0])).toEqual(
      ['12.5 s'],
    );
  });

  it('paints a box again only when what it shows changes, and the rest only when needed', () => {
    const { g, cache, log } = setup();
    drawFrame(g, scene(), cache);
    const appKey = cache.layers.get('app')!.key;
    const usersKey = cache.layers.get('users')!.key;
    const before = log.length;
    drawFrame(g, scene(), cache);
    // The same scene again: only the frame itself is drawn on (layers copied, dots, clock).
    expect(log.slice(before).every((c) => c.on === 'main')).toBe(true);
    // A new key for one box: that box is painted again, the others are reused.
    const changed = scene({
      nodes: [
        node('app', 300, 100, 'app#2'),
        node('host', 0, 0, 'host#1', -1),
        node('users', 0, 100),
      ],
    });
    drawFrame(g, changed, cache);
    expect(cache.layers.get('app')!.key).not.toBe(appKey);
    expect(cache.layers.get('users')!.key).toBe(usersKey);
    // A box that is gone loses its layer.
    drawFrame(g, scene({ nodes: [node('users', 0, 100)] }), cache);
    expect([...cache.layers.keys()]).toEqual(['users']);
  });

  it('draws no dots, load or clock before a run', () => {
    const { g, cache, log } = setup();
    drawFrame(g, scene({ dots: null, load: null, clock: null }), cache);
    const onMain = log.filter((c) => c.on === 'main');
    expect(onMain.filter((c) => c.op === 'drawImage').length).toBe(2); // under and top
    expect(onMain.some((c) => c.op === 'fillText')).toBe(false);
  });

  it('writes the caption in its band, wrapped to two lines at most', () => {
    const { g, cache, log, made } = setup();
    const caption = 'App 3 crashes and the others take its traffic while the health check notices';
    drawFrame(g, scene({ caption, captionBand: 0.14 }), cache);
    const band = made.find((m) => m.height === Math.round(720 * 0.14))!;
    const lines = log.filter((c) => c.on === band.id && c.op === 'fillText').map((c) => c.args[0]);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join(' ').replace('…', '')).toBe(
      caption.slice(0, lines.join(' ').replace('…', '').length),
    );
    // The band sits at the bottom of the frame.
    const placed = log.find(
      (c) =>
        c.on === 'main' && c.op === 'drawImage' && (c.args[0] as { id: string }).id === band.id,
    )!;
    expect(placed.args[2]).toBe(720 - band.height);
  });
});

describe('helpers', () => {
  it('ellipsize keeps the longest start that fits with an ellipsis', () => {
    const g = { measureText: (t: string) => ({ width: t.length * 6 }) as TextMetrics };
    expect(ellipsize(g, 'Load balancer', 48)).toBe('Load ba…'); // 8 characters = 48 px
    expect(ellipsize(g, 'abc', 6)).toBe('…');
  });

  it('boundsOf includes shadows', () => {
    const b = {
      ...box(10, 10, 100, 50),
      shadows: [{ color: '#000', x: 4, y: 4, blur: 0, spread: 0 }],
    };
    expect(boundsOf([b])).toEqual({ x: 10, y: 10, width: 104, height: 54 });
    expect(boundsOf([])).toBeNull();
  });
});
