// The grading Worker: runs the grader (src/story/challenge/grade.ts) off the page, in
// slices, handing control back between them so progress reaches the page and a cancel
// gets in. The grader bounds itself by engine events and by GRADE_MAX_MS of wall time.

import * as Comlink from 'comlink';
import { gradeSteps } from '../story/challenge/grade.ts';
import { GRADE_MAX_MS, type GradeApi } from './gradeProtocol.ts';

/** Work this long between looking at the message queue (cancel) and reporting progress. */
const SLICE_MS = 30;

let cancelled = false;
let running = false;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const api: GradeApi = {
  async grade(challenge, design, onProgress) {
    cancelled = false;
    running = true;
    try {
      const steps = gradeSteps(challenge, design, {
        maxMs: GRADE_MAX_MS,
        now: () => performance.now(),
      });
      let sliceEnd = performance.now() + SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done) return { ok: true, grade: step.value };
        if (performance.now() < sliceEnd) continue;
        onProgress(step.value);
        await pause();
        if (cancelled) return { ok: false, cancelled: true };
        sliceEnd = performance.now() + SLICE_MS;
      }
    } finally {
      running = false;
    }
  },
  cancel() {
    if (running) cancelled = true;
  },
};

Comlink.expose(api);
