// The first load in a real browser (the production build, served like a static host): every
// JavaScript and CSS byte the browser fetches before the editor is interactive, counted from
// the network (each response as it arrived, gzipped at level 6 as a static host sends it),
// not from the build output and not one chunk; and the time to the first drawn canvas.
//
// "Interactive" is: the canvas shows the diagram's boxes and the network has been quiet for
// a second with nothing left in flight, so a part the first screen loads right after it
// appears (a lazy chunk the first render asks for) is counted too. Parts loaded on first
// use (dialogs, Mermaid, elk, the recorder, charts once a run starts) are not fetched then.
//
// The app is measured on a first visit (the example diagram); the embed with the example
// diagram in its link, as Share → Embed writes it.

import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { encodeDocumentFragment } from '../src/io/share.ts';
import { exampleDocument } from '../src/model/example.ts';
import type { BenchModule, BenchRow } from './run.ts';
import { launchChromium, withBuild } from './serve.ts';

export const APP_BUDGET_KB = 150;
export const EMBED_BUDGET_KB = 120;
const FIRST_CANVAS_BUDGET_MS = 1500;
const QUIET_MS = 1000;

interface Loaded {
  /** gzipped KB of JS and CSS */
  kb: number;
  rawKb: number;
  files: number;
  /** ms from navigation start to the first box on the canvas */
  firstCanvasMs: number;
}

/** Fetched JS+CSS until the page is interactive (see above). */
async function firstLoad(page: Page, url: string): Promise<Loaded> {
  const bodies: Promise<{ raw: number; gz: number }>[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  page.on('request', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  const done = () => {
    inFlight--;
    lastActivity = Date.now();
  };
  page.on('requestfailed', done);
  page.on('requestfinished', (request) => {
    done();
    const path = new URL(request.url()).pathname;
    if (!/\.(m?js|css)$/.test(path)) return;
    bodies.push(
      request
        .response()
        .then((r) => r?.body())
        .then((b) =>
          b ? { raw: b.length, gz: gzipSync(b, { level: 6 }).length } : { raw: 0, gz: 0 },
        ),
    );
  });
  await page.goto(url);
  await page.waitForSelector('.react-flow__node', { timeout: 60_000 });
  const firstCanvasMs = (await page.evaluate(`(window.__firstBox ?? performance.now())`)) as number;
  while (inFlight > 0 || Date.now() - lastActivity < QUIET_MS) await page.waitForTimeout(100);
  const sizes = await Promise.all(bodies);
  return {
    kb: sizes.reduce((n, s) => n + s.gz, 0) / 1024,
    rawKb: sizes.reduce((n, s) => n + s.raw, 0) / 1024,
    files: sizes.length,
    firstCanvasMs,
  };
}

// When the first box appears, in page time (from navigation start).
const WATCH_FIRST_BOX = `(() => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.react-flow__node')) {
      window.__firstBox = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})()`;

async function measure(url: string): Promise<{ app: Loaded; embed: Loaded }> {
  const link = encodeDocumentFragment(exampleDocument());
  if (!link.ok) throw new Error(link.message);
  const browser = await launchChromium();
  try {
    const open = async (address: string) => {
      // A fresh context each time: nothing cached, nothing saved (a first visit).
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(WATCH_FIRST_BOX);
        return await firstLoad(page, address);
      } finally {
        await context.close();
      }
    };
    const app = await open(url);
    const embed = await open(`${url}embed.html${link.fragment}`);
    return { app, embed };
  } finally {
    await browser.close();
  }
}

export const bench: BenchModule = {
  name: 'first load (browser)',
  async run(): Promise<BenchRow[]> {
    const m = await withBuild(measure);
    const row = (what: string, l: Loaded, budget: number): BenchRow => ({
      figure: `${what}: JS + CSS fetched until interactive, gzipped (${l.files} files, ${l.rawKb.toFixed(0)} KB raw)`,
      value: `${l.kb.toFixed(1)} KB`,
      budget: `≤ ${budget} KB`,
      ok: l.kb <= budget,
    });
    return [
      row('editor with the example diagram, first visit', m.app, APP_BUDGET_KB),
      row('embed with the example diagram', m.embed, EMBED_BUDGET_KB),
      {
        figure: 'time to first canvas (navigation to the first box drawn), editor, first visit',
        value: `${m.app.firstCanvasMs.toFixed(0)} ms`,
        budget: `≤ ${FIRST_CANVAS_BUDGET_MS} ms`,
        ok: m.app.firstCanvasMs <= FIRST_CANVAS_BUDGET_MS,
      },
      {
        figure: '  the same, embed',
        value: `${m.embed.firstCanvasMs.toFixed(0)} ms`,
        budget: 'info',
        ok: true,
      },
    ];
  },
};
