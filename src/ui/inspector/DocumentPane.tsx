// The inspector with nothing selected: the diagram's title and a short how-to (the first
// screen's inspector, InspectorRoot.tsx; Inspector.tsx shows it too).

import { setTitle } from '../../state/docOps.ts';
import { useDocumentStore } from '../../state/documentStore.ts';

export function DocumentPane({ title }: { title: string }) {
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
