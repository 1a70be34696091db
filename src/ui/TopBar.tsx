// The top bar: app name, the editable document title, the menus, quick buttons for the
// most used actions and a `toolbar` slot where run controls (play/pause/step/speed) go.

import type { ReactNode } from 'react';
import { setTitle } from '../state/docOps.ts';
import { useDocumentStore } from '../state/documentStore.ts';
import { ActionButton } from './ActionButton.tsx';
import { CostBadge } from './challenge/CostLines.tsx';
import { MenuBar } from './MenuBar.tsx';

export function TopBar({ toolbar }: { toolbar?: ReactNode }) {
  const title = useDocumentStore((s) => s.doc.title);
  return (
    <header className="bp-topbar">
      <div className="bp-topbar__brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="bp-logo">
          <rect x="2" y="4" width="8" height="6" rx="1.5" fill="#2563eb" />
          <rect x="14" y="4" width="8" height="6" rx="1.5" fill="#0ea5e9" />
          <rect x="8" y="14" width="8" height="6" rx="1.5" fill="#d97706" />
          <path
            d="M10 7h4M6 10v2.5h6V14M18 10v2.5h-6"
            stroke="#64748b"
            strokeWidth="1.4"
            fill="none"
          />
        </svg>
        <span className="bp-topbar__name">Backend Playground</span>
      </div>
      <MenuBar />
      <span className="bp-topbar__divider" aria-hidden="true" />
      <input
        className="bp-topbar__title"
        aria-label="Diagram title"
        value={title}
        maxLength={500}
        spellCheck={false}
        onChange={(e) => {
          const text = e.target.value;
          useDocumentStore
            .getState()
            .change('Rename diagram', (doc) => setTitle(doc, text), { coalesce: 'title' });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      <div className="bp-topbar__actions">
        <ActionButton id="undo" icon="undo" />
        <ActionButton id="redo" icon="redo" />
        <ActionButton id="auto-layout" icon="layout" />
        <ActionButton id="fit-view" icon="fit" />
      </div>
      <div className="bp-topbar__toolbar" role="toolbar" aria-label="Run controls">
        {toolbar}
      </div>
      <div className="bp-topbar__end">
        <CostBadge />
        <ActionButton id="shortcuts" icon="help" />
      </div>
    </header>
  );
}
