// What a part loaded on first use (a dialog, the story or challenge panel, the recorder)
// shows while its code arrives: nothing for the first 100 ms (most loads are done by then),
// then a small "Loading …" note, so a slow connection never leaves a click unanswered.

import {
  type ComponentType,
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
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

/** What the parts inside a `Lazy` are, for the note they show while their code arrives. */
const LoadingWhat = createContext<{ what: string; fixed?: boolean } | null>(null);

/** `children` (parts made by `loadOnFirstUse` inside) with their loading note. */
export function Lazy({
  what,
  fixed,
  children,
}: {
  what: string;
  fixed?: boolean;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ what, fixed }), [what, fixed]);
  return <LoadingWhat.Provider value={value}>{children}</LoadingWhat.Provider>;
}

/**
 * A part loaded on first use (a dialog, a panel, the recorder). It renders at once when its
 * code is here, and otherwise shows the loading note of the `Lazy` around it until the code
 * arrives. It never suspends: React retries a suspended part at a priority no other update
 * is ever held back for, so while a run plays (an update every frame) a slow machine could
 * keep showing "Loading the dialog…" for over 10 s with the code long loaded (seen in CI,
 * for a story panel and for the Compose export). The part arriving is an ordinary state
 * update instead. A load that fails is thrown at render, to the error boundary around it,
 * and the next mount tries again. `preload()` fetches the code ahead; whoever opens the
 * part can await it first.
 */
export function loadOnFirstUse<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (part) => {
        loaded = part;
        return part;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: called once per part at module level, as React.lazy is
  function Part(props: P) {
    const note = useContext(LoadingWhat);
    const [state, setState] = useState<{ part: ComponentType<P> | null; error?: unknown }>(() => ({
      part: loaded,
    }));
    useEffect(() => {
      if (state.part || state.error !== undefined) return;
      let mounted = true;
      preload().then(
        (part) => mounted && setState({ part }),
        (error: unknown) => mounted && setState({ part: null, error }),
      );
      return () => {
        mounted = false;
      };
    }, [state]);
    if (state.error !== undefined) throw state.error;
    const Loaded = state.part;
    if (Loaded) return <Loaded {...props} />;
    return note ? <LoadingNote what={note.what} fixed={note.fixed} /> : null;
  }
  return Object.assign(Part, { preload });
}
