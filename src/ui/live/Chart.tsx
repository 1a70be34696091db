// One live chart (uPlot) over virtual seconds, with every injected event drawn as a labelled
// vertical marker on the time axis. The plot is created once and fed with setData.

// uPlot itself is loaded on the first chart shown (charts appear only once a run starts), so
// the first page does not carry it; the figure says "Loading chart…" if that takes a moment.

import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { ChartMarker } from '../../state/simulationStore.ts';
import { useSlowFlag } from '../useSlowFlag.ts';
import './runPanel.css';

let uplotModule: Promise<typeof uPlot> | null = null;
/** uPlot and its stylesheet, fetched once. */
function loadUPlot(): Promise<typeof uPlot> {
  uplotModule ??= import('./uplot.ts').then((m) => m.default);
  return uplotModule;
}

export interface ChartLine {
  label: string;
  color: string;
  values: number[];
  dash?: number[];
}

export interface ChartProps {
  title: string;
  unit: string;
  x: number[];
  lines: ChartLine[];
  markers: ChartMarker[];
  testId: string;
  /** Smallest top of the y axis (so a flat zero line is not stretched). */
  minTop?: number;
}

const HEIGHT = 150;

export function Chart({ title, unit, x, lines, markers, testId, minTop = 1 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const markersRef = useRef(markers);
  markersRef.current = markers;
  const labels = lines.map((l) => l.label).join('|');
  const [ready, setReady] = useState(false);
  const dataRef = useRef<uPlot.AlignedData>([]);
  dataRef.current = [x, ...lines.map((l) => l.values)];

  // The plot is rebuilt only when its lines change (by label); data flows through setData.
  // biome-ignore lint/correctness/useExhaustiveDependencies: lines' values change every frame
  useEffect(() => {
    const el = box.current!;
    let p: uPlot | null = null;
    let ro: ResizeObserver | null = null;
    let gone = false;
    void loadUPlot().then((UPlot) => {
      if (gone) return;
      p = create(UPlot, el);
      plot.current = p;
      p.setData(dataRef.current);
      const made = p;
      ro = new ResizeObserver(() => {
        made.setSize({ width: Math.max(160, el.clientWidth), height: HEIGHT });
      });
      ro.observe(el);
      setReady(true);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      p?.destroy();
      plot.current = null;
    };
  }, [labels, unit, minTop]);

  function create(UPlot: typeof uPlot, el: HTMLDivElement): uPlot {
    const opts: uPlot.Options = {
      width: Math.max(160, el.clientWidth),
      height: HEIGHT,
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: false },
        y: { range: (_u, _min, max) => [0, Math.max(minTop, max * 1.1)] },
      },
      axes: [
        {
          stroke: '#64748b',
          grid: { stroke: '#f1f5f9' },
          ticks: { stroke: '#e2e8f0' },
          size: 24,
          font: '10px system-ui',
          values: (_u, ticks) => ticks.map((v) => `${v}s`),
        },
        {
          stroke: '#64748b',
          grid: { stroke: '#f1f5f9' },
          ticks: { stroke: '#e2e8f0' },
          size: 48,
          font: '10px system-ui',
          values: (_u, ticks) => ticks.map((v) => withUnit(v, unit)),
        },
      ],
      series: [
        { label: 't' },
        ...lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: 1.6,
          dash: l.dash,
          points: { show: false },
        })),
      ],
      hooks: {
        draw: [(u: uPlot) => drawMarkers(u, markersRef.current)],
      },
    };
    return new UPlot(opts, [[], ...lines.map(() => [])], el);
  }

  const slow = useSlowFlag(!ready);

  useEffect(() => {
    plot.current?.setData([x, ...lines.map((l) => l.values)]);
  });

  return (
    <figure
      className="bp-chart"
      data-testid={testId}
      data-points={x.length}
      data-markers={markers.length}
      data-marker-text={markers.map((m) => m.text).join(' | ')}
      data-last={lines.map((l) => round2(l.values[l.values.length - 1] ?? 0)).join(' ')}
      data-max={lines.map((l) => round2(Math.max(0, ...l.values))).join(' ')}
    >
      <figcaption>{title}</figcaption>
      <div ref={box} className="bp-chart__plot">
        {!ready && slow ? <p className="bp-chart__loading">Loading chart…</p> : null}
      </div>
    </figure>
  );
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function withUnit(v: number, unit: string): string {
  if (unit === 'ms' && v >= 1000) return `${Math.round(v / 100) / 10}s`;
  return compact(v) + unit;
}

function compact(v: number): string {
  if (Math.abs(v) >= 1000) return `${(v / 1000).toFixed(v % 1000 === 0 ? 0 : 1)}k`;
  return `${Math.round(v * 100) / 100}`;
}

function drawMarkers(u: uPlot, markers: ChartMarker[]) {
  if (markers.length === 0) return;
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const dpr = window.devicePixelRatio || 1;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.font = `${10 * dpr}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left'; // uPlot leaves its axis alignment on the context
  let lastX = -Infinity;
  let row = 0;
  for (const m of markers) {
    const x = u.valToPos(m.t, 'x', true);
    if (x < left || x > left + width) continue;
    ctx.strokeStyle = 'rgba(124, 58, 237, 0.75)';
    ctx.lineWidth = 1.2 * dpr;
    ctx.setLineDash([4 * dpr, 3 * dpr]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    // Labels that would overlap step down a row.
    row = x - lastX < 90 * dpr ? (row + 1) % 3 : 0;
    lastX = x;
    const text = m.text;
    const w = ctx.measureText(text).width + 6 * dpr;
    const y = top + 2 * dpr + row * 13 * dpr;
    const tx = Math.min(x + 3 * dpr, left + width - w);
    ctx.fillStyle = 'rgba(245, 243, 255, 0.95)';
    ctx.fillRect(tx, y, w, 12 * dpr);
    ctx.fillStyle = '#5b21b6';
    ctx.fillText(text, tx + 3 * dpr, y + 1 * dpr);
  }
  ctx.restore();
}
