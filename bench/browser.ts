// The live view in a real browser: builds the app, serves it, loads a 20-box topology,
// plays it at 1,000 req/s and measures, over 10 s, the median frame rate (requestAnimation-
// Frame deltas) while about a thousand requests are animated, and the longest main-thread
// task (PerformanceObserver 'longtask'). The page does no simulation work; these figures
// say whether drawing and the panels keep up. Then the same at 300 and 1,000 boxes (app
// servers behind a load balancer at 3,000 req/s), with the frame rate while panning and
// while dragging a box during the run, and the wall time of "Run 60 s fast" (click to the
// end of its progress bar) with the longest main-thread task meanwhile.

import { defaultConfig } from '../src/model/kinds.ts';
import type { NodeKind, TopologyDocument } from '../src/model/types.ts';
import type { Browser, Page } from '@playwright/test';
import type { BenchModule, BenchRow } from './run.ts';
import { launchChromium, withBuild } from './serve.ts';

const MEASURE_MS = 10_000;
const WARMUP_MS = 4_000;

function node(id: string, kind: NodeKind, x: number, y: number, config = {}) {
  return { id, kind, label: id, position: { x, y }, config: { ...defaultConfig(kind), ...config } };
}

/**
 * 20 boxes: users → nginx → lb → 12 app servers → cache and db; a queue and a worker. The
 * servers take about 1.3 s per request and nginx allows 4,096 connections, so at 1,000 req/s
 * over 1,000 requests are in flight at any moment (Little's law), as the budget asks.
 */
export function twentyBoxes(): TopologyDocument {
  const apps = Array.from({ length: 12 }, (_, i) => `app${i + 1}`);
  const nodes = [
    node('users', 'client', 0, 500, { rps: 1000 }),
    node('nginx', 'proxy', 250, 500, { maxConnections: 4096 }),
    node('lb', 'lb', 500, 500),
    node('static', 'static', 500, 760),
    ...apps.map((id, i) => node(id, 'app', 800, i * 90, { concurrency: 160, serviceTimeMs: 1300 })),
    node('cache', 'cache', 1120, 300),
    node('db', 'db', 1120, 700),
    node('jobs', 'queue', 1120, 1000),
    node('worker', 'worker', 1400, 1000),
  ];
  const edges = [
    { id: 'users-nginx', source: 'users', target: 'nginx' },
    { id: 'nginx-lb', source: 'nginx', target: 'lb', label: '/api' },
    { id: 'nginx-static', source: 'nginx', target: 'static', label: '/static' },
    ...apps.flatMap((a) => [
      { id: `lb-${a}`, source: 'lb', target: a },
      { id: `${a}-cache`, source: a, target: 'cache' },
      { id: `${a}-db`, source: a, target: 'db' },
    ]),
    { id: 'app1-jobs', source: 'app1', target: 'jobs' },
    { id: 'jobs-worker', source: 'jobs', target: 'worker' },
  ];
  return { version: 1, title: '20 boxes at 1,000 req/s', direction: 'LR', nodes, edges };
}

/**
 * `boxes` boxes: a client at 3,000 req/s → a load balancer → app servers in a grid (the
 * issue's "300 app servers behind a load balancer"). Configs at their defaults otherwise.
 */
export function appFarm(boxes: number, rps = 3000): TopologyDocument {
  const apps = Array.from({ length: boxes - 2 }, (_, i) => `app${i + 1}`);
  const cols = Math.ceil(Math.sqrt(apps.length * 1.6));
  const nodes = [
    node('users', 'client', 0, 0, { rps }),
    node('lb', 'lb', 260, 0),
    ...apps.map((id, i) => node(id, 'app', 560 + (i % cols) * 220, Math.floor(i / cols) * 140)),
  ];
  const edges = [
    { id: 'users-lb', source: 'users', target: 'lb' },
    ...apps.map((a) => ({ id: `lb-${a}`, source: 'lb', target: a })),
  ];
  return {
    version: 1,
    title: `${boxes} boxes at ${rps.toLocaleString('en')} req/s`,
    direction: 'LR',
    nodes,
    edges,
  };
}

