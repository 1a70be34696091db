// What the parse Worker does for the page: the slow part of opening a big link, file or
// autosave (decompressing, JSON parsing, checking every box), off the main thread so the
// tab never freezes. Results are plain serializable values.

import type { DocIssue } from '../model/paths.ts';

/** What the page is told while the Worker works. */
export interface ParseProgress {
  /** "checking" once the text is read and the boxes are being checked. */
  phase: 'reading' | 'checking';
  /** Boxes in the document, once known. */
  boxes?: number;
}

/**
 * The checked document comes back as JSON text: the page parses it faster than it would
 * take apart a structured clone of tens of thousands of objects.
 */
export type ParsedText =
  | { ok: true; docJson: string; warnings: DocIssue[] }
  | { ok: false; errors: DocIssue[] };

export interface ParseApi {
  /** A share-link fragment (`#/doc/v1.…`) → the document, or what is wrong with it. */
  decodeLink(hash: string, onProgress?: (p: ParseProgress) => void): Promise<ParsedText>;
  /** JSON text (a file, an autosave, a kept version) → the document. */
  parseText(text: string, onProgress?: (p: ParseProgress) => void): Promise<ParsedText>;
}
