// A box on the canvas that looks like the thing it is: a cylinder for a database, slots for
// a queue, a stack of cards when there are replicas, a person for clients. It shows its
// label, its kind and the one or two config values that matter, and leaves a status area
// (with data-node-id) for the live view's overlays.

import {
  Handle,
  type NodeProps,
  useConnection,
  useStore,
  useUpdateNodeInternals,
} from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { KINDS, numberOf } from '../../model/kinds.ts';
import { canConnect } from '../../model/rules.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { BIG_DIAGRAM, type BoxFlowNode, handleSides } from '../flow.ts';
import { KindIcon } from '../icons.tsx';
import { useOverlayStore } from '../overlays.ts';
import { summaryText } from '../summary.ts';
import { InlineRename } from './InlineRename.tsx';
import { labelFits } from './labelFit.ts';

const QUEUE_SLOTS = 8;
/** Below this zoom a big diagram's boxes are drawn plainly: their small print is unreadable. */
export const FAR_ZOOM = 0.45;

export const BoxNode = memo(function BoxNode({
  id,
  data,
  selected,
  isConnectable,
}: NodeProps<BoxFlowNode>) {
  const { node } = data;
  const spec = KINDS[node.kind];
  const renaming = useUiStore((s) => s.renaming === id);
  const sides = handleSides(useDocumentStore((s) => s.doc.direction));
  // Handles that move to other sides must be measured again for edges to follow them. Only
  // on a change: on mount React Flow measures by itself, and an early call here would let a
  // queued fit view run before the other new boxes are measured.
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredSide = useRef(sides.target);
  useEffect(() => {
    if (measuredSide.current === sides.target) return;
    measuredSide.current = sides.target;
    updateNodeInternals(id);
  }, [id, sides.target, updateNodeInternals]);
  const Overlay = useOverlayStore((s) => s.NodeOverlay);
  // A story step marks the box it adds ('new', pulsing) and boxes worth watching ('notice').
  const storyMark = useStoryStore((s) => s.marks[id]);
  // While a run goes on, an autoscaled box shows the replicas it has (serving:booting:draining).
  const scaled = useSimulationStore((s) => {
    if (s.status === 'idle') return null;
    const f = s.nodes[id];
    const booting = f?.figures.replicasStarting;
    return f === undefined || booting === undefined
      ? null
      : `${f.replicas}:${booting}:${f.figures.replicasDraining ?? 0}`;
  });
  const [liveReplicas, booting, draining] = scaled ? scaled.split(':').map(Number) : [0, 0, 0];
  const replicas = scaled
    ? liveReplicas!
    : node.kind === 'app' || node.kind === 'worker'
      ? numberOf(node.kind, node.config, 'replicas')
      : 1;
  // While a connection is dragged from another box, this whole box is a place to drop it
  // (not only its small left dot), and boxes it cannot go to fade so the choice is visible.
  const connectingFrom = useConnection((c) =>
    c.inProgress && c.fromHandle.type === 'source' && c.fromNode.id !== id ? c.fromNode.id : null,
  );
  const dropCheck = connectingFrom
    ? canConnect(useDocumentStore.getState().doc, connectingFrom, id)
    : null;
  // Far out in a big diagram the icon, kind and settings are a few pixels tall: left out,
  // they cost every box its share of each frame that changes anything.
  const big = farAllowed();
  const far = useStore((s) => s.transform[2] < FAR_ZOOM) && big;
  // A big diagram's name that fits goes unclipped: clipped, each cost its row of boxes a
  // compositor layer of its own (labelFit.ts). It looks the same.
  const unclipped = big && labelFits(node.label, node.kind, far);
  const sameAsKind = node.label.trim().toLowerCase() === spec.title.toLowerCase();
  const classes = [
    'bp-box',
    `bp-box--${node.kind}`,
    replicas > 1 ? 'bp-box--stack' : '',
    replicas > 2 ? 'bp-box--stack3' : '',
    selected ? 'is-selected' : '',
    dropCheck ? (dropCheck.ok ? 'is-drop-target' : 'is-drop-refused') : '',
    far ? 'bp-box--far' : '',
  ].join(' ');
  return (
    <div
      className={classes}
      data-node-id={id}
      data-kind={node.kind}
      data-story={storyMark}
      style={{ '--kind-color': spec.color } as React.CSSProperties}
    >
      <Handle
        type="target"
        position={sides.target}
        className="bp-handle"
        isConnectable={isConnectable}
      />
      <div className="bp-box__body">
        {far ? null : (
          <span className="bp-box__icon">
            <KindIcon kind={node.kind} size={18} />
          </span>
        )}
        <span className="bp-box__text">
          {renaming ? (
            <InlineRename id={id} label={node.label} className="bp-box__rename" />
          ) : (
            <span
              className={unclipped ? 'bp-box__label bp-box__label--fits' : 'bp-box__label'}
              title={node.label}
            >
              {node.label}
            </span>
          )}
          {/* The kind under the name, unless the name already says it ("nginx"). */}
          {far || (sameAsKind && replicas === 1 && !scaled) ? null : (
            <span className="bp-box__kind">
              {sameAsKind ? null : spec.title}
              {replicas > 1 || scaled ? (
                <span className="bp-box__replicas" data-replicas={replicas}>
                  {' '}
                  ×{replicas}
                </span>
              ) : null}
              {booting! > 0 ? (
                <span
                  className="bp-box__booting"
                  data-booting={booting}
                  title="Replicas booting (cold start): they take no traffic yet"
                >
                  +{booting} booting
                </span>
              ) : null}
              {draining! > 0 ? (
                <span
                  className="bp-box__draining"
                  title="Replicas draining: they finish what they hold, then go"
                >
                  −{draining} draining
                </span>
              ) : null}
            </span>
          )}
        </span>
      </div>
      {node.kind === 'queue' && !far ? (
        <span className="bp-box__slots" aria-hidden="true">
          {Array.from({ length: QUEUE_SLOTS }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed decorative slots
            <span key={i} className="bp-box__slot" />
          ))}
        </span>
      ) : null}
      {far ? null : <div className="bp-box__summary">{summaryText(node.kind, node.config)}</div>}
      {node.addedBy === 'import' ? (
        <span
          className="bp-box__added"
          data-testid="added-by-import"
          title="Added by the Mermaid import so that the diagram runs: nothing in it sent requests. Delete it (Del) if your diagram gets its traffic elsewhere."
        >
          added
        </span>
      ) : null}
      <div className="bp-box__status" data-status-for={id}>
        {Overlay ? <Overlay nodeId={id} /> : null}
      </div>
      <Handle
        type="source"
        position={sides.source}
        className="bp-handle"
        isConnectable={isConnectable}
      />
      {/* Refused drops land here too, so the user is told why instead of seeing nothing. */}
      {dropCheck ? (
        <Handle
          type="target"
          id="body"
          position={sides.target}
          className="bp-handle-body"
          title={dropCheck.ok ? undefined : dropCheck.reason}
        />
      ) : null}
    </div>
  );
});

/** Only a big diagram's boxes go plain when far: a small one stays as it always looked. */
function farAllowed(): boolean {
  return useDocumentStore.getState().doc.nodes.length >= BIG_DIAGRAM;
}
