// Where a recording's per-frame captions come from. A feature that writes captions as the
// run goes ("App 3 crashed", "the health check removed App 3") registers a source here; each
// frame of a recording started while it is registered asks it for the caption to show at
// that frame's moment (the display clock, virtual ms). Nothing is registered by default:
// recordings show the caption typed in the dialog, if any.

export type CaptionSource = (virtualMs: number) => string | null;

let source: CaptionSource | null = null;

/** Registers the caption source (null removes it); returns the unregister. */
export function setCaptionSource(next: CaptionSource | null): () => void {
  source = next;
  return () => {
    if (source === next) source = null;
  };
}

export function captionSource(): CaptionSource | null {
  return source;
}
