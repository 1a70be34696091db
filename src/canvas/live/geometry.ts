// Edge curves and box rectangles in flow coordinates, read from React Flow's internal node
// lookup so the dots follow exactly the curves React Flow draws (getBezierPath with its
// default curvature, from whichever side each handle sits on: right to left in a
// left-to-right diagram, bottom to top in a top-to-bottom one).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A cubic Bézier: p0, c1, c2, p1. */
export interface Curve {
  x0: number;
  y0: number;
  cx1: number;
  cy1: number;
  cx2: number;
  cy2: number;
  x1: number;
  y1: number;
}

const CURVATURE = 0.25;

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

/** The side of a box a handle sits on (React Flow's Position values). */
export type Side = 'left' | 'right' | 'top' | 'bottom';

/** React Flow's control point for a handle on `side` at (x1, y1) heading to (x2, y2). */
function control(side: Side, x1: number, y1: number, x2: number, y2: number): [number, number] {
  switch (side) {
    case 'left':
      return [x1 - controlOffset(x1 - x2), y1];
    case 'right':
      return [x1 + controlOffset(x2 - x1), y1];
    case 'top':
      return [x1, y1 - controlOffset(y1 - y2)];
    case 'bottom':
      return [x1, y1 + controlOffset(y2 - y1)];
  }
}

/** React Flow's bezier between two handles (by default right-side source, left-side target). */
export function bezier(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  sourceSide: Side = 'right',
  targetSide: Side = 'left',
): Curve {
  const [cx1, cy1] = control(sourceSide, sx, sy, tx, ty);
  const [cx2, cy2] = control(targetSide, tx, ty, sx, sy);
  return { x0: sx, y0: sy, cx1, cy1, cx2, cy2, x1: tx, y1: ty };
}

/** Point at parameter f (0..1), written into `out`. */
export function pointOn(c: Curve, f: number, out: { x: number; y: number }): void {
  const u = 1 - f;
  const a = u * u * u;
  const b = 3 * u * u * f;
  const d = 3 * u * f * f;
  const e = f * f * f;
  out.x = a * c.x0 + b * c.cx1 + d * c.cx2 + e * c.x1;
  out.y = a * c.y0 + b * c.cy1 + d * c.cy2 + e * c.y1;
}

interface HandleBox {
  x: number;
  y: number;
  width: number;
  height: number;
  position?: string;
}

/** The minimal shape of React Flow's InternalNode we read. */
export interface NodeLike {
  measured?: { width?: number; height?: number };
  width?: number;
  height?: number;
  internals: {
    positionAbsolute: { x: number; y: number };
    handleBounds?: {
      source?: HandleBox[] | null;
      target?: HandleBox[] | null;
    };
  };
}

export function rectOf(n: NodeLike): Rect {
  const p = n.internals.positionAbsolute;
  return {
    x: p.x,
    y: p.y,
    width: n.measured?.width ?? n.width ?? 180,
    height: n.measured?.height ?? n.height ?? 72,
  };
}

const isSide = (v: string | undefined): v is Side =>
  v === 'left' || v === 'right' || v === 'top' || v === 'bottom';

/** The anchor point of a handle on its side of the box (as React Flow's getHandlePosition). */
function anchor(box: Rect, h: HandleBox | undefined, fallback: Side): [number, number, Side] {
  const side = isSide(h?.position) ? h.position : fallback;
  if (!h) {
    if (side === 'right') return [box.x + box.width, box.y + box.height / 2, side];
    if (side === 'left') return [box.x, box.y + box.height / 2, side];
    if (side === 'top') return [box.x + box.width / 2, box.y, side];
    return [box.x + box.width / 2, box.y + box.height, side];
  }
  const x = box.x + h.x;
  const y = box.y + h.y;
  if (side === 'right') return [x + h.width, y + h.height / 2, side];
  if (side === 'left') return [x, y + h.height / 2, side];
  if (side === 'top') return [x + h.width / 2, y, side];
  return [x + h.width / 2, y + h.height, side];
}

/** Where an edge leaves `source` and enters `target` (handle anchors, as React Flow does). */
export function edgeCurve(source: NodeLike, target: NodeLike): Curve {
  const [sx, sy, ss] = anchor(rectOf(source), source.internals.handleBounds?.source?.[0], 'right');
  const [tx, ty, ts] = anchor(rectOf(target), target.internals.handleBounds?.target?.[0], 'left');
  return bezier(sx, sy, tx, ty, ss, ts);
}