// Plain JavaScript (a string, so no bundler helpers leak into the page): rAF deltas and
// drawn dots over MS milliseconds, and the long tasks seen meanwhile.
const MEASURE_SCRIPT = `(async () => {
  window.__longest = 0;
  window.__tasks = 0;
  const canvas = document.querySelector('[data-testid="live-dots"]');
  const deltas = [];
  const dots = [];
  await new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    function tick(now) {
      deltas.push(now - last);
      last = now;
      dots.push(Number(canvas ? canvas.dataset.dots || 0 : 0));
      if (now - start < MS) requestAnimationFrame(tick);
      else resolve();
    }
    requestAnimationFrame(tick);
  });
  const sorted = deltas.slice(1).sort((a, b) => a - b);
  const sortedDots = dots.slice().sort((a, b) => a - b);
  return {
    medianFps: 1000 / sorted[Math.floor(sorted.length / 2)],
    longestTask: window.__longest,
    longTasks: window.__tasks,
    medianDots: sortedDots[Math.floor(sortedDots.length / 2)],
  };
})()`;

interface Frames {
  medianFps: number;
  longestTask: number;
  longTasks: number;
  medianDots: number;
}

const frames = (page: Page, ms: number) =>
  page.evaluate(MEASURE_SCRIPT.replace('MS', String(ms))) as Promise<Frames>;

async function openDoc(browser: Browser, url: string, doc: TopologyDocument): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript((text) => {
    localStorage.setItem('backend-playground:document', text);
    localStorage.setItem('backend-playground:hint-dismissed', '1');
    const w = window as unknown as { __longest: number; __tasks: number };
    w.__longest = 0;
    w.__tasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__tasks++;
        w.__longest = Math.max(w.__longest, e.duration);
      }
    }).observe({ type: 'longtask', buffered: false });
  }, JSON.stringify(doc));
  await page.goto(url);
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="busy-note"]') &&
      !document.querySelector('[data-testid="drawing-note"]') &&
      document.querySelectorAll('.react-flow__node').length > 0,
    null,
    { timeout: 120_000, polling: 100 },
  );
  await page.waitForTimeout(1000);
  return page;
}

/** A point of the empty pane (no box under it), to pan from. */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 15) {
      for (let x = pane.left + 20; x < pane.right - 20; x += 15) {
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!p) throw new Error('no empty spot on the canvas to pan from');
  return p;
}

/** Drags from `from` in small steps (about one per frame) while the frame rate is measured. */
async function dragMeasured(page: Page, from: { x: number; y: number }, ms: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const measured = frames(page, ms);
  const started = Date.now();
  let i = 0;
  while (Date.now() - started < ms) {
    i++;
    // Back and forth, 150 px each way, so the box or the view stays in reach.
    const phase = (i % 60) / 60;
    const dx = (phase < 0.5 ? phase : 1 - phase) * 300;
    await page.mouse.move(from.x + dx, from.y + dx / 3);
    await page.waitForTimeout(16);
  }
  const m = await measured;
  await page.mouse.up();
  return m;
}

async function measure(url: string) {
  const browser = await launchChromium();
  try {
    const page = await openDoc(browser, url, twentyBoxes());
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(WARMUP_MS);
    const m = await frames(page, MEASURE_MS);
    // Requests in flight, as the engine counts them: the client's row in the Boxes table.
    await page.getByRole('tab', { name: 'Boxes' }).click();
    await page.waitForTimeout(600);
    const inFlight = Number(
      await page
        .getByRole('row', { name: /^users/ })
        .locator('td')
        .nth(3)
        .textContent(),
    );
    await page.close();
    return { ...m, inFlight };
  } finally {
    await browser.close();
  }
}

interface Big {
  playing: Frames;
  pan: Frames;
  drag: Frames | null;
  fastMs: number;
  fastLongest: number;
}

