// Why a goal was missed, in one sentence that names a box and a moment: "App 2 ran out of
// workers at 41 s and turned requests away from 42 s". Built from the graded run's own
// records: failures per box and cause, second by second (from reports), and each box's
// utilization and queue per second (the engine's series). Pure.

import type { DesignCost } from '../../model/cost.ts';
import { formatUsd } from '../../model/cost.ts';
import { numberOf, stringOf } from '../../model/kinds.ts';
import type { NodeKind, TopologyDocument, TopologyNode } from '../../model/types.ts';
import type { FailureCause, Report } from '../../sim/api.ts';
import type { SeriesPoint } from '../../sim/index.ts';

/** One box's failures of one cause during one virtual second (ending at t). */
export interface FailureTick {
  t: number;
  node: string;
  cause: FailureCause;
  count: number;
  /** After the warmup (or the goal's fromS): counted in the figures. */
  measured: boolean;
}

/** What one graded run left behind for explanations and charts. */
export interface RunRecord {
  report: Report;
  /** One point per virtual second of the whole run (warmup included). */
  series: SeriesPoint[];
  failures: FailureTick[];
  warmupS: number;
  durationS: number;
}

export interface Cause {
  text: string;
  /** The box to point at (select it on the canvas). */
  node?: string;
  /** Virtual seconds. */
  t?: number;
}

/** What a box runs out of when it is full. */
const SLOTS: Partial<Record<NodeKind, string>> = {
  app: 'workers',
  worker: 'job slots',
  db: 'query slots',
  proxy: 'worker processes',
  static: 'read slots',
  group: 'CPU cores',
};

const s = (t: number) => `${Math.round(t)} s`;

function nodeOf(doc: TopologyDocument, id: string): TopologyNode | undefined {
  return doc.nodes.find((n) => n.id === id);
}

function measured(rec: RunRecord): SeriesPoint[] {
  return rec.series.filter((p) => p.t > rec.warmupS && p.t <= rec.durationS);
}

/** The box where most requests failed, and why, in words. */
export function explainFailures(
  rec: RunRecord,
  doc: TopologyDocument,
  only?: (tick: FailureTick) => boolean,
): Cause | null {
  const totals = new Map<
    string,
    { node: string; cause: FailureCause; count: number; first: number; last: number }
  >();
  // Which box and cause: by the failures measured; since when: from the first one at all.
  const firsts = new Map<string, number>();
  for (const f of rec.failures) {
    if (only && !only(f)) continue;
    const key = `${f.node}\u0000${f.cause}`;
    if (!firsts.has(key)) firsts.set(key, f.t);
    if (!f.measured) continue;
    const cur = totals.get(key);
    if (cur) {
      cur.count += f.count;
      cur.last = f.t;
    } else {
      totals.set(key, {
        node: f.node,
        cause: f.cause,
        count: f.count,
        first: firsts.get(key)!,
        last: f.t,
      });
    }
  }
  let best: {
    node: string;
    cause: FailureCause;
    count: number;
    first: number;
    last: number;
  } | null = null;
  // A failed cache operation only costs a miss, so a cache is named only when nothing else
  // failed.
  const soft = (id: string) => nodeOf(doc, id)?.kind === 'cache';
  for (const v of totals.values()) {
    const better =
      !best ||
      (soft(best.node) && !soft(v.node)) ||
      (soft(best.node) === soft(v.node) && v.count > best.count);
    if (better) best = v;
  }
  if (!best) return null;
  const node = nodeOf(doc, best.node);
  if (!node) return null;
  const start = best.first; // by the end of that second
  const text = failureText(rec, doc, node, best.cause, start, best.last);
  if (text === null) return null;
  return { text, node: node.id, t: start };
}

