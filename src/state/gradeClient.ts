// The page's end of the grading Worker: one Worker, started on the first Check, kept for the
// next ones. A cancel asks the Worker to stop; if it does not answer within a second (stuck
// inside a long engine slice), the Worker is terminated and a fresh one starts next time.
// Silence (no progress for a while) or a crash becomes a message, never a frozen page.

import * as Comlink from 'comlink';
import type { TopologyDocument } from '../model/types.ts';
import type { Grade, GradeProgress } from '../story/challenge/grade.ts';
import type { Challenge } from '../story/challenge/load.ts';
import type { GradeApi, GradeOutcome } from '../worker/gradeProtocol.ts';

/** No progress for this long means the Worker is stuck. */
export const GRADE_SILENCE_MS = 12_000;
const CANCEL_GRACE_MS = 1000;

export type GradeResult =
  | { ok: true; grade: Grade }
  | { ok: false; cancelled: boolean; message: string };

export interface GradeJob {
  promise: Promise<GradeResult>;
  cancel: () => void;
}

/** Grades a design; the app's is the Worker, tests put a synchronous grader here. */
export type Grader = (
  challenge: Challenge,
  design: TopologyDocument,
  onProgress: (p: GradeProgress) => void,
) => GradeJob;

let worker: Worker | null = null;
let api: Comlink.Remote<GradeApi> | null = null;

function connect(): Comlink.Remote<GradeApi> {
  if (api) return api;
  worker = new Worker(new URL('../worker/grade.worker.ts', import.meta.url), {
    type: 'module',
    name: 'backend-playground-grading',
  });
  api = Comlink.wrap<GradeApi>(worker);
  return api;
}

function dispose(): void {
  if (api) api[Comlink.releaseProxy]();
  worker?.terminate();
  worker = null;
  api = null;
}

export const workerGrader: Grader = (challenge, design, onProgress) => {
  let settle: (r: GradeResult) => void = () => {};
  const promise = new Promise<GradeResult>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const finish = (r: GradeResult) => {
    if (done) return;
    done = true;
    clearInterval(watchdog);
    worker?.removeEventListener('error', onError);
    settle(r);
  };
  const remote = connect();
  let lastProgress = performance.now();
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    dispose();
    finish({
      ok: false,
      cancelled: false,
      message: `Grading failed: ${e.message || 'the grading worker crashed'}.`,
    });
  };
  worker!.addEventListener('error', onError);
  const watchdog = setInterval(() => {
    if (performance.now() - lastProgress < GRADE_SILENCE_MS) return;
    dispose();
    finish({
      ok: false,
      cancelled: false,
      message:
        'Grading stopped responding, so it was stopped. The design may be too big to simulate.',
    });
  }, 1000);
  remote
    .grade(
      challenge,
      design,
      Comlink.proxy((p: GradeProgress) => {
        lastProgress = performance.now();
        onProgress(p);
      }),
    )
    .then((outcome: GradeOutcome) => {
      finish(
        outcome.ok
          ? { ok: true, grade: outcome.grade }
          : { ok: false, cancelled: true, message: 'Check cancelled.' },
      );
    })
    .catch((err: unknown) => {
      dispose();
      finish({
        ok: false,
        cancelled: false,
        message: `Grading failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    });
  return {
    promise,
    cancel: () => {
      if (done) return;
      void remote.cancel();
      setTimeout(() => {
        if (done) return;
        dispose();
        finish({ ok: false, cancelled: true, message: 'Check cancelled.' });
      }, CANCEL_GRACE_MS);
    },
  };
};
