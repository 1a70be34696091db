// Captures docs/screenshots/live.png (and live.webm) of a running system: a load balancer
// over three app servers with a cache and a database; one server is crashed a few seconds
// in, so the others saturate and the call-out names one. Needs a served build:
//   npx vite build && npx vite preview --port 4305   then   npx tsx scripts/screenshot-live.ts
// URL defaults to http://127.0.0.1:4305/ (BP_URL overrides).

import { existsSync, renameSync, rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { defaultConfig } from '../src/model/kinds.ts';
import type { NodeKind, TopologyDocument } from '../src/model/types.ts';

const URL = process.env.BP_URL ?? 'http://127.0.0.1:4305/';
const OUT = 'docs/screenshots';

function node(id: string, kind: NodeKind, label: string, x: number, y: number, config = {}) {
  return { id, kind, label, position: { x, y }, config: { ...defaultConfig(kind), ...config } };
}

const app = { concurrency: 2, serviceTimeMs: 30, dbQueries: 1 };
export const showcase: TopologyDocument = {
  version: 1,
  title: 'Three app servers behind a load balancer',
  direction: 'LR',
  nodes: [
    node('users', 'client', 'Users', 0, 190, { rps: 170 }),
    node('nginx', 'proxy', 'nginx', 230, 190),
    node('lb', 'lb', 'Load balancer', 460, 190, { strategy: 'least-connections' }),
    node('static', 'static', 'Static files', 460, 380),
    node('app1', 'app', 'App 1', 700, 30, app),
    node('app2', 'app', 'App 2', 700, 190, app),
    node('app3', 'app', 'App 3', 700, 350, app),
    node('cache', 'cache', 'Redis', 960, 90),
    node('db', 'db', 'Database', 960, 290),
  ],
  edges: [
    { id: 'e-users-nginx', source: 'users', target: 'nginx' },
    { id: 'e-nginx-lb', source: 'nginx', target: 'lb', label: '/api' },
    { id: 'e-nginx-static', source: 'nginx', target: 'static', label: '/static' },
    ...['app1', 'app2', 'app3'].flatMap((a) => [
      { id: `e-lb-${a}`, source: 'lb', target: a },
      { id: `e-${a}-cache`, source: a, target: 'cache' },
      { id: `e-${a}-db`, source: a, target: 'db' },
    ]),
  ],
};

async function main() {
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox'],
  });
  // Video needs Playwright's own ffmpeg (npx playwright install ffmpeg); opt in with BP_VIDEO=1.
  const video = process.env.BP_VIDEO === '1';
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    ...(video ? { recordVideo: { dir: `${OUT}/.video`, size: { width: 960, height: 600 } } } : {}),
  });
  const page = await context.newPage();
  await page.addInitScript((text) => {
    localStorage.setItem('backend-playground:document', text);
    localStorage.setItem('backend-playground:hint-dismissed', '1');
  }, JSON.stringify(showcase));
  await page.goto(URL);
  await page.waitForSelector('.react-flow__node');
  await page.waitForTimeout(800);
  const hint = page.getByRole('button', { name: 'Dismiss hint' });
  if (await hint.isVisible()) await hint.click();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(6000);
  await page.locator('.react-flow__node[data-id="app3"]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  // The client selected (its live traffic slider in the inspector), App 1 hovered.
  await page.locator('.react-flow__node[data-id="users"]').click();
  await page.waitForTimeout(Number(process.env.BP_AFTER ?? 7000));
  await page.locator('.react-flow__node[data-id="app1"]').hover();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/live.png` });
  await page.waitForTimeout(video ? 3000 : 0);
  await context.close();
  await browser.close();
  if (video) {
    const v = await page.video()?.path();
    if (v) renameSync(v, `${OUT}/live.webm`);
    rmSync(`${OUT}/.video`, { recursive: true, force: true });
  }
}

await main();
