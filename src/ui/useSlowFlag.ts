// For parts loaded on first use: true once `waiting` has lasted more than 100 ms, so a
// loading note appears only when the wait is long enough to notice (no flash on a fast load).

import { useEffect, useState } from 'react';
import { SLOW_MS } from '../state/uiStore.ts';

export function useSlowFlag(waiting: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!waiting) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return waiting && slow;
}
