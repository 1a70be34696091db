// What the grading Worker offers the page: grade a design against a challenge, reporting
// progress as it goes, and stop when asked. Plain serializable data both ways.

import type { TopologyDocument } from '../model/types.ts';
import type { Grade, GradeProgress } from '../story/challenge/grade.ts';
import type { Challenge } from '../story/challenge/load.ts';

/** Wall-clock limit of one grade in the Worker: a design that needs longer gets a message. */
export const GRADE_MAX_MS = 30_000;

export type GradeOutcome = { ok: true; grade: Grade } | { ok: false; cancelled: true };

export interface GradeApi {
  grade(
    challenge: Challenge,
    design: TopologyDocument,
    onProgress: (p: GradeProgress) => void,
  ): Promise<GradeOutcome>;
  /** Stops the grade in progress (it resolves as cancelled). */
  cancel(): void;
}

export type { Challenge, Grade, GradeProgress };
