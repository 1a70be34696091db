// The graded run on two small charts, with a marker where each of the script's events
// happened (the sale, the crash, the deploy), so a miss can be seen where it began.

import { useMemo } from 'react';
import type { Grade } from '../../story/challenge/grade.ts';
import { Chart } from '../live/Chart.tsx';

export function GradeCharts({ grade }: { grade: Grade }) {
  const { series, markers } = grade.shown;
  const data = useMemo(
    () => ({
      x: series.map((p) => p.t),
      ok: series.map((p) => p.throughput),
      failed: series.map((p) => p.errors),
      p50: series.map((p) => p.p50),
      p95: series.map((p) => p.p95),
    }),
    [series],
  );
  if (!series.length) return null;
  return (
    <div className="bp-challenge__charts">
      <Chart
        title="Requests per second"
        unit=""
        testId="grade-chart-throughput"
        x={data.x}
        markers={markers}
        lines={[
          { label: 'answered', color: '#2563eb', values: data.ok },
          { label: 'failed', color: '#dc2626', values: data.failed },
        ]}
      />
      <Chart
        title="Latency"
        unit="ms"
        testId="grade-chart-latency"
        x={data.x}
        markers={markers}
        lines={[
          { label: 'p50', color: '#0d9488', values: data.p50 },
          { label: 'p95', color: '#d97706', values: data.p95 },
        ]}
      />
    </div>
  );
}
