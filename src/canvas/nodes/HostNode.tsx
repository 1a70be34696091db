// A host (group): a frame around the boxes it holds, with its label and cores in a title
// bar. Selected, it can be resized from its edges.

import { Handle, type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import { KINDS } from '../../model/kinds.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { hasArrows } from '../../state/docOps.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { handleSides, type HostFlowNode } from '../flow.ts';
import { KindIcon } from '../icons.tsx';
import { useOverlayStore } from '../overlays.ts';
import { summaryText } from '../summary.ts';
import { InlineRename } from './InlineRename.tsx';

export const HostNode = memo(function HostNode({ id, data, selected }: NodeProps<HostFlowNode>) {
  const { node } = data;
  const renaming = useUiStore((s) => s.renaming === id);
  const Overlay = useOverlayStore((s) => s.NodeOverlay);
  const sides = handleSides(useDocumentStore((s) => s.doc.direction));
  // Arrows drawn to or from a host (an import's `A --> Subgraph`) attach to its frame; the
  // editor connects boxes, so these handles take no new connections.
  const arrows = useDocumentStore((s) => hasArrows(s.doc, id));
  return (
    <div
      className={`bp-host${selected ? ' is-selected' : ''}`}
      data-node-id={id}
      data-kind="group"
      style={{ '--kind-color': KINDS.group.color } as React.CSSProperties}
    >
      <NodeResizer isVisible={selected} minWidth={200} minHeight={120} color="#2563eb" />
      {arrows ? (
        <>
          <Handle
            type="target"
            position={sides.target}
            className="bp-host__handle"
            isConnectable={false}
          />
          <Handle
            type="source"
            position={sides.source}
            className="bp-host__handle"
            isConnectable={false}
          />
        </>
      ) : null}
      <div className="bp-host__bar">
        <KindIcon kind="group" size={15} />
        {renaming ? (
          <InlineRename id={id} label={node.label} className="bp-host__rename" />
        ) : (
          <span className="bp-host__label">{node.label}</span>
        )}
        <span className="bp-host__meta">{summaryText('group', node.config)}</span>
        <span className="bp-box__status" data-status-for={id}>
          {Overlay ? <Overlay nodeId={id} /> : null}
        </span>
      </div>
    </div>
  );
});
