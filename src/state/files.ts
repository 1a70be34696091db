// Open and Save: a document file is the JSON of a TopologyDocument. Opening goes through
// restoreDocument so anything broken is named by JSON path and the canvas stays as it was.

import type { DocIssue } from '../model/paths.ts';
import { restoreDocument } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import { useDocumentStore } from './documentStore.ts';
import { openLessonData } from './lessonFiles.ts';
import { useSelectionStore } from './selectionStore.ts';
import { notify, useUiStore } from './uiStore.ts';

export type ParseResult =
  | { ok: true; doc: TopologyDocument; warnings: DocIssue[] }
  | { ok: false; errors: DocIssue[] };

/** Text of a file → a document, or what is wrong with it. Never throws. */
export function parseDocumentText(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ path: '$', message: `not JSON: ${reason}` }] };
  }
  return restoreDocument(data);
}

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
  const result = parseDocumentText(text);
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
  if (result.warnings.length) {
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
  if (file.size > 20_000_000) {
    useUiStore.getState().openDialog({
      id: 'problem',
      title: `Could not open ${file.name}`,
      message: 'Your diagram was not changed.',
      issues: [{ path: '$', message: 'the file is larger than 20 MB; a diagram is much smaller' }],
    });
    return false;
  }
  return openDocumentText(await file.text(), file.name);
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
  const blob = new Blob([serializeDocument(doc)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(doc.title);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
