// The bottom panel while a run exists: the bottleneck call-out, the fast-run progress, and
// tabs for the charts (throughput, latency percentiles, error rate), the per-box table and
// each client's traffic. Loaded when the first run starts (LivePanel.tsx shows the panel
// before that).

import { useMemo, useState } from 'react';
import { withTraffic } from '../../io/mermaid/traffic.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { services } from '../../state/services.ts';
import type { SeriesPoint } from '../../sim/index.ts';
import type { ChartMarker } from '../../state/simulationStore.ts';
import { JourneyList } from '../journey/JourneyList.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { Chart, type ChartLine } from './Chart.tsx';
import { ReplicaChart } from './ReplicaChart.tsx';
import { NodeTable } from './NodeTable.tsx';
import { TrafficControls } from './TrafficControls.tsx';
import './runPanel.css';

type Tab = 'charts' | 'boxes' | 'traffic' | 'requests';

const TAB_NAMES: Record<Tab, string> = {
  charts: 'Charts',
  boxes: 'Boxes',
  traffic: 'Traffic',
  requests: 'Requests',
};

export function LiveRunPanel() {
  const [tab, setTab] = useState<Tab>('charts');
  return (
    <div className="bp-livepanel">
      <div className="bp-livepanel__head">
        <Callout />
        <FastProgress />
        <div className="bp-livepanel__tabs" role="tablist" aria-label="Live view">
          {(['charts', 'boxes', 'traffic', 'requests'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={tab === t ? 'is-active' : ''}
              onClick={() => setTab(t)}
            >
              {TAB_NAMES[t]}
            </button>
          ))}
        </div>
      </div>
      <Timeline />
      {/* The tab's panel scrolls when the panel is short: focusable, so keys scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling tab panel takes focus */}
      <div className="bp-livepanel__body" role="tabpanel" tabIndex={0} aria-label={TAB_NAMES[tab]}>
        {tab === 'charts' ? (
          <Charts />
        ) : tab === 'boxes' ? (
          <NodeTable />
        ) : tab === 'traffic' ? (
          <TrafficControls />
        ) : (
          <JourneyList />
        )}
      </div>
    </div>
  );
}

/** Adds a Users client calling the diagram's entry boxes, left of them, as one undo step. */
function addUsers(): void {
  useDocumentStore.getState().change('Add Users', (doc) => {
    const { doc: next, added } = withTraffic(doc);
    if (!added) return doc;
    const targets = next.edges.filter((e) => e.source === added.id).map((e) => e.target);
    const placed = doc.nodes.filter((n) => targets.includes(n.id) && n.parent === undefined);
    const x = Math.min(...placed.map((n) => n.position.x), 200) - 260;
    const y = placed.length ? placed.reduce((sum, n) => sum + n.position.y, 0) / placed.length : 0;
    return {
      ...next,
      nodes: next.nodes.map((n) => (n.id === added.id ? { ...n, position: { x, y } } : n)),
    };
  });
  requestAnimationFrame(() => services.canvas?.fitView());
}

function Callout() {
  const callout = useSimulationStore((s) => s.callout);
  const window = useSimulationStore((s) => s.window);
  if (!callout) return <div className="bp-callout">Waiting for the first second…</div>;
  return (
    <div
      className={`bp-callout bp-callout--${callout.tone}`}
      data-testid="bottleneck"
      role="status"
    >
      {callout.nodeId ? (
        <button
          type="button"
          className="bp-callout__text"
          title="Select this box"
          onClick={() => useSelectionStore.getState().select([callout.nodeId!])}
        >
          {callout.text}
        </button>
      ) : (
        <span className="bp-callout__text">{callout.text}</span>
      )}
      {callout.action === 'add-client' ? (
        <button
          type="button"
          className="bp-btn bp-btn--primary bp-callout__action"
          onClick={addUsers}
          title="Add a Users client that sends requests to the diagram's front doors"
        >
          Add Users
        </button>
      ) : null}
      {callout.detail ? (
        <span className="bp-callout__detail" data-testid="bottleneck-detail" title={callout.detail}>
          {callout.detail}
        </span>
      ) : null}
      {window ? (
        <span className="bp-callout__figures" title="Over the last 10 simulated seconds">
          last {Math.max(1, Math.round(window.seconds))} s: {Math.round(window.throughput_rps)}{' '}
          req/s · p95 {fmtMs(window.latency_ms.p95)} · {(window.errorRate * 100).toFixed(1)}% errors
        </span>
      ) : null}
    </div>
  );
}

/** "about 40 s left", from the wall time the done part took; nothing until there is a basis. */
export function timeLeft(doneMs: number, totalMs: number, wallMs: number | undefined): string {
  if (!wallMs || doneMs <= 0 || wallMs < 500) return '';
  const left = ((totalMs - doneMs) / doneMs) * wallMs;
  if (left < 1500) return 'almost done';
  if (left < 90_000) return `about ${Math.round(left / 1000)} s left`;
  return `about ${Math.round(left / 60_000)} min left`;
}

