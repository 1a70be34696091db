// A frame of a recording next to a screenshot of the live canvas, for a person to compare:
//   docs/screenshots/record-live.png    the canvas as the page shows it
//   docs/screenshots/record-frame.png   the same moment, from the WebM the recorder made
// A running system with a crashed server (grey, DOWN badge), errors, a queue, a cache, a
// database and a host; the run is paused before recording, so both show the same instant.
// Needs a served build:
//   npx vite build && npx vite preview --port 4313   then   npx tsx scripts/record-compare.ts
// BP_URL overrides the address (default http://127.0.0.1:4313/).

import { existsSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { node } from '../src/model/example.ts';
import type { TopologyDocument } from '../src/model/types.ts';

const URL = (process.env.BP_URL ?? 'http://127.0.0.1:4313/').replace(/\/?$/, '/');
const OUT = 'docs/screenshots';

const app = { concurrency: 2, serviceTimeMs: 30, dbQueries: 1 };
const doc: TopologyDocument = {
  version: 1,
  title: 'Record compare',
  direction: 'LR',
  nodes: [
    node('users', 'client', 'Users', 0, 190, { rps: 170 }),
    node('nginx', 'proxy', 'nginx', 230, 190),
    node('lb', 'lb', 'Load balancer', 460, 190, { strategy: 'least-connections' }),
    node('host', 'group', 'Rack A', 660, 0, { cores: 8 }),
    node('app1', 'app', 'App 1', 40, 50, { ...app }),
    node('app2', 'app', 'App 2', 40, 170, { ...app, replicas: 3 }),
    node('app3', 'app', 'App 3', 700, 380, app),
    node('cache', 'cache', 'Redis', 960, 90),
    node('db', 'db', 'Database', 960, 290),
  ],
  edges: [
    { id: 'e-users-nginx', source: 'users', target: 'nginx' },
    { id: 'e-nginx-lb', source: 'nginx', target: 'lb', label: '/api' },
    ...['app1', 'app2', 'app3'].flatMap((a) => [
      { id: `e-lb-${a}`, source: 'lb', target: a },
      { id: `e-${a}-cache`, source: a, target: 'cache' },
      { id: `e-${a}-db`, source: a, target: 'db' },
    ]),
  ],
};
// The two servers live in the host (positions relative to it).
for (const n of doc.nodes) if (n.id === 'app1' || n.id === 'app2') n.parent = 'host';
const hostNode = doc.nodes.find((n) => n.id === 'host')!;
hostNode.size = { width: 260, height: 300 };

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.addInitScript((text) => {
      localStorage.setItem('backend-playground:document', text);
      localStorage.setItem('backend-playground:hint-dismissed', '1');
    }, JSON.stringify(doc));
    await page.goto(URL);
    await page.waitForSelector('.react-flow__node');
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(2500);
    await page.locator('.react-flow__node[data-id="app3"]').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Crash' }).click();
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Pause' }).click();
    // Let the dots settle where the paused clock has them, and the figures arrive.
    await page.waitForTimeout(1200);
    await page.mouse.move(5, 895);

    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menu').getByText('Record a video…').click();
    const dialog = page.getByRole('dialog', { name: 'Record a video' });
    await dialog.getByLabel('Length').fill('5');
    await dialog.getByRole('radio', { name: /WebM video/ }).check();
    await dialog.getByRole('button', { name: 'Start recording' }).click();
    // The dialog is gone while it records: the canvas is what the page shows, bar aside.
    await page.getByRole('region', { name: 'Recording' }).waitFor();
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const bar = document.querySelector<HTMLElement>('.bp-recbar');
      if (bar) bar.style.visibility = 'hidden';
    });
    await page.locator('.react-flow').screenshot({ path: `${OUT}/record-live.png` });
    await page.evaluate(() => {
      const bar = document.querySelector<HTMLElement>('.bp-recbar');
      if (bar) bar.style.visibility = '';
    });
    await dialog.getByText(/^Recorded/).waitFor({ timeout: 60_000 });
    const href = await dialog.getByRole('link', { name: /^Download/ }).getAttribute('href');
    const frame = await page.evaluate(async (url) => {
      const v = document.createElement('video');
      v.muted = true;
      v.src = url!;
      await new Promise((r) => {
        v.onloadeddata = r;
      });
      v.currentTime = 2.5;
      await new Promise((r) => {
        v.onseeked = r;
      });
      const c = document.createElement('canvas');
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      c.getContext('2d')!.drawImage(v, 0, 0);
      return { png: c.toDataURL('image/png'), width: c.width, height: c.height };
    }, href);
    writeFileSync(`${OUT}/record-frame.png`, Buffer.from(frame.png.split(',')[1]!, 'base64'));
    console.log(
      `wrote ${OUT}/record-live.png (the canvas) and ${OUT}/record-frame.png (${frame.width} × ${frame.height}, 2.5 s into the WebM)`,
    );
  } finally {
    await browser.close();
  }
}

await main();
