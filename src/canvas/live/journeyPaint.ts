// The followed request's path on the canvas (src/state/journeyStore.ts): the links it took
// glow, the boxes it visited get a ring, the box where it failed a red one (for a timeout,
// the box it was waiting at an amber one), and its dot, when drawn, a halo. Static: nothing
// here moves, so it reads the same with prefers-reduced-motion.

import type { Journey } from '../../sim/index.ts';
import { FAIL_COLOR } from './colors.ts';
import type { Curve, Rect } from './geometry.ts';
import type { Ctx2D } from './paint.ts';

export const JOURNEY_COLOR = '#f59e0b';
const STUCK_COLOR = '#d97706';

/** Paints in flow coordinates (the caller has set the view's transform). */
export function paintJourney(
  g: Ctx2D,
  j: Journey,
  curves: ReadonlyMap<string, Curve>,
  rects: ReadonlyMap<string, Rect>,
  zoom: number,
): void {
  g.save();
  g.lineCap = 'round';
  g.strokeStyle = JOURNEY_COLOR;
  g.globalAlpha = 0.55;
  g.lineWidth = 9 / Math.max(0.3, zoom);
  const seen = new Set<string>();
  for (const s of j.spans) {
    if (s.edge === null || seen.has(s.edge)) continue;
    seen.add(s.edge);
    const c = curves.get(s.edge);
    if (!c) continue;
    g.beginPath();
    g.moveTo(c.x0, c.y0);
    g.bezierCurveTo(c.cx1, c.cy1, c.cx2, c.cy2, c.x1, c.y1);
    g.stroke();
  }
  g.globalAlpha = 0.9;
  g.lineWidth = 3 / Math.max(0.3, zoom);
  const ringed = new Set<string>();
  for (const s of j.spans) {
    if (ringed.has(s.node)) continue;
    ringed.add(s.node);
    const r = rects.get(s.node);
    if (!r) continue;
    const failed = !j.ok && s.node === (j.stuckAt ?? j.failedAt);
    g.strokeStyle = failed ? (j.stuckAt ? STUCK_COLOR : FAIL_COLOR) : JOURNEY_COLOR;
    g.lineWidth = (failed ? 5 : 3) / Math.max(0.3, zoom);
    const pad = 5 / Math.max(0.3, zoom);
    roundRect(g, r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad, 10);
    g.stroke();
  }
  g.restore();
}

/** A halo around the followed request's dot (flow coordinates). */
export function paintHalo(g: Ctx2D, x: number, y: number, zoom: number): void {
  g.save();
  g.strokeStyle = JOURNEY_COLOR;
  g.lineWidth = 2.5 / Math.max(0.3, zoom);
  g.beginPath();
  g.arc(x, y, 8 / Math.max(0.3, zoom), 0, Math.PI * 2);
  g.stroke();
  g.restore();
}

function roundRect(g: Ctx2D, x: number, y: number, w: number, h: number, r: number): void {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}
