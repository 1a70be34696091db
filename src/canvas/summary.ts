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

/** "CPU cores" → "CPU cores", "Max connections" → "max connections": acronyms stay. */
function lowerWords(text: string): string {
  return text
    .split(' ')
    .map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase()))
    .join(' ');
}

export function formatValue(kind: NodeKind, key: string, value: unknown): string {
  const f = fieldSpec(kind, key);
  if (!f) return String(value);
  switch (f.type) {
    case 'number': {
      const v = typeof value === 'number' && Number.isFinite(value) ? value : f.default;
      if (f.unit) return `${formatNumber(v)} ${f.unit}`;
      return `${formatNumber(v)} ${lowerWords(f.label)}`;
    }
    case 'enum': {
      const v = typeof value === 'string' ? value : f.default;
      return f.options.find((o) => o.value === v)?.label ?? v;
    }
    case 'boolean': {
      const v = typeof value === 'boolean' ? value : f.default;
      return v ? f.label : `no ${lowerWords(f.label)}`;
    }
    case 'text':
      return typeof value === 'string' ? value : f.default;
    case 'routes':
      return `${Array.isArray(value) ? value.length : f.default.length} routes`;
  }
}

export function summaryText(kind: NodeKind, config: Config): string {
  return KINDS[kind].summary.map((key) => formatValue(kind, key, config[key])).join(' · ');
}