function failureText(
  rec: RunRecord,
  doc: TopologyDocument,
  node: TopologyNode,
  cause: FailureCause,
  from: number,
  last: number,
): string | null {
  const name = node.label;
  const c = node.config;
  const untilEnd = last >= rec.durationS - 1;
  switch (cause) {
    case 'rejected': {
      if (node.kind === 'proxy') {
        return `${name} hit its limit of ${numberOf('proxy', c, 'maxConnections')} connections at ${s(from)} and refused the rest (503)`;
      }
      const full = firstBusy(rec, node.id, 0.97, from);
      const slots = SLOTS[node.kind] ?? 'capacity';
      const queue =
        node.kind === 'app' || node.kind === 'db'
          ? ` (${numberOf(node.kind, c, 'concurrency')} ${slots} and ${numberOf(node.kind, c, 'queueLimit')} places in its queue)`
          : '';
      if (full !== null && full < from) {
        return `${name} ran out of ${slots} at ${s(full)}; its queue filled and it turned requests away from ${s(from)}${queue}`;
      }
      return `${name} ran out of ${slots} at ${s(from)} and turned requests away${queue}`;
    }
    case 'down':
      return untilEnd
        ? `${name} was down from ${s(from)}, and requests kept being sent to it until the end`
        : `${name} was down from ${s(from)} to ${s(last)}, and requests kept being sent to it`;
    case 'db-max-connections':
      return `${name} refused connections from ${s(from)}: it allows ${numberOf('db', c, 'maxConnections')} and more were opened`;
    case 'pool-timeout':
      return `${name}’s connection pool (${numberOf('app', c, 'poolSize')}) was used up from ${s(from)}: queries waited more than ${numberOf('app', c, 'poolTimeoutMs')} ms for one`;
    case 'session-lost': {
      const where =
        stringOf('app', c, 'sessions') === 'memory'
          ? ' (sessions live in one server’s memory)'
          : '';
      return `${name} did not know users’ sessions from ${s(from)}${where}`;
    }
    case 'queue-full':
      return `${name} was full (${numberOf('queue', c, 'capacity')} jobs) from ${s(from)}: its consumers did not keep up`;
    case 'no-route':
      return node.kind === 'lb'
        ? `${name} had no healthy server to send requests to from ${s(from)}`
        : `${name} had nowhere to send some requests from ${s(from)}`;
    case 'timeout': {
      const slow = explainSlow(rec, doc, from);
      const after = node.kind === 'client' ? numberOf('client', c, 'timeoutMs') : 0;
      const gave = `users gave up after ${after} ms from ${s(from)}`;
      return slow ? `${slow.text}; ${gave}` : gave.charAt(0).toUpperCase() + gave.slice(1);
    }
    case 'external-error':
      return `${name} failed calls from ${s(from)} (its own errors, and calls slower than ${numberOf('external', c, 'timeoutMs')} ms)`;
    case 'injected-error':
      return `${name} answered with errors from ${s(from)} (the script made it fail)`;
    case 'edge-cut':
      return `a cut connection at ${name} failed requests from ${s(from)}`;
    case 'hop-limit':
      return `requests went round in a loop at ${name} from ${s(from)}`;
    case 'call-timeout':
      return `${name} gave up on slow calls from ${s(from)} (its connection's timeout ran out; the box called kept working)`;
    case 'breaker-open':
      return `${name}'s circuit breaker was open from ${s(from)}: calls failed at once instead of waiting on a failing box`;
    case 'rate-limited':
      return `${name} answered 429 from ${s(from)}: more requests came than its rate limit lets through`;
    case 'shed':
      return `${name} shed requests from ${s(from)}: they would have waited too long in its queue`;
  }
}

function firstBusy(rec: RunRecord, id: string, level: number, before = Infinity): number | null {
  for (const p of rec.series) {
    if (p.t > before) break;
    const n = p.nodes[id];
    if (n && n.utilization >= level) return p.t;
  }
  return null;
}

/**
 * ": each request waits for Email API (637 ms on average)" when a busy server's workers
 * spend their time waiting on something slow rather than working.
 */
function waitsFor(rec: RunRecord, doc: TopologyDocument, node: TopologyNode): string {
  if (node.kind !== 'app' && node.kind !== 'worker') return '';
  const own = numberOf(node.kind, node.config, 'serviceTimeMs');
  let slowest: { label: string; ms: number } | null = null;
  for (const e of doc.edges) {
    if (e.source !== node.id) continue;
    const target = nodeOf(doc, e.target);
    const r = rec.report.nodes[e.target];
    if (!target || !r || r.completed === 0) continue;
    if (!slowest || r.meanResponseMs > slowest.ms)
      slowest = { label: target.label, ms: r.meanResponseMs };
  }
  if (!slowest || slowest.ms < 50 || slowest.ms < 2 * own) return '';
  return `: each request waits for ${slowest.label} (${Math.round(slowest.ms)} ms on average)`;
}

/** Hops from the users along the arrows (boxes in a host count as deep as the host). */
function depths(doc: TopologyDocument): Map<string, number> {
  const out = new Map<string, number>();
  let frontier = doc.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  for (const id of frontier) out.set(id, 0);
  for (let d = 1; frontier.length && d < 64; d++) {
    const next: string[] = [];
    for (const e of doc.edges) {
      if (!frontier.includes(e.source) || out.has(e.target)) continue;
      out.set(e.target, d);
      next.push(e.target);
      for (const n of doc.nodes) {
        if (n.parent === e.target && !out.has(n.id)) {
          out.set(n.id, d);
          next.push(n.id);
        }
      }
    }
    frontier = next;
  }
  // The boxes on a host wait for its cores: when the host is full, it is the bottleneck.
  for (const host of doc.nodes) {
    if (host.kind !== 'group') continue;
    let deepest = -1;
    for (const n of doc.nodes)
      if (n.parent === host.id) deepest = Math.max(deepest, out.get(n.id) ?? -1);
    if (deepest >= 0) out.set(host.id, deepest + 0.5);
  }
  return out;
}

