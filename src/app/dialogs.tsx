// Which component shows which dialog id. To add a dialog: write the component, add it here,
// and open it with `useUiStore.getState().openDialog({ id: 'your-id' })` (e.g. from an action).
//
// Every dialog is loaded on first use (the first page carries none of them: Mermaid's
// parser, the image export, the config files' YAML and zip code, the pickers); a "Loading
// the dialog…" note shows if that takes longer than 100 ms.

import { type ComponentType, lazy } from 'react';
import { useUiStore, type DialogRequest } from '../state/uiStore.ts';
import { Lazy } from '../ui/Loading.tsx';

const ProblemDialog = lazy(() =>
  import('../ui/dialogs/ProblemDialog.tsx').then((m) => ({ default: m.ProblemDialog })),
);
const ShortcutsDialog = lazy(() =>
  import('../ui/dialogs/ShortcutsDialog.tsx').then((m) => ({ default: m.ShortcutsDialog })),
);
const VersionsDialog = lazy(() =>
  import('../ui/dialogs/VersionsDialog.tsx').then((m) => ({ default: m.VersionsDialog })),
);
const ExportMermaidDialog = lazy(() =>
  import('../ui/mermaid/ExportMermaidDialog.tsx').then((m) => ({
    default: m.ExportMermaidDialog,
  })),
);
const ImportMermaidDialog = lazy(() =>
  import('../ui/mermaid/ImportMermaidDialog.tsx').then((m) => ({
    default: m.ImportMermaidDialog,
  })),
);
const EmbedDialog = lazy(() =>
  import('../ui/share/EmbedDialog.tsx').then((m) => ({ default: m.EmbedDialog })),
);
const ShareDialog = lazy(() =>
  import('../ui/share/ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })),
);
const StoryPicker = lazy(() =>
  import('../ui/story/StoryPicker.tsx').then((m) => ({ default: m.StoryPicker })),
);
const ChallengePicker = lazy(() =>
  import('../ui/challenge/ChallengePicker.tsx').then((m) => ({ default: m.ChallengePicker })),
);
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
  'import-config': ({ onClose }) => <ImportConfigDialog onClose={onClose} />,
  'export-compose': ({ onClose }) => <ExportConfigDialog onClose={onClose} start="compose" />,
  'export-nginx': ({ onClose }) => <ExportConfigDialog onClose={onClose} start="nginx" />,
  'recent-versions': ({ onClose }) => <VersionsDialog onClose={onClose} />,
};

export function Dialogs() {
  const request = useUiStore((s) => s.dialog);
  const close = useUiStore((s) => s.closeDialog);
  if (!request) return null;
  const Component = DIALOGS[request.id];
  return Component ? (
    <Lazy what="the dialog">
      <Component request={request} onClose={close} />
    </Lazy>
  ) : null;
}
