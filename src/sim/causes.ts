// Why a request fails: every cause declared once. Its code is its position here (hop
// batches say "failed with cause k" as outcome 2 + k), its name is what reports count it
// under (`failedBy`), `means` says it in words, and `countedAt` says which box's failedBy
// counts it; every caller above that box counts the same cause in its `errors`, and the
// client counts the request once in the report's `failedBy`. docs/engine.md lists them
// from here (a test keeps it so).

export const CAUSES = [
  {
    name: 'rejected',
    means: 'a full queue or connection limit answered 503',
    countedAt: 'the box whose workers and queue (or connections) were full',
  },
  {
    name: 'timeout',
    means: 'the user gave up waiting (the servers keep working on it)',
    countedAt: 'the client',
  },
  {
    name: 'down',
    means: 'the box it reached was crashed or removed (connection refused)',
    countedAt: 'the crashed box',
  },
  {
    name: 'edge-cut',
    means: 'the network link was cut',
    countedAt: 'the box that tried to send along it',
  },
  {
    name: 'pool-timeout',
    means: 'waited too long for a pooled database connection',
    countedAt: 'the app server (or worker) whose pool was busy',
  },
  {
    name: 'db-max-connections',
    means: 'the database refused one more connection',
    countedAt: 'the database',
  },
  {
    name: 'session-lost',
    means: "the server did not know the user's in-memory session",
    countedAt: 'the app server that did not know it',
  },
  {
    name: 'external-error',
    means: 'a third-party API failed or timed out',
    countedAt: 'the external API',
  },
  {
    name: 'injected-error',
    means: 'an error rate set by chaos',
    countedAt: 'the box with the error rate',
  },
  {
    name: 'queue-full',
    means: 'published to a full queue',
    countedAt: 'the queue',
  },
  {
    name: 'no-route',
    means: 'nothing to send it to (no matching link, no healthy backend)',
    countedAt: 'the box with nowhere to send it',
  },
  {
    name: 'hop-limit',
    means: 'it passed through more than 64 boxes (a loop in the topology)',
    countedAt: 'the box that would have sent it further',
  },
  {
    name: 'call-timeout',
    means:
      "the caller gave up on a call after its connection's timeout (the box called keeps working)",
    countedAt: 'the box that made the call',
  },
  {
    name: 'breaker-open',
    means: "the connection's circuit breaker was open, so the call was not made",
    countedAt: 'the box that would have made the call',
  },
  {
    name: 'rate-limited',
    means: 'a rate limiter had no token left and answered 429',
    countedAt: 'the rate limiter',
  },
  {
    name: 'shed',
    means: 'the app server shed the request: its queue wait would have passed the limit',
    countedAt: 'the app server that shed it',
  },
] as const satisfies readonly { name: string; means: string; countedAt: string }[];

/** Why a request failed. Reports count failures by these causes. */
export type FailureCause = (typeof CAUSES)[number]['name'];

/** Every cause, in a fixed order: index k is the code used in hop batches (outcome 2 + k). */
export const FAILURE_CAUSES: readonly FailureCause[] = CAUSES.map((c) => c.name);

export const CAUSE_COUNT = CAUSES.length;

/** The code of a cause (its index), for the engine's counters. */
export function causeCode(name: FailureCause): number {
  return FAILURE_CAUSES.indexOf(name);
}

// The codes the engine uses, by name (so a misspelt cause does not compile).
export const C_REJECTED = causeCode('rejected');
export const C_TIMEOUT = causeCode('timeout');
export const C_DOWN = causeCode('down');
export const C_EDGE_CUT = causeCode('edge-cut');
export const C_POOL_TIMEOUT = causeCode('pool-timeout');
export const C_DB_MAX = causeCode('db-max-connections');
export const C_SESSION_LOST = causeCode('session-lost');
export const C_EXTERNAL = causeCode('external-error');
export const C_INJECTED = causeCode('injected-error');
export const C_QUEUE_FULL = causeCode('queue-full');
export const C_NO_ROUTE = causeCode('no-route');
export const C_HOP_LIMIT = causeCode('hop-limit');
export const C_CALL_TIMEOUT = causeCode('call-timeout');
export const C_BREAKER_OPEN = causeCode('breaker-open');
export const C_RATE_LIMITED = causeCode('rate-limited');
export const C_SHED = causeCode('shed');
