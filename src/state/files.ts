// Open and Save: a document file is the JSON of a TopologyDocument. Opening goes through
// restoreDocument so anything broken is named by JSON path and the canvas stays as it was.

import {
  formatSize,
  MAX_FILE_BYTES,
  parseDocumentText,
  type ParseResult,
} from '../io/documentText.ts';
import { lostParts } from '../model/restore.ts';
import { formatIssues } from './download.ts';
import { useDocumentStore } from './documentStore.ts';
import { openLessonData } from './lessonFiles.ts';
import { useSelectionStore } from './selectionStore.ts';
import { isBigText, parseText } from './offThread.ts';
import { notify, refuseFile, useUiStore } from './uiStore.ts';

/** Text of a file → a document, or what is wrong with it. Never throws. */
export { parseDocumentText, type ParseResult };

// Naming, writing and downloading files live in download.ts (the first page needs them;
// this module, with the story and challenge loaders behind Open, loads on first use).
export {
  downloadDocument,
  downloadText,
  fileNameFor,
  formatIssues,
  serializeDocument,
} from './download.ts';

/**
 * Replaces the canvas with the document in `text` (one undo step), or explains why not. A
 * story or a challenge file opens as one (lessonFiles.ts).
 */
export function openDocumentText(text: string, fileName: string): boolean {
  const lesson = lessonIn(text, fileName);
  if (lesson !== null) return lesson;
  return applyOpened(parseDocumentText(text), fileName);
}

/** What a parsed file does to the canvas: one undo step, or a dialog saying what is wrong. */
export function applyOpened(result: ParseResult, fileName: string): boolean {
  if (!result.ok) {
    useUiStore.getState().openDialog({
      id: 'problem',
      title: `Could not open ${fileName}`,
      message: 'Your diagram was not changed. This is what is wrong with the file:',
      issues: result.errors,
    });
    return false;
  }
  useSelectionStore.getState().clear();
  useDocumentStore.getState().replaceDocument(result.doc, `Open ${fileName}`);
  const lost = lostParts(result.warnings);
  if (lost.length) {
    notify(
      'warning',
      `Opened ${fileName} without ${lost.length === 1 ? '1 part' : `${lost.length} parts`} it could not read (the file itself is unchanged)`,
      formatIssues(result.warnings).slice(0, 6),
    );
  } else if (result.warnings.length) {
    notify(
      'warning',
      `Opened ${fileName} with ${result.warnings.length} repair(s)`,
      formatIssues(result.warnings).slice(0, 6),
    );
  } else {
    notify('success', `Opened ${fileName}`);
  }
  return true;
}

function lessonIn(text: string, fileName: string): boolean | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null; // not JSON: parseDocumentText says so
  }
  return openLessonData(data, fileName);
}

export async function openDocumentFile(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    refuseFile(
      `Could not open ${file.name}`,
      `the file is ${formatSize(file.size)}, larger than ${formatSize(MAX_FILE_BYTES)}; a diagram is much smaller`,
    );
    return false;
  }
  const text = await file.text();
  if (!isBigText(text)) return openDocumentText(text, file.name);
  const ui = useUiStore.getState();
  ui.setBusy(`Opening ${file.name} (${formatSize(file.size)})…`);
  try {
    const result = await parseText(text, (p) => {
      if (p.phase === 'checking' && p.boxes) {
        useUiStore
          .getState()
          .setBusy(`Opening ${file.name}: checking ${p.boxes.toLocaleString('en')} boxes…`);
      }
    });
    useUiStore.getState().setBusy(null);
    return applyOpened(result, file.name);
  } finally {
    useUiStore.getState().setBusy(null);
  }
}
