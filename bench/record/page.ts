// The recording bench's page (bench/record.ts builds and serves it): the real app, plus one
// function the bench calls. It reads `frames` consecutive frames of the running canvas into
// scenes, as a recording does (timing each read on the main thread), then pauses the run and
// hands them all at once to a fresh recording Worker, timed from the first frame to the
// finished file: frames / seconds is how fast this browser draws and encodes, with nothing
// waiting on the clock.

import '../../src/app/main.tsx';
import { onLiveDraw } from '../../src/canvas/live/liveDraw.ts';
import { SceneCapture } from '../../src/canvas/record/capture.ts';
import { DeltaSender } from '../../src/canvas/record/delta.ts';
import type { FromWorker, RecordFormat, ToWorker } from '../../src/canvas/record/protocol.ts';
import { clockText, supportedFormats } from '../../src/canvas/record/recorder.ts';
import type { RecordScene } from '../../src/canvas/record/scene.ts';

export interface BenchResult {
  format: RecordFormat;
  codec: string | null;
  width: number;
  height: number;
  frames: number;
  /** Frames drawn and encoded per second. */
  fps: number;
  bytes: number;
  /** Reading one frame on the page, ms. */
  captureMedian: number;
  captureMax: number;
  dots: number;
}

async function scenes(n: number, width: number, height: number) {
  const out: RecordScene[] = [];
  const times: number[] = [];
  let capture: SceneCapture | null = null;
  let warmed = false;
  await new Promise<void>((resolve) => {
    const off = onLiveDraw((state) => {
      capture ??= new SceneCapture(state.root);
      // As a recording does: every box read first, a few a frame, then the frames.
      if (!warmed) {
        warmed = capture.warm(state, 6);
        return;
      }
      const t0 = performance.now();
      out.push(
        capture.capture(
          state,
          { clock: clockText(state), caption: null },
          { width, height, captionBand: 0 },
        ),
      );
      times.push(performance.now() - t0);
      if (out.length >= n) {
        off();
        resolve();
      }
    });
  });
  (capture as SceneCapture | null)?.dispose();
  times.sort((a, b) => a - b);
  return { out, times };
}

const playButton = () =>
  document.querySelector<HTMLButtonElement>('.bp-run__play[aria-label="Play"]');

/** Pauses the run if it plays; true when it did. */
function pause(): boolean {
  const b = document.querySelector<HTMLButtonElement>('.bp-run__play[aria-label="Pause"]');
  b?.click();
  return b !== null;
}

let prepared: {
  format: RecordFormat;
  codec: string;
  width: number;
  height: number;
  fps: number;
  scenes: RecordScene[];
  times: number[];
  dots: number;
  paused: boolean;
} | null = null;

/** Reads the frames (the run playing), then pauses the run; null if the format is not offered. */
async function prepare(
  format: RecordFormat,
  frames: number,
  width: number,
  height: number,
  fps: number,
) {
  const support = await supportedFormats();
  const codec = format === 'gif' ? (support.gif ? 'gif' : null) : support[format];
  if (!codec) return null;
  if (!playButton() && !document.querySelector('.bp-run__play[aria-label="Pause"]')) return null;
  playButton()?.click();
  const { out, times } = await scenes(frames, width, height);
  // The frames were read from the running canvas; the encoding is timed with the run
  // paused, so the figure is the recorder's own speed, not a share of the simulation's core.
  const paused = pause();
  const dots = out.reduce(
    (n, s) => n + (s.dots?.buckets.reduce((m, b) => m + b.length / 2, 0) ?? 0),
    0,
  );
  prepared = { format, codec, width, height, fps, scenes: out, times, dots, paused };
  return { codec };
}

/** Hands the prepared frames to a fresh recording Worker and times it to the finished file. */
async function encode(): Promise<BenchResult> {
  const p = prepared!;
  const worker = new Worker(new URL('../../src/canvas/record/record.worker.ts', import.meta.url), {
    type: 'module',
  });
  const post = (m: ToWorker) => worker.postMessage(m);
  const t0 = performance.now();
  const done = new Promise<{ bytes: number }>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.type === 'done') resolve({ bytes: e.data.buffer.byteLength });
      if (e.data.type === 'error') reject(new Error(e.data.message));
    };
  });
  post({ type: 'start', format: p.format, width: p.width, height: p.height, fps: p.fps });
  const delta = new DeltaSender();
  for (const scene of p.scenes) post({ type: 'frame', scene: delta.slim(scene), repeat: 1 });
  post({ type: 'finish' });
  const { bytes } = await done;
  const seconds = (performance.now() - t0) / 1000;
  worker.terminate();
  const n = p.scenes.length;
  prepared = null;
  return {
    format: p.format,
    codec: p.codec,
    width: p.width,
    height: p.height,
    frames: n,
    fps: n / seconds,
    bytes,
    captureMedian: p.times[Math.floor(p.times.length / 2)]!,
    captureMax: p.times[p.times.length - 1]!,
    dots: Math.round(p.dots / n),
  };
}

(window as unknown as { __recordBench: unknown }).__recordBench = { prepare, encode };
