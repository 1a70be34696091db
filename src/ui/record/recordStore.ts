// The recording session behind File → Record a video… (and the embed's record button): the
// settings the reader chose, the recording in progress, and the file once it is done. One
// recording at a time. The run itself is never touched: cancelling or a failure leaves the
// simulation exactly where it is, with only the file gone.

import { create } from 'zustand';
import { captionSource } from '../../canvas/record/captions.ts';
import {
  type FormatSupport,
  MAX_SECONDS,
  MIN_SECONDS,
  type RecordFormat,
  type RecordProgress,
  type RecordResult,
  type Recording,
  RecordingCancelled,
  startRecording,
  supportedFormats,
} from '../../canvas/record/recorder.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { fileNameFor } from '../../state/download.ts';
import { notify, useUiStore } from '../../state/uiStore.ts';

export type RecordPhase = 'setup' | 'recording' | 'finishing' | 'done' | 'failed';

export const CAPTION_MAX = 140;

export interface RecordedFile extends RecordResult {
  url: string;
  fileName: string;
}

export interface RecordSettings {
  seconds: number;
  format: RecordFormat;
  caption: string;
}

export interface RecordState {
  phase: RecordPhase;
  settings: RecordSettings;
  /** What this browser can write; null while it is being found out. */
  support: FormatSupport | null;
  progress: RecordProgress | null;
  file: RecordedFile | null;
  error: string | null;
  setSettings: (patch: Partial<RecordSettings>) => void;
  /** Finds out which formats work here (once) and picks one that does. */
  probe: () => Promise<void>;
  begin: () => void;
  /** Ends the recording now, keeping what was captured. */
  stop: () => void;
  cancel: () => void;
  /** Back to the settings (the finished file, if any, is let go). */
  reset: () => void;
}

let current: Recording | null = null;

/** The first format that works here, preferring the one asked for. */
export function usableFormat(want: RecordFormat, support: FormatSupport): RecordFormat | null {
  const ok = (f: RecordFormat) => (f === 'gif' ? support.gif : support[f] !== null);
  if (ok(want)) return want;
  return (['webm', 'mp4', 'gif'] as const).find(ok) ?? null;
}

/** A length the recorder accepts, or null with the reason. */
export function checkSeconds(value: number): string | null {
  if (!Number.isFinite(value)) return 'Write the length in seconds, for example 10.';
  if (value < MIN_SECONDS || value > MAX_SECONDS)
    return `A recording lasts ${MIN_SECONDS} to ${MAX_SECONDS} seconds.`;
  return null;
}

export const useRecordStore = create<RecordState>()((set, get) => ({
  phase: 'setup',
  settings: { seconds: 10, format: 'webm', caption: '' },
  support: null,
  progress: null,
  file: null,
  error: null,

  setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),

  probe: async () => {
    const support = await supportedFormats();
    const format = usableFormat(get().settings.format, support);
    set((s) => ({ support, settings: format ? { ...s.settings, format } : s.settings }));
  },

  begin: () => {
    const s = get();
    if (current || s.phase === 'recording' || s.phase === 'finishing') return;
    const { seconds, format, caption } = s.settings;
    if (checkSeconds(seconds)) return;
    releaseFile(s.file);
    const recording = startRecording({
      seconds,
      format,
      caption: caption.trim().slice(0, CAPTION_MAX) || null,
      captionAt: captionSource() ?? undefined,
      onProgress: (progress) => set({ progress, phase: progress.phase }),
    });
    current = recording;
    set({ phase: 'recording', progress: null, file: null, error: null });
    // Out of the way while it records: the reader can still play, pause, crash a box…
    useUiStore.getState().closeDialog();
    recording.done.then(
      (result) => {
        if (current !== recording) return;
        current = null;
        const url = URL.createObjectURL(result.blob);
        const fileName = fileNameFor(useDocumentStore.getState().doc.title).replace(
          /\.json$/,
          `.${result.extension}`,
        );
        set({ phase: 'done', file: { ...result, url, fileName }, progress: null });
        useUiStore.getState().openDialog({ id: 'record' });
      },
      (err: Error) => {
        if (current !== recording) return;
        current = null;
        if (err instanceof RecordingCancelled) {
          set({ phase: 'setup', progress: null });
          notify('info', 'Recording cancelled. The run goes on as before.');
          return;
        }
        set({ phase: 'failed', progress: null, error: err.message });
        useUiStore.getState().openDialog({ id: 'record' });
      },
    );
  },

  stop: () => current?.stop(),

  cancel: () => current?.cancel(),

  reset: () => {
    releaseFile(get().file);
    set({ phase: 'setup', file: null, error: null, progress: null });
  },
}));

function releaseFile(file: RecordedFile | null): void {
  if (file) URL.revokeObjectURL(file.url);
}

/** "1.4 MB", "820 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
