// Records the live canvas into a video or a GIF, without screen capture: every frame the
// live overlay draws (liveDraw.ts), a frame that is due is read into a scene (capture.ts)
// and sent to a Worker that paints and encodes it (record.worker.ts). The run is only
// watched, never touched: pausing, crashing boxes, editing and panning all go on as usual
// and show in the recording; cancelling or a failure drops the file and nothing else.
//
// Timing: frame i is due i / fps seconds of wall time after the first; when the page falls
// behind, the frame it does draw counts for every frame it missed, so the file always has
// seconds × fps frames and lasts exactly as long as asked. While the tab is hidden (no
// frames drawn at all) the recording waits instead of filling the gap with one still.

import { type LiveDrawState, onLiveDraw } from '../live/liveDraw.ts';
import { type CaptureExtras, SceneCapture } from './capture.ts';
import { DeltaSender } from './delta.ts';
import type { FormatSupport, FromWorker, RecordFormat, ToWorker } from './protocol.ts';

export type { FormatSupport, RecordFormat } from './protocol.ts';

export const MIN_SECONDS = 5;
export const MAX_SECONDS = 60;

/** The largest frame for each kind of file, and its frame rate. */
export const VIDEO_BOX = { width: 1280, height: 720, fps: 30 } as const;
export const GIF_BOX = { width: 800, height: 450, fps: 10 } as const;
/** Main-thread time per frame spent reading boxes before the first frame, ms. */
const WARM_BUDGET_MS = 6;
/** Room kept under the diagram for captions, as a share of the frame's height. */
export const CAPTION_BAND = 0.14;

export interface RecordOptions {
  seconds: number;
  format: RecordFormat;
  /** Shown in big type under the diagram for the whole recording. */
  caption?: string | null;
  /**
   * A caption per frame, from the display clock (virtual ms) the frame shows: live captions
   * feed it ("App 3 crashed"). What it returns wins over `caption`; null shows `caption`.
   */
  captionAt?: (virtualMs: number) => string | null;
  /** Called as frames are captured and encoded. */
  onProgress?: (p: RecordProgress) => void;
}

export interface RecordProgress {
  phase: 'recording' | 'finishing';
  /** Frames captured and frames encoded so far, of `total`. */
  captured: number;
  encoded: number;
  total: number;
  fps: number;
}

export interface RecordResult {
  blob: Blob;
  format: RecordFormat;
  extension: string;
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Seconds. */
  duration: number;
  /** Drawing and encoding time in the Worker, ms: frames / (busyMs / 1000) is the speed. */
  busyMs: number;
}

export class RecordingCancelled extends Error {
  constructor() {
    super('The recording was cancelled');
    this.name = 'RecordingCancelled';
  }
}

export interface Recording {
  readonly done: Promise<RecordResult>;
  /** Ends the recording now and keeps what was captured. */
  stop(): void;
  /** Ends it and drops everything; `done` rejects with RecordingCancelled. */
  cancel(): void;
}

const newWorker = () =>
  new Worker(new URL('./record.worker.ts', import.meta.url), {
    type: 'module',
    name: 'recorder',
  });

/** Output size: the canvas's aspect, as large as fits in `box`, even (video codecs need it). */
export function outputSize(
  paneWidth: number,
  paneHeight: number,
  box: { width: number; height: number },
): { width: number; height: number } {
  const aspect = paneWidth > 0 && paneHeight > 0 ? paneWidth / paneHeight : box.width / box.height;
  let width = box.width;
  let height = Math.round(width / aspect);
  if (height > box.height) {
    height = box.height;
    width = Math.round(height * aspect);
  }
  const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
  return { width: even(width), height: even(height) };
}

let probed: Promise<FormatSupport> | null = null;

/** What this browser can record (asked once, in a Worker like the real encoding). */
export function supportedFormats(): Promise<FormatSupport> {
  probed ??= new Promise<FormatSupport>((resolve) => {
    const none: FormatSupport = { webcodecs: false, webm: null, mp4: null, gif: false };
    let worker: Worker;
    try {
      worker = newWorker();
    } catch {
      resolve(none);
      return;
    }
    const timer = setTimeout(() => {
      worker.terminate();
      resolve(none);
    }, 8000);
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.type !== 'formats' && e.data.type !== 'error') return;
      clearTimeout(timer);
      worker.terminate();
      resolve(e.data.type === 'formats' ? e.data.support : none);
    };
    worker.onerror = () => {
      clearTimeout(timer);
      worker.terminate();
      resolve(none);
    };
    const msg: ToWorker = { type: 'probe', ...VIDEO_BOX };
    worker.postMessage(msg);
  });
  return probed;
}

