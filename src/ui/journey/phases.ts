// How a journey's phases are said and coloured in the waterfall (src/sim/trace.ts records
// them). Plain functions, tested without a browser.

import { CAUSES } from '../../sim/causes.ts';
import type { Journey, JourneyPhase, JourneySpan } from '../../sim/index.ts';

const WAITS: Record<string, string> = {
  dns: 'DNS lookup',
  queue: 'queue publish',
  external: 'third-party API',
  cdn: 'CDN',
  static: 'reading the file',
  proxy: 'proxy',
  cache: 'cache',
};

/** "queued for a worker", "database query (read)", "cache hit key 42"… */
export function phaseLabel(p: JourneyPhase, span: JourneySpan): string {
  switch (p.kind) {
    case 'network':
      return 'network';
    case 'queued':
      return 'queued for a worker';
    case 'work':
      return span.nodeKind === 'db'
        ? `database ${span.op === 'write' ? 'write' : 'query'}`
        : 'working';
    case 'core':
      return 'waiting for a CPU core';
    case 'pool':
      return 'waiting for a pooled connection';
    case 'connect':
      return 'opening a connection';
    case 'cache':
      return `cache ${p.detail ?? ''}`.trim();
    case 'wait':
      return WAITS[span.nodeKind] ?? 'waiting';
    case 'at':
      return 'at the box';
  }
}

export const PHASE_COLORS: Record<JourneyPhase['kind'], string> = {
  network: '#94a3b8',
  queued: '#f59e0b',
  work: '#2563eb',
  core: '#ea580c',
  pool: '#db2777',
  connect: '#c026d3',
  cache: '#0d9488',
  wait: '#0891b2',
  at: '#cbd5e1',
};

/** "12.3 ms", "1.24 s". */
export function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** What the cause means, as the engine declares it. */
export function causeMeans(cause: string): string {
  return CAUSES.find((c) => c.name === cause)?.means ?? cause;
}

/** The one-line outcome: "answered in 45 ms", "failed after 3.0 ms: down at App 3". */
export function outcome(j: Journey, label: (id: string) => string): string {
  if (!j.done) {
    const open = [...j.spans].reverse().find((s) => s.end === null);
    return `in flight for ${fmtMs(j.latencyMs)}${open ? `, now at ${label(open.node)}` : ''}`;
  }
  if (j.ok) return `answered in ${fmtMs(j.latencyMs)}`;
  if (j.cause === 'timeout') {
    return `the user gave up after ${fmtMs(j.latencyMs)} while it was at ${label(j.stuckAt ?? j.failedAt ?? '')}`;
  }
  return `failed after ${fmtMs(j.latencyMs)}: ${j.cause} at ${label(j.failedAt ?? '')}`;
}

/** Each span's own time (its phases), for the rows. */
export function spanMs(s: JourneySpan): number {
  let t = 0;
  for (const p of s.phases) t += p.ms;
  return t;
}
