// TopologyDocument → Mermaid flowchart text. The text is plain, valid Mermaid that renders
// anywhere (GitHub, docs sites): one shape per kind, hosts as nested subgraphs, edge
// labels, one colour class per kind. What Mermaid cannot say (ids it would not accept,
// kinds, settings, positions, the exact labels) travels in `%% bp:` comment lines that
// renderers ignore and our import reads back, so export → import is lossless.

import { designCost, formatUsd } from '../../model/cost.ts';
import { defaultConfig, KINDS } from '../../model/kinds.ts';
import type { Config, NodeKind, TopologyDocument, TopologyNode } from '../../model/types.ts';
import { nodeStatement } from './shapes.ts';
import { commentJson, mermaidIds, quoteLabel, titleForRenderers } from './text.ts';

/** What a `%% bp:node` comment carries. `config` holds only values that differ from the
 * kind's defaults; `missing` lists default keys the node did not have at all. */
export interface BpNodeComment {
  id: string;
  kind: NodeKind;
  label: string;
  position: { x: number; y: number };
  parent?: string;
  size?: { width: number; height: number };
  config: Config;
  missing?: string[];
  addedBy?: 'import';
}

export interface BpEdgeComment {
  id: string;
  source: string;
  target: string;
  label?: string;
  /** The connection's settings (retries, timeout, breaker), exactly as the document has them. */
  config?: Config;
}

export interface BpDocComment {
  version: 1;
  title: string;
  direction?: TopologyDocument['direction'];
}

export const BP_HEADER =
  '%% Backend Playground data: exact ids, kinds, settings and positions for re-import';

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function configDelta(kind: NodeKind, config: Config): { config: Config; missing: string[] } {
  const defaults = defaultConfig(kind);
  const delta: Config = {};
  for (const [key, value] of Object.entries(config)) {
    if (!(key in defaults) || !sameValue(defaults[key], value)) delta[key] = value;
  }
  const missing = Object.keys(defaults).filter((k) => !(k in config));
  return { config: delta, missing };
}

function darken(hex: string, factor = 0.7): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = Number.parseInt(m[1]!, 16);
  const part = (shift: number) =>
    Math.round(((n >> shift) & 0xff) * factor)
      .toString(16)
      .padStart(2, '0');
  return `#${part(16)}${part(8)}${part(0)}`;
}

