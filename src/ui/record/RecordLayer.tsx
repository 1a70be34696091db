// Mounted by RecordRoot once the Record dialog was first asked for: the Record dialog
// (dialog id 'record', opened by File → Record a video… or the embed's button) and, while a
// recording runs with the dialog closed, a small bar over the canvas with its progress, Stop
// and Cancel. Not in src/app/dialogs.tsx: the embed shows no other dialog, and both need
// the bar.

import { useUiStore } from '../../state/uiStore.ts';
import { RecordDialog } from './RecordDialog.tsx';
import { RecordProgressView } from './RecordProgress.tsx';
import { useRecordStore } from './recordStore.ts';
import './record.css';

export function RecordLayer() {
  const open = useUiStore((s) => s.dialog?.id === 'record');
  const close = useUiStore((s) => s.closeDialog);
  const busy = useRecordStore((s) => s.phase === 'recording' || s.phase === 'finishing');
  return (
    <>
      {open ? <RecordDialog onClose={close} /> : null}
      {busy && !open ? (
        <section className="bp-recbar" aria-label="Recording">
          <RecordProgressView compact />
        </section>
      ) : null}
    </>
  );
}
