// Mermaid is big (≈1 MB of JS): it is loaded on first use with a dynamic import so it stays
// out of the first page load, and only once per page, worker or Node process.

import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | undefined;

/**
 * Outside a document (Node: CLI, tests, bench; a Web Worker) DOMPurify cannot sanitize and
 * has no `addHook`, which Mermaid calls while it loads. We only parse there and never put
 * the result into a page (labels become plain text), so no-op hooks are enough. In a
 * browser page DOMPurify is complete and is left alone.
 */
async function prepareSanitizer(): Promise<void> {
  const mod = await import('dompurify');
  const purify = mod.default as unknown as Record<string, unknown>;
  if (typeof purify.addHook === 'function') return;
  const noop = () => {};
  purify.addHook = noop;
  purify.removeHook = noop;
  purify.removeHooks = noop;
  purify.removeAllHooks = noop;
  purify.setConfig = noop;
  purify.clearConfig = noop;
  purify.sanitize = (dirty: unknown) => String(dirty ?? '');
}

/** The Mermaid module, initialised for parsing and strict (script-free) rendering. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= (async () => {
    await prepareSanitizer();
    const mermaid = (await import('mermaid')).default;
    // Strict: no scripts or click handlers in rendered previews. Errors are reported by us,
    // never drawn into the page as Mermaid's own error picture.
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
    });
    return mermaid;
  })();
  // A failed load (a network hiccup fetching the chunk) can be retried on the next call.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
