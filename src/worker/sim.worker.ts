// The simulation Web Worker: the engine runs here so the main thread stays free for the
// canvas. The UI talks to it through Comlink (see client.ts and docs/engine.md).

import * as Comlink from 'comlink';
import type { Frame } from './protocol.ts';
import { createSimService } from './service.ts';

const service = createSimService();

// Frames carry typed arrays; transfer them instead of copying.
const subscribe = service.subscribe;
service.subscribe = (onFrame) =>
  subscribe((frame: Frame) =>
    onFrame(Comlink.transfer(frame, [frame.hops.times.buffer, frame.hops.ints.buffer])),
  );

Comlink.expose(service);
