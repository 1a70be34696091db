// Which component shows which dialog id. To add a dialog: write the component, add it here,
// and open it with `useUiStore.getState().openDialog({ id: 'your-id' })` (e.g. from an action).

import { type ComponentType, lazy, Suspense } from 'react';
import { useUiStore, type DialogRequest } from '../state/uiStore.ts';
import { ProblemDialog } from '../ui/dialogs/ProblemDialog.tsx';
import { ShortcutsDialog } from '../ui/dialogs/ShortcutsDialog.tsx';
import { ExportMermaidDialog } from '../ui/mermaid/ExportMermaidDialog.tsx';
import { ImportMermaidDialog } from '../ui/mermaid/ImportMermaidDialog.tsx';
import { EmbedDialog } from '../ui/share/EmbedDialog.tsx';
import { ShareDialog } from '../ui/share/ShareDialog.tsx';
import { StoryPicker } from '../ui/story/StoryPicker.tsx';
import { ChallengePicker } from '../ui/challenge/ChallengePicker.tsx';

// The Compose / nginx.conf dialogs bring the YAML parser and the zip writer: loaded on
// first use, so the first page stays small.
const ImportConfigDialog = lazy(() =>
  import('../ui/config/ImportConfigDialog.tsx').then((m) => ({ default: m.ImportConfigDialog })),
);
const ExportConfigDialog = lazy(() =>
  import('../ui/config/ExportConfigDialog.tsx').then((m) => ({ default: m.ExportConfigDialog })),
);

export interface DialogProps {
  request: DialogRequest;
  onClose: () => void;
}

export const DIALOGS: Record<string, ComponentType<DialogProps>> = {
  shortcuts: ({ onClose }) => <ShortcutsDialog onClose={onClose} />,
  problem: ProblemDialog,
  share: ({ onClose }) => <ShareDialog onClose={onClose} />,
  embed: ({ onClose }) => <EmbedDialog onClose={onClose} />,
  'story-picker': ({ onClose }) => <StoryPicker onClose={onClose} />,
  'challenge-picker': ({ onClose }) => <ChallengePicker onClose={onClose} />,
  'import-mermaid': ({ onClose }) => <ImportMermaidDialog onClose={onClose} />,
  'export-mermaid': ({ onClose }) => <ExportMermaidDialog onClose={onClose} />,
  'import-config': ({ onClose }) => (
    <Suspense fallback={null}>
      <ImportConfigDialog onClose={onClose} />
    </Suspense>
  ),
  'export-compose': ({ onClose }) => (
    <Suspense fallback={null}>
      <ExportConfigDialog onClose={onClose} start="compose" />
    </Suspense>
  ),
  'export-nginx': ({ onClose }) => (
    <Suspense fallback={null}>
      <ExportConfigDialog onClose={onClose} start="nginx" />
    </Suspense>
  ),
};

export function Dialogs() {
  const request = useUiStore((s) => s.dialog);
  const close = useUiStore((s) => s.closeDialog);
  if (!request) return null;
  const Component = DIALOGS[request.id];
  return Component ? <Component request={request} onClose={close} /> : null;
}
