import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

// Playwright's own Chromium where it is installed (a laptop after `npx playwright install chromium`),
// else Debian's /usr/bin/chromium (these machines cannot download browsers). PW_CHROMIUM_PATH wins.
function chromiumPath(): string | undefined {
  if (process.env.PW_CHROMIUM_PATH) return process.env.PW_CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const port = Number(process.env.PW_PORT ?? 4173);
// PW_DEV=1 runs against the dev server for quick iteration; by default we test the real build.
const command = process.env.PW_DEV
  ? `npx vite --port ${port} --strictPort`
  : `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Most e2e time is waiting on the app's own clock (a run playing in real time), not CPU:
  // three at once keep two cores busy (four finished a little sooner but starved the
  // browsers enough that a story's first load sometimes took over 10 s).
  workers: Number(process.env.PW_WORKERS ?? 3),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: {
    command,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
  },
});
