// The replicas of every box with autoscale on, over time: serving (solid) and serving plus
// booting (dashed), so a scale-out shows first as the dashed line and then, a cold start
// later, as the solid one. Up to four boxes, the first in the document. Nothing is drawn
// while no box scales.

import { useMemo } from 'react';
import type { SeriesPoint } from '../../sim/metrics.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import type { ChartMarker } from '../../state/simulationStore.ts';
import { Chart, type ChartLine } from './Chart.tsx';

const COLORS = ['#2563eb', '#4f46e5', '#0d9488', '#c026d3'];

export function ReplicaChart({
  series,
  markers,
}: {
  series: readonly SeriesPoint[];
  markers: ChartMarker[];
}) {
  const nodes = useDocumentStore((s) => s.doc.nodes);
  const last = series.length > 0 ? series[series.length - 1]!.nodes : undefined;
  const scaled = useMemo(
    () => (last ? nodes.filter((n) => last[n.id]?.replicas !== undefined).slice(0, 4) : []),
    [nodes, last],
  );
  if (scaled.length === 0) return null;
  const x = series.map((p) => p.t);
  const lines: ChartLine[] = [];
  scaled.forEach((n, i) => {
    const color = COLORS[i % COLORS.length]!;
    lines.push({
      label: `${n.label} serving`,
      color,
      values: series.map((p) => p.nodes[n.id]?.replicas ?? 0),
    });
    lines.push({
      label: `${n.label} with booting`,
      color,
      values: series.map((p) => {
        const q = p.nodes[n.id];
        return q === undefined ? 0 : (q.replicas ?? 0) + (q.starting ?? 0);
      }),
      dash: [4, 3],
    });
  });
  return (
    <Chart
      title="Replicas (autoscaled)"
      unit=""
      testId="chart-replicas"
      x={x}
      markers={markers}
      minTop={2}
      lines={lines}
    />
  );
}
