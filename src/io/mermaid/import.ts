// Mermaid flowchart text → TopologyDocument, parsed by Mermaid's own parser so everything
// Mermaid accepts comes in: every direction, shape, edge style and label syntax, chains and
// `&`, nested subgraphs, markdown strings, entities, unicode. Our export's `%% bp:` data,
// when present, restores ids, kinds, settings and positions exactly; anything else is
// inferred from labels and shapes and laid out. Never throws: a result says what happened.

import { checkField } from '../../model/schema.ts';
import { defaultConfig, fieldSpec, KINDS } from '../../model/kinds.ts';
import { canConnectKinds } from '../../model/rules.ts';
import type {
  Config,
  Direction,
  NodeKind,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
} from '../../model/types.ts';
import { layoutDocument } from '../layout.ts';
import { rewireDns } from './dns.ts';
import { unclosedHint } from './hints.ts';
import { inferKind } from './infer.ts';
import { loadMermaid } from './load.ts';
import { type Preprocessed, preprocess, type ReadNodeComment } from './preprocess.ts';
import { labelFingerprint, plainText } from './text.ts';

export interface ImportError {
  message: string;
  /** 1-based, in the text that was imported. */
  line?: number;
  /** 1-based, counted in UTF-16 code units (a tab is one), as Mermaid counts. */
  column?: number;
  /**
   * Where the mistake most likely is when it is not where Mermaid stopped: a bracket or
   * quote opened on an earlier line and never closed (the message says so too).
   */
  hint?: { line: number; column: number; message: string };
}

export interface ImportSuccess {
  ok: true;
  doc: TopologyDocument;
  /** Everything worth telling: notes about the import, then refused connections. */
  warnings: string[];
  /** Only the notes about the import itself (the preview recomputes the rule checks). */
  notes: string[];
  /** Ids of boxes whose kind was guessed (no `%% bp:` data for them). */
  inferred: string[];
  /** True when positions were computed by the automatic layout. */
  laidOut: boolean;
  /**
   * The connections as the diagram drew them, before arrows leaving DNS boxes were
   * rewired (see dns.ts); `exact` are ids restored from `%% bp:` data, never rewired;
   * `notes` are the notes without the rewiring ones. `applyKinds` starts from these, so
   * a box turned into DNS in the preview is rewired and one turned into something else
   * gets its arrows back.
   */
  written: { edges: TopologyEdge[]; exact: string[]; notes: string[] };
}

export type ImportResult = ImportSuccess | { ok: false; error: ImportError };

/** Far above any diagram a person writes, low enough to keep the parser responsive. */
export const MAX_TEXT_LENGTH = 2_000_000;
const MAX_LABEL = 500;
const MAX_ID = 200;

// The parts of Mermaid's flowchart database we read (Mermaid does not export these types).
interface FlowVertex {
  id: string;
  text?: string;
  labelType?: string;
  type?: string;
}
interface FlowEdge {
  start: string;
  end: string;
  type?: string;
  stroke?: string;
  text?: string;
  labelType?: string;
}
interface FlowSubGraph {
  id: string;
  title: string;
  nodes: string[];
  labelType?: string;
}
interface FlowDb {
  getVertices(): Map<string, FlowVertex>;
  getEdges(): FlowEdge[];
  getSubGraphs(): FlowSubGraph[];
  getDirection(): string | undefined;
  getAccTitle?(): string;
}

const DIAGRAM_NAMES: Record<string, string> = {
  sequence: 'a sequence diagram',
  class: 'a class diagram',
  classDiagram: 'a class diagram',
  state: 'a state diagram',
  stateDiagram: 'a state diagram',
  er: 'an entity-relationship diagram',
  gantt: 'a Gantt chart',
  pie: 'a pie chart',
  journey: 'a user journey',
  gitGraph: 'a git graph',
  mindmap: 'a mind map',
  timeline: 'a timeline',
  quadrantChart: 'a quadrant chart',
  xychart: 'an XY chart',
  sankey: 'a Sankey diagram',
  block: 'a block diagram',
  architecture: 'an architecture diagram',
  requirement: 'a requirement diagram',
  kanban: 'a kanban board',
  packet: 'a packet diagram',
  radar: 'a radar chart',
  treemap: 'a treemap',
  c4: 'a C4 diagram',
  info: 'an info diagram',
};

