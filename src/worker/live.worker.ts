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
  const buffers = [frame.hops.times.buffer, frame.hops.ints.buffer] as ArrayBuffer[];
  await listener(Comlink.transfer(frame, buffers));
});

const run = new LiveRun({
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
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
