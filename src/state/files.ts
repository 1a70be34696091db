// Open and Save: a document file is the JSON of a TopologyDocument. Opening goes through
// restoreDocument so anything broken is named by JSON path and the canvas stays as it was.

import {
  formatSize,
  MAX_FILE_BYTES,
  parseDocumentText,
  type ParseResult,
} from '../io/documentText.ts';
import type { DocIssue } from '../model/paths.ts';
import { lostParts } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import { useDocumentStore } from './documentStore.ts';
import { openLessonData } from './lessonFiles.ts';
import { useSelectionStore } from './selectionStore.ts';
import { isBigText, parseText } from './offThread.ts';
import { notify, refuseFile, useUiStore } from './uiStore.ts';

/** Text of a file → a document, or what is wrong with it. Never throws. */
export { parseDocumentText, type ParseResult };

export function formatIssues(issues: readonly DocIssue[]): string[] {
  return issues.map((i) => `${i.path}: ${i.message}`);
}

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

/** A file name from the title: letters, digits, spaces, dashes; never empty. */
export function fileNameFor(title: string): string {
  const base = title
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 80);
  return `${base || 'diagram'}.json`;
}

export function serializeDocument(doc: TopologyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function downloadDocument(doc: TopologyDocument): void {
  downloadText(serializeDocument(doc), fileNameFor(doc.title));
}

/** Downloads `text` as a file called `name` (a kept version, a damaged save). */
export function downloadText(text: string, name: string, type = 'application/json'): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
