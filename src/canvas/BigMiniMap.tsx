// The minimap of a big diagram: every box as a dot of its kind's colour on ONE <canvas>,
// and the part on screen as a frame. React Flow's own minimap draws an SVG element per box,
// which for thousands of boxes costs more than the diagram itself, and it knows only the
// boxes it was told about (viewWindow.ts). Click or drag in it to move the view there.

import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { KINDS } from '../model/kinds.ts';
import type { TopologyDocument } from '../model/types.ts';
import { nodeSize } from '../state/docOps.ts';
import { absolutePositions } from './flow.ts';

const WIDTH = 168;
const HEIGHT = 112;
const PAD = 6;

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

function documentBounds(doc: TopologyDocument): {
  bounds: Bounds;
  at: ReturnType<typeof absolutePositions>;
} {
  const at = absolutePositions(doc);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of doc.nodes) {
    const p = at.get(n.id)!;
    const s = nodeSize(n);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + s.width);
    maxY = Math.max(maxY, p.y + s.height);
  }
  if (!Number.isFinite(minX)) return { bounds: { x: 0, y: 0, width: 1, height: 1 }, at };
  return { bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY }, at };
}

export function BigMiniMap({ doc }: { doc: TopologyDocument }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const transform = useStore((s) => s.transform);
  const size = useStore((s) => `${s.width}x${s.height}`);
  const { bounds, at } = useMemo(() => documentBounds(doc), [doc]);
  // Diagram → minimap: the document and the view both fit, the same scale on both axes.
  const map = useRef({ scale: 1, ox: 0, oy: 0 });

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      el.width = WIDTH * dpr;
      el.height = HEIGHT * dpr;
      const g = el.getContext('2d');
      if (!g) return;
      const [tx, ty, zoom] = transform;
      const [w, h] = size.split('x').map(Number) as [number, number];
      const view = { x: -tx / zoom, y: -ty / zoom, width: w / zoom, height: h / zoom };
      const x0 = Math.min(bounds.x, view.x);
      const y0 = Math.min(bounds.y, view.y);
      const x1 = Math.max(bounds.x + bounds.width, view.x + view.width);
      const y1 = Math.max(bounds.y + bounds.height, view.y + view.height);
      const scale = Math.min(
        (WIDTH - 2 * PAD) / (x1 - x0 || 1),
        (HEIGHT - 2 * PAD) / (y1 - y0 || 1),
      );
      const ox = PAD + (WIDTH - 2 * PAD - (x1 - x0) * scale) / 2 - x0 * scale;
      const oy = PAD + (HEIGHT - 2 * PAD - (y1 - y0) * scale) / 2 - y0 * scale;
      map.current = { scale, ox, oy };
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, WIDTH, HEIGHT);
      for (const n of doc.nodes) {
        const p = at.get(n.id)!;
        const s = nodeSize(n);
        g.fillStyle = n.kind === 'group' ? '#e2e8f0' : KINDS[n.kind].color;
        g.fillRect(
          ox + p.x * scale,
          oy + p.y * scale,
          Math.max(1, s.width * scale),
          Math.max(1, s.height * scale),
        );
      }
      g.fillStyle = 'rgba(241, 245, 249, 0.55)';
      g.strokeStyle = '#2563eb';
      g.lineWidth = 1;
      const vx = ox + view.x * scale;
      const vy = oy + view.y * scale;
      g.strokeRect(vx + 0.5, vy + 0.5, view.width * scale, view.height * scale);
    });
    return () => cancelAnimationFrame(frame);
  }, [doc, at, bounds, transform, size]);

  const moveTo = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { scale, ox, oy } = map.current;
    const x = (e.clientX - r.left - ox) / scale;
    const y = (e.clientY - r.top - oy) / scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="bp-bigmap">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Minimap: all ${doc.nodes.length.toLocaleString('en')} boxes; click to move the view there`}
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) moveTo(e);
        }}
      />
    </Panel>
  );
}
