// The live caption over the canvas in presenter mode (when turned on): what just happened,
// large, for a few seconds of screen time.

import { useEffect, useState } from 'react';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import { captionHoldMs, useCaptionStore } from './captionStore.ts';
import './captions.css';

export function LiveCaption() {
  const presenter = useStoryStore((s) => s.presenter);
  const enabled = useCaptionStore((s) => s.enabled);
  const latest = useCaptionStore((s) => s.latest);
  const t = useSimulationStore((s) => s.t);
  const [, tick] = useState(0);
  // Captions leave on their own even while nothing else changes.
  useEffect(() => {
    if (!latest) return;
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, [latest]);
  if (!presenter || !enabled || !latest) return null;
  if (t - latest.t > captionHoldMs()) return null;
  return (
    <div className="bp-livecaption" role="status" aria-live="polite" data-testid="live-caption">
      {latest.text}
    </div>
  );
}

/** The presenter's switch for live captions. */
export function LiveCaptionToggle() {
  const enabled = useCaptionStore((s) => s.enabled);
  return (
    <button
      type="button"
      className="bp-livecaption__toggle"
      aria-pressed={enabled}
      title="Big captions of what just happened in the run, on the canvas and in recordings"
      onClick={() => useCaptionStore.getState().setEnabled(!enabled)}
    >
      Live captions: {enabled ? 'on' : 'off'}
    </button>
  );
}
