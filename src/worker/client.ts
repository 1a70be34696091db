// Main-thread side of the simulation Worker: creates it and wraps it with Comlink.
//
//   const sim = createSimWorker();
//   await sim.api.load(doc, 42);
//   await sim.subscribe((frame) => draw(frame));
//   await sim.api.play(2);

import * as Comlink from 'comlink';
import type { Frame, RunFastProgress, RunFastResult, SimWorkerApi } from './protocol.ts';

export interface SimWorkerHandle {
  /** Every SimWorkerApi method, returning a Promise. */
  api: Comlink.Remote<SimWorkerApi>;
  /** Frames about every animation frame; the hop arrays are transferred (yours to keep). */
  subscribe(onFrame: (frame: Frame) => void): Promise<void>;
  runFast(
    virtualSeconds: number,
    onProgress?: (p: RunFastProgress) => void,
  ): Promise<RunFastResult>;
  terminate(): void;
}

export function createSimWorker(): SimWorkerHandle {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<SimWorkerApi>(worker);
  return {
    api,
    subscribe: (onFrame) => api.subscribe(Comlink.proxy(onFrame)),
    runFast: (seconds, onProgress) =>
      api.runFast(seconds, onProgress ? Comlink.proxy(onProgress) : undefined),
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
