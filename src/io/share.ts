// Share links: a whole topology document carried in the URL fragment, so a link works
// without any server (the fragment never leaves the browser) and opens offline.
//
//   #/doc/v1.<lz-string data>      a document (this file)
//   #/story/<scenario>/<step>      a story step (src/story/player.ts owns that format)
//
// The `v1.` prefix names the payload format. A later format gets `v2.` and its own decoder
// here; old links keep opening. lz-string's URI alphabet (A–Z a–z 0–9 + - $) has no dot, so
// the prefix can never be confused with data.
//
// To keep links short, config values equal to their kind's default are left out: restore
// fills every missing key with its default, so the document comes back exactly as it was.
// encode/decode are pure and never throw: they return result objects.

// lz-string is CommonJS without named exports Node can see, so take the default (works in
// Vite, vitest, tsx and the CLI alike).
import LZString from 'lz-string';
import { KINDS } from '../model/kinds.ts';
import type { DocIssue } from '../model/paths.ts';
import { restoreDocument } from '../model/restore.ts';
import type { Config, TopologyDocument } from '../model/types.ts';

export const DOC_HASH_PREFIX = '#/doc/';
export const SHARE_FORMAT = 'v1';

/** Links longer than this still work in browsers but get unwieldy in chat and email. */
export const LONG_LINK_CHARS = 8000;
/**
 * Browsers carry addresses up to about 2 MB; a longer "link" did not come from a browser's
 * address bar, and is refused before any work starts.
 */
export const MAX_LINK_CHARS = 2_100_000;
/** Decompressed diagram text beyond this is not a diagram (the format's limits are lower). */
const MAX_TEXT_CHARS = 60_000_000;

export type DecodeResult =
  | { ok: true; doc: TopologyDocument; warnings: DocIssue[] }
  | { ok: false; errors: DocIssue[] };

export type EncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

/** The config without keys that hold their kind's default (restore puts them back). */
function compactConfig(kind: TopologyDocument['nodes'][number]['kind'], config: Config): Config {
  const out: Config = {};
  const fields = KINDS[kind].fields;
  for (const key in config) {
    const value = config[key]!;
    const field = fields.find((f) => f.key === key);
    // Numbers, text and switches compare as they are; only routes need a deep look.
    if (
      field &&
      (field.default === value || (typeof value === 'object' && sameJson(field.default, value)))
    ) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The document as the JSON that goes into a link: defaults left out. */
export function compactDocument(doc: TopologyDocument): unknown {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => ({ ...n, config: compactConfig(n.kind, n.config) })),
  };
}

/** `#/doc/v1.…` for this document. */
export function encodeDocumentFragment(doc: TopologyDocument): EncodeResult {
  try {
    const data = LZString.compressToEncodedURIComponent(JSON.stringify(compactDocument(doc)));
    return { ok: true, fragment: `${DOC_HASH_PREFIX}${SHARE_FORMAT}.${data}` };
  } catch (err) {
    // Only a document with a cycle or a BigInt could get here; say so rather than throw.
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Is this fragment a document link (valid or not)? Other fragments are not ours. */
export function isDocumentFragment(hash: string): boolean {
  return hash.startsWith(DOC_HASH_PREFIX);
}

const fail = (message: string, path = '$'): { ok: false; errors: DocIssue[] } => ({
  ok: false,
  errors: [{ path, message }],
});

/** `#/doc/v1.…` (or just what follows `#/doc/`) → the document, or what is wrong with it. */
export function decodeDocumentFragment(hash: string): DecodeResult {
  const read = readDocumentFragment(hash);
  return read.ok ? restoreDocument(read.json) : read;
}

export type ReadResult = { ok: true; json: unknown } | { ok: false; errors: DocIssue[] };

/** The first half of decoding: the link's JSON, not yet checked as a document. */
export function readDocumentFragment(hash: string): ReadResult {
  if (hash.length > MAX_LINK_CHARS) return fail(linkTooLong(hash.length));
  const payload = hash.startsWith(DOC_HASH_PREFIX) ? hash.slice(DOC_HASH_PREFIX.length) : hash;
  const dot = payload.indexOf('.');
  if (dot < 0) {
    return fail(
      'the link has no format version (expected “v1.” after #/doc/); it may be cut short',
    );
  }
  const format = payload.slice(0, dot);
  const data = payload.slice(dot + 1);
  if (format !== SHARE_FORMAT) {
    return fail(
      `the link uses format “${format.slice(0, 20)}”, which this version of Backend Playground does not know`,
    );
  }
  if (!data) return fail('the link has no diagram data after “v1.”; it may be cut short');
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(data);
  } catch {
    text = null;
  }
  // lz-string answers damaged input with null, '' or garbage; JSON.parse sorts out the rest.
  if (!text) return fail('the diagram data in the link is damaged (it could not be decompressed)');
  if (text.length > MAX_TEXT_CHARS) {
    return fail('the diagram in the link is far larger than a diagram can be (over 60 MB of text)');
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return fail('the diagram data in the link is damaged (it is not valid JSON)');
  }
}

/** Why a link this long is refused, in words. */
export function linkTooLong(chars: number): string {
  return `the link is ${(chars / 1_000_000).toFixed(1)} million characters long; links over ${MAX_LINK_CHARS / 1_000_000} million cannot be opened (browsers cut them). Ask for the diagram as a file (File → Save) instead`;
}
