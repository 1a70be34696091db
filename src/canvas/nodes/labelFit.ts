// Whether a big diagram's box name fits its line as it is, so the box can do without the
// clip that the ellipsis needs. In headless Chromium, software-rendered, every clipped
// label split the boxes into dozens of compositor layers (one per row of boxes), and
// re-layering them cost every frame of a pan or a drag. A name that fits looks the same
// clipped or not; one that might not (or any, when nothing can measure text) keeps the clip
// and its ellipsis. Small diagrams always keep it (BoxNode).

import type { NodeKind } from '../../model/types.ts';

/**
 * The width the name has on a box (canvas.css): 180 px less the 1 px borders, 10 px of
 * padding on the left (12 for a client) and 12 on the right, and the 28 px icon with its
 * 8 px gap, which boxes far out leave out.
 */
export function labelRoom(kind: NodeKind, far: boolean): number {
  const padding = kind === 'client' ? 12 + 12 : 10 + 12;
  return 180 - 2 - padding - (far ? 0 : 28 + 8);
}

/** Kept clear of the edge: canvas and page may round a glyph's advance differently. */
const SLACK_PX = 6;

let context: CanvasRenderingContext2D | null | undefined;
let family = '';
const widths = new Map<string, number>();

function measure(text: string, sizePx: number): number | null {
  if (context === undefined) {
    context = null;
    try {
      if (
        typeof document !== 'undefined' &&
        typeof navigator !== 'undefined' &&
        !/jsdom/i.test(navigator.userAgent)
      ) {
        context = document.createElement('canvas').getContext('2d');
        family = getComputedStyle(document.documentElement).fontFamily;
      }
    } catch {
      context = null;
    }
    if (!family) context = null;
  }
  if (!context) return null;
  const key = `${sizePx} ${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    // .bp-box__label: weight 600, 13 px (15 px far out), the page's font.
    context.font = `600 ${sizePx}px ${family}`;
    width = context.measureText(text).width;
    if (widths.size > 20_000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/** True only when `label` surely fits on its box without being cut short. */
export function labelFits(label: string, kind: NodeKind, far: boolean): boolean {
  const width = measure(label, far ? 15 : 13);
  return width !== null && width + SLACK_PX <= labelRoom(kind, far);
}
