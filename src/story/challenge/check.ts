// Proof that a challenge is fair: its starting diagram fails (on a goal, not just a rule)
// and every one of its solutions passes every goal. Shared by `npm run story:check` and
// the unit test, so both say the same thing.

import { formatValue } from '../metrics.ts';
import { type Grade, gradeDesign } from './grade.ts';
import type { Challenge } from './load.ts';

export interface ChallengeCheck {
  challenge: Challenge;
  start: Grade;
  solutions: { title: string; grade: Grade }[];
  /** What is wrong, in words; empty when the challenge is fair. */
  problems: string[];
}

function missed(grade: Grade): string {
  const rows = grade.rows.filter((r) => !r.passed);
  if (grade.status === 'too-big') return grade.message ?? 'too big to grade';
  return rows.map((r) => `${r.label}: ${r.display}`).join('; ');
}

function passedLine(grade: Grade): string {
  return grade.rows
    .filter((r) => r.kind === 'goal' && r.value !== undefined && r.unit)
    .map((r) => {
      // "Three queries (database queries ≥ 7,000)" → "Three queries (database queries 7293)".
      const name = r.label.replace(/(:| [<>≤≥=] | from \d).*$/, '');
      const open = name.split('(').length - name.split(')').length;
      return `${name} ${formatValue(r.value!, r.unit!)}${')'.repeat(Math.max(0, open))}`;
    })
    .join(', ');
}

export function checkChallenge(challenge: Challenge): ChallengeCheck {
  const problems: string[] = [];
  const start = gradeDesign(challenge, challenge.start);
  const goalMisses = start.rows.filter((r) => r.kind === 'goal' && !r.passed).length;
  if (start.passed) problems.push('the starting diagram already passes every goal');
  else if (goalMisses === 0) {
    problems.push(`the starting diagram fails only on ${missed(start)}; it must miss a goal`);
  }
  const solutions = challenge.solutions.map((s) => {
    const grade = gradeDesign(challenge, s.doc);
    if (!grade.passed) problems.push(`solution “${s.title}” fails: ${missed(grade)}`);
    // A solution should pass as written, not thanks to settings grading put back.
    if (grade.notes.length) {
      problems.push(
        `solution “${s.title}” changes what the challenge fixes: ${grade.notes.join('; ')}`,
      );
    }
    return { title: s.title, grade };
  });
  return { challenge, start, solutions, problems };
}

/** One row per design: [challenge, design, result, what the grade says]. */
export function challengeRows(check: ChallengeCheck): string[][] {
  const id = check.challenge.id;
  const rows: string[][] = [];
  const startOk =
    !check.start.passed && check.start.rows.some((r) => r.kind === 'goal' && !r.passed);
  rows.push([
    id,
    'start',
    startOk ? 'fails (ok)' : 'PASSES',
    missed(check.start) || 'passes every goal',
  ]);
  for (const s of check.solutions) {
    rows.push([
      id,
      `solution: ${s.title}`,
      s.grade.passed ? 'passes' : 'FAIL',
      s.grade.passed
        ? `${passedLine(s.grade)}; ${formatValue(s.grade.cost.totalUsd, 'usd')} a month`
        : missed(s.grade),
    ]);
  }
  return rows;
}
