// The plain-language call-out under the charts: which box hurts and why, from the live
// figures and the last few seconds of the series. Pure, so the wording is unit-tested.

import { numberOf } from '../model/kinds.ts';
import { hasTraffic, runtimeLinks } from '../model/links.ts';
import { prefixOf } from '../model/routing.ts';
import type { Route, TopologyDocument, TopologyEdge, TopologyNode } from '../model/types.ts';
import type { SeriesPoint } from '../sim/index.ts';
import type { LiveNode } from '../worker/liveProtocol.ts';

export interface Callout {
  nodeId: string | null;
  text: string;
  tone: 'ok' | 'warn' | 'bad';
  /** Said besides the call-out: boxes no request can reach. */
  detail?: string;
  /** Something the learner can do about it at once. */
  action?: 'add-client';
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
  const doc: TopologyDocument = { version: 1, title: '', nodes: [...nodes], edges: [...edges] };
  const idle = nothingFlows(doc, live);
  if (idle) return idle;
  const callout = bottleneck(nodes, live, series, edges, doc);
  if (!callout) return callout;
  const unreached = unreachedFor(nodes, edges, doc);
  if (unreached.length) {
    const names = listNames(unreached.map((n) => n.label || n.id));
    callout.detail = `No arrow leads here from a client: ${names} ${unreached.length > 1 ? 'get' : 'gets'} no requests.`;
  }
  return callout;
}

/**
 * When nothing moves at all, why: no client, clients with nowhere to send, or clients
 * sending nothing. Never "no bottleneck" at 0 req/s.
 */
