// A client's replay profile (`replayProfile`, written by src/io/logs/replay.ts from an
// access log): `bucketS:c1,c2,…`, the requests the log had in each bucket of `bucketS`
// seconds. The engine replays that rate; the inspector says what it holds.

export interface ReplayProfile {
  bucketS: number;
  counts: number[];
  /** All requests in it. */
  total: number;
}

/** The profile, or null when the text is not one (empty: no replay). */
export function readProfile(text: string): ReplayProfile | null {
  const m = /^(\d+):(\d+(?:,\d+)*)$/.exec(text.trim());
  if (!m) return null;
  const bucketS = Number(m[1]);
  if (!(bucketS >= 1)) return null;
  const counts = m[2]!.split(',').map(Number);
  return { bucketS, counts, total: counts.reduce((a, b) => a + b, 0) };
}
