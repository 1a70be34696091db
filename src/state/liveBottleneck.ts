// The plain-language call-out under the charts: which box hurts and why, from the live
// figures and the last few seconds of the series. Pure, so the wording is unit-tested.

import type { TopologyEdge, TopologyNode } from '../model/types.ts';
import type { SeriesPoint } from '../sim/index.ts';
import type { LiveNode } from '../worker/liveProtocol.ts';

export interface Callout {
  nodeId: string | null;
  text: string;
  tone: 'ok' | 'warn' | 'bad';
}

/** At or above this utilization a box is saturated. */
export const SATURATED = 0.95;
/** Seconds of series used to measure how fast a queue grows. */
const SLOPE_SECONDS = 3;

const rate = (x: number) => (x >= 10 ? Math.round(x).toString() : x.toFixed(1).replace(/\.0$/, ''));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Queue growth per second at `id` over the last few series points (0 if unknown). */
export function queueGrowth(series: readonly SeriesPoint[], id: string): number {
  const n = series.length;
  if (n < 2) return 0;
  const last = series[n - 1]!;
  const first = series[Math.max(0, n - 1 - SLOPE_SECONDS)]!;
  const dt = last.t - first.t;
  const q1 = last.nodes[id]?.queue;
  const q0 = first.nodes[id]?.queue;
  if (dt <= 0 || q1 === undefined || q0 === undefined) return 0;
  return (q1 - q0) / dt;
}

/** Where a box's waiting work piles up: its own queue, or for a worker the queues feeding it. */
interface Backlog {
  growth: number;
  waiting: number;
  /** The queue boxes holding the work, when it is not the box's own queue. */
  queues: TopologyNode[];
}

function backlogOf(
  n: TopologyNode,
  byId: ReadonlyMap<string, TopologyNode>,
  edges: readonly TopologyEdge[],
  live: Readonly<Record<string, LiveNode>>,
  series: readonly SeriesPoint[],
): Backlog {
  const own = { growth: queueGrowth(series, n.id), waiting: live[n.id]!.queue, queues: [] };
  if (n.kind !== 'worker') return own;
  // A worker takes jobs from a queue box only when it has a free slot: the jobs wait there.
  const queues = edges
    .filter((e) => e.target === n.id && byId.get(e.source)?.kind === 'queue' && live[e.source])
    .map((e) => byId.get(e.source)!);
  if (queues.length === 0) return own;
  return {
    growth: own.growth + queues.reduce((sum, q) => sum + queueGrowth(series, q.id), 0),
    waiting: own.waiting + queues.reduce((sum, q) => sum + live[q.id]!.queue, 0),
    queues,
  };
}

