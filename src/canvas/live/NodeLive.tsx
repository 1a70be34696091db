// A box's live state, drawn in its status area while a run exists: a utilization ring,
// the queue, requests in flight, pool use, cache hit ratio, errors; "down" and "slow ×k"
// marks; the bottleneck highlight. Hovering the box shows every live figure.

import { useStore } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { KIND_DECLS } from '../../kinds/index.ts';
import { type NumberKey, numberOf } from '../../model/kinds.ts';
import type { NodeKind } from '../../model/types.ts';
import { nodeById } from '../../state/docOps.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import type { LiveNode } from '../../worker/liveProtocol.ts';
import { BIG_DIAGRAM } from '../flow.ts';
import { FAR_ZOOM } from '../nodes/BoxNode.tsx';
import type { NodeOverlayProps } from '../overlays.ts';
import './nodeLive.css';

const RING_R = 7;
const RING_C = 2 * Math.PI * RING_R;

export function utilizationColor(u: number): string {
  if (u >= 0.95) return '#dc2626';
  if (u >= 0.75) return '#d97706';
  return '#16a34a';
}

const fmt = (x: number) =>
  x >= 100 ? Math.round(x).toString() : x >= 10 ? x.toFixed(0) : x.toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export const NodeLive = memo(function NodeLive({ nodeId }: NodeOverlayProps) {
  const live = useSimulationStore((s) => (s.status === 'idle' ? undefined : s.nodes[nodeId]));
  const hot = useSimulationStore((s) => s.callout?.nodeId === nodeId && s.callout.tone !== 'ok');
  const queueLimit = useDocumentStore((s) => {
    // Every box on screen asks on every change: an index, not a search of every box.
    const n = nodeById(s.doc, nodeId);
    if (!n || !KIND_DECLS[n.kind].live?.queueBar) return 0;
    return numberOf(n.kind, n.config, 'queueLimit' as NumberKey<NodeKind>);
  });
  // The tooltip of every figure is built only while the pointer is over the box (it shows
  // on hover only): a big diagram's boxes otherwise rewrote rows nobody sees on every
  // update of the live figures.
  const root = useRef<HTMLSpanElement>(null);
  const hovered = useHovered(root, live !== undefined);
  // Far out in a big diagram (where the box itself leaves out its small print) only the
  // ring and a "down" mark are drawn: the badges would be a pixel or two tall, and laying
  // out hundreds of them several times a second held every frame up. Hovering a box still
  // shows all its figures, and the Boxes table has them exactly.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM) && farAllowed();
  const shows = live ? KIND_DECLS[live.kind as NodeKind]?.live : undefined;
  if (!live || shows?.none) return null;
  const down = live.replicas > 0 && live.replicasUp === 0;
  const roles = replicaRoles(live);
  // A database's replicas say their roles instead of "n/m up".
  const partly = !down && roles === null && live.replicasUp < live.replicas;
  const poolSize = (live.figures.poolSize ?? 0) * Math.max(1, live.replicasUp);
  const hitRatio = live.figures.hitRatio;
  const showRing = !shows?.sendsRate;
  return (
    <span
      ref={root}
      className={`bp-live${down ? ' bp-live--down' : ''}${hot ? ' bp-live--hot' : ''}`}
      data-live-node={nodeId}
      data-down={down ? 'true' : undefined}
    >
      {down ? <span className="bp-live__badge bp-live__badge--down">down</span> : null}
      {far ? null : (
        <>
          {partly ? (
            <span className="bp-live__badge bp-live__badge--warn">
              {live.replicasUp}/{live.replicas} up
            </span>
          ) : null}
          {roles !== null ? (
            <span
              className={`bp-live__badge${roles.warn ? ' bp-live__badge--warn' : ''}`}
              data-replica-roles={roles.text}
              title="Database roles: the primary takes writes, replicas answer reads"
            >
              {roles.text}
            </span>
          ) : null}
          {live.slow !== 1 ? (
            <span className="bp-live__badge bp-live__badge--warn">
              slow ×{Number.isInteger(live.slow) ? live.slow : fmt(live.slow)}
            </span>
          ) : null}
          {live.errorRate > 0 ? (
            <span className="bp-live__badge bp-live__badge--warn">fail {pct(live.errorRate)}</span>
          ) : null}
          {live.errorsPerS > 0 ? (
            <span className="bp-live__badge bp-live__badge--err" data-errors={live.errorsPerS}>
              {fmt(live.errorsPerS)} err/s
            </span>
          ) : null}
          {hitRatio !== undefined && shows?.hitRatio ? (
            <span className="bp-live__badge">hit {pct(hitRatio)}</span>
          ) : null}
          {poolSize > 0 ? (
            <span className="bp-live__badge" title="Database connections in use / pool size">
              pool {Math.round(live.figures.poolInUse ?? 0)}/{poolSize}
            </span>
          ) : null}
          {live.queue > 0 || queueLimit > 0 ? (
            // Each replica running now has its own queue (an autoscaled box's come and go).
            <QueueBar queue={live.queue} limit={queueLimit * Math.max(1, live.replicas)} />
          ) : null}
          {shows?.sendsRate ? (
            <span className="bp-live__badge">{fmt(live.rps)} req/s</span>
          ) : (
            <span className="bp-live__badge" title="Requests in flight at this box">
              {Math.round(live.inFlight)} in
            </span>
          )}
        </>
      )}
      {showRing ? <Ring u={down ? 0 : live.utilization} far={far} /> : null}
      {hovered ? <Tip live={live} /> : null}
    </span>
  );
});

/**
 * A database with read replicas: "primary + 2 replicas", "promoting…" while a replica is
 * being promoted, "no primary" when none is up to take writes (null: no replicas).
 */
