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

export type DecodeResult =
  | { ok: true; doc: TopologyDocument; warnings: DocIssue[] }
  | { ok: false; errors: DocIssue[] };

export type EncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

/** The config without keys that hold their kind's default (restore puts them back). */
function compactConfig(kind: TopologyDocument['nodes'][number]['kind'], config: Config): Config {
  const out: Config = {};
  const fields = KINDS[kind].fields;
  for (const [key, value] of Object.entries(config)) {
    const field = fields.find((f) => f.key === key);
    if (field && JSON.stringify(field.default) === JSON.stringify(value)) continue;
    out[key] = value;
  }
  return out;
}

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

const fail = (message: string, path = '$'): DecodeResult => ({
  ok: false,
  errors: [{ path, message }],
});

/** `#/doc/v1.…` (or just what follows `#/doc/`) → the document, or what is wrong with it. */
export function decodeDocumentFragment(hash: string): DecodeResult {
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('the diagram data in the link is damaged (it is not valid JSON)');
  }
  return restoreDocument(json);
}