export function findBottleneck(
  nodes: readonly TopologyNode[],
  live: Readonly<Record<string, LiveNode>>,
  series: readonly SeriesPoint[],
  edges: readonly TopologyEdge[] = [],
): Callout | null {
  if (Object.keys(live).length === 0) return null;
  const boxes = nodes.filter((n) => n.kind !== 'group' && live[n.id]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // 1. A box that is down while requests still fail there.
  const isDown = (n: TopologyNode) => live[n.id]!.replicas > 0 && live[n.id]!.replicasUp === 0;
  const failingDown = boxes
    .filter((n) => isDown(n) && live[n.id]!.errorsPerS > 0)
    .sort((a, b) => live[b.id]!.errorsPerS - live[a.id]!.errorsPerS)[0];
  if (failingDown) {
    const f = live[failingDown.id]!;
    return {
      nodeId: failingDown.id,
      text: `${failingDown.label} is down: ${rate(f.errorsPerS)} req/s fail there.`,
      tone: 'bad',
    };
  }
  // 2. Saturated boxes: the one whose queue grows fastest (then the busiest).
  const hot = boxes
    .filter((n) => n.kind !== 'client' && live[n.id]!.utilization >= SATURATED)
    .map((n) => ({ n, f: live[n.id]!, backlog: backlogOf(n, byId, edges, live, series) }))
    .sort((a, b) => b.backlog.growth - a.backlog.growth || b.f.utilization - a.f.utilization)[0];
  if (hot) {
    const { n, f, backlog } = hot;
    const head = `${n.label} is at ${pct(f.utilization)}`;
    if (backlog.queues.length > 0 && f.errorsPerS === 0) {
      const where = backlog.queues.map((q) => q.label).join(' and ');
      return {
        nodeId: n.id,
        text:
          backlog.growth >= 0.5
            ? `${head}: ${where} grows by ${rate(backlog.growth)} jobs/s.`
            : `${head}: jobs wait in ${where} (${Math.round(backlog.waiting)} now).`,
        tone: backlog.growth >= 0.5 ? 'bad' : 'warn',
      };
    }
    // Turning requests away says more than a queue that creeps up while it is full anyway.
    if (f.errorsPerS > 0) {
      return {
        nodeId: n.id,
        text: `${head} and its queue is full: it turns away ${rate(f.errorsPerS)} req/s.`,
        tone: 'bad',
      };
    }
    if (backlog.growth >= 0.5) {
      return {
        nodeId: n.id,
        text: `${head}: its queue grows by ${rate(backlog.growth)} req/s.`,
        tone: 'bad',
      };
    }
    return {
      nodeId: n.id,
      text: `${head}: requests wait in its queue (${Math.round(f.queue)} now).`,
      tone: 'warn',
    };
  }
  // 3. Connection pools: every connection in use and queries waiting for one.
  const pool = boxes.find((n) => {
    const f = live[n.id]!;
    const size = (f.figures.poolSize ?? 0) * Math.max(1, f.replicasUp);
    return size > 0 && (f.figures.poolInUse ?? 0) >= size && f.queue > 0;
  });
  if (pool) {
    const f = live[pool.id]!;
    const size = (f.figures.poolSize ?? 0) * Math.max(1, f.replicasUp);
    return {
      nodeId: pool.id,
      text: `${pool.label} uses all ${size} database connections: ${Math.round(f.queue)} requests wait for one.`,
      tone: 'warn',
    };
  }
  // A box that is down but no longer sent traffic (a balancer routes around it).
  const quietDown = boxes.find(isDown);
  if (quietDown) {
    return {
      nodeId: quietDown.id,
      text: `${quietDown.label} is down; the rest of the system carries its traffic.`,
      tone: 'warn',
    };
  }
  // 4. Errors without saturation (injected, cut links, refused connections). A client
  // counts every failure its users see, wherever it happened, so it would always win:
  // name the box where they fail, and a client only when the failures are its own
  // (users giving up on slow answers).
  const failing = boxes
    .filter((n) => n.kind !== 'client' && live[n.id]!.errorsPerS > 0)
    .sort((a, b) => live[b.id]!.errorsPerS - live[a.id]!.errorsPerS)[0];
  if (failing) {
    const f = live[failing.id]!;
    return {
      nodeId: failing.id,
      text: `${failing.label} fails ${rate(f.errorsPerS)} req/s.`,
      tone: 'bad',
    };
  }
  const givingUp = boxes
    .filter((n) => n.kind === 'client' && live[n.id]!.errorsPerS > 0)
    .sort((a, b) => live[b.id]!.errorsPerS - live[a.id]!.errorsPerS)[0];
  if (givingUp) {
    const f = live[givingUp.id]!;
    return {
      nodeId: givingUp.id,
      text: `${rate(f.errorsPerS)} req/s from ${givingUp.label} fail: answers too slow to wait for, or none at all.`,
      tone: 'bad',
    };
  }
  // 5. All well: say how much room the busiest box has.
  const busiest = boxes
    .filter((n) => n.kind !== 'client')
    .sort((a, b) => live[b.id]!.utilization - live[a.id]!.utilization)[0];
  if (!busiest || live[busiest.id]!.utilization <= 0) {
    return { nodeId: null, text: 'No bottleneck: every box keeps up.', tone: 'ok' };
  }
  return {
    nodeId: null,
    text: `No bottleneck: the busiest box, ${busiest.label}, is at ${pct(live[busiest.id]!.utilization)}.`,
    tone: 'ok',
  };
}
