// How much an embed can show, from the size of its canvas: a small frame (a phone, a narrow
// column, a 420×300 iframe) gets the diagram alone, as large as it fits; a medium one a
// compact dot legend; a large one the app's own canvas furniture. The same size decides
// how the diagram is framed, so no box sits under the legend or the zoom buttons.
// Pure, so it can be unit-tested; the CSS in embed.css keys off `data-frame`.

import type { FitViewOptions } from '@xyflow/react';

export type FrameSize = 'small' | 'medium' | 'large';

/** Below these canvas sizes (CSS px) the legend and the zoom buttons step aside or shrink. */
export const SMALL_BELOW = { width: 480, height: 240 } as const;
export const MEDIUM_BELOW = { width: 760, height: 380 } as const;

export function frameSize(width: number, height: number): FrameSize {
  if (width < SMALL_BELOW.width || height < SMALL_BELOW.height) return 'small';
  if (width < MEDIUM_BELOW.width || height < MEDIUM_BELOW.height) return 'medium';
  return 'large';
}

/**
 * Room to leave around the boxes when framing them: above for their live badges, below for
 * a box's waiting line and (medium, large) the dot legend, left for the zoom buttons (medium,
 * large; small frames hide both).
 */
export function fitOptions(size: FrameSize, width: number): FitViewOptions {
  const px = (n: number) => `${Math.round(n)}px` as const;
  switch (size) {
    case 'small':
      return { padding: { top: px(30), bottom: px(36), left: px(12), right: px(12) }, maxZoom: 1 };
    case 'medium':
      return {
        padding: { top: px(36), bottom: px(72), left: px(46), right: px(16) },
        maxZoom: 1.1,
      };
    default:
      return {
        padding: {
          top: px(44),
          bottom: px(88),
          left: px(Math.max(64, width * 0.08)),
          right: px(width * 0.08),
        },
        maxZoom: 1.2,
      };
  }
}
