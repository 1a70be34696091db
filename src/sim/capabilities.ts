// What a box offers the boxes linked to it. Each behaviour declares its capabilities
// (`caps`); a neighbour asks for one through `reach(link)` and never learns the kind, so a
// new box can sit between two others: a box that forwards (a rate limiter in front of a
// database) is seen as what it forwards to, and the caller's calls go through it.
//
// Calls carry an op (runtime.ts): a capability says which ops a box answers and what a
// neighbour may ask it outside of calls (a database counts connections, a cache draws the
// key a request will ask for, a queue hands out jobs when its consumers have room).

import { HOP_LIMIT, type EdgeRt, type Server } from './runtime.ts';

/** 'serves requests': answers HTTP requests (OP_REQUEST). */
export interface ServesRequests {
  /** Its share for a weighted load balancer (1 unless it says otherwise). */
  weight(): number;
}

/** A box that serves requests with no weight of its own. */
export const SERVES_REQUESTS: ServesRequests = { weight: () => 1 };

/** 'serves reads and writes': runs queries (OP_READ, OP_WRITE) on connections it counts. */
export interface ServesQueries {
  /** Opens one connection; false, counted here as a refusal, when the limit is reached. */
  connect(): boolean;
  /** Closes `n` connections. */
  disconnect(n: number): void;
}

/** 'holds keys': a key-value store (OP_GET, OP_SET, OP_DEL; OP_SESSION reads a session). */
export interface HoldsKeys {
  /** The key the next request asks for, drawn from the store's popularity (1 = hottest). */
  sampleKey(): number;
}

/** 'queues jobs': keeps published jobs (OP_PUBLISH) for the boxes that consume them. */
export interface QueuesJobs {
  /** A consumer has free slots: hand out waiting jobs. */
  pull(): void;
  /** A consumer's server crashed: its unacknowledged jobs are delivered again. */
  consumerDown(server: Server): void;
}

/** 'consumes jobs': takes jobs from the queues linked to it, one per free slot. */
export interface ConsumesJobs {
  hasFreeSlot(server: Server): boolean;
}

/** 'resolves names': answers lookups (OP_LOOKUP); callers keep the answer for a while. */
export interface ResolvesNames {
  ttlMs(): number;
}

/** 'caches files': an edge cache that answers static paths under its prefix. */
export interface CachesFiles {
  staticPrefix(): string;
}

/** 'sends traffic': users sending requests; chaos changes their rate. */
export interface SendsTraffic {
  setRps(rps: number): void;
  spike(factor: number, durationMs: number): void;
}

export interface BackendHealth {
  node: string;
  replica: number;
  healthy: boolean;
  inFlight: number;
}

/** 'balances': spreads requests over backends it health-checks. */
export interface Balances {
  health(): BackendHealth[];
}

/** 'hosts boxes': a machine whose cores the boxes inside it share. */
export interface HostsBoxes {
  cores(): number;
}

export interface Capabilities {
  servesRequests?: ServesRequests;
  servesQueries?: ServesQueries;
  holdsKeys?: HoldsKeys;
  queuesJobs?: QueuesJobs;
  /** 'accepts jobs': does a job handed to it directly (OP_JOB, from cron). */
  acceptsJobs?: true;
  consumesJobs?: ConsumesJobs;
  resolvesNames?: ResolvesNames;
  cachesFiles?: CachesFiles;
  sendsTraffic?: SendsTraffic;
  balances?: Balances;
  hostsBoxes?: HostsBoxes;
  /**
   * 'forwards': passes every call on along its first link; neighbours see the
   * capabilities of the box it forwards to.
   */
  forwards?: true;
}

/**
 * A box's capabilities with every key present, in one order: every box's set then has the
 * same shape, so looking one up on the hot path stays monomorphic.
 */
export function capabilities(c: Capabilities): Capabilities {
  return {
    servesRequests: c.servesRequests,
    servesQueries: c.servesQueries,
    holdsKeys: c.holdsKeys,
    queuesJobs: c.queuesJobs,
    acceptsJobs: c.acceptsJobs,
    consumesJobs: c.consumesJobs,
    resolvesNames: c.resolvesNames,
    cachesFiles: c.cachesFiles,
    sendsTraffic: c.sendsTraffic,
    balances: c.balances,
    hostsBoxes: c.hostsBoxes,
    forwards: c.forwards,
  };
}

const NONE: Capabilities = capabilities({});

/**
 * What the box at the end of `link` offers: its own capabilities, or for a box that
 * forwards, what the box it forwards to offers (followed through a chain; a loop or a
 * forwarder with nowhere to go offers nothing).
 */
export function reach(link: EdgeRt): Capabilities {
  let node = link.target;
  for (let depth = 0; depth <= HOP_LIMIT; depth++) {
    const caps = node.caps;
    if (caps.forwards === undefined) return caps;
    const next = node.out[0];
    if (next === undefined) return NONE;
    node = next.target;
  }
  return NONE;
}
