// The one or two config values a box shows on the canvas, e.g. "4 workers · 20 ms".

import { fieldSpec, KINDS } from '../model/kinds.ts';
import type { Config, NodeKind } from '../model/types.ts';

export function formatNumber(v: number): string {
  if (Math.abs(v) >= 10_000) {
    const units: [number, string][] = [
      [1e9, 'G'],
      [1e6, 'M'],
      [1e3, 'k'],
    ];
    for (const [size, suffix] of units) {
      if (Math.abs(v) >= size) return `${Number((v / size).toFixed(1))}${suffix}`;
    }
  }
  return String(Number(v.toFixed(2)));
}

/** "workers" → "worker", "max connections" → "max connection", "CPU cores" → "CPU core". */
function singular(words: string): string {
  return words.endsWith('ses') ? words.slice(0, -2) : words.replace(/s$/, '');
}

/** "CPU cores" → "CPU cores", "Max connections" → "max connections": acronyms stay. */
function lowerWords(text: string): string {
  return text
    .split(' ')
    .map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase()))
    .join(' ');
}

/** Milliseconds in the unit a person would say: "20 ms", "10 s", "5 min", "2 h". */
export function formatDuration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${formatNumber(ms)} ms`;
  if (Math.abs(ms) < 60_000) return `${formatNumber(ms / 1000)} s`;
  if (Math.abs(ms) < 3_600_000) return `${Number((ms / 60_000).toFixed(1))} min`;
  return `${Number((ms / 3_600_000).toFixed(1))} h`;
}

export function formatValue(kind: NodeKind, key: string, value: unknown): string {
  const f = fieldSpec(kind, key);
  if (!f) return String(value);
  switch (f.type) {
    case 'number': {
      const v = typeof value === 'number' && Number.isFinite(value) ? value : f.default;
      // A schedule reads "every 10 s", a share reads as a percentage of what it counts.
      if (f.unit === 'ms')
        return f.label === 'Every' ? `every ${formatDuration(v)}` : formatDuration(v);
      if (f.unit === '0–1') return `${formatNumber(v * 100)}% ${lowerWords(f.label)}`;
      if (f.unit) return `${formatNumber(v)} ${f.unit}`;
      // "1 worker", "4 workers": the label is plural, so one of them drops its "s".
      const words = lowerWords(f.label);
      return `${formatNumber(v)} ${v === 1 ? singular(words) : words}`;
    }
    case 'enum': {
      const v = typeof value === 'string' ? value : f.default;
      return f.options.find((o) => o.value === v)?.label ?? v;
    }
    case 'boolean': {
      const v = typeof value === 'boolean' ? value : f.default;
      if (f.summary) return v ? f.summary.on : f.summary.off;
      return v ? f.label : `no ${lowerWords(f.label)}`;
    }
    case 'text':
      return typeof value === 'string' ? value : f.default;
    case 'routes':
      return `${Array.isArray(value) ? value.length : f.default.length} routes`;
  }
}

export function summaryText(kind: NodeKind, config: Config): string {
  // A client replaying a log sends the log's rate, not its own: say that instead.
  if (kind === 'client' && config.pattern === 'replay') {
    const routes = Array.isArray(config.routes) ? config.routes.length : 0;
    return `replays a log · ${routes} path${routes === 1 ? '' : 's'}`;
  }
  return KINDS[kind].summary.map((key) => formatValue(kind, key, config[key])).join(' · ');
}
