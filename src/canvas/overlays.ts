// A hook for live state drawn on the boxes (queue lengths, utilization, crashed/slow marks).
// The live view registers a component; every box renders it in its status area with its id.
// Registering is reactive, so it can happen at any time after the canvas mounts.

import type { ComponentType } from 'react';
import { create } from 'zustand';

export interface NodeOverlayProps {
  nodeId: string;
}

interface OverlayState {
  NodeOverlay: ComponentType<NodeOverlayProps> | null;
}

export const useOverlayStore = create<OverlayState>()(() => ({ NodeOverlay: null }));

export function setNodeOverlay(component: ComponentType<NodeOverlayProps> | null): void {
  useOverlayStore.setState({ NodeOverlay: component });
}