/** A big diagram playing at 3,000 req/s: frames, panning, dragging a box, Run 60 s fast. */
async function measureBig(url: string, boxes: number, withDrag: boolean): Promise<Big> {
  const browser = await launchChromium();
  try {
    const page = await openDoc(browser, url, appFarm(boxes));
    // Run 60 s fast first (from the idle editor, as a learner would): click to the end of
    // its progress bar, and the longest main-thread task meanwhile.
    await page.evaluate('window.__longest = 0; window.__tasks = 0;');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run 60 s fast' }).click();
    await page
      .waitForSelector('[data-testid="fast-progress"]', { timeout: 10_000 })
      .catch(() => {});
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="fast-progress"]'),
      null,
      {
        timeout: 180_000,
        polling: 50,
      },
    );
    const fastMs = Date.now() - t0;
    const fastLongest = (await page.evaluate('window.__longest')) as number;
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(BIG_WARMUP_MS);
    const playing = await frames(page, BIG_MEASURE_MS);
    const pan = await dragMeasured(page, await emptyPoint(page), GESTURE_MS);
    let drag: Frames | null = null;
    if (withDrag) {
      const box = await page.locator('.react-flow__node').nth(5).boundingBox();
      if (!box) throw new Error('no box to drag');
      drag = await dragMeasured(page, { x: box.x + box.width / 2, y: box.y + 8 }, GESTURE_MS);
    }
    return { playing, pan, drag, fastMs, fastLongest };
  } finally {
    await browser.close();
  }
}

const BIG_WARMUP_MS = 3_000;
const BIG_MEASURE_MS = 5_000;
const GESTURE_MS = 3_000;
const FAST_BUDGET_MS = 3_000;

export const bench: BenchModule = {
  name: 'live view (browser)',
  async run(): Promise<BenchRow[]> {
    const m = await withBuild(measure);
    const b300 = await withBuild((url) => measureBig(url, 300, true));
    const b1000 = await withBuild((url) => measureBig(url, 1000, false));
    const fps = (figure: string, f: Frames, min: number): BenchRow => ({
      figure,
      value: `${f.medianFps.toFixed(1)} fps`,
      budget: `≥ ${min} fps`,
      ok: f.medianFps >= min,
    });
    const longest = (figure: string, f: Frames, max: number | null): BenchRow => ({
      figure: `${figure} (${f.longTasks} long tasks)`,
      value: `${f.longestTask.toFixed(0)} ms`,
      budget: max === null ? 'info' : `≤ ${max} ms`,
      ok: max === null || f.longestTask <= max,
    });
    return [
      fps(
        `median frame rate, 20 boxes at 1,000 req/s, ${m.inFlight.toLocaleString('en')} requests in flight (${m.medianDots} dots drawn)`,
        m,
        55,
      ),
      longest('  longest main-thread task over 10 s, 20 boxes', m, 50),
      fps(
        `median frame rate, 300 boxes at 3,000 req/s (${b300.playing.medianDots} dots drawn)`,
        b300.playing,
        55,
      ),
      longest('  longest main-thread task over 5 s, 300 boxes', b300.playing, 50),
      fps('  panning, 300 boxes, playing', b300.pan, 55),
      fps('  dragging a box, 300 boxes, playing', b300.drag!, 55),
      fps(
        `median frame rate, 1,000 boxes at 3,000 req/s (${b1000.playing.medianDots} dots drawn)`,
        b1000.playing,
        30,
      ),
      longest('  longest main-thread task over 5 s, 1,000 boxes', b1000.playing, null),
      fps('  panning, 1,000 boxes, playing', b1000.pan, 30),
      {
        figure: `Run 60 s fast, 300 boxes at 3,000 req/s, click to the end of its progress bar (longest main-thread task ${b300.fastLongest.toFixed(0)} ms)`,
        value: `${(b300.fastMs / 1000).toFixed(2)} s`,
        budget: `< ${FAST_BUDGET_MS / 1000} s`,
        ok: b300.fastMs < FAST_BUDGET_MS,
      },
      {
        figure: `  the same, 1,000 boxes (longest main-thread task ${b1000.fastLongest.toFixed(0)} ms)`,
        value: `${(b1000.fastMs / 1000).toFixed(2)} s`,
        budget: 'info',
        ok: true,
      },
    ];
  },
};
