// The right-hand inspector: edits whatever is selected. A box shows its label and every
// config field of its kind (generated from the catalogue), a connection its label and what
// the caller does when calls along it fail (retries, timeout, breaker), a
// multi-selection its count, and nothing selected the diagram's title and a short how-to.
// The app shows InspectorRoot.tsx, which loads this on the first selection.

import { useState } from 'react';
import { KindIcon } from '../../canvas/icons.tsx';
import { KINDS } from '../../model/kinds.ts';
import { prefixOf } from '../../model/routing.ts';
import type { ConfigValue, TopologyEdge, TopologyNode } from '../../model/types.ts';
import { deleteSelection, duplicateSelection } from '../../state/commands.ts';
import { renameNode, setConfigValue, setEdgeLabel } from '../../state/docOps.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { BoxCostLine } from '../challenge/CostLines.tsx';
import { ChaosSection, LinkChaos } from '../live/ChaosSection.tsx';
import { DocumentPane } from './DocumentPane.tsx';
import { BooleanSwitch, EnumSelect, NumberInput, RoutesTable, TextInput } from './fields.tsx';
import { LinkSettings } from './LinkSettings.tsx';
import { ReplayPane } from './ReplayPane.tsx';

export function Inspector() {
  const idle = useSelectionStore((s) => s.nodeIds.length + s.edgeIds.length === 0);
  return (
    // With nothing selected it holds only the title and tips; a small window hides it then.
    <aside className={`bp-inspector${idle ? ' is-idle' : ''}`} aria-label="Inspector">
      <InspectorPane />
    </aside>
  );
}

/** What the inspector shows for the selection (or for none), without its frame. */
export function InspectorPane() {
  const doc = useDocumentStore((s) => s.doc);
  const nodeIds = useSelectionStore((s) => s.nodeIds);
  const edgeIds = useSelectionStore((s) => s.edgeIds);
  const count = nodeIds.length + edgeIds.length;
  if (count === 0) return <DocumentPane title={doc.title} />;
  if (count > 1) return <MultiPane nodes={nodeIds.length} edges={edgeIds.length} />;
  if (nodeIds.length === 1) {
    const node = doc.nodes.find((n) => n.id === nodeIds[0]);
    return node ? <NodePane key={node.id} node={node} /> : <DocumentPane title={doc.title} />;
  }
  const edge = doc.edges.find((e) => e.id === edgeIds[0]);
  return edge ? (
    <EdgePane key={edge.id} edge={edge} nodes={doc.nodes} />
  ) : (
    <DocumentPane title={doc.title} />
  );
}

function MultiPane({ nodes, edges }: { nodes: number; edges: number }) {
  const parts = [
    nodes ? `${nodes} box${nodes > 1 ? 'es' : ''}` : '',
    edges ? `${edges} connection${edges > 1 ? 's' : ''}` : '',
  ];
  return (
    <div className="bp-inspector__pane">
      <h2 className="bp-panel-title">Selection</h2>
      <p className="bp-inspector__count" aria-live="polite">
        {parts.filter(Boolean).join(' and ')} selected
      </p>
      <div className="bp-inspector__buttons">
        <button
          type="button"
          className="bp-btn"
          disabled={nodes === 0}
          onClick={duplicateSelection}
        >
          Duplicate
        </button>
        <button type="button" className="bp-btn bp-btn--danger" onClick={deleteSelection}>
          Delete
        </button>
      </div>
    </div>
  );
}

