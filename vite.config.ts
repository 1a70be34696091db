import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy of both pages, as a <meta http-equiv> in the built HTML, so it
 * holds on any static host (GitHub Pages sends no headers of ours). Scripts, workers and
 * everything fetched come from the app's own folder only; no eval of any kind; no plugins;
 * forms and <base> cannot point elsewhere. Only in the build: the dev server injects inline
 * scripts of its own (hot reload).
 *
 * style-src keeps 'unsafe-inline' for two reasons, both about styles, never scripts (tried
 * without it: the browser blocks both):
 * - Mermaid's drawing (the import and export previews) is an SVG string with a <style>
 *   element and style="" attributes, put into the page as markup; without it the preview
 *   loses its colours, arrows and layout. Mermaid runs with securityLevel 'strict' and its
 *   own sanitizer, and our labels are escaped.
 * - Image export (html-to-image) writes style attributes onto the copy of the diagram it
 *   draws, and the snapshot puts the diagram's own style attributes back afterwards.
 * Images may be data: and blob: URLs (the exported picture, Mermaid's icons); fonts data:.
 * A recorded video plays in its dialog from the blob: URL it was made into, and can be read
 * back from it (media-src and connect-src blob:); a blob: URL is only ever made by the page
 * itself.
 * frame-ancestors cannot be set from a <meta> (browsers ignore it there): the embed is
 * meant to be framed by any course page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob:",
  "media-src 'self' blob:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'backend-playground-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * The first load in as few files as the pages allow: every module both pages import before
 * they run goes into one chunk, instead of the thirty or so small chunks Rolldown cuts where
 * lazy parts share a module with the first screen. A lazy part always loads after its page,
 * so it finds that chunk already there; gzip works better on one big file than on many
 * small ones (about 10 KB less to fetch), and the browser makes fewer requests before the
 * first canvas.
 */
const firstLoad = new Set<string>();
function firstLoadChunks(): Plugin {
  return {
    name: 'backend-playground-first-load-chunks',
    apply: 'build',
    buildEnd() {
      firstLoad.clear();
      const pagesOf = new Map<string, Set<string>>();
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (!info?.isEntry) continue;
        const page = /[\\/]embed\.html$/.test(id) ? 'embed' : 'main';
        const todo = [...info.importedIds];
        while (todo.length > 0) {
          const next = todo.pop()!;
          const pages = pagesOf.get(next) ?? new Set();
          if (pages.has(page)) continue;
          pages.add(page);
          pagesOf.set(next, pages);
          todo.push(...(this.getModuleInfo(next)?.importedIds ?? []));
        }
      }
      // Only what both pages import: a chunk of one page's modules would hold its entry, and
      // a lazy part the other page shares (the app's Embed dialog, the embed's challenge
      // panel) would load it there and run that page.
      for (const [id, pages] of pagesOf) if (pages.size === 2) firstLoad.add(id);
    },
  };
}

// `base: './'` makes dist/ work under any path (a GitHub Pages sub-folder, a course site).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), firstLoadChunks()],
  // ES workers let Rollup split chunks; the default iife format would inline mermaid into one huge file.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Two pages: the app and the embed for course pages (iframes). Vite 8's name for
    // `rollupOptions`.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'first',
              test: (id) => firstLoad.has(id),
            },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 4000,
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'cli/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Vitest leaves one core free by default (cores − 1): on CI's two cores that is one
    // worker for 107 files. Both cores halve the unit tests' part of `npm test`.
    maxWorkers: 2,
  },
});
