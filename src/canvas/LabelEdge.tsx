// A connection with an optional label: for nginx the label is the path prefix it routes
// (`/api`). Double-click the connection to edit the label in place. A faint link (Mermaid's
// `~~~`) is drawn dashed and pale and carries nothing; a two-way arrow has both heads.
// Retries, a call timeout or a breaker show as a small badge under it, with the breaker's
// live state while a run plays.

import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { setEdgeLabel } from '../state/docOps.ts';
import { useDocumentStore } from '../state/documentStore.ts';
import { useSimulationStore } from '../state/simulationStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import type { FlowEdge } from './flow.ts';

export const LabelEdge = memo(function LabelEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected, markerEnd, markerStart } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const editing = useUiStore((s) => s.editingEdge === id);
  const cut = useSimulationStore((s) => s.cutEdges[id] === true);
  const breaker = useSimulationStore((s) => s.links[id]?.breaker ?? 'none');
  const label = data?.label ?? '';
  const guard = data?.guard ?? '';
  const below = (label ? 18 : 0) + (cut ? 18 : 0);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(data?.faint ? {} : { markerEnd })}
        {...(markerStart ? { markerStart } : {})}
        interactionWidth={18}
        className={[
          selected ? 'is-selected' : '',
          cut ? 'is-cut' : '',
          data?.faint ? 'is-faint' : '',
          data?.twoWay ? 'is-two-way' : '',
        ]
          .filter(Boolean)
          .join(' ')}
      />
      {cut ? (
        <EdgeLabelRenderer>
          <div
            className="bp-edge-cut"
            // Below the label when there is one, so both stay readable.
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + (label ? 18 : 0)}px)`,
            }}
            title="This link is cut: every call along it fails"
          >
            ✂ cut
          </div>
        </EdgeLabelRenderer>
      ) : null}
      {guard ? (
        <EdgeLabelRenderer>
          <div
            className={`bp-edge-guard is-${breaker}`}
            data-testid="edge-guard"
            data-edge-id={id}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + below}px)`,
            }}
            title="What the caller does when calls along this connection fail (see the inspector)"
          >
            {breaker === 'open' || breaker === 'half-open' ? `${guard}: ${breaker}` : guard}
          </div>
        </EdgeLabelRenderer>
      ) : null}
      {editing || label ? (
        <EdgeLabelRenderer>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the inspector edits the label by keyboard */}
          <div
            className={`bp-edge-label nodrag nopan${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-edge-id={id}
            onDoubleClick={() => {
              if (!useDocumentStore.getState().locked) useUiStore.getState().setEditingEdge(id);
            }}
          >
            {editing ? <EdgeLabelInput id={id} label={label} /> : label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

function EdgeLabelInput({ id, label }: { id: string; label: string }) {
  const [text, setText] = useState(label);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && text.trim() !== label) {
      useDocumentStore
        .getState()
        .change('Edit connection label', (doc) => setEdgeLabel(doc, id, text.trim()));
    }
    useUiStore.getState().setEditingEdge(null);
  };
  return (
    <input
      ref={ref}
      className="bp-edge-label__input"
      aria-label="Connection label (path prefix)"
      placeholder="/api"
      value={text}
      maxLength={500}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
