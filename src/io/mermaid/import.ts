// Mermaid flowchart text → TopologyDocument, read the way an engineer reads a diagram, in
// small pure stages (each with its own tests):
//
//   parse.ts      Mermaid's own parser reads the text; errors say where
//   drawn.ts      the graph as drawn: boxes, subgraphs, every arrow with its style
//   kinds.ts      each box's kind from weighed evidence (evidence.ts), with its reasons
//   direction.ts  drawn against the flow of requests? offer (or choose) to flip the arrows
//   traffic.ts    nothing sends requests? add Users calling the entry boxes
//   document.ts   the document, through restoreDocument like every other loader
//   ../layout.ts  positions (ELK), unless our own export's `%% bp:` data has them
//
// The preview can change a box's kind, flip the arrows or drop the added Users:
// `applyChoices` redoes the stages after parsing, synchronously; `finalDocument` lays
// the result out again when the arrows or the boxes changed. Never throws.

import { defaultConfig } from '../../model/kinds.ts';
import { canConnectKinds } from '../../model/rules.ts';
import type { NodeKind, TopologyDocument } from '../../model/types.ts';
import { layoutDocument } from '../layout.ts';
import { type DirectionVerdict, judgeDirection } from './direction.ts';
import { assemble, assignIds, finish, type Ids } from './document.ts';
import { boxIndex, type DrawnGraph, drawnGraph, flipArrows } from './drawn.ts';
import type { BoxKind } from './evidence.ts';
import { guessKinds, type KindGuess, kindLookup } from './kinds.ts';
import { type ImportError, type ParsedFlowchart, parseFlowchart } from './parse.ts';
import { consumersOfQueues, withTraffic } from './traffic.ts';

export { describeMermaidError, type ImportError, MAX_TEXT_LENGTH } from './parse.ts';

/** What the preview lets a person decide. Absent: what the import suggested. */
export interface ImportChoices {
  /** Kinds chosen for boxes, by our box id. */
  kinds?: Readonly<Record<string, NodeKind>>;
  /** Flip every arrow (a diagram drawn against the flow of requests). */
  flip?: boolean;
  /** Add a Users client when nothing sends requests. */
  users?: boolean;
}

export interface BoxGuess {
  kind: BoxKind;
  /** Why, in a few words each: "cylinder", "names Postgres", "nothing flows into it". */
  reasons: string[];
}

/** Everything after parsing that the stages need again when the choices change. */
export interface ImportPlan {
  parsed: ParsedFlowchart;
  drawn: DrawnGraph;
  flipped: DrawnGraph;
  ids: Ids;
  guesses: { drawn: Map<string, KindGuess>; flipped: Map<string, KindGuess> };
  verdict: DirectionVerdict;
  /** Our own export (`%% bp:doc`): arrows and traffic are as saved, never changed. */
  own: boolean;
  /** What `doc` was laid out for. */
  laidOutFor: { flip: boolean; users: boolean };
  relayout: boolean;
}

export interface ImportSuccess {
  ok: true;
  /** The document with the suggested choices, laid out. */
  doc: TopologyDocument;
  /** Everything worth telling: notes about the import, then refused connections. */
  warnings: string[];
  /** Only the notes about the import itself (the preview recomputes the rule checks). */
  notes: string[];
  /** Ids of boxes whose kind was guessed (no `%% bp:` data for them). */
  inferred: string[];
  /** True when positions were computed by the automatic layout. */
  laidOut: boolean;
  /** Each guessed box's kind and why, by our id, for the arrows as `doc` has them. */
  guesses: Record<string, BoxGuess>;
  /** Which way the arrows point, and whether `doc` has them flipped. */
  direction: DirectionVerdict & { flipped: boolean };
  /** Id of the Users box added so that the diagram runs, or null. */
  added: string | null;
  plan: ImportPlan;
}

export type ImportResult = ImportSuccess | { ok: false; error: ImportError };

/** Connections the editor would refuse, as sentences for the preview. */
export function connectionWarnings(doc: TopologyDocument): string[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (const e of doc.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    // Faint arrows carry nothing; arrows to and from hosts reach the boxes inside.
    if (!s || !t || e.faint || s.kind === 'group' || t.kind === 'group') continue;
    const check =
      e.source === e.target
        ? { ok: false as const, reason: 'A box cannot connect to itself.' }
        : canConnectKinds(s.kind, t.kind);
    if (!check.ok) out.push(`${s.label || s.id} → ${t.label || t.id}: ${check.reason}`);
  }
  return out;
}

