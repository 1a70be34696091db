import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `base: './'` makes dist/ work under any path (a GitHub Pages sub-folder, a course site).
export default defineConfig({
  base: './',
  plugins: [react()],
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
    },
    chunkSizeWarningLimit: 4000,
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'cli/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