function diagramName(type: string): string {
  if (DIAGRAM_NAMES[type]) return DIAGRAM_NAMES[type];
  if (/^c4/i.test(type)) return 'a C4 diagram';
  return `a ${type.replace(/-v\d+$/, '')} diagram`;
}

function normalizeDirection(d: string | undefined): Direction {
  switch ((d ?? '').trim().toUpperCase()) {
    case 'RL':
    case '<':
      return 'RL';
    case 'BT':
    case '^':
      return 'BT';
    case 'TB':
    case 'TD':
    case 'V':
      return 'TB';
    default:
      return 'LR';
  }
}

interface ErrorHash {
  text?: string;
  token?: string | null;
  line?: number;
  loc?: { first_line: number; last_line: number; first_column: number; last_column: number };
  expected?: string[];
}

/** Mermaid's grammar token names as a person would write them. */
const TOKEN_NAMES: Record<string, string> = {
  SQE: '“]”',
  PE: '“)”',
  SQS: '“[”',
  PS: '“(”',
  PIPE: '“|”',
  AMP: '“&”',
  DIAMOND_STOP: '“}”',
  STADIUMEND: '“])”',
  SUBROUTINEEND: '“]]”',
  CYLINDEREND: '“)]”',
  DOUBLECIRCLEEND: '“)))”',
  TRAPEND: '“\\]”',
  INVTRAPEND: '“/]”',
  TAGEND: '“>”',
  NODE_STRING: 'a node id',
  STR: 'a quoted text',
  LINK: 'an arrow',
  ARROW_POINT: 'an arrow',
  end: '“end”',
  NEWLINE: 'a new line',
};

/** Did Mermaid's parser run out of text (something left open) rather than meet a token? */
function endedEarly(err: unknown): boolean {
  const hash = (err as { hash?: ErrorHash } | undefined)?.hash;
  return hash !== undefined && (hash.token === 'EOF' || hash.text === '');
}

/** Turns whatever Mermaid threw into a message with a line and column where it has them. */
export function describeMermaidError(err: unknown, text: string): ImportError {
  const raw = err instanceof Error ? err.message : String(err);
  if (/Edge limit exceeded/i.test(raw)) {
    return {
      message:
        'This diagram has more than 500 connections, which is Mermaid’s own limit (maxEdges). Split it into smaller diagrams and import them one at a time.',
    };
  }
  if (/No diagram type detected/i.test(raw)) {
    return {
      message:
        'This is not a Mermaid flowchart: the first line should be `flowchart LR` (or TB, RL, BT) or `graph TD`.',
    };
  }
  const hash = (err as { hash?: ErrorHash } | undefined)?.hash;
  const lines = text.split('\n');
  let line: number | undefined;
  let column: number | undefined;
  const atEnd = endedEarly(err);
  if (atEnd) {
    // Jison reports the end of the text on the line after it: point at the last written
    // character instead, where something was left open.
    let last = lines.length - 1;
    while (last > 0 && lines[last]!.trim() === '') last--;
    line = last + 1;
    column = lines[last]!.trimEnd().length + 1;
  } else if (hash?.loc) {
    line = hash.loc.last_line;
    const lineText = lines[line - 1] ?? '';
    // Jison's columns point near, not at, the offending token: find the token from there.
    const at = hash.text ? lineText.indexOf(hash.text, hash.loc.first_column) : -1;
    column = (at >= 0 ? at : hash.loc.last_column) + 1;
  } else {
    const m = /on line (\d+)/i.exec(raw);
    if (m) line = Number(m[1]);
  }
  let detail = '';
  if (hash?.token) {
    detail = atEnd ? 'the text ends too early' : `unexpected “${hash.text}”`;
    const expected = [
      ...new Set((hash.expected ?? []).map((e) => TOKEN_NAMES[e.replace(/^'|'$/g, '')])),
    ].filter((x): x is string => x !== undefined);
    if (expected.length) {
      detail += ` (expected ${expected.slice(0, 5).join(', ')}${expected.length > 5 ? ', …' : ''})`;
    }
  } else {
    detail = raw.split('\n')[0]!.replace(/^(Parse|Lexical) error on line \d+[.:]?\s*/i, '');
  }
  const where =
    line !== undefined ? `line ${line}${column !== undefined ? `, column ${column}` : ''}` : '';
  const message = where
    ? `Mermaid could not read ${where}: ${detail || 'syntax error'}.`
    : `Mermaid could not read this diagram: ${detail || 'syntax error'}.`;
  const out: ImportError = { message: message.replace(/\.\.$/, '.') };
  if (line !== undefined) out.line = line;
  if (column !== undefined) out.column = column;
  return out;
}

