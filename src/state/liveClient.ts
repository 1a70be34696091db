// The page's end of the live-run Worker: starts it, forwards frames, and turns every way it
// can fail (an uncaught error, a message that cannot be read, a rejected call, silence)
// into one fault callback with a message a person can read.

import * as Comlink from 'comlink';
import type { LiveApi, LiveFrame } from '../worker/liveProtocol.ts';

/** No frame for this long while the Worker should be playing means it is gone. */
export const SILENCE_MS = 4000;
const CHECK_MS = 500;

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
  // When the page itself was busy (a long task, a background tab), this timer fires late
  // and frames may still be waiting in the message queue: that is not the Worker's silence,
  // so the clock starts over.
  let lastCheck = performance.now();
  const watchdog = setInterval(() => {
    const now = performance.now();
    if (now - lastCheck > CHECK_MS * 3) lastFrame = now;
    lastCheck = now;
    if (expecting && now - lastFrame > SILENCE_MS) {
      fault('The simulation stopped responding.');
    }
  }, CHECK_MS);
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
