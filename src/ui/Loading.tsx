// What a part loaded on first use (a dialog, the story or challenge panel, the recorder)
// shows while its code arrives: nothing for the first 100 ms (most loads are done by then),
// then a small "Loading …" note, so a slow connection never leaves a click unanswered.

import { type ReactNode, Suspense } from 'react';
import { useSlowFlag } from './useSlowFlag.ts';

export function LoadingNote({ what, fixed = true }: { what: string; fixed?: boolean }) {
  const slow = useSlowFlag(true);
  if (!slow) return null;
  return (
    <div
      className={`bp-busy${fixed ? ' bp-busy--fixed' : ''}`}
      role="status"
      data-testid="loading-note"
    >
      <span className="bp-busy__spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

/** `children` (lazy parts inside) with the loading note as their fallback. */
export function Lazy({
  what,
  fixed,
  children,
}: {
  what: string;
  fixed?: boolean;
  children: ReactNode;
}) {
  return <Suspense fallback={<LoadingNote what={what} fixed={fixed} />}>{children}</Suspense>;
}
