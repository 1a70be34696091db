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

/** One row of the waterfall: a visit to a box, or the closing row of a failed journey. */
export interface WaterfallRow {
  span: JourneySpan;
  /** The failure is said on this row ("failed here: down"). */
  failedHere: boolean;
  /** A call still going when the request failed further up (its caller went down). */
  cutOff: boolean;
  /** The closing row: the box that failed the request, repeated at the end because calls it
   *  made were still going (a server that crashes while waiting on its database). */
  closing: boolean;
}

/**
 * The rows, in the order the visits began, so that a failed journey ends at the box that
 * failed it: when that box had calls of its own still going, they are marked cut off and
 * the box gets a closing row after them, which carries the cause (said once).
 */
export function waterfallRows(j: Journey): WaterfallRow[] {
  const rows: WaterfallRow[] = j.spans.map((span) => ({
    span,
    failedHere: span.failedHere && !span.ok,
    cutOff: j.done && span.end === null,
    closing: false,
  }));
  if (!j.done || j.ok || j.failedAt === undefined) return rows;
  let at = -1;
  for (let i = rows.length - 1; i >= 0; i--) {
    const s = j.spans[i]!;
    if (s.node === j.failedAt && s.failedHere && !s.ok && s.cause === j.cause) {
      at = i;
      break;
    }
  }
  if (at < 0 || at === rows.length - 1) return rows;
  rows[at]!.failedHere = false;
  rows.push({ span: j.spans[at]!, failedHere: true, cutOff: false, closing: true });
  return rows;
}
