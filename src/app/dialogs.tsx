// Which component shows which dialog id. To add a dialog: write the component, add it here,
// and open it with `useUiStore.getState().openDialog({ id: 'your-id' })` (e.g. from an action).
//
// Every dialog is loaded on first use (the first page carries none of them: Mermaid's
// parser, the image export, the config files' YAML and zip code, the pickers); a "Loading
// the dialog…" note shows if that takes longer than 100 ms.

import type { ComponentType } from 'react';
import { useUiStore, type DialogRequest } from '../state/uiStore.ts';
import { Lazy, loadOnFirstUse } from '../ui/Loading.tsx';

const ProblemDialog = loadOnFirstUse(() =>
  import('../ui/dialogs/ProblemDialog.tsx').then((m) => m.ProblemDialog),
);
const ShortcutsDialog = loadOnFirstUse(() =>
  import('../ui/dialogs/ShortcutsDialog.tsx').then((m) => m.ShortcutsDialog),
);
const VersionsDialog = loadOnFirstUse(() =>
  import('../ui/dialogs/VersionsDialog.tsx').then((m) => m.VersionsDialog),
);
const ExportMermaidDialog = loadOnFirstUse(() =>
  import('../ui/mermaid/ExportMermaidDialog.tsx').then((m) => m.ExportMermaidDialog),
);
const ImportMermaidDialog = loadOnFirstUse(() =>
  import('../ui/mermaid/ImportMermaidDialog.tsx').then((m) => m.ImportMermaidDialog),
);
const EmbedDialog = loadOnFirstUse(() =>
  import('../ui/share/EmbedDialog.tsx').then((m) => m.EmbedDialog),
);
const ShareDialog = loadOnFirstUse(() =>
  import('../ui/share/ShareDialog.tsx').then((m) => m.ShareDialog),
);
const StoryPicker = loadOnFirstUse(() =>
  import('../ui/story/StoryPicker.tsx').then((m) => m.StoryPicker),
);
const ChallengePicker = loadOnFirstUse(() =>
  import('../ui/challenge/ChallengePicker.tsx').then((m) => m.ChallengePicker),
);
const ImportConfigDialog = loadOnFirstUse(() =>
  import('../ui/config/ImportConfigDialog.tsx').then((m) => m.ImportConfigDialog),
);
const ExportConfigDialog = loadOnFirstUse(() =>
  import('../ui/config/ExportConfigDialog.tsx').then((m) => m.ExportConfigDialog),
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
