// Offline and static: the app, the embed and the course page never ask another origin for
// anything (no fonts, CDNs, analytics), and the built dist/ works from any sub-folder, as on
// GitHub Pages.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';

const LOAD = { timeout: 60_000 };

/** Every request any page, frame or worker in the context makes. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

function foreign(urls: readonly string[], origin: string): string[] {
  return urls.filter((u) => {
    const { protocol } = new URL(u);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
    return new URL(u).origin !== origin;
  });
}

async function playFromTopBar(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play', exact: true }).first().click();
  await expect(page.getByTestId('sim-clock')).toHaveText(/^[1-9]\d*\.\d s$/, LOAD);
}

test('no request leaves the origin: app, run, story, Mermaid preview, share link, embed, course page', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const urls = recordRequests(context);
  const origin = new URL(baseURL!).origin;

  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible(LOAD);
  await playFromTopBar(page);

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menu').getByText('Export Mermaid…', { exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Mermaid preview' }).locator('svg').first(),
  ).toBeVisible(LOAD);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menu').getByText('Share link…', { exact: true }).click();
  const link = await page.getByLabel('Share link').inputValue();
  await page.keyboard.press('Escape');
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Shared diagram' })).toBeVisible(LOAD);

  await page.goto('/#/story/system-3/2');
  await expect(page.getByRole('complementary', { name: 'Story' })).toBeVisible(LOAD);
  await expect(page.getByTestId('sim-clock')).toHaveText(/^[1-9]\d*\.\d s$/, LOAD);

  await page.goto('/embed.html?story=system-2&step=1&autoplay=1');
  await expect(page.locator('.bp-embed')).toHaveAttribute('data-state', 'playing', LOAD);
  await expect(page.getByTestId('embed-clock')).toHaveText(/^[1-9]\d*\.\d s$/, LOAD);

  await page.goto('/course-example.html');
  await expect(page.frameLocator('#embed-free').locator('.react-flow__node').first()).toBeVisible(
    LOAD,
  );
  await page
    .getByRole('group', { name: 'Control the free embed from this page' })
    .getByRole('button', { name: 'Play' })
    .click();
  await expect(page.locator('[data-readout="free"] [data-field="throughput"]')).toHaveText(
    /req\/s/,
    LOAD,
  );

  expect(urls.length).toBeGreaterThan(10);
  expect(foreign(urls, origin)).toEqual([]);
});

// ---------------------------------------------------------------------------------------
// dist/ under a sub-path. Without PW_DEV, Playwright has just built dist/ for this run;
// with PW_DEV (dev server), the test builds its own copy so it never tests a stale one.

const SUB = '/courses/backend-playground/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

let server: Server | undefined;
let subOrigin = '';

function distDir(): string {
  const root = resolve(import.meta.dirname, '..');
  if (!process.env.PW_DEV && existsSync(join(root, 'dist', 'embed.html')))
    return join(root, 'dist');
  const out = join(tmpdir(), `bp-subpath-dist-${process.pid}`);
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return out;
}

/** Serves `dir` at SUB and nothing else, like a static host serving one sub-folder. */
function serveUnderSubPath(dir: string): Promise<void> {
  return new Promise((done) => {
    server = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(SUB)) {
        res.writeHead(404).end('not under the sub-path');
        return;
      }
      let rel = normalize(path.slice(SUB.length));
      if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
      if (rel.startsWith('..')) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(join(dir, rel));
        res
          .writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' })
          .end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    server.listen(0, '127.0.0.1', () => {
      subOrigin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
      done();
    });
  });
}

test.describe('the static build', () => {
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await serveUnderSubPath(distDir());
  });
  test.afterAll(() => {
    server?.close();
  });

  test('works from a sub-folder: app, run, embed and course page, all requests under it', async ({
    page,
    context,
  }) => {
    test.setTimeout(240_000);
    const urls = recordRequests(context);
    const base = `${subOrigin}${SUB}`;

    await page.goto(base);
    await expect(page.locator('.react-flow__node').first()).toBeVisible(LOAD);
    await playFromTopBar(page);

    await page.goto(`${base}#/story/system-3/2`);
    await expect(page.getByRole('complementary', { name: 'Story' })).toBeVisible(LOAD);

    await page.goto(`${base}embed.html?story=system-3&step=2&autoplay=1`);
    await expect(page.locator('.bp-embed')).toHaveAttribute('data-state', 'playing', LOAD);
    await expect(page.getByTestId('embed-clock')).toHaveText(/^[1-9]\d*\.\d s$/, LOAD);

    await page.goto(`${base}course-example.html`);
    const story = page.frameLocator('#embed-story');
    await expect(story.locator('.react-flow__node').first()).toBeVisible(LOAD);
    await page
      .getByRole('group', { name: 'Control the story embed from this page' })
      .getByRole('button', { name: 'Play' })
      .click();
    await expect(story.locator('.bp-embed')).toHaveAttribute('data-state', 'playing', LOAD);

    const outside = urls.filter(
      (u) => !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith(base),
    );
    expect(outside).toEqual([]);
  });
});
