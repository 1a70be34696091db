// The live-run Worker: a LiveRun behind Comlink. Frames go to the page through the callback
// it subscribed, with the hop arrays transferred (no copy).

import * as Comlink from 'comlink';
import { FrameQueue } from './frameQueue.ts';
import type { LiveApi, LiveFrame } from './liveProtocol.ts';
import { LiveRun } from './liveRun.ts';

let listener: ((frame: LiveFrame) => unknown) | null = null;

// The page acknowledges each frame (the proxied callback's promise resolves when it has
// run); frames made meanwhile are merged, so a slow page never builds a backlog.
const frames = new FrameQueue(async (frame) => {
  if (!listener) return;
  // A drained batch keeps both arrays in one buffer (sim/hops.ts): list it once.
  const buffers = [...new Set([frame.hops.times.buffer, frame.hops.ints.buffer])] as ArrayBuffer[];
  await listener(Comlink.transfer(frame, buffers));
});

// A fast run yields between its slices with a 0 ms timer so that Cancel gets in. Nested
// timers are held back to 4 ms each after the fifth (HTML's clamp): a minute of a big
// diagram yields some sixty times, a quarter of a second of idling. A message to ourselves
// comes back at once, queued behind whatever the page has sent meanwhile.
const yields = new MessageChannel();
const waiting = new Map<number, () => void>();
let nextYield = 0;
yields.port1.onmessage = (e: MessageEvent<number>) => {
  const fn = waiting.get(e.data);
  waiting.delete(e.data);
  fn?.();
};

const run = new LiveRun({
  now: () => performance.now(),
  setTimer: (fn, ms) => {
    if (ms > 0) return setTimeout(fn, ms);
    const id = nextYield++;
    waiting.set(id, fn);
    yields.port2.postMessage(id);
    return { yieldId: id };
  },
  clearTimer: (h) => {
    if (typeof h === 'object' && h !== null && 'yieldId' in h) waiting.delete(h.yieldId as number);
    else clearTimeout(h as ReturnType<typeof setTimeout>);
  },
  send: (frame) => frames.send(frame),
});

const api: LiveApi = {
  subscribe: (onFrame) => {
    listener = onFrame;
  },
  start: (doc, options) => run.start(doc, options),
  play: () => run.play(),
  pause: () => run.pause(),
  step: (ms) => run.step(ms),
  setSpeed: (speed) => run.setSpeed(speed),
  update: (doc) => run.update(doc),
  inject: (action) => run.inject(action),
  runFast: (ms, onProgress) => run.runFast(ms, onProgress),
  cancelFast: () => run.cancelFast(),
  rewind: (t, onProgress) => run.rewind(t, onProgress),
  journey: (id) => run.journey(id),
  journeys: () => run.journeys(),
  stop: () => run.stop(),
};

Comlink.expose(api);
