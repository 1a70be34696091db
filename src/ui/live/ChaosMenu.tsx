// Right-click menus on the canvas: chaos for a box (crash/restart, slow down, error rate,
// rolling restart) or a link (cut/restore). Opened by Canvas through useChaosMenu.

import { useEffect, useRef } from 'react';
import type { ChaosAction } from '../../sim/api.ts';
import { crashChoices } from '../../state/crashChoices.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useChaosMenu } from '../../state/liveChaosMenu.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import './chaos.css';

export interface ChaosItem {
  label: string;
  action: ChaosAction;
}

/** What can be done to a box right now (restart only when it is down, and so on). */
export function nodeChaosItems(
  id: string,
  kind: string,
  live:
    | {
        replicas: number;
        replicasUp: number;
        slow: number;
        errorRate: number;
        figures?: Record<string, number>;
      }
    | undefined,
): ChaosItem[][] {
  const down = live !== undefined && live.replicas > 0 && live.replicasUp === 0;
  const can = crashChoices(live);
  const first: ChaosItem[] = [];
  if (can.crash) {
    first.push({
      label: can.primary ? 'Crash the primary' : 'Crash',
      action: { type: 'crash', node: id },
    });
  }
  if (can.restart) first.push({ label: 'Restart', action: { type: 'restart', node: id } });
  const items: ChaosItem[][] = [
    [
      { label: 'Slow down ×2', action: { type: 'slow', node: id, factor: 2 } },
      { label: 'Slow down ×5', action: { type: 'slow', node: id, factor: 5 } },
      { label: 'Slow down ×10', action: { type: 'slow', node: id, factor: 10 } },
    ],
    [
      { label: 'Fail 10% of requests', action: { type: 'errorRate', node: id, rate: 0.1 } },
      { label: 'Fail 50% of requests', action: { type: 'errorRate', node: id, rate: 0.5 } },
    ],
  ];
  if (first.length > 0) items.unshift(first);
  const healing: ChaosItem[] = [];
  if (live && live.slow !== 1)
    healing.push({ label: 'Normal speed', action: { type: 'slow', node: id, factor: 1 } });
  if (live && live.errorRate > 0)
    healing.push({ label: 'Stop failing', action: { type: 'errorRate', node: id, rate: 0 } });
  if (healing.length) items.push(healing);
  if ((kind === 'app' || kind === 'worker') && !down) {
    items.push([
      {
        label: 'Restart replicas one by one',
        action: { type: 'rollingRestart', node: id, downMs: 5000 },
      },
    ]);
  }
  return items;
}

export function ChaosMenu() {
  const target = useChaosMenu((s) => s.target);
  const close = useChaosMenu((s) => s.close);
  const doc = useDocumentStore((s) => s.doc);
  const live = useSimulationStore((s) =>
    target?.kind === 'node' ? s.nodes[target.id] : undefined,
  );
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!target) return;
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [target, close]);

  if (!target) return null;
  let title = '';
  let groups: ChaosItem[][] = [];
  if (target.kind === 'node') {
    const node = doc.nodes.find((n) => n.id === target.id);
    if (!node || node.kind === 'group') return null;
    title = node.label;
    groups = nodeChaosItems(node.id, node.kind, live);
  } else {
    const edge = doc.edges.find((e) => e.id === target.id);
    if (!edge) return null;
    const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
    title = `${label(edge.source)} → ${label(edge.target)}`;
    const cut = useSimulationStore.getState().cutEdges[edge.id] === true;
    groups = [
      [
        cut
          ? { label: 'Restore this link', action: { type: 'restore', edge: edge.id } }
          : { label: 'Cut this link', action: { type: 'cut', edge: edge.id } },
      ],
    ];
  }
  const run = (a: ChaosAction) => {
    useSimulationStore.getState().inject(a);
    close();
  };
  return (
    <div
      ref={ref}
      className="bp-chaosmenu"
      role="menu"
      aria-label={`Break ${title}`}
      style={{ left: target.x, top: target.y }}
    >
      <div className="bp-chaosmenu__title">Break {title}</div>
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed groups in a fixed order
        <div key={i} className="bp-chaosmenu__group">
          {g.map((item) => (
            <button key={item.label} type="button" role="menuitem" onClick={() => run(item.action)}>
              {item.label}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
