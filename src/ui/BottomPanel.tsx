// The collapsible panel under the canvas. The live view fills it (run controls, charts) by
// passing children from App.tsx; until then it explains what will appear there.

import type { ReactNode } from 'react';
import { useUiStore } from '../state/uiStore.ts';

export function BottomPanel({
  title = 'Live view',
  children,
}: {
  title?: string;
  children?: ReactNode;
}) {
  const open = useUiStore((s) => s.bottomPanelOpen);
  const setOpen = useUiStore((s) => s.setBottomPanelOpen);
  return (
    <section className={`bp-bottom${open ? ' is-open' : ''}`} aria-label={title}>
      <div className="bp-bottom__bar">
        <button
          type="button"
          className="bp-bottom__toggle"
          aria-expanded={open}
          aria-controls="bp-bottom-body"
          onClick={() => setOpen(!open)}
        >
          <svg
            width="14"
            height="14"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            <path d={open ? 'M6 9l6 6 6-6' : 'M6 15l6-6 6 6'} />
          </svg>
          {title}
        </button>
      </div>
      {open ? (
        <div className="bp-bottom__body" id="bp-bottom-body">
          {children ?? (
            <p className="bp-bottom__empty">
              Press play to send traffic through your diagram; charts of latency, errors and load
              appear here.
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