/** The box that held everyone up: the busiest one, else the slowest dependency. */
export function explainSlow(rec: RunRecord, doc: TopologyDocument, from = 0): Cause | null {
  const points = measured(rec);
  if (!points.length) return null;
  // Servers waiting on a saturated dependency are busy too: of the boxes that are nearly
  // always busy, the one furthest from the users is the bottleneck.
  const depth = depths(doc);
  let busiest: { id: string; u: number; q: number } | null = null;
  const rank = (b: { id: string; u: number }) => (b.u >= 0.9 ? 1 + (depth.get(b.id) ?? 0) : 0);
  for (const n of doc.nodes) {
    if (n.kind === 'client' || n.kind === 'dns' || n.kind === 'cron') continue;
    let sum = 0;
    let q = 0;
    for (const p of points) {
      const x = p.nodes[n.id];
      if (!x) continue;
      sum += x.utilization;
      q = Math.max(q, x.queue);
    }
    const cand = { id: n.id, u: sum / points.length, q };
    if (
      !busiest ||
      rank(cand) > rank(busiest) ||
      (rank(cand) === rank(busiest) && cand.u > busiest.u + 1e-9)
    ) {
      busiest = cand;
    }
  }
  if (busiest && busiest.u >= 0.8) {
    const node = nodeOf(doc, busiest.id)!;
    const slots = SLOTS[node.kind] ?? 'capacity';
    const at = firstBusy(rec, node.id, 0.97) ?? firstBusy(rec, node.id, busiest.u * 0.95) ?? from;
    const queue = busiest.q >= 1 ? `, up to ${Math.round(busiest.q)} waiting` : '';
    const pct = Math.round(busiest.u * 100);
    const full = pct >= 97 ? `ran out of ${slots} at ${s(at)}` : `was ${pct}% busy from ${s(at)}`;
    return {
      text: `${node.label} ${full}${queue}${waitsFor(rec, doc, node)}`,
      node: node.id,
      t: at,
    };
  }
  // Nothing is full: the time goes waiting on a slow dependency.
  let slowest: { id: string; ms: number } | null = null;
  for (const [id, r] of Object.entries(rec.report.nodes)) {
    if (!['external', 'db', 'cache', 'static', 'queue'].includes(r.kind)) continue;
    if (r.completed === 0) continue;
    if (!slowest || r.meanResponseMs > slowest.ms) slowest = { id, ms: r.meanResponseMs };
  }
  if (slowest && slowest.ms >= 20) {
    const node = nodeOf(doc, slowest.id);
    if (node) {
      return {
        text: `every request waits for ${node.label}, which takes ${Math.round(slowest.ms)} ms on average`,
        node: node.id,
      };
    }
  }
  return null;
}

/** Where the money goes: the most expensive kind of box (several of a kind count together). */
export function explainCost(cost: DesignCost): Cause | null {
  const byKind = new Map<string, { usd: number; boxes: DesignCost['boxes'] }>();
  for (const b of cost.boxes) {
    if (b.monthlyUsd <= 0) continue;
    const entry = byKind.get(b.kind) ?? { usd: 0, boxes: [] };
    entry.usd += b.monthlyUsd;
    entry.boxes.push(b);
    byKind.set(b.kind, entry);
  }
  let top: { usd: number; boxes: DesignCost['boxes'] } | null = null;
  for (const v of byKind.values()) if (!top || v.usd > top.usd + 1e-9) top = v;
  if (!top) return null;
  const total = formatUsd(cost.totalUsd);
  const first = top.boxes[0]!;
  if (top.boxes.length === 1) {
    const each =
      first.replicas > 1 ? ` (${first.replicas} × ${formatUsd(first.perReplicaUsd)})` : '';
    return {
      text: `${first.label} is the biggest cost: ${formatUsd(first.monthlyUsd)}${each} of ${total} (${first.product}, ${first.why})`,
      node: first.id,
    };
  }
  const names = top.boxes.map((b) => b.label).join(', ');
  return {
    text: `${names} together cost ${formatUsd(Math.round(top.usd * 100) / 100)} of ${total} (${first.product} each, ${first.why})`,
    node: first.id,
  };
}

/** The queue that was still full at the end, and who should have emptied it. */
export function explainBacklog(rec: RunRecord, doc: TopologyDocument): Cause | null {
  let worst: { id: string; depth: number } | null = null;
  for (const [id, r] of Object.entries(rec.report.nodes)) {
    if (r.kind !== 'queue') continue;
    const depth = typeof r.depth === 'number' ? r.depth : 0;
    if (!worst || depth > worst.depth) worst = { id, depth };
  }
  if (!worst || worst.depth <= 0) return null;
  const queue = nodeOf(doc, worst.id);
  if (!queue) return null;
  const consumers = doc.edges
    .filter((e) => e.source === queue.id)
    .map((e) => nodeOf(doc, e.target))
    .filter((n): n is TopologyNode => !!n && (n.kind === 'worker' || n.kind === 'app'));
  if (!consumers.length) {
    return {
      text: `${queue.label} held ${worst.depth} jobs at the end: nothing takes jobs from it`,
      node: queue.id,
    };
  }
  const busy = explainSlow(rec, { ...doc, nodes: doc.nodes.filter((n) => consumers.includes(n)) });
  return {
    text: `${queue.label} held ${worst.depth} jobs at the end${busy ? `: ${busy.text}` : ''}`,
    node: busy?.node ?? queue.id,
    ...(busy?.t !== undefined ? { t: busy.t } : {}),
  };
}
