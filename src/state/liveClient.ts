// The page's end of the live-run Worker: starts it, forwards frames, and turns every way it
// can fail (an uncaught error, a message that cannot be read, a rejected call, silence)
// into one fault callback with a message a person can read.

import * as Comlink from 'comlink';
import type { LiveApi, LiveFrame } from '../worker/liveProtocol.ts';

/** No frame for this long while the Worker should be playing means it is gone. */
export const SILENCE_MS = 2500;

export interface LiveConnection {
  api: Comlink.Remote<LiveApi>;
  /** Wraps a call so a rejection becomes a fault instead of an unhandled promise. */
  call<T>(fn: (api: Comlink.Remote<LiveApi>) => Promise<T>): Promise<T | undefined>;
  /** The page expects frames now (playing, stepping, fast run) or not (paused). */
  expectFrames(on: boolean): void;
  dispose(): void;
}

export function connectLive(
  onFrame: (frame: LiveFrame) => void,
  onFault: (message: string) => void,
): LiveConnection {
  const worker = new Worker(new URL('../worker/live.worker.ts', import.meta.url), {
    type: 'module',
    name: 'backend-playground-simulation',
  });
  const api = Comlink.wrap<LiveApi>(worker);
  let alive = true;
  let lastFrame = performance.now();
  let expecting = false;
  const fault = (message: string) => {
    if (!alive) return;
    alive = false;
    clearInterval(watchdog);
    worker.terminate();
    onFault(message);
  };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fault(e.message ? `The simulation crashed: ${e.message}` : 'The simulation worker crashed.');
  });
  worker.addEventListener('messageerror', () =>
    fault('The simulation sent a message the page could not read.'),
  );
  const watchdog = setInterval(() => {
    if (expecting && performance.now() - lastFrame > SILENCE_MS) {
      fault('The simulation stopped responding.');
    }
  }, 500);
  void api.subscribe(
    Comlink.proxy((frame: LiveFrame) => {
      lastFrame = performance.now();
      if (alive) onFrame(frame);
    }),
  );
  return {
    api,
    async call(fn) {
      if (!alive) return undefined;
      try {
        return await fn(api);
      } catch (err) {
        fault(`The simulation failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    },
    expectFrames(on) {
      if (on && !expecting) lastFrame = performance.now();
      expecting = on;
    },
    dispose() {
      alive = false;
      clearInterval(watchdog);
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