function nothingFlows(
  doc: TopologyDocument,
  live: Readonly<Record<string, LiveNode>>,
): Callout | null {
  const boxes = doc.nodes.filter((n) => n.kind !== 'group' && live[n.id]);
  if (boxes.some((n) => live[n.id]!.rps > 0 || live[n.id]!.inFlight > 0)) return null;
  const clients = doc.nodes.filter((n) => n.kind === 'client');
  if (clients.length === 0) {
    return {
      nodeId: null,
      text: 'Nothing sends requests: the diagram has no client, so every box stays idle.',
      tone: 'warn',
      action: 'add-client',
    };
  }
  const names = listNames(clients.map((c) => c.label || c.id));
  if (!hasTraffic(doc)) {
    return {
      nodeId: clients[0]!.id,
      text: `Nothing sends requests: no arrow leaves ${names}, so ${clients.length > 1 ? 'they have' : 'it has'} nowhere to send them.`,
      tone: 'warn',
      action: 'add-client',
    };
  }
  if (clients.every((c) => numberOf('client', c.config, 'rps') <= 0)) {
    return {
      nodeId: clients[0]!.id,
      text: `Nothing sends requests: ${names} ${clients.length > 1 ? 'send' : 'sends'} 0 requests/s. Raise the traffic in the inspector.`,
      tone: 'warn',
    };
  }
  return { nodeId: null, text: 'No requests yet: the first ones are on their way.', tone: 'ok' };
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * unreachedBoxes for the document last asked about: it depends on the document only, and the
 * live view asks on every update of the figures (a walk of every link in a big diagram).
 */
let unreachedMemo: {
  nodes: readonly TopologyNode[];
  edges: readonly TopologyEdge[];
  result: TopologyNode[];
} | null = null;
function unreachedFor(
  nodes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
  doc: TopologyDocument,
): TopologyNode[] {
  if (unreachedMemo?.nodes !== nodes || unreachedMemo.edges !== edges) {
    unreachedMemo = { nodes, edges, result: unreachedBoxes(doc) };
  }
  return unreachedMemo.result;
}

/** Boxes that can take requests and that no request from a client can reach. */
function unreachedBoxes(doc: TopologyDocument): TopologyNode[] {
  if (!hasTraffic(doc)) return [];
  const links = runtimeLinks(doc);
  const kindOf = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  const next = new Map<string, string[]>();
  for (const l of links) {
    if (ANSWERS_ONLY.has(kindOf.get(l.source)!)) continue;
    next.set(l.source, [...(next.get(l.source) ?? []), l.target]);
  }
  const clients = doc.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const reached = new Set(clients);
  const queue = [...clients];
  while (queue.length) {
    for (const t of next.get(queue.shift()!) ?? []) {
      if (!reached.has(t)) {
        reached.add(t);
        queue.push(t);
      }
    }
  }
  return doc.nodes.filter(
    (n) => !reached.has(n.id) && n.kind !== 'group' && n.kind !== 'client' && n.kind !== 'cron',
  );
}

const ANSWERS_ONLY = new Set(['db', 'cache', 'static', 'external', 'dns']);

function bottleneck(
  nodes: readonly TopologyNode[],
  live: Readonly<Record<string, LiveNode>>,
  series: readonly SeriesPoint[],
  edges: readonly TopologyEdge[],
  doc: TopologyDocument,
): Callout | null {
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
    const lost = noRouteText(failing, f, doc);
    return {
      nodeId: failing.id,
      text: lost ?? `${failing.label} fails ${rate(f.errorsPerS)} req/s.`,
      tone: 'bad',
    };
  }
  const givingUp = boxes
    .filter((n) => n.kind === 'client' && live[n.id]!.errorsPerS > 0)
    .sort((a, b) => live[b.id]!.errorsPerS - live[a.id]!.errorsPerS)[0];
  if (givingUp) {
    const f = live[givingUp.id]!;
    const lost = noRouteText(givingUp, f, doc);
    if (lost) return { nodeId: givingUp.id, text: lost, tone: 'bad' };
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

/**
 * When a box's failures are mostly no-route: which paths it could not route and what
 * would fix it. Null when no-route is not what fails there.
 */
function noRouteText(n: TopologyNode, f: LiveNode, doc: TopologyDocument): string | null {
  const byCause = Object.entries(f.figures).filter(([k]) => k.startsWith('failed.'));
  const total = byCause.reduce((sum, [, v]) => sum + v, 0);
  const noRoute = f.figures['failed.no-route'] ?? 0;
  if (total <= 0 || noRoute * 2 < total) return null;
  const lost = `${n.label || n.id} cannot route ${rate(f.errorsPerS)} req/s (no-route)`;
  const out = runtimeLinks(doc).filter((l) => l.source === n.id);
  switch (n.kind) {
    case 'client':
      return `${lost}: no arrow leaves it for a front door. Connect it to nginx, a load balancer or an app server.`;
    case 'lb':
      return out.length
        ? `${lost}: none of its backends is healthy right now. Restart them, or add another.`
        : `${lost}: it has no backend. Connect it to the app servers it should balance.`;
    case 'proxy': {
      const prefixes = [
        ...new Set(out.map((l) => prefixOf(l.label)).filter((p): p is string => p !== null)),
      ];
      const hasDefault = out.some((l) => prefixOf(l.label) === null);
      const paths = pathsReaching(doc, n.id).filter(
        (p) => !hasDefault && !prefixes.some((prefix) => p.startsWith(prefix)),
      );
      if (paths.length === 0) return `${lost}.`;
      return `${lost}: no arrow takes ${listNames(paths)} (its arrows take ${listNames(prefixes)}). Add an arrow without a label (the default route), or one labelled ${paths[0]}.`;
    }
    default:
      return `${lost}.`;
  }
}

/** The paths clients send that can reach box `id`. */
function pathsReaching(doc: TopologyDocument, id: string): string[] {
  const links = runtimeLinks(doc);
  const out: string[] = [];
  for (const c of doc.nodes.filter((x) => x.kind === 'client')) {
    const seen = new Set([c.id]);
    const queue = [c.id];
    let reaches = false;
    while (queue.length && !reaches) {
      for (const l of links.filter((x) => x.source === queue[0])) {
        if (l.target === id) reaches = true;
        if (!seen.has(l.target)) {
          seen.add(l.target);
          queue.push(l.target);
        }
      }
      queue.shift();
    }
    if (!reaches) continue;
    const routes = Array.isArray(c.config.routes) ? (c.config.routes as Route[]) : [];
    for (const r of routes) if (r.weight > 0 && !out.includes(r.path)) out.push(r.path);
  }
  return out;
}
