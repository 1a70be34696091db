// Live captions for instructors: in presenter mode, optionally, a big one-line caption of
// what just happened (src/state/captionFeed.ts) over the canvas, and the same captions in
// recordings made meanwhile (registered as the recorder's caption source).

import { create } from 'zustand';
import { setCaptionSource } from '../../canvas/record/captions.ts';
import { type Caption, CAPTION_SCREEN_MS, CaptionFeed } from '../../state/captionFeed.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { onLiveFrame, onLiveReset } from '../../state/simulationStore.ts';

interface CaptionState {
  enabled: boolean;
  /** The latest caption and when (virtual ms). */
  latest: Caption | null;
  setEnabled: (on: boolean) => void;
}

const feed = new CaptionFeed();
let speed = 1;
let unsubscribe: (() => void) | null = null;
let unregister: (() => void) | null = null;

export const useCaptionStore = create<CaptionState>()((set) => ({
  enabled: false,
  latest: null,
  setEnabled: (on) => {
    set({ enabled: on });
    if (on && unsubscribe === null) {
      unsubscribe = onLiveFrame((f) => {
        speed = f.speed;
        if (feed.frame(f, useDocumentStore.getState().doc)) {
          set({ latest: feed.items[feed.items.length - 1] ?? null });
        }
      });
      unregister = setCaptionSource((v) => feed.at(v, CAPTION_SCREEN_MS * Math.max(1, speed)));
    } else if (!on) {
      unsubscribe?.();
      unsubscribe = null;
      unregister?.();
      unregister = null;
      feed.clear();
      set({ latest: null });
    }
  },
}));

onLiveReset(() => {
  feed.clear();
  useCaptionStore.setState({ latest: null });
});

/** How long a caption stays up on screen at the run's speed (virtual ms). */
export function captionHoldMs(): number {
  return CAPTION_SCREEN_MS * Math.max(1, speed);
}
