// The right-hand inspector: edits whatever is selected. A box shows its label and every
// config field of its kind (generated from the catalogue), a connection its label and what
// the caller does when calls along it fail (retries, timeout, breaker), a
// multi-selection its count, and nothing selected the diagram's title and a short how-to.
// Only the last is on the first page; the others load on the first selection, with a
// "Loading the inspector…" note if that takes over 100 ms.

import { lazy } from 'react';
import { setTitle } from '../../state/docOps.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { Lazy } from '../Loading.tsx';

// The panes for a selection load on the first selection (SelectionPanes.tsx).
const panes = () => import('./SelectionPanes.tsx');
const MultiPane = lazy(() => panes().then((m) => ({ default: m.MultiPane })));
const NodePane = lazy(() => panes().then((m) => ({ default: m.NodePane })));
const EdgePane = lazy(() => panes().then((m) => ({ default: m.EdgePane })));

export function Inspector() {
  const doc = useDocumentStore((s) => s.doc);
  const nodeIds = useSelectionStore((s) => s.nodeIds);
  const edgeIds = useSelectionStore((s) => s.edgeIds);
  const count = nodeIds.length + edgeIds.length;
  let body: React.ReactNode;
  if (count === 0) body = <DocumentPane title={doc.title} />;
  else if (count > 1) body = <MultiPane nodes={nodeIds.length} edges={edgeIds.length} />;
  else if (nodeIds.length === 1) {
    const node = doc.nodes.find((n) => n.id === nodeIds[0]);
    body = node ? <NodePane key={node.id} node={node} /> : <DocumentPane title={doc.title} />;
  } else {
    const edge = doc.edges.find((e) => e.id === edgeIds[0]);
    body = edge ? (
      <EdgePane key={edge.id} edge={edge} nodes={doc.nodes} />
    ) : (
      <DocumentPane title={doc.title} />
    );
  }
  return (
    // With nothing selected it holds only the title and tips; a small window hides it then.
    <aside className={`bp-inspector${count === 0 ? ' is-idle' : ''}`} aria-label="Inspector">
      {count === 0 ? (
        body
      ) : (
        <Lazy what="the inspector" fixed={false}>
          {body}
        </Lazy>
      )}
    </aside>
  );
}

function DocumentPane({ title }: { title: string }) {
  return (
    <div className="bp-inspector__pane">
      <h2 className="bp-panel-title">Diagram</h2>
      <div className="bp-field">
        <label className="bp-field__label" htmlFor="doc-title">
          Title
        </label>
        <input
          id="doc-title"
          className="bp-input"
          value={title}
          placeholder="Untitled diagram"
          maxLength={500}
          onChange={(e) => {
            const text = e.target.value;
            useDocumentStore
              .getState()
              .change('Rename diagram', (d) => setTitle(d, text), { coalesce: 'title' });
          }}
        />
      </div>
      <div className="bp-howto">
        <h3>How to</h3>
        <ul>
          <li>Drag a box from the left onto the canvas (or focus it and press Enter).</li>
          <li>Connect boxes by dragging from the dot on a box’s right edge to another box.</li>
          <li>Click a box to edit it here; double-click to rename it.</li>
          <li>Drop boxes onto a host to put them on the same machine.</li>
          <li>
            Shift-click or Shift-drag to select several. Press <kbd>?</kbd> for all shortcuts.
          </li>
        </ul>
      </div>
    </div>
  );
}
