// Files the app writes: a name from the title, a diagram as JSON, a download. On the first
// page (autosave, Save, the recorder name files); Open and its loaders are in files.ts.

import type { DocIssue } from '../model/paths.ts';
import type { TopologyDocument } from '../model/types.ts';

export function formatIssues(issues: readonly DocIssue[]): string[] {
  return issues.map((i) => `${i.path}: ${i.message}`);
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