export interface ImportOptions {
  /** Lay out even when every box has a saved position. */
  relayout?: boolean;
  /** Add a Users client when nothing sends requests (the default; false: as drawn). */
  users?: boolean;
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
  const read = await parseFlowchart(text);
  if (!read.ok) return read;
  const { parsed } = read;
  const drawn = drawnGraph(parsed);
  const flipped = flipArrows(drawn);
  const own = parsed.pre.bp.doc !== undefined;
  const textKinds = guessKinds(drawn, { graph: false });
  const verdict: DirectionVerdict = own
    ? { against: 0, along: 0, flip: 'no' }
    : judgeDirection(drawn, kindLookup(drawn, textKinds));
  const flip = verdict.flip === 'auto';
  const plan: ImportPlan = {
    parsed,
    drawn,
    flipped,
    ids: assignIds(drawn, parsed.pre),
    guesses: { drawn: guessKinds(drawn), flipped: guessKinds(flipped) },
    verdict,
    own,
    laidOutFor: { flip, users: true },
    relayout: opts.relayout === true,
  };
  const built = build(plan, opts.users === false ? { users: false } : {});
  if (!built.ok) return { ok: false, error: { message: built.message } };
  plan.laidOutFor = { flip: built.flipped, users: built.added !== null };
  let doc = built.doc;
  const laidOut = plan.relayout || built.needsLayout;
  const notes = [...built.notes];
  if (laidOut) {
    if (built.commentsUsed > 0) {
      notes.push(
        'Some boxes had no saved position or moved between subgraphs, so the diagram was laid out again.',
      );
    }
    doc = await layout(doc, drawn);
  }
  return {
    ok: true,
    doc,
    warnings: [...notes, ...connectionWarnings(doc)],
    notes,
    inferred: built.inferred,
    laidOut,
    guesses: built.guesses,
    direction: { ...verdict, flipped: built.flipped },
    added: built.added,
    plan,
  };
}

async function layout(doc: TopologyDocument, drawn: DrawnGraph): Promise<TopologyDocument> {
  const hadDirection = doc.direction !== undefined;
  const laid = await layoutDocument(doc, { direction: drawn.direction });
  if (!hadDirection) delete laid.direction;
  return laid;
}

interface Built {
  ok: true;
  doc: TopologyDocument;
  notes: string[];
  inferred: string[];
  guesses: Record<string, BoxGuess>;
  flipped: boolean;
  added: string | null;
  needsLayout: boolean;
  commentsUsed: number;
}

/** The stages after parsing, for the given choices. Synchronous and pure. */
function build(plan: ImportPlan, choices: ImportChoices): Built | { ok: false; message: string } {
  const flip = !plan.own && (choices.flip ?? plan.verdict.flip === 'auto');
  const graph = flip ? plan.flipped : plan.drawn;
  const guessed = flip ? plan.guesses.flipped : plan.guesses.drawn;
  const chosen = choices.kinds ?? {};
  const kinds = new Map<string, BoxKind>();
  const guessList: [string, BoxGuess][] = [];
  for (const box of graph.boxes) {
    if (box.group) continue;
    const id = plan.ids.ours.get(box.id)!;
    const comment = plan.ids.comments.get(box.id);
    const guess = guessed.get(box.id)!;
    if (!comment) guessList.push([id, { kind: guess.kind, reasons: guess.reasons }]);
    const pick = Object.hasOwn(chosen, id) ? chosen[id] : undefined;
    const kind: BoxKind =
      pick !== undefined && pick !== 'group'
        ? pick
        : comment && comment.kind !== 'group'
          ? comment.kind
          : guess.kind;
    kinds.set(box.id, kind);
  }
  const input = { graph, ids: plan.ids, kinds, pre: plan.parsed.pre };
  const assembled = assemble(
    plan.parsed.accTitle !== undefined ? { ...input, accTitle: plan.parsed.accTitle } : input,
  );
  if (!assembled.ok) return assembled;

  // Own properties only, whatever the ids (`__proto__` is a fine id).
  const guesses: Record<string, BoxGuess> = Object.fromEntries(guessList);
  const notes = [...plan.parsed.pre.warnings, ...graph.notes, ...assembled.notes];
  if (!plan.own) notes.push(...directionNotes(plan, flip));
  const faint = graph.arrows.filter((a) => a.faint).length;
  if (faint && !plan.own) {
    notes.push(
      `${faint} faint link${faint > 1 ? 's' : ''} (~~~) ${faint > 1 ? 'are' : 'is'} kept, drawn faint: ${faint > 1 ? 'they only place' : 'it only places'} boxes and ${faint > 1 ? 'carry' : 'carries'} no requests.`,
    );
  }
  // Our own export colours boxes with one class per kind: nothing lost there.
  if (plan.parsed.pre.hasStyling && !plan.own) {
    notes.push(
      'Colours, classes and click links are not imported: boxes are coloured by their kind here.',
    );
  }

  let doc = assembled.doc;
  let added: string | null = null;
  if (!plan.own) {
    const inferred = new Set(assembled.inferred);
    const fit = doc.nodes.filter((n) => n.kind === 'client' && inferred.has(n.id)).map((n) => n.id);
    const consumers = consumersOfQueues(doc);
    doc = consumers.doc;
    notes.push(...consumers.notes);
    const traffic = withTraffic(doc, { add: choices.users !== false, fit });
    doc = traffic.doc;
    added = traffic.added?.id ?? null;
    notes.push(...traffic.notes);
  }
  const finished = finish(doc, plan.ids.comments, assembled.emptyLabels);
  notes.push(...finished.notes);
  return {
    ok: true,
    doc: finished.doc,
    notes,
    inferred: added ? [...assembled.inferred, added] : assembled.inferred,
    guesses,
    flipped: flip,
    added,
    needsLayout: assembled.needsLayout,
    commentsUsed: assembled.commentsUsed,
  };
}

