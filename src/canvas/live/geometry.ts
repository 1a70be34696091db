// Edge curves and box rectangles in flow coordinates, read from React Flow's internal node
// lookup so the dots follow exactly the curves React Flow draws (getBezierPath with its
// default curvature, source handle on the right, target handle on the left).

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

/** React Flow's bezier from a right-side source handle to a left-side target handle. */
export function bezier(sx: number, sy: number, tx: number, ty: number): Curve {
  return {
    x0: sx,
    y0: sy,
    cx1: sx + controlOffset(tx - sx),
    cy1: sy,
    cx2: tx - controlOffset(tx - sx),
    cy2: ty,
    x1: tx,
    y1: ty,
  };
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

/** The minimal shape of React Flow's InternalNode we read. */
export interface NodeLike {
  measured?: { width?: number; height?: number };
  width?: number;
  height?: number;
  internals: {
    positionAbsolute: { x: number; y: number };
    handleBounds?: {
      source?: { x: number; y: number; width: number; height: number }[] | null;
      target?: { x: number; y: number; width: number; height: number }[] | null;
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

/** Where an edge leaves `source` and enters `target` (handle anchors, as React Flow does). */
export function edgeCurve(source: NodeLike, target: NodeLike): Curve {
  const s = rectOf(source);
  const t = rectOf(target);
  const sh = source.internals.handleBounds?.source?.[0];
  const th = target.internals.handleBounds?.target?.[0];
  const sx = sh ? s.x + sh.x + sh.width : s.x + s.width;
  const sy = sh ? s.y + sh.y + sh.height / 2 : s.y + s.height / 2;
  const tx = th ? t.x + th.x : t.x;
  const ty = th ? t.y + th.y + th.height / 2 : t.y + t.height / 2;
  return bezier(sx, sy, tx, ty);
}
