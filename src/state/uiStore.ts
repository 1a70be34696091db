// Editor chrome state: which dialog is open, messages (toasts), panels and view toggles.

import { createStore, type StoreApi } from 'zustand';
import { storeSlot } from './slot.ts';
import type { DocIssue } from '../model/paths.ts';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** Extra lines, e.g. JSON paths of a file that could not be opened. */
  details?: string[];
}

/** A dialog is opened by id; App renders the matching component from src/app/dialogs.tsx. */
export interface DialogRequest {
  id: string;
  /** For the built-in "problem" dialog: a title and the issues found. */
  title?: string;
  message?: string;
  issues?: DocIssue[];
}

export interface UiState {
  dialog: DialogRequest | null;
  toasts: Toast[];
  bottomPanelOpen: boolean;
  minimap: boolean;
  snapToGrid: boolean;
  hintVisible: boolean;
  /** Inline rename in progress on the canvas (node id). */
  renaming: string | null;
  /** Connection whose label is being edited on the canvas. */
  editingEdge: string | null;
  /** Something big is being opened: the progress note over the canvas says what. */
  busy: string | null;
  /** Draw every box of a big diagram, not only those near the view (for an image export). */
  drawAll: boolean;
  openDialog: (dialog: DialogRequest) => void;
  closeDialog: () => void;
  notify: (tone: ToastTone, message: string, details?: string[]) => number;
  dismissToast: (id: number) => void;
  setBottomPanelOpen: (open: boolean) => void;
  toggleMinimap: () => void;
  toggleSnapToGrid: () => void;
  setHintVisible: (visible: boolean) => void;
  setRenaming: (id: string | null) => void;
  setEditingEdge: (id: string | null) => void;
  setBusy: (message: string | null) => void;
  setDrawAll: (drawAll: boolean) => void;
}

const TOAST_MS: Record<ToastTone, number> = {
  info: 4000,
  success: 3000,
  warning: 7000,
  error: 8000,
};
let nextToast = 1;

/**
 * How long a toast stays: its tone's time, or longer when it has more to read (about a
 * fifth of a second per word past a short glance), so a two-sentence message is not gone
 * before it has been read.
 */
export function toastLifetime(tone: ToastTone, message: string, details?: string[]): number {
  const words = [message, ...(details ?? [])].join(' ').split(/\s+/).filter(Boolean).length;
  return Math.max(TOAST_MS[tone], 2000 + words * 280);
}

/**
 * A store of its own: the app has one, in `useUiStore`; a TestEditor makes one per test.
 */
export function createUiStore(): StoreApi<UiState> {
  return createStore<UiState>()((set, get) => ({
    dialog: null,
    toasts: [],
    bottomPanelOpen: true,
    minimap: true,
    snapToGrid: true,
    hintVisible: false,
    renaming: null,
    editingEdge: null,
    busy: null,
    drawAll: false,
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    notify: (tone, message, details) => {
      const id = nextToast++;
      const toast: Toast = details?.length ? { id, tone, message, details } : { id, tone, message };
      // The same message twice in a row shows once (e.g. repeated invalid drags).
      set((s) => ({ toasts: [...s.toasts.filter((t) => t.message !== message), toast].slice(-4) }));
      setTimeout(() => get().dismissToast(id), toastLifetime(tone, message, details));
      return id;
    },
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    setBottomPanelOpen: (bottomPanelOpen) => set({ bottomPanelOpen }),
    toggleMinimap: () => set((s) => ({ minimap: !s.minimap })),
    toggleSnapToGrid: () => set((s) => ({ snapToGrid: !s.snapToGrid })),
    setHintVisible: (hintVisible) => set({ hintVisible }),
    setRenaming: (renaming) => set({ renaming }),
    setEditingEdge: (editingEdge) => set({ editingEdge }),
    setBusy: (busy) => set({ busy }),
    setDrawAll: (drawAll) => set({ drawAll }),
  }));
}

const uiStore = storeSlot(() => createUiStore());
export const useUiStore = uiStore.hook;
/** Where `useUiStore` finds its store (TestEditor swaps it). */
export const uiSlot = uiStore.slot;

export const notify = (tone: ToastTone, message: string, details?: string[]) =>
  useUiStore.getState().notify(tone, message, details);

/** A file turned away before it is read: the problem dialog says why; nothing changes. */
export function refuseFile(title: string, reason: string): void {
  useUiStore.getState().openDialog({
    id: 'problem',
    title,
    message: 'Your diagram was not changed.',
    issues: [{ path: '$', message: reason }],
  });
}

/** A wait long enough to notice: loading notes show only past it (no flash on a fast load). */
export const SLOW_MS = 100;

/**
 * Waits for `loading` (code loaded on first use) with `message` in the busy note if it takes
 * over SLOW_MS, so a slow connection never leaves a link unanswered.
 */
export async function whileLoading<T>(message: string, loading: Promise<T>): Promise<T> {
  const timer = setTimeout(() => useUiStore.getState().setBusy(message), SLOW_MS);
  try {
    return await loading;
  } finally {
    clearTimeout(timer);
    if (useUiStore.getState().busy === message) useUiStore.getState().setBusy(null);
  }
}