function directionNotes(plan: ImportPlan, flip: boolean): string[] {
  const v = plan.verdict;
  if (v.flip === 'no' || !v.example) return [];
  const index = boxIndex(plan.drawn);
  const name = (id: string) => index.get(id)?.label || id;
  const example = `${name(v.example.source)} → ${name(v.example.target)}`;
  if (flip && v.flip === 'auto') {
    return [
      `The arrows point against the flow of requests (${example}), so they were flipped: requests now go from the users towards the data. Untick “Flip arrows” to keep them as drawn.`,
    ];
  }
  if (flip)
    return [`The arrows were flipped: requests now go the other way (${example} was drawn).`];
  if (v.flip === 'auto')
    return [
      `The arrows are kept as drawn, although they point against the flow of requests (${example}).`,
    ];
  return [
    `Some arrows point against the flow of requests (${example}): tick “Flip arrows” if the whole diagram is drawn that way.`,
  ];
}

export interface Applied {
  doc: TopologyDocument;
  notes: string[];
  guesses: Record<string, BoxGuess>;
  flipped: boolean;
  added: string | null;
  /** The boxes or arrows differ from what `result.doc` was laid out for. */
  needsLayout: boolean;
}

/**
 * The import with the choices made in the preview, positions taken from the import's own
 * layout (`needsLayout` says when they no longer fit). Unchanged choices give back the
 * import's own document.
 */
export function applyChoices(result: ImportSuccess, choices: ImportChoices): Applied {
  const plan = result.plan;
  const unchanged =
    (choices.flip === undefined || choices.flip === result.direction.flipped) &&
    (choices.users === undefined || choices.users === (result.added !== null)) &&
    Object.entries(choices.kinds ?? {}).every(
      ([id, k]) => result.doc.nodes.find((n) => n.id === id)?.kind === k || k === 'group',
    );
  if (unchanged) {
    return {
      doc: result.doc,
      notes: result.notes,
      guesses: result.guesses,
      flipped: result.direction.flipped,
      added: result.added,
      needsLayout: false,
    };
  }
  const built = build(plan, choices);
  if (!built.ok) {
    // Cannot happen: the same drawing built once already.
    return { ...applyChoices(result, {}), needsLayout: false };
  }
  const laid = new Map(result.doc.nodes.map((n) => [n.id, n]));
  const doc: TopologyDocument = {
    ...built.doc,
    nodes: built.doc.nodes.map((n) => {
      const old = laid.get(n.id);
      if (!old) return n;
      const out = { ...n, position: old.position };
      if (old.size) out.size = old.size;
      return out;
    }),
  };
  const needsLayout =
    built.flipped !== plan.laidOutFor.flip ||
    (built.added !== null) !== plan.laidOutFor.users ||
    built.doc.nodes.some((n) => !laid.has(n.id));
  return {
    doc,
    notes: built.notes,
    guesses: built.guesses,
    flipped: built.flipped,
    added: built.added,
    needsLayout,
  };
}

/** The document to put on the canvas for these choices: laid out again when needed. */
export async function finalDocument(
  result: ImportSuccess,
  choices: ImportChoices,
): Promise<TopologyDocument> {
  const applied = applyChoices(result, choices);
  if (!applied.needsLayout) return applied.doc;
  return layout(applied.doc, result.plan.drawn);
}

/**
 * The document with some boxes' kinds changed (the other importers' previews use it): a
 * box whose kind changes gets that kind's default settings (the old kind's make no
 * sense); hosts stay hosts, since they hold other boxes. Same document when nothing
 * changes.
 */
export function withKinds(
  doc: TopologyDocument,
  kinds: Readonly<Record<string, NodeKind>>,
): TopologyDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const kind = Object.hasOwn(kinds, n.id) ? kinds[n.id] : undefined;
    if (kind === undefined || kind === n.kind || kind === 'group' || n.kind === 'group') return n;
    changed = true;
    return { ...n, kind, config: defaultConfig(kind) };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** The import with the kinds chosen in the preview (see `applyChoices`). */
export function applyKinds(
  result: ImportSuccess,
  kinds: Readonly<Record<string, NodeKind>>,
): { doc: TopologyDocument; notes: string[] } {
  const applied = applyChoices(result, { kinds });
  return { doc: applied.doc, notes: applied.notes };
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
  return Object.fromEntries(Object.entries(kinds).filter(([id]) => boxes.has(id)));
}