/** Connections the editor would refuse, as sentences for the preview. */
export function connectionWarnings(doc: TopologyDocument): string[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (const e of doc.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const check =
      e.source === e.target
        ? { ok: false as const, reason: 'A box cannot connect to itself.' }
        : canConnectKinds(s.kind, t.kind);
    if (!check.ok) out.push(`${s.label || s.id} → ${t.label || t.id}: ${check.reason}`);
  }
  return out;
}

/** Config from a comment's delta: defaults, minus keys the node lacked, plus its values. */
function configFromComment(c: ReadNodeComment, kind: NodeKind, notes: string[]): Config {
  const config = defaultConfig(kind);
  if (c.kind !== kind) return config;
  for (const key of c.missing ?? []) delete config[key];
  for (const [key, value] of Object.entries(c.config)) {
    const field = fieldSpec(kind, key);
    if (field && checkField(field, value) === null) config[key] = value;
    else {
      notes.push(
        `${c.label || c.id}: setting “${key}” ${field ? 'had an invalid value' : `is not a ${KINDS[kind].title} setting`}; ${field ? 'using the default' : 'ignored'}.`,
      );
    }
  }
  return config;
}

function uniqueId(base: string, used: Set<string>): string {
  const trimmed = base.slice(0, MAX_ID - 6) || 'node';
  let id = trimmed;
  for (let i = 2; used.has(id); i++) id = `${trimmed}-${i}`;
  used.add(id);
  return id;
}

function clampLabel(label: string, what: string, notes: string[]): string {
  if (label.length <= MAX_LABEL) return label;
  notes.push(`The label of ${what} was longer than ${MAX_LABEL} characters and was shortened.`);
  return label.slice(0, MAX_LABEL);
}

/** The plain label Mermaid gives, or the comment's exact label when it is the same text. */
function chooseLabel(body: string, comment: string | undefined): string {
  if (comment === undefined) return body;
  return labelFingerprint(body) === labelFingerprint(comment) ? comment : body;
}