export function replicaRoles(live: LiveNode): { text: string; warn: boolean } | null {
  const f = live.figures;
  if (f.readReplicas === undefined || live.replicasUp === 0) return null;
  if (f.promoting === 1) return { text: 'promoting…', warn: true };
  const n = f.readReplicas;
  const replicas = `${n} ${n === 1 ? 'replica' : 'replicas'}`;
  if (f.primaryUp !== 1) return { text: `no primary + ${replicas}`, warn: true };
  return { text: `primary + ${replicas}`, warn: n + 1 < live.replicas };
}

function farAllowed(): boolean {
  return useDocumentStore.getState().doc.nodes.length >= BIG_DIAGRAM;
}

/** Whether the pointer is over the box (React Flow's node) that holds `ref`. */
function useHovered(ref: React.RefObject<HTMLElement | null>, mounted: boolean): boolean {
  const [hovered, setHovered] = useState(false);
  useEffect(() => {
    const box = mounted ? ref.current?.closest('.react-flow__node') : null;
    if (!box) return;
    if (box.matches(':hover')) setHovered(true);
    const enter = () => setHovered(true);
    const leave = () => setHovered(false);
    box.addEventListener('pointerenter', enter);
    box.addEventListener('pointerleave', leave);
    return () => {
      box.removeEventListener('pointerenter', enter);
      box.removeEventListener('pointerleave', leave);
    };
  }, [ref, mounted]);
  return hovered;
}

/**
 * Drawn again only when what it shows changes (the figure to the hundredth, as written in
 * data-utilization and the title): a big diagram's rings otherwise relaid their drawing on
 * every update for changes far below a pixel.
 */
const Ring = memo(
  RingView,
  (a, b) =>
    a.far === b.far &&
    a.u.toFixed(2) === b.u.toFixed(2) &&
    Math.round(a.u * 100) === Math.round(b.u * 100),
);

/** `far`: the ring without the number in it (a pixel or two tall out there). */
function RingView({ u, far }: { u: number; far: boolean }) {
  const color = utilizationColor(u);
  return (
    <span className="bp-live__ring" data-utilization={u.toFixed(2)} title={`Utilization ${pct(u)}`}>
      <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r={RING_R} fill="#fff" stroke="#e2e8f0" strokeWidth="3" />
        <circle
          cx="10"
          cy="10"
          r={RING_R}
          fill="none"
          stroke={color}
          strokeWidth="3"
          strokeDasharray={`${Math.min(1, u) * RING_C} ${RING_C}`}
          transform="rotate(-90 10 10)"
          strokeLinecap="round"
        />
      </svg>
      {far ? null : (
        <span className="bp-live__ringtext" style={{ color }}>
          {Math.round(u * 100)}
        </span>
      )}
    </span>
  );
}

function QueueBar({ queue, limit }: { queue: number; limit: number }) {
  const fill = limit > 0 ? Math.min(1, queue / limit) : Math.min(1, queue / 50);
  return (
    <span
      className="bp-live__badge bp-live__queue"
      data-queue={Math.round(queue)}
      title="Queue length"
    >
      q {Math.round(queue)}
      <span className="bp-live__qbar">
        <span
          style={{ width: `${fill * 100}%`, background: fill >= 0.9 ? '#dc2626' : '#f59e0b' }}
        />
      </span>
    </span>
  );
}

function Tip({ live }: { live: LiveNode }) {
  const rows: [string, string][] = [
    ['Arrivals', `${fmt(live.rps)} req/s`],
    ['Utilization', pct(live.utilization)],
    ['Queue', `${Math.round(live.queue)}`],
    ['In flight', `${Math.round(live.inFlight)}`],
    ['Errors', `${fmt(live.errorsPerS)}/s (${Math.round(live.errors)} total)`],
    ['Completed', `${Math.round(live.completed)}`],
  ];
  if (live.replicas > 1) rows.push(['Replicas up', `${live.replicasUp} of ${live.replicas}`]);
  const booting = live.figures.replicasStarting;
  if (booting !== undefined) {
    // Autoscaled: what it asked for last, and the replicas coming and going.
    rows.push(['Autoscaler wants', `${Math.round(live.figures.desiredReplicas ?? 0)} replicas`]);
    if (booting > 0) rows.push(['Booting', `${booting}`]);
    if (live.figures.replicasDraining) {
      rows.push(['Draining', `${live.figures.replicasDraining}`]);
    }
  }
  if (live.figures.hitRatio !== undefined) rows.push(['Hit ratio', pct(live.figures.hitRatio)]);
  if (live.figures.replicaReads !== undefined) {
    rows.push(['Replica reads', `${Math.round(live.figures.replicaReads)}`]);
    rows.push([
      'Stale reads',
      `${Math.round(live.figures.staleReads ?? 0)} (${pct(live.figures.staleShare ?? 0)})`,
    ]);
    if (live.figures.failovers) rows.push(['Failovers', `${live.figures.failovers}`]);
  }
  if (live.figures.poolSize) {
    rows.push(['Pool in use', `${Math.round(live.figures.poolInUse ?? 0)}`]);
    rows.push(['Pool waits', `${Math.round(live.figures.poolWaits ?? 0)}`]);
  }
  if (live.figures.connections !== undefined) {
    rows.push(['Connections', `${Math.round(live.figures.connections)}`]);
  }
  if (live.slow !== 1) rows.push(['Slowed', `×${fmt(live.slow)}`]);
  return (
    <span className="bp-live__tip" role="tooltip">
      {rows.map(([k, v]) => (
        <span key={k} className="bp-live__tiprow">
          <span>{k}</span>
          <b>{v}</b>
        </span>
      ))}
    </span>
  );
}
