// What File → Recent versions does with an entry: restore a version (one undo step, and
// the diagram it replaces is kept as a version first), or download a version or a damaged
// save as a file.

import { formatSize } from '../io/documentText.ts';
import { useDocumentStore } from './documentStore.ts';
import { downloadText, fileNameFor, formatIssues } from './download.ts';
import { parseText } from './offThread.ts';
import { useSelectionStore } from './selectionStore.ts';
import { fitSoon } from './services.ts';
import { notify, useUiStore } from './uiStore.ts';
import {
  addVersion,
  type DamagedEntry,
  keepDamaged,
  readDamagedText,
  readVersionText,
  type VersionEntry,
} from './versions.ts';
import { whenSaved } from './when.ts';

/** "Restore version from 14:03": the undo label, so Edit → Undo says what it takes back. */
export function restoreLabel(entry: VersionEntry): string {
  return `Restore version from ${whenSaved(entry.savedAt)}`;
}

/** Puts a kept version on the canvas. Returns whether it did. */
export async function restoreVersion(entry: VersionEntry): Promise<boolean> {
  const text = readVersionText(entry.id);
  if (text === null) {
    notify('error', 'That version is no longer in this browser’s storage.');
    return false;
  }
  const ui = useUiStore.getState();
  ui.setBusy(`Opening the version from ${whenSaved(entry.savedAt)} (${formatSize(text.length)})…`);
  const result = await parseText(text);
  useUiStore.getState().setBusy(null);
  if (!result.ok) {
    keepDamaged(
      text,
      `the version from ${whenSaved(entry.savedAt)}`,
      formatIssues(result.errors).join('; '),
    );
    notify(
      'error',
      `The version from ${whenSaved(entry.savedAt)} could not be read; it is listed under damaged saves to download.`,
    );
    return false;
  }
  const docs = useDocumentStore.getState();
  if (docs.locked) {
    notify('info', docs.lockedMessage ?? 'This diagram is read-only right now.');
    return false;
  }
  // Restoring is never a way to lose the diagram on screen.
  addVersion(docs.doc, {
    note: `The diagram before the version from ${whenSaved(entry.savedAt)} was restored`,
  });
  useSelectionStore.getState().clear();
  docs.replaceDocument(result.doc, restoreLabel(entry));
  notify(
    'success',
    `Restored the version from ${whenSaved(entry.savedAt)}. Undo goes back to what you had.`,
  );
  fitSoon();
  return true;
}

export function downloadVersion(entry: VersionEntry): void {
  const text = readVersionText(entry.id);
  if (text === null) {
    notify('error', 'That version is no longer in this browser’s storage.');
    return;
  }
  downloadText(text, fileNameFor(`${entry.title} ${stamp(entry.savedAt)}`));
}

export function downloadDamaged(entry: DamagedEntry): void {
  const text = readDamagedText(entry.id);
  if (text === null) {
    notify('error', 'That damaged save is no longer in this browser’s storage.');
    return;
  }
  downloadText(text, `damaged save ${stamp(entry.keptAt)}.json`);
}

/** "2024-03-05 14-03" for file names. */
function stamp(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}-${p(d.getMinutes())}`;
}
