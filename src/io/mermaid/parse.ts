// Stage 1 of the import: Mermaid's own parser reads the text (everything Mermaid accepts
// comes in), and what we need of its flowchart database is copied out as plain data.
// Before that, our preprocessing takes out front matter and `%%` comments (reading our
// `%% bp:` data) while keeping line numbers; errors say where, in the user's own text.

import type { Direction } from '../../model/types.ts';
import { unclosedHint } from './hints.ts';
import { loadMermaid } from './load.ts';
import { type Preprocessed, preprocess } from './preprocess.ts';

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

export interface ParsedVertex {
  id: string;
  /** Mermaid's text of the label (entities as placeholders, maybe markdown or HTML). */
  text: string;
  labelType?: string;
  /** Mermaid's shape: `cylinder`, `subroutine`, `h-cyl`, … (absent for a plain box). */
  shape?: string;
  /** `@{ icon: "fa:user" }`. */
  icon?: string;
  classes: string[];
}

export interface ParsedEdge {
  start: string;
  end: string;
  /** `arrow_point`, `arrow_open`, `double_arrow_point`, … */
  type: string;
  /** `normal`, `thick`, `dotted`, `invisible`. */
  stroke: string;
  text: string;
  labelType?: string;
}

export interface ParsedSubgraph {
  id: string;
  title: string;
  /** Its direct members, nested subgraphs by id (Mermaid lists inner ones first). */
  nodes: string[];
  labelType?: string;
}

export interface ParsedFlowchart {
  vertices: ParsedVertex[];
  edges: ParsedEdge[];
  subgraphs: ParsedSubgraph[];
  direction: Direction;
  accTitle?: string;
  /** Front matter, our `%% bp:` data, notes about comments. */
  pre: Preprocessed;
}

export type ParseResult = { ok: true; parsed: ParsedFlowchart } | { ok: false; error: ImportError };

/** Far above any diagram a person writes, low enough to keep the parser responsive. */
export const MAX_TEXT_LENGTH = 2_000_000;

// The parts of Mermaid's flowchart database we read (Mermaid does not export these types).
interface FlowVertex {
  id: string;
  text?: string;
  labelType?: string;
  type?: string;
  icon?: string;
  classes?: string[];
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

export function normalizeDirection(d: string | undefined): Direction {
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

/** Reads a flowchart with Mermaid's parser. Never throws. */
export async function parseFlowchart(text: string): Promise<ParseResult> {
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
  const read = await parseWithMermaid(pre, text);
  if (!read.ok) return read;
  const { db } = read;
  const vertices: ParsedVertex[] = [...db.getVertices().values()].map((v) => {
    const out: ParsedVertex = { id: v.id, text: v.text ?? v.id, classes: [...(v.classes ?? [])] };
    if (v.labelType !== undefined) out.labelType = v.labelType;
    if (v.type !== undefined) out.shape = v.type;
    if (typeof v.icon === 'string' && v.icon !== '') out.icon = v.icon;
    return out;
  });
  const edges: ParsedEdge[] = db.getEdges().map((e) => {
    const out: ParsedEdge = {
      start: e.start,
      end: e.end,
      type: e.type ?? 'arrow_point',
      stroke: e.stroke ?? 'normal',
      text: e.text ?? '',
    };
    if (e.labelType !== undefined) out.labelType = e.labelType;
    return out;
  });
  const subgraphs: ParsedSubgraph[] = db.getSubGraphs().map((s) => {
    const out: ParsedSubgraph = { id: s.id, title: s.title ?? s.id, nodes: [...s.nodes] };
    if (s.labelType !== undefined) out.labelType = s.labelType;
    return out;
  });
  const parsed: ParsedFlowchart = {
    vertices,
    edges,
    subgraphs,
    direction: normalizeDirection(db.getDirection()),
    pre,
  };
  const acc = db.getAccTitle?.();
  if (acc?.trim()) parsed.accTitle = acc;
  return { ok: true, parsed };
}
