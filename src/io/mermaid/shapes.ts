// Which Mermaid shape each kind is drawn with on export, and what Mermaid's shape names
// (classic bracket syntax and the `@{ shape: … }` names of Mermaid 11) mean on import.

import type { NodeKind } from '../../model/types.ts';

type BoxKind = Exclude<NodeKind, 'group'>;

/** Opening and closing brackets (classic syntax), or a Mermaid 11 shape name. */
type ShapeSyntax = { open: string; close: string } | { shape: string };

/**
 * Classic shapes render in every Mermaid version (GitHub, GitLab, docs sites); the queue
 * uses Mermaid 11's horizontal cylinder, the usual drawing of a queue, which has no
 * bracket form.
 */
export const KIND_SHAPES: Record<BoxKind, ShapeSyntax & { name: string }> = {
  client: { open: '([', close: '])', name: 'stadium' },
  dns: { open: '((', close: '))', name: 'circle' },
  cdn: { open: '[/', close: '/]', name: 'parallelogram' },
  proxy: { open: '{{', close: '}}', name: 'hexagon' },
  lb: { open: '[/', close: '\\]', name: 'trapezoid' },
  app: { open: '[', close: ']', name: 'rectangle' },
  db: { open: '[(', close: ')]', name: 'cylinder' },
  cache: { open: '(', close: ')', name: 'rounded rectangle' },
  queue: { shape: 'h-cyl', name: 'horizontal cylinder (h-cyl)' },
  worker: { open: '[[', close: ']]', name: 'subroutine' },
  cron: { open: '[\\', close: '\\]', name: 'parallelogram (alt)' },
  static: { open: '[\\', close: '/]', name: 'inverted trapezoid' },
  external: { open: '>', close: ']', name: 'flag (asymmetric)' },
  limiter: { open: '{', close: '}', name: 'rhombus (a gate)' },
};

/** `id["label"]` or `id@{ shape: h-cyl, label: "label" }`, label already quoted. */
export function nodeStatement(kind: BoxKind, mermaidId: string, quotedLabel: string): string {
  const s = KIND_SHAPES[kind];
  if ('shape' in s) return `${mermaidId}@{ shape: ${s.shape}, label: ${quotedLabel} }`;
  return `${mermaidId}${s.open}${quotedLabel}${s.close}`;
}

/**
 * Mermaid's vertex `type` reduced to what kind inference cares about. Mermaid 11 keeps
 * the name written in `@{ shape: … }` as it is (aliases included), classic brackets give
 * names such as `cylinder` or `subroutine`.
 */
export type ShapeHint = 'database' | 'queue' | 'storage' | 'other';

const SHAPE_HINTS: Record<string, ShapeHint> = {
  cylinder: 'database',
  cyl: 'database',
  db: 'database',
  database: 'database',
  'lin-cyl': 'database',
  'lined-cylinder': 'database',
  disk: 'database',
  'h-cyl': 'queue',
  das: 'queue',
  'horizontal-cylinder': 'queue',
  'win-pane': 'storage',
  'internal-storage': 'storage',
  'bow-rect': 'storage',
  'stored-data': 'storage',
};

export function shapeHint(type: string | undefined): ShapeHint {
  return (type && SHAPE_HINTS[type.toLowerCase()]) || 'other';
}
