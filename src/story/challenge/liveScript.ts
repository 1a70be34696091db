// A challenge's script as the live view plays it. Apart from the grader (grade.ts), so the
// app's challenge store and the embed do not bring the grader to the first page.

import type { TimedAction } from '../../sim/api.ts';
import type { Challenge } from './load.ts';

/**
 * The script as the live view can play it: every timed event except "any one box" (which
 * only grading runs, once per box).
 */
export function liveScript(challenge: Challenge): TimedAction[] {
  const out: TimedAction[] = [];
  for (const e of challenge.script) {
    if (e.action.type !== 'crashAny') out.push({ atMs: e.atMs, action: e.action });
  }
  return out;
}
