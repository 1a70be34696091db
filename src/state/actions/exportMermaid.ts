import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const EXPORT_MERMAID_DIALOG = 'export-mermaid';

export const exportMermaidAction: Action = {
  id: 'export-mermaid',
  label: 'Export Mermaid…',
  description:
    'The diagram as Mermaid flowchart text for docs and READMEs, with a preview; imports back exactly.',
  menu: 'file',
  section: 3,
  order: 1,
  perform: () => useUiStore.getState().openDialog({ id: EXPORT_MERMAID_DIALOG }),
};
