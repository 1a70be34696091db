// The app's inspector. Nothing is selected on the first screen: it shows the diagram's title
// and the how-to (DocumentPane.tsx), and the panes for a selection (every config field of a
// kind, link settings, chaos; Inspector.tsx) load on the first selection.

import { useDocumentStore } from '../../state/documentStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { Lazy, loadOnFirstUse } from '../Loading.tsx';
import { DocumentPane } from './DocumentPane.tsx';

const InspectorPane = loadOnFirstUse(() => import('./Inspector.tsx').then((m) => m.InspectorPane));

export function InspectorRoot() {
  const idle = useSelectionStore((s) => s.nodeIds.length + s.edgeIds.length === 0);
  const title = useDocumentStore((s) => s.doc.title);
  return (
    // With nothing selected it holds only the title and tips; a small window hides it then.
    <aside className={`bp-inspector${idle ? ' is-idle' : ''}`} aria-label="Inspector">
      {idle ? (
        <DocumentPane title={title} />
      ) : (
        <Lazy what="the inspector" fixed={false}>
          <InspectorPane />
        </Lazy>
      )}
    </aside>
  );
}
