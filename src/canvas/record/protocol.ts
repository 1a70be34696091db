// Messages between the page's recorder (recorder.ts) and its Worker (record.worker.ts).
// Scenes are plain data (scene.ts, slimmed by delta.ts); the finished file comes back as a
// transferred buffer.

import type { SlimScene } from './delta.ts';

export type RecordFormat = 'webm' | 'mp4' | 'gif';

/** What the browser can record, as found in the Worker (where the encoding happens). */
export interface FormatSupport {
  /** WebCodecs' VideoEncoder exists here. */
  webcodecs: boolean;
  /** The codec each video container would use, or null when none can be encoded. */
  webm: 'vp9' | 'vp8' | null;
  mp4: 'avc' | null;
  /** GIF needs only an OffscreenCanvas. */
  gif: boolean;
}

export interface StartMessage {
  type: 'start';
  format: RecordFormat;
  width: number;
  height: number;
  fps: number;
}

export type ToWorker =
  | { type: 'probe'; width: number; height: number; fps: number }
  | StartMessage
  /**
   * `repeat` consecutive frames show this scene (the page fell behind and catches up). What
   * the Worker already has is left out (delta.ts).
   */
  | { type: 'frame'; scene: SlimScene; repeat: number }
  /** No more frames: finish the file with those sent. */
  | { type: 'finish' }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'formats'; support: FormatSupport }
  | { type: 'progress'; encoded: number; busyMs: number }
  | {
      type: 'done';
      buffer: ArrayBuffer;
      mime: string;
      extension: string;
      frames: number;
      /** Seconds. */
      duration: number;
      /** Time spent drawing and encoding, ms (for the recording-speed figure). */
      busyMs: number;
    }
  | { type: 'error'; message: string };
