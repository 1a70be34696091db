// File → Import Docker Compose / nginx.conf…: opens the import dialog, empty or with a
// dropped or opened file's text. The dialog (src/ui/config) reads the pending file from the
// store below, so the canvas's file drop can hand a compose.yaml or nginx.conf over.

import { create } from 'zustand';
import { formatOfName } from '../../io/config/detect.ts';
import { refuseFile, useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export interface ConfigImportSource {
  text: string;
  fileName: string;
}

export const useConfigImportSource = create<{
  source: ConfigImportSource | null;
  take: () => ConfigImportSource | null;
}>()((set, get) => ({
  source: null,
  take: () => {
    const s = get().source;
    set({ source: null });
    return s;
  },
}));

export const IMPORT_CONFIG_DIALOG = 'import-config';

/** A compose file (`.yml`, `.yaml`) or an nginx config (`.conf`, `nginx.conf`). */
export function isConfigFileName(name: string): boolean {
  const f = formatOfName(name);
  return f === 'compose' || f === 'nginx';
}

export function openConfigImport(source?: ConfigImportSource): void {
  useConfigImportSource.setState({ source: source ?? null });
  useUiStore.getState().openDialog({ id: IMPORT_CONFIG_DIALOG });
}

/** A dropped or picked compose.yaml / nginx.conf → the import dialog with its text. */
export async function openConfigFile(file: File): Promise<void> {
  if (file.size > 2_000_000) {
    refuseFile(
      `Could not import ${file.name}`,
      'the file is larger than 2 MB; a config file is much smaller',
    );
    return;
  }
  openConfigImport({ text: await file.text(), fileName: file.name });
}

export const importConfigAction: Action = {
  id: 'import-config',
  label: 'Import Docker Compose / nginx.conf…',
  description:
    'Turn a compose.yaml or an nginx.conf (pasted, opened or dropped) into a diagram you can run.',
  menu: 'file',
  section: 4,
  order: 0,
  perform: () => openConfigImport(),
};
