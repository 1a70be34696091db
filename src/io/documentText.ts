// Text → document, for everything that arrives as JSON text (a file, an autosave, a kept
// version). Pure, so it runs on the page for small input and in the parse Worker for big
// input (src/worker/parse.worker.ts). Never throws.

import type { DocIssue } from '../model/paths.ts';
import { restoreDocument } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';

export type ParseResult =
  | { ok: true; doc: TopologyDocument; warnings: DocIssue[] }
  | { ok: false; errors: DocIssue[] };

/** A file larger than this is refused before it is read: a diagram is far smaller. */
export const MAX_FILE_BYTES = 20_000_000;

/** How many bytes, in words: "264 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

export function parseDocumentText(text: string): ParseResult {
  const read = readDocumentText(text);
  return read.ok ? restoreDocument(read.json) : read;
}

/** The first half: the JSON, not yet checked as a document. */
export function readDocumentText(
  text: string,
): { ok: true; json: unknown } | { ok: false; errors: DocIssue[] } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ path: '$', message: `not JSON: ${reason}` }] };
  }
}

/** How many boxes the JSON claims to have, for a progress note (0 when it is not a list). */
export function claimedBoxes(json: unknown): number {
  const nodes = (json as { nodes?: unknown } | null)?.nodes;
  return Array.isArray(nodes) ? nodes.length : 0;
}
