// The parse Worker: opening big input off the main thread (see parseProtocol.ts).

import * as Comlink from 'comlink';
import { claimedBoxes, readDocumentText } from '../io/documentText.ts';
import { readDocumentFragment } from '../io/share.ts';
import type { DocIssue } from '../model/paths.ts';
import { restoreDocument } from '../model/restore.ts';
import type { ParseApi, ParsedText, ParseProgress } from './parseProtocol.ts';

async function check(
  read: { ok: true; json: unknown } | { ok: false; errors: DocIssue[] },
  onProgress?: (p: ParseProgress) => void,
): Promise<ParsedText> {
  if (!read.ok) return read;
  // Awaited, so the page hears "checking N boxes" before the longest part begins.
  await onProgress?.({ phase: 'checking', boxes: claimedBoxes(read.json) });
  const restored = restoreDocument(read.json);
  if (!restored.ok) return restored;
  return { ok: true, docJson: JSON.stringify(restored.doc), warnings: restored.warnings };
}

const api: ParseApi = {
  async decodeLink(hash, onProgress) {
    return check(readDocumentFragment(hash), onProgress);
  },
  async parseText(text, onProgress) {
    return check(readDocumentText(text), onProgress);
  },
};

Comlink.expose(api);
