// Refreshes the pictures in README.md and docs/ from the current build:
//   editor.png     the first visit (the example diagram), a box selected in the inspector
//   live.png       a load balancer over three app servers; one crashes, the others saturate
//   live.webm      the same, a few seconds of it moving (only where ffmpeg is installed)
//   story.png      System 3, step 2, running
//   presenter.png  the same step in presenter mode
//   embed.png      the course page with its two embeds
//   challenge.png  a challenge checked: two goals missed, each naming its box, the graded run
// Needs a served build:
//   npx vite build && npx vite preview --port 4305   then   npx tsx scripts/screenshots.ts
// BP_URL overrides the address (default http://127.0.0.1:4305/); BP_ONLY=challenge,embed
// takes only those pictures.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from '@playwright/test';
import { node } from '../src/model/example.ts';
import type { TopologyDocument } from '../src/model/types.ts';

const URL = (process.env.BP_URL ?? 'http://127.0.0.1:4305/').replace(/\/?$/, '/');
const OUT = 'docs/screenshots';
const DOCUMENT_KEY = 'backend-playground:document';
const HINT_KEY = 'backend-playground:hint-dismissed';

const app = { concurrency: 2, serviceTimeMs: 30, dbQueries: 1 };
/** The running system of live.png: enough traffic that losing one server hurts. */
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

async function newPage(browser: Browser, saved?: TopologyDocument): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.addInitScript(
    ([docKey, hintKey, text]) => {
      if (text) localStorage.setItem(docKey!, text);
      if (text) localStorage.setItem(hintKey!, '1');
    },
    [DOCUMENT_KEY, HINT_KEY, saved ? JSON.stringify(saved) : ''],
  );
  return page;
}

async function editor(browser: Browser): Promise<void> {
  const page = await newPage(browser);
  await page.goto(URL);
  await page.waitForSelector('.react-flow__node');
  await page.waitForTimeout(800);
  await page.locator('.react-flow__node[data-id="app1"]').click();
  await page.getByRole('button', { name: 'Add Redis cache' }).hover();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/editor.png` });
  await page.context().close();
}

/** Crashes App 3 a few seconds in; calls `during` while the others saturate. */
async function live(browser: Browser, during: (page: Page) => Promise<void>): Promise<void> {
  const page = await newPage(browser, showcase);
  await page.goto(URL);
  await page.waitForSelector('.react-flow__node');
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(6000);
  await page.locator('.react-flow__node[data-id="app3"]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  // The client selected (its live traffic slider in the inspector), App 1 hovered.
  await page.locator('.react-flow__node[data-id="users"]').click();
  await during(page);
  await page.context().close();
}

async function livePicture(page: Page): Promise<void> {
  await page.waitForTimeout(7000);
  await page.locator('.react-flow__node[data-id="app1"]').hover();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/live.png` });
}

/**
 * A few seconds of the run as WebM: Chromium's screencast frames piped into Debian's (or
 * any) ffmpeg. Playwright's own recorder needs a browser download these machines lack.
 */
async function liveVideo(page: Page): Promise<void> {
  const ffmpeg = spawn(
    'ffmpeg',
    ['-y', '-loglevel', 'error', '-f', 'image2pipe', '-framerate', '25', '-i', '-'].concat([
      '-vf',
      'scale=960:-2',
      '-c:v',
      'libvpx-vp9',
      '-b:v',
      '0',
      '-crf',
      '40',
      '-deadline',
      'good',
      '-an',
      `${OUT}/live.webm`,
    ]),
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const cdp = await page.context().newCDPSession(page);
  // Frames arrive when the page repaints; each is held until the next so the video keeps
  // real time at 25 frames a second.
  let last: Buffer | null = null;
  cdp.on('Page.screencastFrame', (frame) => {
    last = Buffer.from(frame.data, 'base64');
    void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId });
  });
  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 80, everyNthFrame: 1 });
  await page.waitForTimeout(1500);
  const until = Date.now() + 8000;
  while (Date.now() < until) {
    if (last) ffmpeg.stdin.write(last);
    await page.waitForTimeout(40);
  }
  await cdp.send('Page.stopScreencast');
  ffmpeg.stdin.end();
  await new Promise((resolve) => ffmpeg.on('close', resolve));
}

async function story(browser: Browser): Promise<void> {
  const page = await newPage(browser);
  await page.goto(`${URL}#/story/system-3/2`);
  await page.waitForSelector('.react-flow__node');
  await page.waitForTimeout(9000);
  await page.screenshot({ path: `${OUT}/story.png` });
  await page.keyboard.press('Shift+P');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${OUT}/presenter.png` });
  await page.context().close();
}

async function embed(browser: Browser): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1040, height: 745 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${URL}course-example.html`);
  const frame = page.frameLocator('iframe').first();
  await frame.locator('.react-flow__node').first().waitFor();
  await page.getByRole('button', { name: 'Play' }).first().click();
  await page.waitForTimeout(8000);
  // Clicking Play scrolled the button into view; the picture starts at the page's top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/embed.png` });
  await context.close();
}

async function challenge(browser: Browser): Promise<void> {
  const page = await newPage(browser);
  await page.goto(`${URL}#/challenge/one-server`);
  await page.waitForSelector('.react-flow__node');
  await page.getByRole('button', { name: 'Check my design' }).click();
  await page.getByTestId('challenge-summary').waitFor();
  await page.locator('.react-flow__node[data-id="app"]').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${OUT}/challenge.png` });
  await page.context().close();
}

async function main() {
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox'],
  });
  const only = process.env.BP_ONLY ? new Set(process.env.BP_ONLY.split(',')) : null;
  const take = (name: string) => !only || only.has(name);
  try {
    if (take('editor')) await editor(browser);
    if (take('live')) await live(browser, livePicture);
    if (take('live')) {
      if (spawnSync('ffmpeg', ['-version']).status === 0) await live(browser, liveVideo);
      else console.log('no ffmpeg: live.webm left as it is');
    }
    if (take('story')) await story(browser);
    if (take('embed')) await embed(browser);
    if (take('challenge')) await challenge(browser);
  } finally {
    await browser.close();
  }
}

await main();
