// Recording speed in a real browser: builds a page that is the app plus one bench function
// (bench/record/page.ts), plays the 20-box topology at 1,000 req/s, reads consecutive frames
// of the running canvas the way a recording does, and hands them all at once to the
// recording Worker: frames per second from the first frame in to the finished file is how
// fast this browser draws and encodes them, with nothing waiting on the clock.
//
// Budgets: a recording captures 30 frames a second (video) or 10 (GIF) in real time and the
// Worker must keep up, or frames pile up and the file takes longer to finish after the
// capture (none is dropped: the length stays right). Reading a frame on the page happens
// inside the live view's own animation frame, so it must stay small beside its 16 ms.

import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { twentyBoxes } from './browser.ts';
import type { BenchResult } from './record/page.ts';
import type { BenchModule, BenchRow } from './run.ts';

const OUT_DIR = 'node_modules/.bench-record-dist';
const WARMUP_MS = 3000;

interface Case {
  format: 'webm' | 'mp4' | 'gif';
  frames: number;
  width: number;
  height: number;
  fps: number;
}

const CASES: Case[] = [
  { format: 'webm', frames: 150, width: 1280, height: 720, fps: 30 },
  { format: 'mp4', frames: 150, width: 1280, height: 720, fps: 30 },
  { format: 'gif', frames: 50, width: 800, height: 450, fps: 10 },
];

const CODEC_NAMES: Record<string, string> = { vp9: 'VP9', vp8: 'VP8', avc: 'H.264', gif: 'gifenc' };

async function measure(
  url: string,
): Promise<(Partial<BenchResult> & { cpuPerFrameMs?: number })[]> {
  const browser = await chromium.launch({
    executablePath: existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium',
    // Software rendering, as on CI and machines without a usable GPU: the worst case, and
    // what the e2e tests run.
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript((text) => {
      localStorage.setItem('backend-playground:document', text);
      localStorage.setItem('backend-playground:hint-dismissed', '1');
    }, JSON.stringify(twentyBoxes()));
    await page.goto(url);
    await page.waitForSelector('.react-flow__node');
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(WARMUP_MS);
    // CPU time of every Chromium process (renderer, GPU, utility), to tell what the
    // recording costs from what a busy machine leaves it.
    const cdp = await browser.newBrowserCDPSession();
    const cpu = async () => {
      const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { cpuTime: number }[];
      };
      return processInfo.reduce((t, p) => t + p.cpuTime, 0);
    };
    type Bench = {
      prepare: (...a: unknown[]) => Promise<{ codec: string } | null>;
      encode: () => Promise<BenchResult>;
    };
    const out: (Partial<BenchResult> & { cpuPerFrameMs?: number })[] = [];
    for (const c of CASES) {
      const ready = await page.evaluate(
        (c) =>
          (window as unknown as { __recordBench: Bench }).__recordBench.prepare(
            c.format,
            c.frames,
            c.width,
            c.height,
            c.fps,
          ),
        c,
      );
      if (!ready) {
        out.push({ format: c.format });
        continue;
      }
      const before = await cpu();
      const r = await page.evaluate(() =>
        (window as unknown as { __recordBench: Bench }).__recordBench.encode(),
      );
      const spent = (await cpu()) - before;
      out.push({ ...r, cpuPerFrameMs: (spent * 1000) / r.frames });
    }
    return out;
  } finally {
    await browser.close();
  }
}

export const bench: BenchModule = {
  name: 'recording (browser)',
  async run(): Promise<BenchRow[]> {
    await build({
      logLevel: 'warn',
      build: {
        outDir: OUT_DIR,
        emptyOutDir: true,
        rolldownOptions: {
          input: { bench: fileURLToPath(new URL('./record/index.html', import.meta.url)) },
        },
      },
    });
    const server = await preview({
      logLevel: 'warn',
      build: { outDir: OUT_DIR },
      preview: { port: 0, host: '127.0.0.1' },
    });
    try {
      const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
      const results = await measure(new URL('bench/record/index.html', base).href);
      // How busy the machine was meanwhile: these figures are CPU-bound, and a shared
      // machine gives a recording what the other work leaves.
      const busy = `load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
      const rows: BenchRow[] = [];
      for (const [i, r] of results.entries()) {
        const c = CASES[i]!;
        const what = c.format === 'gif' ? 'GIF' : c.format === 'mp4' ? 'MP4' : 'WebM';
        if (!r.codec || r.fps === undefined) {
          rows.push({
            figure: `recording speed, ${what} at ${c.width}×${c.height}`,
            value: 'not offered by this browser',
            budget: `≥ ${c.fps} fps where offered`,
            ok: true,
          });
          continue;
        }
        rows.push({
          figure: `recording speed, ${what} (${CODEC_NAMES[r.codec] ?? r.codec}) at ${c.width}×${c.height}, 20 boxes at 1,000 req/s (${r.dots} dots a frame; ${(r.bytes! / 1024 / 1024).toFixed(1)} MB for ${c.frames / c.fps} s; ${r.cpuPerFrameMs!.toFixed(0)} ms of CPU a frame; ${busy})`,
          value: `${r.fps.toFixed(1)} frames/s`,
          budget: `≥ ${c.fps} frames/s (real time)`,
          ok: r.fps >= c.fps,
        });
      }
      const first = results.find((r) => r.captureMedian !== undefined);
      if (first) {
        rows.push({
          figure: 'recording: reading one frame of the canvas on the page (median, longest)',
          value: `${first.captureMedian!.toFixed(1)} ms, ${first.captureMax!.toFixed(0)} ms`,
          budget: 'median ≤ 2 ms',
          ok: first.captureMedian! <= 2,
        });
      }
      return rows;
    } finally {
      await server.close();
    }
  },
};
