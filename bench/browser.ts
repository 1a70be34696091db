// The live view in a real browser: builds the app, serves it, loads a 20-box topology,
// plays it at 1,000 req/s and measures, over 10 s, the median frame rate (requestAnimation-
// Frame deltas) while about a thousand requests are animated, and the longest main-thread
// task (PerformanceObserver 'longtask'). The page does no simulation work; these figures
// say whether drawing and the panels keep up.

import { defaultConfig } from '../src/model/kinds.ts';
import type { NodeKind, TopologyDocument } from '../src/model/types.ts';
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
      dots.push(Number(canvas.dataset.dots || 0));
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

async function measure(url: string) {
  const browser = await launchChromium();
  try {
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
    }, JSON.stringify(twentyBoxes()));
    await page.goto(url);
    await page.waitForSelector('.react-flow__node');
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(WARMUP_MS);
    const m = (await page.evaluate(MEASURE_SCRIPT.replace('MS', String(MEASURE_MS)))) as {
      medianFps: number;
      longestTask: number;
      longTasks: number;
      medianDots: number;
    };
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
    return { ...m, inFlight };
  } finally {
    await browser.close();
  }
}

export const bench: BenchModule = {
  name: 'live view (browser)',
  async run(): Promise<BenchRow[]> {
    const m = await withBuild(measure);
    return [
      {
        figure: `median frame rate, 20 boxes at 1,000 req/s, ${m.inFlight.toLocaleString('en')} requests in flight (${m.medianDots} dots drawn)`,
        value: `${m.medianFps.toFixed(1)} fps`,
        budget: '≥ 55 fps',
        ok: m.medianFps >= 55,
      },
      {
        figure: `longest main-thread task over 10 s (${m.longTasks} long tasks)`,
        value: `${m.longestTask.toFixed(0)} ms`,
        budget: '≤ 50 ms',
        ok: m.longestTask <= 50,
      },
    ];
  },
};