function FastProgress() {
  const fast = useSimulationStore((s) => s.fast);
  if (!fast) return null;
  const f = fast.totalMs > 0 ? fast.doneMs / fast.totalMs : 0;
  const left = timeLeft(fast.doneMs, fast.totalMs, fast.wallMs);
  return (
    <div className="bp-fast" role="status">
      <span data-testid="fast-progress">
        Computing {Math.round(fast.totalMs / 1000)} s: {(fast.doneMs / 1000).toFixed(1)} s done
        {left ? ` · ${left}` : ''}
      </span>
      <progress max={1} value={f} aria-label="Fast run progress" />
      <button
        type="button"
        className="bp-btn"
        onClick={() => useSimulationStore.getState().cancelFast()}
      >
        Cancel
      </button>
    </div>
  );
}

function Charts() {
  const series = useSimulationStore((s) => s.series);
  const markers = useSimulationStore((s) => s.markers);
  const data = useMemo(() => {
    const x = series.map((p) => p.t);
    return {
      x,
      ok: series.map((p) => p.throughput_rps),
      err: series.map((p) => p.errors_rps),
      p50: series.map((p) => p.latency_ms.p50),
      p95: series.map((p) => p.latency_ms.p95),
      p99: series.map((p) => p.latency_ms.p99),
      rate: series.map((p) => p.errorRate * 100),
    };
  }, [series]);
  return (
    <div className="bp-charts">
      <Chart
        title="Throughput"
        unit=""
        testId="chart-throughput"
        x={data.x}
        markers={markers}
        lines={[
          { label: 'ok req/s', color: '#2563eb', values: data.ok },
          { label: 'failed req/s', color: '#dc2626', values: data.err },
        ]}
      />
      <Chart
        title="Latency"
        unit="ms"
        testId="chart-latency"
        x={data.x}
        markers={markers}
        lines={[
          { label: 'p50', color: '#0d9488', values: data.p50 },
          { label: 'p95', color: '#d97706', values: data.p95 },
          { label: 'p99', color: '#dc2626', values: data.p99, dash: [4, 3] },
        ]}
      />
      <Chart
        title="Error rate"
        unit="%"
        testId="chart-errors"
        x={data.x}
        markers={markers}
        minTop={5}
        lines={[{ label: 'errors %', color: '#dc2626', values: data.rate }]}
      />
      <ReplicaChart series={series} markers={markers} />
      <LinkCharts series={series} markers={markers} />
    </div>
  );
}

const LINK_COLORS = ['#7c3aed', '#0891b2', '#ea580c', '#4d7c0f'];
const BREAKER_WORDS = ['closed', 'open', 'half-open'];

/**
 * Connections with retries, a timeout or a breaker: calls made vs tries sent each second
 * (a retry storm is the gap between them), and each breaker's state (0 closed, 1 open,
 * 0.5 half-open). Up to four connections, the first in the document.
 */
function LinkCharts({
  series,
  markers,
}: {
  series: readonly SeriesPoint[];
  markers: ChartMarker[];
}) {
  const doc = useDocumentStore((s) => s.doc);
  const last = series.length > 0 ? series[series.length - 1]!.links : undefined;
  const ids = useMemo(
    () =>
      last
        ? doc.edges
            .filter((e) => last[e.id] !== undefined)
            .slice(0, 4)
            .map((e) => e.id)
        : [],
    [doc.edges, last],
  );
  const labels = useLabels();
  if (!last || ids.length === 0) return null;
  const x = series.map((p) => p.t);
  const name = (id: string) => {
    const e = doc.edges.find((d) => d.id === id);
    return e ? `${labels.get(e.source) ?? e.source} → ${labels.get(e.target) ?? e.target}` : id;
  };
  const calls: ChartLine[] = [];
  const breakers: ChartLine[] = [];
  ids.forEach((id, i) => {
    const color = LINK_COLORS[i % LINK_COLORS.length]!;
    calls.push({
      label: `${name(id)} calls/s`,
      color,
      values: series.map((p) => p.links?.[id]?.calls ?? 0),
      dash: [4, 3],
    });
    calls.push({
      label: `${name(id)} tries/s`,
      color,
      values: series.map((p) => p.links?.[id]?.attempts ?? 0),
    });
    if (last[id]!.breaker >= 0) {
      breakers.push({
        label: `${name(id)} open`,
        color,
        values: series.map((p) => {
          const b = p.links?.[id]?.breaker ?? 0;
          return b === 1 ? 1 : b === 2 ? 0.5 : 0;
        }),
      });
    }
  });
  return (
    <>
      <Chart
        title="Calls and tries"
        unit="/s"
        testId="chart-tries"
        x={x}
        markers={markers}
        lines={calls}
      />
      {breakers.length > 0 ? (
        <Chart
          title="Circuit breakers (1 open, ½ half-open)"
          unit=""
          testId="chart-breakers"
          x={x}
          markers={markers}
          lines={breakers}
        />
      ) : null}
      <ul
        className="bp-link-figures"
        data-testid="link-figures"
        aria-label="Connections, last second"
      >
        {ids.map((id) => {
          const p = last[id]!;
          const ratio = p.calls > 0 ? p.attempts / p.calls : 0;
          return (
            <li key={id} data-edge-id={id}>
              <strong>{name(id)}</strong>: {p.calls} calls/s, {p.attempts} tries/s
              {ratio > 0 ? ` (${ratio.toFixed(1)}× each call)` : ''}
              {p.breaker >= 0 ? ` · breaker ${BREAKER_WORDS[p.breaker]}` : ''}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** Labels by node id, for tables. */
export function useLabels(): Map<string, string> {
  const nodes = useDocumentStore((s) => s.doc.nodes);
  return useMemo(() => new Map(nodes.map((n) => [n.id, n.label])), [nodes]);
}