/** The clock as the top bar writes it, with the speed when it is not 1×. */
export function clockText(state: Pick<LiveDrawState, 'status' | 'started' | 'display' | 'speed'>) {
  if (state.status === 'idle' || !state.started) return null;
  const t = `${(Math.max(0, state.display) / 1000).toFixed(1)} s`;
  return state.speed === 1 ? t : `${t} · ${state.speed}×`;
}

export function startRecording(options: RecordOptions): Recording {
  const { format } = options;
  const seconds = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, options.seconds));
  const box = format === 'gif' ? GIF_BOX : VIDEO_BOX;
  const fps = box.fps;
  const total = Math.round(seconds * fps);
  const band = options.caption?.trim() || options.captionAt ? CAPTION_BAND : 0;

  let worker: Worker | null = newWorker();
  let capture: SceneCapture | null = null;
  const delta = new DeltaSender();
  let size = { width: 0, height: 0 };
  let start = -1;
  let lastTap = 0;
  let sent = 0;
  let encoded = 0;
  let finished = false;
  let settled = false;
  let resolve!: (r: RecordResult) => void;
  let reject!: (e: Error) => void;
  const done = new Promise<RecordResult>((res, rej) => {
    resolve = res;
    reject = rej;
  });

  const post = (m: ToWorker, transfer: Transferable[] = []) => worker?.postMessage(m, transfer);
  const progress = () =>
    options.onProgress?.({
      phase: finished ? 'finishing' : 'recording',
      captured: sent,
      encoded,
      total: finished ? sent : total,
      fps,
    });

  const cleanup = () => {
    unsubscribe();
    capture?.dispose();
    capture = null;
    worker?.terminate();
    worker = null;
  };
  const fail = (err: Error) => {
    if (settled) return;
    settled = true;
    cleanup();
    reject(err);
  };

  const finish = () => {
    if (finished || settled) return;
    finished = true;
    unsubscribe();
    if (sent === 0) {
      fail(new Error('nothing was recorded: the canvas drew no frame'));
      return;
    }
    post({ type: 'finish' });
    progress();
  };

  const onDraw = (state: LiveDrawState) => {
    if (finished || settled) return;
    const now = performance.now();
    if (!capture) {
      capture = new SceneCapture(state.root);
      // A caption band goes under the canvas, so the frame is that much taller.
      size = outputSize(state.width, state.height / (1 - band), box);
      post({ type: 'start', format, width: size.width, height: size.height, fps });
    }
    if (start < 0) {
      // First, every box is read, a few each frame (a big diagram read at once would
      // stall the page); the clock of the recording starts when that is done.
      if (!capture.warm(state, WARM_BUDGET_MS)) return;
      start = now;
      lastTap = now;
    } else if (now - lastTap > 500) {
      // No frame drawn for a while (a hidden tab): the recording waits too.
      start += now - lastTap - 1000 / fps;
    }
    lastTap = now;
    const due = Math.min(total, Math.floor(((now - start) * fps) / 1000) + 1);
    if (due <= sent) return;
    const extras: CaptureExtras = {
      clock: clockText(state),
      caption: options.captionAt?.(state.display) ?? options.caption?.trim() ?? null,
    };
    let scene: ReturnType<SceneCapture['capture']>;
    try {
      scene = capture.capture(state, extras, { ...size, captionBand: band });
    } catch (err) {
      fail(new Error(`could not read the canvas: ${err instanceof Error ? err.message : err}`));
      return;
    }
    const transfer = scene.dots ? scene.dots.buckets.map((b) => b.buffer) : [];
    post({ type: 'frame', scene: delta.slim(scene), repeat: due - sent }, transfer);
    sent = due;
    progress();
    if (sent >= total) finish();
  };
  const unsubscribe = onLiveDraw(onDraw);

  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') {
      encoded = m.encoded;
      progress();
    } else if (m.type === 'error') {
      fail(new Error(m.message));
    } else if (m.type === 'done') {
      if (settled) return;
      settled = true;
      cleanup();
      resolve({
        blob: new Blob([m.buffer], { type: m.mime }),
        format,
        extension: m.extension,
        width: size.width,
        height: size.height,
        fps,
        frames: m.frames,
        duration: m.duration,
        busyMs: m.busyMs,
      });
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fail(new Error(e.message || 'the recording Worker stopped'));
  };

  return {
    done,
    stop: finish,
    cancel() {
      if (settled) return;
      post({ type: 'cancel' });
      fail(new RecordingCancelled());
    },
  };
}
