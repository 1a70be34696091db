// Opening big input without freezing the tab: links, files, autosaves and kept versions
// above a size are decompressed, parsed and checked in a Worker (src/worker/parse.worker.ts)
// while the page shows a progress note; small ones are read at once, as before. Where no
// Worker can start, the page does the work itself after the note has been painted.

import * as Comlink from 'comlink';
import { type ParseResult, parseDocumentText } from '../io/documentText.ts';
import { decodeDocumentFragment, MAX_LINK_CHARS } from '../io/share.ts';
import type { TopologyDocument } from '../model/types.ts';
import type { ParseApi, ParsedText, ParseProgress } from '../worker/parseProtocol.ts';

/** A link longer than this is decoded off the main thread (about 700 boxes). */
export const LINK_OFF_THREAD_CHARS = 20_000;
/** JSON text longer than this is parsed off the main thread (about 500 boxes). */
export const TEXT_OFF_THREAD_CHARS = 150_000;

export type { ParseProgress };

async function inWorker(
  job: (api: Comlink.Remote<ParseApi>, progress: (p: ParseProgress) => void) => Promise<ParsedText>,
  fallback: () => ParseResult,
  onProgress: (p: ParseProgress) => void,
): Promise<ParseResult> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../worker/parse.worker.ts', import.meta.url), {
      type: 'module',
      name: 'backend-playground-reader',
    });
  } catch {
    // No Worker here: let the progress note paint, then do it on the page.
    await new Promise((r) => setTimeout(r, 30));
    return fallback();
  }
  const api = Comlink.wrap<ParseApi>(worker);
  try {
    const parsed = await new Promise<ParsedText>((resolve, reject) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        reject(new Error(e.message || 'the reader stopped'));
      });
      job(api, Comlink.proxy(onProgress)).then(resolve, reject);
    });
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      doc: JSON.parse(parsed.docJson) as TopologyDocument,
      warnings: parsed.warnings,
    };
  } catch (err) {
    return {
      ok: false,
      errors: [
        {
          path: '$',
          message: `it could not be read (${err instanceof Error ? err.message : String(err)})`,
        },
      ],
    };
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}

/** A share-link fragment → its document; off the main thread when the link is long. */
export function decodeLink(
  hash: string,
  onProgress: (p: ParseProgress) => void = () => {},
): Promise<ParseResult> {
  // Short links, and links too long to open (refused at once, before any work), stay here.
  if (hash.length <= LINK_OFF_THREAD_CHARS || hash.length > MAX_LINK_CHARS) {
    return Promise.resolve(decodeDocumentFragment(hash));
  }
  return inWorker(
    (api, progress) => api.decodeLink(hash, progress),
    () => decodeDocumentFragment(hash),
    onProgress,
  );
}

/** JSON text → its document; off the main thread when the text is long. */
export function parseText(
  text: string,
  onProgress: (p: ParseProgress) => void = () => {},
): Promise<ParseResult> {
  if (text.length <= TEXT_OFF_THREAD_CHARS) return Promise.resolve(parseDocumentText(text));
  return inWorker(
    (api, progress) => api.parseText(text, progress),
    () => parseDocumentText(text),
    onProgress,
  );
}

/** Would this input be read off the main thread (so a progress note is worth showing)? */
export function isBigLink(hash: string): boolean {
  return hash.length > LINK_OFF_THREAD_CHARS && hash.length <= MAX_LINK_CHARS;
}

export function isBigText(text: string): boolean {
  return text.length > TEXT_OFF_THREAD_CHARS;
}
