// Chaos on the selected box or link, from the Run menu (the same commands as the canvas's
// right-click menus and the inspector's chaos section).

import { crashChoices } from '../crashChoices.ts';
import { useDocumentStore } from '../documentStore.ts';
import { useSelectionStore } from '../selectionStore.ts';
import { useSimulationStore } from '../simulationStore.ts';
import type { Action } from './types.ts';

function selectedBox(): string | null {
  const ids = useSelectionStore.getState().nodeIds;
  if (ids.length !== 1) return null;
  const node = useDocumentStore.getState().doc.nodes.find((n) => n.id === ids[0]);
  return node && node.kind !== 'group' ? node.id : null;
}

function selectedLink(): string | null {
  const s = useSelectionStore.getState();
  return s.nodeIds.length === 0 && s.edgeIds.length === 1 ? s.edgeIds[0]! : null;
}

function choices(id: string) {
  return crashChoices(useSimulationStore.getState().nodes[id]);
}

export const crashAction: Action = {
  id: 'chaos-crash',
  label: 'Crash selected box',
  description: 'Take the selected box down (connections refused) while the run goes on.',
  menu: 'run',
  section: 3,
  order: 0,
  predicate: () => {
    const id = selectedBox();
    return id !== null && choices(id).crash;
  },
  perform: () => {
    const id = selectedBox();
    if (id) useSimulationStore.getState().inject({ type: 'crash', node: id });
  },
};

export const restartAction: Action = {
  id: 'chaos-restart',
  label: 'Restart selected box',
  description: 'Bring the selected box back up.',
  menu: 'run',
  section: 3,
  order: 1,
  predicate: () => {
    const id = selectedBox();
    return id !== null && choices(id).restart;
  },
  perform: () => {
    const id = selectedBox();
    if (id) useSimulationStore.getState().inject({ type: 'restart', node: id });
  },
};

export const cutLinkAction: Action = {
  id: 'chaos-cut',
  label: 'Cut selected link',
  description: 'Cut the selected connection: calls along it fail until it is restored.',
  menu: 'run',
  section: 3,
  order: 2,
  predicate: () => {
    const id = selectedLink();
    return id !== null && !useSimulationStore.getState().cutEdges[id];
  },
  perform: () => {
    const id = selectedLink();
    if (id) useSimulationStore.getState().inject({ type: 'cut', edge: id });
  },
};

export const restoreLinkAction: Action = {
  id: 'chaos-restore',
  label: 'Restore selected link',
  description: 'Reconnect the selected connection.',
  menu: 'run',
  section: 3,
  order: 3,
  predicate: () => {
    const id = selectedLink();
    return id !== null && useSimulationStore.getState().cutEdges[id] === true;
  },
  perform: () => {
    const id = selectedLink();
    if (id) useSimulationStore.getState().inject({ type: 'restore', edge: id });
  },
};
