// The recorder's Worker: frames come in as scenes, a file goes out. Drawing and encoding
// happen here, so the page only reads the canvas and stays smooth. Frames are handled one
// at a time in the order they came; a cancel drops what is queued and the file.

import { DeltaReceiver } from './delta.ts';
import { createSink, type FrameSink, probeFormats } from './encoder.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

let sink: Promise<FrameSink> | null = null;
let chain: Promise<void> = Promise.resolve();
let cancelled = false;
let failed = false;
let busyMs = 0;
let delta = new DeltaReceiver();

const fail = (err: unknown) => {
  if (failed || cancelled) return;
  failed = true;
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
};

/** Runs `task` after everything queued before it, unless the recording ended. */
const then = (task: (s: FrameSink) => Promise<void>) => {
  chain = chain.then(async () => {
    if (cancelled || failed || !sink) return;
    try {
      await task(await sink);
    } catch (err) {
      fail(err);
    }
  });
};

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'probe':
      void probeFormats(m.width, m.height, m.fps).then(
        (support) => post({ type: 'formats', support }),
        fail,
      );
      break;
    case 'start':
      cancelled = false;
      failed = false;
      busyMs = 0;
      delta = new DeltaReceiver();
      sink = createSink(m.format, m.width, m.height, m.fps);
      sink.catch(fail);
      break;
    case 'frame': {
      // Filled in at once, in message order (frames are handled one after another anyway).
      let scene: ReturnType<DeltaReceiver['fill']>;
      try {
        scene = delta.fill(m.scene);
      } catch (err) {
        fail(err);
        break;
      }
      then(async (s) => {
        const t0 = performance.now();
        await s.add(scene, m.repeat);
        busyMs += performance.now() - t0;
        post({ type: 'progress', encoded: s.frames, busyMs });
      });
      break;
    }
    case 'finish':
      then(async (s) => {
        const t0 = performance.now();
        const file = await s.finish();
        busyMs += performance.now() - t0;
        post({ type: 'done', ...file, busyMs }, [file.buffer]);
      });
      break;
    case 'cancel': {
      cancelled = true;
      const s = sink;
      sink = null;
      void s?.then((x) => x.cancel()).catch(() => {});
      break;
    }
  }
};
