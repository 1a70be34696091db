// One production build per `npm run bench`, served on a free port, for the modules that
// measure in a real browser; and the Chromium they measure in.

import { existsSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';
import { build, type PreviewServer, preview } from 'vite';

const OUT_DIR = 'node_modules/.bench-dist';
let built: Promise<void> | null = null;

/** Serves the build (made once per process) while `fn` runs; `fn` gets the address. */
export async function withBuild<T>(fn: (url: string) => Promise<T>): Promise<T> {
  built ??= build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } }).then(
    () => undefined,
  );
  await built;
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 0, host: '127.0.0.1' },
  });
  try {
    return await fn(server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/');
  } finally {
    await server.close();
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
}
