// Which right-click chaos menu is open (a box or a link, and where). The canvas opens it;
// src/ui/live/ChaosMenu.tsx renders it.

import { create } from 'zustand';

export interface ChaosMenuTarget {
  kind: 'node' | 'edge';
  id: string;
  x: number;
  y: number;
}

interface ChaosMenuState {
  target: ChaosMenuTarget | null;
  open: (target: ChaosMenuTarget) => void;
  close: () => void;
}

export const useChaosMenu = create<ChaosMenuState>()((set) => ({
  target: null,
  open: (target) => set({ target }),
  close: () => set({ target: null }),
}));
