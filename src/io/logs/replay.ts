// A parsed access log → what a client needs to replay it: its paths as the traffic mix
// (weights = how often each was asked for; the 50 most asked-for paths), its users, and
// its requests per second over time (the replay profile, `bucketS:c1,c2,…`: requests in
// each bucket of the log's time). The client replays that rate, scaled in time and volume,
// and loops (src/sim/behaviours/client.ts).

import type { HttpMethod, Route } from '../../model/types.ts';
import type { ParsedLog } from './parse.ts';

export const MAX_ROUTES = 50;
/** At most this many buckets in a profile: a longer log gets wider buckets. */
export const MAX_BUCKETS = 3600;

export interface Replay {
  routes: Route[];
  users: number;
  profile: string;
  /** Requests that were read, and the log's length in seconds. */
  requests: number;
  spanS: number;
  /** Paths beyond the 50 kept, and the requests they had (spread over the kept ones). */
  otherPaths: number;
  otherRequests: number;
  /** Methods the engine does not tell apart, read as the nearest one (HEAD → GET). */
  mapped: Record<string, number>;
}

const METHOD: Record<string, HttpMethod> = {
  GET: 'GET',
  HEAD: 'GET',
  OPTIONS: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PUT',
  DELETE: 'DELETE',
};

/** Null when the log has no readable request (nothing to replay). */
export function replayOf(log: ParsedLog): Replay | null {
  if (log.requests.length === 0) return null;
  const counts = new Map<string, { method: HttpMethod; path: string; n: number }>();
  const mapped: Record<string, number> = {};
  const users = new Set<string>();
  for (const r of log.requests) {
    const method = METHOD[r.method] ?? 'GET';
    if (method !== r.method) mapped[r.method] = (mapped[r.method] ?? 0) + 1;
    const key = `${method} ${r.path}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { method, path: r.path, n: 1 });
    users.add(r.user);
  }
  // Most asked-for first; ties in the order first seen (Map order), so it is stable.
  const sorted = [...counts.values()].sort((a, b) => b.n - a.n);
  const kept = sorted.slice(0, MAX_ROUTES);
  const rest = sorted.slice(MAX_ROUTES);
  const routes: Route[] = kept.map((c) => ({ method: c.method, path: c.path, weight: c.n }));
  const last = log.requests[log.requests.length - 1]!.t;
  const spanS = Math.max(1, Math.ceil((last + 1) / 1000));
  const bucketS = Math.max(1, Math.ceil(spanS / MAX_BUCKETS));
  const buckets = new Array<number>(Math.ceil(spanS / bucketS)).fill(0);
  for (const r of log.requests)
    buckets[Math.min(buckets.length - 1, Math.floor(r.t / 1000 / bucketS))]!++;
  return {
    routes,
    users: Math.max(1, users.size),
    profile: `${bucketS}:${buckets.join(',')}`,
    requests: log.requests.length,
    spanS,
    otherPaths: rest.length,
    otherRequests: rest.reduce((s, c) => s + c.n, 0),
    mapped,
  };
}