/** A YAML double-quoted scalar that Mermaid's pre-passes leave alone. */
function yamlString(s: string): string {
  return JSON.stringify(s).replace(
    /[^\x20-\x7e]|[#%]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The nodes each group directly holds; nodes in a missing, non-group or looping parent
 * are drawn at the top level (the comment still records their `parent`). */
function childrenByParent(doc: TopologyDocument): Map<string | undefined, TopologyNode[]> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const usableParent = (n: TopologyNode): string | undefined => {
    if (n.parent === undefined) return undefined;
    const p = byId.get(n.parent);
    if (p?.kind !== 'group' || p.id === n.id) return undefined;
    const seen = new Set([n.id]);
    for (let cur: TopologyNode | undefined = p; cur; ) {
      if (seen.has(cur.id)) return undefined;
      seen.add(cur.id);
      cur = cur.parent === undefined ? undefined : byId.get(cur.parent);
    }
    return p.id;
  };
  const out = new Map<string | undefined, TopologyNode[]>();
  for (const n of doc.nodes) {
    const p = usableParent(n);
    const list = out.get(p) ?? [];
    list.push(n);
    out.set(p, list);
  }
  return out;
}

export function exportMermaid(doc: TopologyDocument): string {
  const ids = mermaidIds(doc.nodes.map((n) => n.id));
  const mid = (id: string) => ids.get(id) ?? id;
  const children = childrenByParent(doc);
  const lines: string[] = [];

  if (doc.title.trim() !== '') {
    lines.push('---', `title: ${yamlString(titleForRenderers(doc.title))}`, '---');
  }
  lines.push(`flowchart ${doc.direction ?? 'LR'}`);

  const emit = (parent: string | undefined, depth: number) => {
    const pad = '  '.repeat(depth);
    for (const n of children.get(parent) ?? []) {
      if (n.kind === 'group') {
        lines.push(`${pad}subgraph ${mid(n.id)} [${quoteLabel(n.label)}]`);
        emit(n.id, depth + 1);
        lines.push(`${pad}end`);
      } else {
        lines.push(`${pad}${nodeStatement(n.kind, mid(n.id), quoteLabel(n.label))}`);
      }
    }
  };
  emit(undefined, 1);

  const known = new Set(doc.nodes.map((n) => n.id));
  for (const e of doc.edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    const label = e.label ? `|${quoteLabel(e.label)}|` : '';
    // A faint arrow only places boxes (`~~~`); a two-way one has both heads.
    const arrow = e.faint ? '~~~' : e.twoWay ? '<-->' : '-->';
    lines.push(`  ${mid(e.source)} ${arrow}${label} ${mid(e.target)}`);
  }

  const byKind = new Map<NodeKind, string[]>();
  for (const n of doc.nodes) {
    const list = byKind.get(n.kind) ?? [];
    list.push(mid(n.id));
    byKind.set(n.kind, list);
  }
  for (const [kind, members] of byKind) {
    const color = KINDS[kind].color;
    const style =
      kind === 'group'
        ? `fill:#f8fafc,stroke:${color},color:#334155,stroke-dasharray:4 3`
        : `fill:${color},stroke:${darken(color)},color:#ffffff`;
    lines.push(`  classDef ${kind}Kind ${style}`);
    // Long class lines are fine for Mermaid but unreadable for people: 20 ids a line.
    for (let i = 0; i < members.length; i += 20) {
      lines.push(`  class ${members.slice(i, i + 20).join(',')} ${kind}Kind`);
    }
  }

  lines.push('', BP_HEADER);
  const docComment: BpDocComment = { version: 1, title: doc.title };
  if (doc.direction) docComment.direction = doc.direction;
  lines.push(`%% bp:doc ${commentJson(docComment)}`);
  for (const n of doc.nodes) {
    const { config, missing } = configDelta(n.kind, n.config);
    const c: BpNodeComment = {
      id: n.id,
      kind: n.kind,
      label: n.label,
      position: n.position,
      config,
    };
    if (n.parent !== undefined) c.parent = n.parent;
    if (n.size) c.size = n.size;
    if (missing.length) c.missing = missing;
    if (n.addedBy) c.addedBy = n.addedBy;
    lines.push(`%% bp:node ${mid(n.id)} ${commentJson(c)}`);
  }
  for (const e of doc.edges) {
    const c: BpEdgeComment = { id: e.id, source: e.source, target: e.target };
    if (e.label !== undefined) c.label = e.label;
    if (e.config !== undefined) c.config = e.config;
    lines.push(`%% bp:edge ${commentJson(c)}`);
  }
  lines.push(...costComments(doc));
  return `${lines.join('\n')}\n`;
}

/** What a `%% bp:cost` comment carries: the monthly estimate, in total and per box id. */
export interface BpCostComment {
  totalUsd: number;
  nodes: Record<string, number>;
}

/**
 * The design's monthly cost (src/model/cost.ts): a line a person reads, kept when the
 * `%% bp:` data is stripped, and the figures per box as data. Import derives cost from the
 * settings again, so it reads neither.
 */
function costComments(doc: TopologyDocument): string[] {
  const cost = designCost(doc);
  const data: BpCostComment = {
    totalUsd: cost.totalUsd,
    nodes: Object.fromEntries(cost.boxes.map((b) => [b.id, b.monthlyUsd])),
  };
  return [
    `%% Monthly cost at AWS on-demand list prices (Backend Playground estimate): ${formatUsd(cost.totalUsd)}`,
    `%% bp:cost ${commentJson(data)}`,
  ];
}

/** The export without its `%% bp:` data: what a person reads or a renderer draws. */
export function stripBpComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*%%\s*bp:/.test(l) && l !== BP_HEADER)
    .join('\n')
    .replace(/\n+$/, '\n');
}

/** Names Windows refuses for a file, whatever the extension. */
const RESERVED_FILE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name for the downloaded `.mmd`: the title with characters that are unsafe in file
 * names (path separators, `:*?"<>|`, `%#&$` and the like, control characters) turned into
 * spaces, apostrophes dropped, runs of whitespace collapsed to one space, no leading dot
 * or dash and no trailing dot, at most 80 characters. "Shop v2 / prod: b" → "Shop v2 prod b.mmd".
 */
export function mermaidFileName(title: string): string {
  let base = title
    .normalize('NFC')
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{M}\p{N} _.,()+-]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\- ]+/, '');
  base = Array.from(base)
    .slice(0, 80)
    .join('')
    .replace(/[. ]+$/, '');
  if (RESERVED_FILE_NAMES.test(base)) base = `${base} diagram`;
  return `${base || 'diagram'}.mmd`;
}
