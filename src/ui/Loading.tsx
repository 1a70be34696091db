// What a part loaded on first use (a dialog, the story or challenge panel, the recorder)
// shows while its code arrives: nothing for the first 100 ms (most loads are done by then),
// then a small "Loading …" note, so a slow connection never leaves a click unanswered.

import { type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';
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

/**
 * A part loaded on first use (inside `Lazy`) that renders at once when its code is already
 * here. React.lazy suspends on its first render even when the module arrived long before,
 * and its retry runs at a priority that a playing run's updates can keep pre-empting on a
 * slow machine: a story link showed "Loading the story…" for over 10 s with its code loaded.
 * `preload()` fetches the code ahead; whoever opens the part can await it first.
 */
export function loadOnFirstUse<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then((part) => {
      loaded = part;
      return part;
    });
    return loading;
  };
  const Suspending = lazy(() => preload().then((part) => ({ default: part })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per part at module level, as React.lazy is
  function Part(props: P) {
    // Fixed for the mount: switching from the lazy to the loaded type would remount it.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded {...props} /> : <Suspending {...props} />;
  }
  return Object.assign(Part, { preload });
}
