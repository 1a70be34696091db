// File → Import Mermaid…: opens the import dialog, empty or with a dropped/opened file's
// text. The dialog (src/ui/mermaid) reads the pending file from the store below, so the
// canvas's file drop can hand a .mmd/.md file over without importing UI code.

import { create } from 'zustand';
import { refuseFile, useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export interface MermaidImportSource {
  text: string;
  fileName: string;
}

export const useMermaidImportSource = create<{
  source: MermaidImportSource | null;
  take: () => MermaidImportSource | null;
}>()((set, get) => ({
  source: null,
  take: () => {
    const s = get().source;
    set({ source: null });
    return s;
  },
}));

export const IMPORT_MERMAID_DIALOG = 'import-mermaid';

/** Opens the import dialog, optionally with a file's text already in it. */
export function openMermaidImport(source?: MermaidImportSource): void {
  useMermaidImportSource.setState({ source: source ?? null });
  useUiStore.getState().openDialog({ id: IMPORT_MERMAID_DIALOG });
}

/** A dropped or picked .mmd / .md file → the import dialog with its text. */
export async function openMermaidFile(file: File): Promise<void> {
  if (file.size > 5_000_000) {
    refuseFile(
      `Could not import ${file.name}`,
      'the file is larger than 5 MB; a Mermaid diagram is much smaller',
    );
    return;
  }
  openMermaidImport({ text: await file.text(), fileName: file.name });
}

export const importMermaidAction: Action = {
  id: 'import-mermaid',
  label: 'Import Mermaid…',
  description:
    'Turn a Mermaid flowchart (pasted, or a .mmd / .md file) into a diagram you can run.',
  menu: 'file',
  section: 3,
  order: 0,
  perform: () => openMermaidImport(),
};
