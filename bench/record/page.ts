// The recording bench's page (bench/record.ts builds and serves it): the real app, plus one
// function the bench calls. It reads `frames` consecutive frames of the running canvas into
// scenes, as a recording does (timing each read on the main thread), then hands them all at
// once to a fresh recording Worker and times it from the first frame to the finished file:
// frames / seconds is how fast this browser draws and encodes, with nothing waiting on the
// clock.

import '../../src/app/main.tsx';
import { onLiveDraw } from '../../src/canvas/live/liveDraw.ts';
import { SceneCapture } from '../../src/canvas/record/capture.ts';
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
  await new Promise<void>((resolve) => {
    const off = onLiveDraw((state) => {
      const t0 = performance.now();
      capture ??= new SceneCapture(state.root);
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

async function run(
  format: RecordFormat,
  frames: number,
  width: number,
  height: number,
  fps: number,
) {
  const support = await supportedFormats();
  const codec = format === 'gif' ? (support.gif ? 'gif' : null) : support[format];
  if (!codec) return { format, codec: null } as Partial<BenchResult>;
  const { out, times } = await scenes(frames, width, height);
  const dots = out.reduce(
    (n, s) => n + (s.dots?.buckets.reduce((m, b) => m + b.length / 2, 0) ?? 0),
    0,
  );
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
  post({ type: 'start', format, width, height, fps });
  for (const scene of out) post({ type: 'frame', scene, repeat: 1 });
  post({ type: 'finish' });
  const { bytes } = await done;
  const seconds = (performance.now() - t0) / 1000;
  worker.terminate();
  return {
    format,
    codec,
    width,
    height,
    frames,
    fps: frames / seconds,
    bytes,
    captureMedian: times[Math.floor(times.length / 2)]!,
    captureMax: times[times.length - 1]!,
    dots: Math.round(dots / frames),
  } satisfies BenchResult;
}

(window as unknown as { __recordBench: typeof run }).__recordBench = run;
