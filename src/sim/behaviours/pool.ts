// An app replica's database connection pool: open connections are the units of one
// Resource (its capacity is the pool size) and requests wait in its line for one, each
// with a time limit (a timed-out waiter is cancelled). Idle connections are kept open.

import { Resource } from '../resource.ts';
import type { Call, Server } from '../runtime.ts';

export class Pool {
  /** Units in use (`busy`) are the open connections; waiters want one. */
  readonly conns = new Resource<Call>(0, Number.POSITIVE_INFINITY, true);
  /** Open connections nobody is using. */
  idle = 0;
  /** Connections opened per query (pool size 0) and still held. */
  unpooled = 0;
  waits = 0;
  waitSum = 0;
  timeouts = 0;
  constructor(readonly server: Server) {}
}
