// prefers-reduced-motion, read once and followed as it changes (the reader can switch it in
// their system settings while the page is open). Where the browser has no matchMedia (tests
// in Node), motion is allowed.

export interface MotionPreference {
  reduced(): boolean;
  /** Called with the new value whenever the preference changes; returns the unsubscribe. */
  subscribe(listener: (reduced: boolean) => void): () => void;
}

const QUERY = '(prefers-reduced-motion: reduce)';

export function prefersReducedMotion(): MotionPreference {
  const mq = typeof matchMedia === 'function' ? matchMedia(QUERY) : null;
  return {
    reduced: () => mq?.matches ?? false,
    subscribe(listener) {
      if (!mq) return () => {};
      const onChange = (e: MediaQueryListEvent) => listener(e.matches);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
  };
}

/** An animation's length, or none when the reader asks for less motion. */
export function motionMs(ms: number): number {
  return prefersReducedMotion().reduced() ? 0 : ms;
}
