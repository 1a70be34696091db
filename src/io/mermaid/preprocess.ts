// Before Mermaid sees the text we take out what it would drop anyway (front matter and
// `%%` comment lines), replacing each with an empty line so Mermaid's line numbers in
// error messages stay the user's line numbers, and read our `%% bp:` data on the way.

import { NODE_KINDS, type NodeKind } from '../../model/types.ts';
import type { BpDocComment, BpEdgeComment, BpNodeComment } from './export.ts';

/** A node comment as read: the position may be missing or broken in hand-edited text. */
export type ReadNodeComment = Omit<BpNodeComment, 'position'> & {
  position?: BpNodeComment['position'];
  order: number;
};

export interface BpData {
  doc?: BpDocComment;
  /** Keyed by Mermaid id; `order` is the comment's position among node comments. */
  nodes: Map<string, ReadNodeComment>;
  edges: (BpEdgeComment & { order: number })[];
}

export interface Preprocessed {
  /** The text for Mermaid, with as many lines as the input. */
  text: string;
  /** `title:` from the YAML front matter, if any. */
  title?: string;
  bp: BpData;
  warnings: string[];
  /** classDef / class / style / linkStyle / click / `:::` were used (not imported). */
  hasStyling: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isXY = (v: unknown): v is { x: number; y: number } =>
  isObject(v) && Number.isFinite(v.x) && Number.isFinite(v.y);

function yamlScalar(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // Not JSON-compatible YAML: fall through to stripping the quotes.
    }
    return v.replace(/^"|"$/g, '');
  }
  if (v.startsWith("'")) return v.replace(/^'|'$/g, '').replace(/''/g, "'");
  return v.replace(/\s+#.*$/, '');
}

function parseNodeComment(json: unknown): Omit<ReadNodeComment, 'order'> | undefined {
  if (!isObject(json)) return undefined;
  const { id, kind, label, position, parent, size, config, missing, addedBy } = json;
  if (typeof id !== 'string' || id === '' || id.length > 200) return undefined;
  if (typeof kind !== 'string' || !NODE_KINDS.includes(kind as NodeKind)) return undefined;
  const out: Omit<ReadNodeComment, 'order'> = {
    id,
    kind: kind as NodeKind,
    label: typeof label === 'string' ? label : '',
    config: isObject(config) ? (config as BpNodeComment['config']) : {},
  };
  if (isXY(position)) out.position = { x: position.x, y: position.y };
  if (typeof parent === 'string' && parent !== '') out.parent = parent;
  if (
    isObject(size) &&
    typeof size.width === 'number' &&
    typeof size.height === 'number' &&
    size.width > 0 &&
    size.height > 0 &&
    Number.isFinite(size.width) &&
    Number.isFinite(size.height)
  ) {
    out.size = { width: size.width, height: size.height };
  }
  if (Array.isArray(missing)) out.missing = missing.filter((k) => typeof k === 'string');
  if (addedBy === 'import') out.addedBy = 'import';
  return out;
}

function parseEdgeComment(json: unknown): BpEdgeComment | undefined {
  if (!isObject(json)) return undefined;
  const { id, source, target, label, config } = json;
  if (typeof id !== 'string' || id === '' || id.length > 200) return undefined;
  if (typeof source !== 'string' || typeof target !== 'string') return undefined;
  const out: BpEdgeComment = { id, source, target };
  if (typeof label === 'string') out.label = label;
  // Checked (and repaired, with a note) by restore when the import finishes.
  if (isObject(config)) out.config = config as BpEdgeComment['config'];
  return out;
}

export function preprocess(input: string): Preprocessed {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const warnings: string[] = [];
  const bp: BpData = { nodes: new Map(), edges: [] };
  let title: string | undefined;

  // YAML front matter: `---` on the first line up to the next `---` line.
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (close > 0) {
      for (let i = 0; i <= close; i++) {
        const m = /^title:\s*(.*)$/.exec(lines[i]!);
        if (m) title = yamlScalar(m[1]!);
        lines[i] = '';
      }
    }
  }

  let nodeOrder = 0;
  lines.forEach((line, i) => {
    if (!/^\s*%%(?!\{)/.test(line)) return;
    lines[i] = '';
    const m = /^\s*%%\s*bp:(doc|node|edge)\s+(?:([^\s{]\S*)\s+)?(\{.*\})\s*$/.exec(line);
    if (!m) return;
    const [, what, key, body] = m;
    let json: unknown;
    try {
      json = JSON.parse(body!);
    } catch {
      warnings.push(`Line ${i + 1}: unreadable bp:${what} data was ignored.`);
      return;
    }
    if (what === 'doc') {
      if (isObject(json) && typeof json.title === 'string') {
        const d: BpDocComment = { version: 1, title: json.title };
        if (json.direction === 'LR' || json.direction === 'RL') d.direction = json.direction;
        if (json.direction === 'TB' || json.direction === 'BT') d.direction = json.direction;
        bp.doc = d;
      }
    } else if (what === 'node') {
      const node = parseNodeComment(json);
      if (node && key) bp.nodes.set(key, { ...node, order: nodeOrder++ });
      else warnings.push(`Line ${i + 1}: incomplete bp:node data was ignored.`);
    } else {
      const edge = parseEdgeComment(json);
      if (edge) bp.edges.push({ ...edge, order: bp.edges.length });
      else warnings.push(`Line ${i + 1}: incomplete bp:edge data was ignored.`);
    }
  });

  const hasStyling = lines.some(
    (l) => /^\s*(classDef|class|style|linkStyle|click)\s/.test(l) || /:::\w/.test(l),
  );
  const out: Preprocessed = { text: lines.join('\n'), bp, warnings, hasStyling };
  if (title !== undefined) out.title = title;
  return out;
}