function NodePane({ node }: { node: TopologyNode }) {
  const spec = KINDS[node.kind];
  const commit = (key: string, value: ConfigValue) =>
    useDocumentStore
      .getState()
      .change(
        `Edit ${spec.fields.find((f) => f.key === key)?.label ?? key}`,
        (d) => setConfigValue(d, node.id, key, value),
        {
          coalesce: `config:${node.id}:${key}`,
        },
      );
  return (
    <div className="bp-inspector__pane">
      <div
        className="bp-inspector__head"
        style={{ '--kind-color': spec.color } as React.CSSProperties}
      >
        <span className="bp-inspector__icon">
          <KindIcon kind={node.kind} size={20} />
        </span>
        <div>
          <div className="bp-inspector__kind">{spec.title}</div>
          <p className="bp-inspector__blurb">{spec.blurb}</p>
        </div>
      </div>
      <div className="bp-field">
        <label className="bp-field__label" htmlFor="node-label">
          Name
        </label>
        <NameInput node={node} />
      </div>
      <BoxCostLine node={node} />
      <h3 className="bp-inspector__section">Settings</h3>
      {node.kind === 'client' ? <ReplayPane node={node} /> : null}
      {spec.fields.map((field) => {
        if (field.inspector === false) return null;
        const value = node.config[field.key];
        const onCommit = (v: ConfigValue) => commit(field.key, v);
        switch (field.type) {
          case 'number':
            return <NumberInput key={field.key} field={field} value={value} onCommit={onCommit} />;
          case 'enum':
            return <EnumSelect key={field.key} field={field} value={value} onCommit={onCommit} />;
          case 'boolean':
            return (
              <BooleanSwitch key={field.key} field={field} value={value} onCommit={onCommit} />
            );
          case 'text':
            return <TextInput key={field.key} field={field} value={value} onCommit={onCommit} />;
          case 'routes':
            return <RoutesTable key={field.key} field={field} value={value} onCommit={onCommit} />;
        }
        return null;
      })}
      <ChaosSection node={node} />
      <p className="bp-inspector__id">
        id <code>{node.id}</code>
      </p>
    </div>
  );
}

function EdgePane({ edge, nodes }: { edge: TopologyEdge; nodes: TopologyNode[] }) {
  const from = nodes.find((n) => n.id === edge.source);
  const to = nodes.find((n) => n.id === edge.target);
  return (
    <div className="bp-inspector__pane">
      <h2 className="bp-panel-title">Connection</h2>
      <p className="bp-inspector__route">
        {from?.label ?? edge.source} <span aria-hidden="true">→</span>
        <span className="bp-sr"> to </span> {to?.label ?? edge.target}
      </p>
      <div className="bp-field">
        <label className="bp-field__label" htmlFor="edge-label">
          Label (path prefix)
        </label>
        <input
          id="edge-label"
          className="bp-input"
          placeholder="/api"
          value={edge.label ?? ''}
          maxLength={500}
          aria-describedby="edge-label-help"
          onChange={(e) => {
            const text = e.target.value;
            useDocumentStore
              .getState()
              .change('Edit connection label', (d) => setEdgeLabel(d, edge.id, text), {
                coalesce: `edge:${edge.id}`,
              });
          }}
        />
        <EdgeLabelHelp routes={from?.kind === 'proxy'} label={edge.label ?? ''} />
      </div>
      <LinkSettings edge={edge} />
      <LinkChaos edge={edge} />
      <button type="button" className="bp-btn bp-btn--danger" onClick={deleteSelection}>
        Delete connection
      </button>
    </div>
  );
}

/**
 * The box's name. While typing, the field may be empty on the way to a new name; the box
 * keeps its last non-empty name, and leaving the field empty puts that name back.
 */
function NameInput({ node }: { node: TopologyNode }) {
  const [draft, setDraft] = useState<string | null>(null);
  const empty = draft !== null && !draft.trim();
  return (
    <>
      <input
        id="node-label"
        className="bp-input"
        value={draft ?? node.label}
        maxLength={500}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? 'node-label-err' : undefined}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim())
            useDocumentStore.getState().change('Rename', (d) => renameNode(d, node.id, text), {
              coalesce: `label:${node.id}`,
            });
        }}
        onBlur={() => setDraft(null)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      {empty ? (
        <p className="bp-field__error" id="node-label-err" role="alert">
          A box needs a name: it keeps “{node.label}” until you type one.
        </p>
      ) : null}
    </>
  );
}

/** What a connection's label does: for nginx a route, for anything else only a name. */
function EdgeLabelHelp({ routes, label }: { routes: boolean; label: string }) {
  if (!routes) {
    return (
      <p className="bp-field__help" id="edge-label-help">
        A name on the diagram. Only nginx routes by connection labels (path prefixes such as /api);
        from here requests go along every connection as usual.
      </p>
    );
  }
  const plain = label.trim() !== '' && prefixOf(label) === null;
  return (
    <>
      <p className="bp-field__help" id="edge-label-help">
        nginx sends a request along the connection whose label is the longest prefix of its path
        (e.g. /api, /images); an unlabelled connection takes everything else. Double-click a
        connection to edit its label on the canvas.
      </p>
      {plain ? (
        <p className="bp-field__error" role="status">
          “{label.trim()}” does not start with “/”, so it is not a path prefix: this connection
          takes everything the others do not match.
        </p>
      ) : null}
    </>
  );
}
