// Which drawn dot a click at a point means. Dots overlap where links meet a box, and the
// user clicks the one they see: the one painted last (paint.ts draws bucket by bucket,
// each bucket in order), not whichever the loop met first. Away from every dot, the
// nearest one within reach still counts, so a dot a few pixels off is easy to hit.

/**
 * The index of the dot a click at (x, y) picks, or -1. `xy` holds each dot's x, y pair and
 * `bucket` its paint bucket, in the order drawn within a bucket; `hitR` is a dot's radius
 * and `reach` how far off a click may be (both in the units of `xy`).
 */
export function pickDot(
  xy: ArrayLike<number>,
  bucket: ArrayLike<number>,
  x: number,
  y: number,
  hitR: number,
  reach: number,
): number {
  const hit2 = hitR * hitR;
  let top = -1;
  let nearest = -1;
  let nearestD = reach * reach;
  for (let i = 0; i < bucket.length; i++) {
    const dx = xy[2 * i]! - x;
    const dy = xy[2 * i + 1]! - y;
    const d = dx * dx + dy * dy;
    // Under the click: the last painted wins (a higher bucket, or later in the same one).
    if (d <= hit2 && (top < 0 || bucket[i]! >= bucket[top]!)) top = i;
    if (d < nearestD) {
      nearest = i;
      nearestD = d;
    }
  }
  return top >= 0 ? top : nearest;
}