async function parseWithMermaid(
  pre: Preprocessed,
  original: string,
): Promise<{ ok: true; db: FlowDb } | { ok: false; error: ImportError }> {
  let mermaid: Awaited<ReturnType<typeof loadMermaid>>;
  try {
    mermaid = await loadMermaid();
  } catch (err) {
    return {
      ok: false,
      error: {
        message: `Mermaid could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
  }
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(pre.text);
    if (!diagram.type.startsWith('flowchart')) {
      return {
        ok: false,
        error: {
          message: `Only flowcharts can be imported (this is ${diagramName(diagram.type)}).`,
        },
      };
    }
    return { ok: true, db: diagram.db as unknown as FlowDb };
  } catch (err) {
    const error = describeMermaidError(err, original.replace(/\r\n?/g, '\n'));
    return { ok: false, error: await withUnclosedHint(error, endedEarly(err), pre.text, mermaid) };
  }
}

/**
 * An unclosed `[[`, `(`, `"` or `|` makes Mermaid read the following lines as its text, so
 * it stops somewhere later. When a bracket opened on an earlier line is still open where
 * Mermaid stopped, and closing it at the end of that line lets Mermaid read past the
 * error line, the error says which bracket it is.
 */
async function withUnclosedHint(
  error: ImportError,
  atEnd: boolean,
  text: string,
  mermaid: Awaited<ReturnType<typeof loadMermaid>>,
): Promise<ImportError> {
  if (error.line === undefined) return error;
  const hint = unclosedHint(text, error.line, atEnd);
  if (!hint) return error;
  let confirmed = false;
  try {
    await mermaid.mermaidAPI.getDiagramFromText(hint.fixed);
    confirmed = true;
  } catch (err) {
    // Mermaid now reads past the line it stopped at: the bracket was what held it up.
    const again = describeMermaidError(err, hint.fixed);
    confirmed = again.line !== undefined && again.line > error.line;
  }
  if (!confirmed) return error;
  const sentence = `Line ${hint.line} opens “${hint.opener}” at column ${hint.column} and never closes it: add “${hint.closer}”.`;
  // With the likely cause named, the list of every token Mermaid could take is noise.
  const base = error.message.replace(/ \(expected .*\)\.$/, '.');
  return {
    ...error,
    message: `${base} ${sentence}`,
    hint: { line: hint.line, column: hint.column, message: sentence },
  };
}

export interface ImportOptions {
  /** Lay out even when every box has a saved position. */
  relayout?: boolean;
}

/** Reads a Mermaid flowchart. Never throws. */
export async function importMermaid(text: string, opts: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await importUnsafe(text, opts);
  } catch (err) {
    return {
      ok: false,
      error: {
        message: `The diagram could not be imported: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
  }
}

async function importUnsafe(text: string, opts: ImportOptions): Promise<ImportResult> {
  if (typeof text !== 'string' || text.trim() === '') {
    return {
      ok: false,
      error: {
        message:
          'There is nothing to import: paste a Mermaid flowchart (it starts with `flowchart LR` or `graph TD`).',
      },
    };
  }
  if (text.length > MAX_TEXT_LENGTH) {
    return {
      ok: false,
      error: {
        message: `The text is too long to be a diagram (${text.length.toLocaleString('en')} characters; the limit is ${MAX_TEXT_LENGTH.toLocaleString('en')}).`,
      },
    };
  }
  const pre = preprocess(text);
  if (pre.text.trim() === '') {
    return {
      ok: false,
      error: { message: 'There is nothing to import: the text holds only comments.' },
    };
  }
  const parsed = await parseWithMermaid(pre, text);
  if (!parsed.ok) return parsed;
  const { db } = parsed;
  const notes = [...pre.warnings];

  const vertices = db.getVertices();
  const subgraphs = db.getSubGraphs();
  const mermaidEdges = db.getEdges();
  const subgraphIds = new Set(subgraphs.map((s) => s.id));

  // Direct parent of each Mermaid id: Mermaid lists inner subgraphs before the outer ones,
  // and each subgraph's nodes hold its direct members (nested subgraphs by id).
  const parentOf = new Map<string, string>();
  for (const sg of subgraphs) {
    for (const member of sg.nodes) {
      if (member !== sg.id && !parentOf.has(member)) parentOf.set(member, sg.id);
    }
  }
  // A subgraph listed inside its own descendant would loop; cut such links.
  for (const id of subgraphIds) {
    const seen = new Set([id]);
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        parentOf.delete(id);
        break;
      }
      seen.add(p);
    }
  }

  // Mermaid ids in the order new boxes are added: groups outer-first, then the rest.
  const depth = (id: string) => {
    let d = 0;
    for (let p = parentOf.get(id); p !== undefined && d < 1000; p = parentOf.get(p)) d++;
    return d;
  };
  const groupOrder = [...subgraphs].map((s) => s.id).sort((a, b) => depth(a) - depth(b));
  const boxOrder = [...vertices.keys()].filter((id) => !subgraphIds.has(id));
  const allMermaidIds = [...groupOrder, ...boxOrder];

  const usedIds = new Set<string>();
  for (const c of pre.bp.nodes.values()) usedIds.add(c.id);
  const ourId = new Map<string, string>();
  const nodes: (TopologyNode & { order: number })[] = [];
  const inferred: string[] = [];
  let missingPosition = false;
  let commentsUsed = 0;
  const claimed = new Set<string>();

  allMermaidIds.forEach((mid, index) => {
    const isGroup = subgraphIds.has(mid);
    const sg = isGroup ? subgraphs.find((s) => s.id === mid)! : undefined;
    const v = vertices.get(mid);
    const bodyLabel = isGroup
      ? plainText(sg!.title ?? mid, sg!.labelType)
      : plainText(v?.text ?? mid, v?.labelType);
    let comment = pre.bp.nodes.get(mid);
    if (comment && (claimed.has(comment.id) || (comment.kind === 'group') !== isGroup)) {
      comment = undefined;
    }
    if (comment) {
      claimed.add(comment.id);
      commentsUsed++;
      const label = clampLabel(chooseLabel(bodyLabel, comment.label), `“${mid}”`, notes);
      const node: TopologyNode & { order: number } = {
        id: comment.id,
        kind: comment.kind,
        label,
        position: comment.position ?? { x: 0, y: 0 },
        config: configFromComment(comment, comment.kind, notes),
        order: comment.order,
      };
      if (!comment.position) missingPosition = true;
      if (comment.size && isGroup) node.size = comment.size;
      if (comment.parent !== undefined) node.parent = comment.parent;
      ourId.set(mid, comment.id);
      nodes.push(node);
      return;
    }
    const id = uniqueId(mid, usedIds);
    const kind: NodeKind = isGroup
      ? 'group'
      : inferKind({ label: bodyLabel, id: mid, shape: v?.type });
    const label = clampLabel(bodyLabel, `“${mid}”`, notes);
    inferred.push(id);
    missingPosition = true;
    ourId.set(mid, id);
    nodes.push({
      id,
      kind,
      label,
      position: { x: 0, y: 0 },
      config: defaultConfig(kind),
      order: pre.bp.nodes.size + index,
    });
  });

  // `graph` alone (or only empty subgraphs) would replace the canvas with nothing to run.
  // Our own export of a document of hosts only still comes back as it was.
  if (nodes.every((n) => n.kind === 'group') && commentsUsed === 0) {
    return {
      ok: false,
      error: {
        message: nodes.length
          ? 'There are no boxes to import: the subgraphs are empty. Put boxes in them, e.g. `A[Users] --> B[App]`.'
          : 'There are no boxes to import: the flowchart has only its first line. Add boxes below it, e.g. `A[Users] --> B[App]`.',
      },
    };
  }

  // Parents come from the diagram's structure; a box moved between subgraphs since the
  // export keeps its settings but is laid out again.
  let structureChanged = false;
  const byMermaid = new Map(allMermaidIds.map((mid, i) => [mid, nodes[i]!]));
  for (const [mid, node] of byMermaid) {
    const p = parentOf.get(mid);
    const parent = p === undefined ? undefined : ourId.get(p);
    if (node.parent !== parent) {
      if (!inferred.includes(node.id)) structureChanged = true;
      if (parent === undefined) delete node.parent;
      else node.parent = parent;
    }
  }

  // Edges. An edge to or from a subgraph that our export did not write (a foreign
  // diagram's `A --> SubgraphId`) is connected to the subgraph's entry boxes (those no
  // other box inside it points to) or from its exit boxes (those pointing nowhere inside).
  const members = new Map<string, string[]>();
  const collect = (sgId: string, seen = new Set<string>()): string[] => {
    if (members.has(sgId)) return members.get(sgId)!;
    if (seen.has(sgId)) return [];
    seen.add(sgId);
    const out: string[] = [];
    for (const m of subgraphs.find((s) => s.id === sgId)?.nodes ?? []) {
      if (subgraphIds.has(m)) out.push(...collect(m, seen));
      else out.push(m);
    }
    members.set(sgId, out);
    return out;
  };
  const plainEdges = mermaidEdges.filter(
    (e) => !subgraphIds.has(e.start) && !subgraphIds.has(e.end),
  );
  const entries = (sgId: string): string[] => {
    const inside = new Set(collect(sgId));
    const list = [...inside].filter(
      (m) => !plainEdges.some((e) => e.end === m && e.start !== m && inside.has(e.start)),
    );
    return list.length ? list : [...inside].slice(0, 1);
  };
  const exits = (sgId: string): string[] => {
    const inside = new Set(collect(sgId));
    const list = [...inside].filter(
      (m) => !plainEdges.some((e) => e.start === m && e.end !== m && inside.has(e.end)),
    );
    return list.length ? list : [...inside].slice(-1);
  };

  const pendingComments = [...pre.bp.edges];
  const exactEdges = new Set<string>();
  const edgeIds = new Set(pre.bp.edges.map((e) => e.id));
  const edges: (TopologyEdge & { order: number })[] = [];
  let newEdgeOrder = pre.bp.edges.length;
  let twoWay = 0;
  let invisible = 0;
  let toSubgraph = 0;
  const nodeLabel = (id: string) => {
    const n = nodes.find((x) => x.id === id);
    return n ? n.label || n.id : id;
  };

  for (const e of mermaidEdges) {
    if (e.stroke === 'invisible') {
      invisible++;
      continue;
    }
    const source = ourId.get(e.start);
    const target = ourId.get(e.end);
    if (source === undefined || target === undefined) continue;
    const bodyLabel = plainText(e.text ?? '', e.labelType);
    const ci = pendingComments.findIndex((c) => c.source === source && c.target === target);
    if (ci >= 0) {
      const c = pendingComments.splice(ci, 1)[0]!;
      exactEdges.add(c.id);
      const edge: TopologyEdge & { order: number } = {
        id: c.id,
        source,
        target,
        order: c.order,
      };
      const label = chooseLabel(bodyLabel, c.label ?? '');
      if (c.label !== undefined && label === c.label) edge.label = c.label;
      else if (label !== '') edge.label = clampLabel(label, 'an arrow', notes);
      edges.push(edge);
      continue;
    }
    if (e.type?.startsWith('double_')) {
      twoWay++;
    }
    const sources = subgraphIds.has(e.start) ? exits(e.start) : [e.start];
    const targets = subgraphIds.has(e.end) ? entries(e.end) : [e.end];
    if (subgraphIds.has(e.start) || subgraphIds.has(e.end)) toSubgraph++;
    if (!sources.length || !targets.length) {
      notes.push(
        `The arrow ${nodeLabel(source)} → ${nodeLabel(target)} points to an empty subgraph and was left out.`,
      );
      continue;
    }
    for (const s of sources) {
      for (const t of targets) {
        const sid = ourId.get(s);
        const tid = ourId.get(t);
        if (sid === undefined || tid === undefined) continue;
        // A box pointing at the subgraph it sits in would point at itself: not meant.
        if (sid === tid && (s !== e.start || t !== e.end)) continue;
        const edge: TopologyEdge & { order: number } = {
          id: uniqueId(`e-${sid}-${tid}`, edgeIds),
          source: sid,
          target: tid,
          order: newEdgeOrder++,
        };
        if (bodyLabel !== '') edge.label = clampLabel(bodyLabel, 'an arrow', notes);
        edges.push(edge);
      }
    }
  }
  if (twoWay) {
    notes.push(
      `${twoWay} two-way arrow${twoWay > 1 ? 's were' : ' was'} imported as one connection in the direction written (requests go that way; answers come back on their own).`,
    );
  }
  if (toSubgraph) {
    notes.push(
      `${toSubgraph} arrow${toSubgraph > 1 ? 's' : ''} to or from a subgraph ${toSubgraph > 1 ? 'were' : 'was'} connected to the boxes where the flow enters or leaves it.`,
    );
  }
  if (invisible) {
    notes.push(
      `${invisible} invisible link${invisible > 1 ? 's' : ''} (~~~) only placed boxes in Mermaid and ${invisible > 1 ? 'were' : 'was'} not imported.`,
    );
  }
  // Our own export colours boxes with one class per kind: nothing lost there.
  if (pre.hasStyling && !pre.bp.doc) {
    notes.push(
      'Colours, classes and click links are not imported: boxes are coloured by their kind here.',
    );
  }

  nodes.sort((a, b) => a.order - b.order);
  edges.sort((a, b) => a.order - b.order);

  const direction = normalizeDirection(db.getDirection());
  const bpDoc = pre.bp.doc;
  let title = 'Imported diagram';
  if (
    bpDoc &&
    (pre.title === undefined || labelFingerprint(pre.title) === labelFingerprint(bpDoc.title))
  ) {
    title = bpDoc.title;
  } else if (pre.title !== undefined && pre.title.trim() !== '') title = pre.title.trim();
  else if (db.getAccTitle?.()?.trim()) title = plainText(db.getAccTitle()!);
  title = title.slice(0, 500);

  // The export writes `flowchart LR` for a document without a direction; keep it without.
  const keepDirection = !(bpDoc && bpDoc.direction === undefined && direction === 'LR');
  let doc: TopologyDocument = {
    version: 1,
    title,
    ...(keepDirection ? { direction } : {}),
    nodes: nodes.map(({ order: _o, ...n }) => n),
    edges: edges.map(({ order: _o, ...e }) => e),
  };

  // Arrows leaving DNS boxes become what the engine runs: the client asks DNS, then calls
  // the DNS box's targets itself. Done before the layout, which follows the arrows.
  const written = doc.edges;
  const wiring = rewireDns(doc, exactEdges);
  doc = wiring.doc;

  const laidOut = opts.relayout === true || missingPosition || structureChanged;
  if (laidOut) {
    if (commentsUsed > 0) {
      notes.push(
        'Some boxes had no saved position or moved between subgraphs, so the diagram was laid out again.',
      );
    }
    doc = await layoutDocument(doc, { direction });
    if (!keepDirection) delete doc.direction;
  }

  const allNotes = [...notes, ...wiring.notes];
  const warnings = [...allNotes, ...connectionWarnings(doc)];
  return {
    ok: true,
    doc,
    warnings,
    notes: allNotes,
    inferred,
    laidOut,
    written: { edges: written, exact: [...exactEdges], notes },
  };
}

/**
 * The document with some boxes' kinds changed, as chosen in the import preview. A box
 * whose kind changes gets that kind's default settings (the old kind's make no sense);
 * hosts stay hosts, since they hold other boxes.
 */
export function withKinds(
  doc: TopologyDocument,
  kinds: Readonly<Record<string, NodeKind>>,
): TopologyDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const kind = kinds[n.id];
    if (kind === undefined || kind === n.kind || kind === 'group' || n.kind === 'group') return n;
    changed = true;
    return { ...n, kind, config: defaultConfig(kind) };
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * The import with the kinds chosen in the preview: `withKinds`, then the DNS rewiring
 * again from the arrows as drawn, so it follows the chosen kinds. Unchanged kinds give
 * back the import's own document and notes.
 */
export function applyKinds(
  result: ImportSuccess,
  kinds: Readonly<Record<string, NodeKind>>,
): { doc: TopologyDocument; notes: string[] } {
  const drawn: TopologyDocument = { ...result.doc, edges: result.written.edges };
  const chosen = withKinds(drawn, kinds);
  if (chosen === drawn) return { doc: result.doc, notes: result.notes };
  const wiring = rewireDns(chosen, new Set(result.written.exact));
  return { doc: wiring.doc, notes: [...result.written.notes, ...wiring.notes] };
}

/**
 * The kinds a person chose in the preview, kept across re-parses of the text: choices for
 * boxes that are still in the new result stay, those for boxes that are gone (or became
 * hosts) are dropped. A result that failed (text half typed) keeps every choice.
 */
export function keepKindChoices(
  kinds: Readonly<Record<string, NodeKind>>,
  result: ImportResult,
): Record<string, NodeKind> {
  if (!result.ok) return { ...kinds };
  const boxes = new Set(result.doc.nodes.filter((n) => n.kind !== 'group').map((n) => n.id));
  const out: Record<string, NodeKind> = {};
  for (const [id, kind] of Object.entries(kinds)) if (boxes.has(id)) out[id] = kind;
  return out;
}
