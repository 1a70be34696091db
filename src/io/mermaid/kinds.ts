// Stage 3 of the import: the kind of every box, from weighed evidence rather than the first
// keyword that matches. Each piece of evidence (a word of the label, an icon, the shape,
// the subgraph it sits in, where it sits in the graph) adds a weight to one kind
// (evidence.ts holds the words and the weights); the kind with the highest score wins, and
// its strongest evidence becomes the reason shown in the preview.

import { type DrawnArrow, type DrawnBox, type DrawnGraph, boxIndex } from './drawn.ts';
import { type BoxKind, EVIDENCE, TIE_ORDER, WEIGHTS } from './evidence.ts';
import { idWords, type Match, readGroupTitle, readLabel } from './words.ts';

export interface KindGuess {
  kind: BoxKind;
  /** The evidence that decided it, strongest first, in plain words ("cylinder"). */
  reasons: string[];
  /** Every kind's score (for tests and the curious). */
  scores: Partial<Record<BoxKind, number>>;
}

interface Evidence {
  kind: BoxKind;
  weight: number;
  reason: string;
}

/** Where a box sits in the drawn graph (faint arrows do not count). */
export interface Place {
  /** Arrows bring requests into it (not counting answers to arrows it sends). */
  fed: number;
  /** It sends along at least one arrow. */
  sends: boolean;
  /** Mermaid ids of the boxes feeding it. */
  feeders: string[];
}

const quote = (s: string) => `“${s}”`;

function labelEvidence(
  label: string,
  scale: number,
  what: (m: Match) => string,
  out: Evidence[],
): void {
  const r = readLabel(label);
  const add = (kind: BoxKind, weight: number, reason: string) =>
    out.push({ kind, weight: weight * scale, reason });
  const once = new Set<string>();
  const addOnce = (key: string, kind: BoxKind, weight: number, reason: string) => {
    if (once.has(`${key}:${kind}`)) return;
    once.add(`${key}:${kind}`);
    add(kind, weight, reason);
  };
  for (const m of r.head) {
    addOnce('head', m.kind, m.cls === 'strong' ? WEIGHTS.strongHead : WEIGHTS.head, what(m));
  }
  if (r.genericServer && r.head.length === 0) add('app', WEIGHTS.genericHead, 'a server');
  for (const m of r.modifiers) addOnce('mod', m.kind, WEIGHTS.modifier, what(m));
  for (const m of r.aside) addOnce('aside', m.kind, WEIGHTS.aside, what(m));
  for (const m of r.note) addOnce('note', m.kind, WEIGHTS.note, what(m));
  for (const m of r.uses) addOnce('uses', m.kind, WEIGHTS.uses, `uses ${m.text}`);
  if (r.uses.length) add('app', WEIGHTS.usesApp, `uses ${r.uses[0]!.text}`);
  if (scale === 1) {
    for (const icon of r.icons) iconEvidence(icon, out);
  }
}

function iconEvidence(icon: string, out: Evidence[]): void {
  for (const kind of TIE_ORDER) {
    if (EVIDENCE[kind].icons.includes(icon)) {
      out.push({ kind, weight: WEIGHTS.icon, reason: `icon fa-${icon}` });
      return;
    }
  }
}

const SHAPE_NAMES: Record<string, string> = {
  cylinder: 'cylinder',
  cyl: 'cylinder',
  'lin-cyl': 'cylinder',
  'lined-cylinder': 'cylinder',
  db: 'cylinder',
  database: 'cylinder',
  disk: 'disk',
  'h-cyl': 'horizontal cylinder',
  das: 'horizontal cylinder',
  'horizontal-cylinder': 'horizontal cylinder',
};

/** Where each box sits: what flows into it and whether it sends, hosts resolved. */
export function places(graph: DrawnGraph): Map<string, Place> {
  const index = boxIndex(graph);
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    const seen = new Set([id]);
    for (let p = index.get(id)?.parent; p !== undefined && !seen.has(p); p = index.get(p)?.parent) {
      seen.add(p);
      out.push(p);
    }
    return out;
  };
  const chain = new Map(graph.boxes.map((b) => [b.id, [b.id, ...ancestors(b.id)]]));
  const inside = (id: string, host: string) => chain.get(id)?.includes(host) ?? false;
  const live = graph.arrows.filter((a) => !a.faint && a.source !== a.target);
  // "A sends to B": A or a host holding A has an arrow to B or a host holding B.
  const sendsTo = (a: string, b: string) =>
    live.some(
      (x) =>
        (chain.get(a) ?? []).includes(x.source) &&
        (chain.get(b) ?? []).includes(x.target) &&
        !inside(x.source, x.target) &&
        !inside(x.target, x.source),
    );
  const out = new Map<string, Place>();
  for (const box of graph.boxes) {
    if (box.group) continue;
    const mine = chain.get(box.id)!;
    const feeders = new Set<string>();
    let fed = 0;
    for (const x of live) {
      if (!mine.includes(x.target) || inside(x.source, x.target)) continue;
      if (x.source === box.id || inside(box.id, x.source)) continue;
      // An arrow back from a box this one sends to is that box's answer, not a request.
      if (sendsTo(box.id, x.source)) continue;
      fed++;
      feeders.add(x.source);
    }
    const sends = live.some(
      (x) => mine.includes(x.source) && !inside(x.target, x.source) && x.target !== box.id,
    );
    out.set(box.id, { fed, sends, feeders: [...feeders] });
  }
  return out;
}

/** The evidence a box's own text, icons, shape, classes and subgraphs give. */
function ownEvidence(box: DrawnBox, index: Map<string, DrawnBox>): Evidence[] {
  const out: Evidence[] = [];
  const named = (m: Match) =>
    m.cls === 'words' ? `names ${m.text}` : `${quote(m.text)} in its name`;
  labelEvidence(box.label, 1, named, out);
  for (const icon of box.icons) iconEvidence(icon, out);
  const words = idWords(box.id);
  if (words.toLowerCase().replace(/\s+/g, '') !== box.label.toLowerCase().replace(/\s+/g, '')) {
    labelEvidence(words, WEIGHTS.idScale, () => `id ${quote(box.id)}`, out);
  }
  for (const c of box.classes) {
    labelEvidence(idWords(c), WEIGHTS.classScale, () => `class ${quote(c)}`, out);
  }
  if (box.shape) {
    const shape = box.shape.toLowerCase();
    for (const kind of TIE_ORDER) {
      if (EVIDENCE[kind].shapes.includes(shape)) {
        out.push({ kind, weight: WEIGHTS.shape, reason: SHAPE_NAMES[shape] ?? `${shape} shape` });
        break;
      }
    }
  }
  // The subgraphs holding it, nearest first.
  let weight: number = WEIGHTS.group;
  const seen = new Set([box.id]);
  for (let p = box.parent; p !== undefined && !seen.has(p); p = index.get(p)?.parent) {
    seen.add(p);
    const title = index.get(p)?.label ?? p;
    const kinds = new Set<BoxKind>();
    for (const m of [...readGroupTitle(title), ...readGroupTitle(idWords(p))]) {
      if (kinds.has(m.kind)) continue;
      kinds.add(m.kind);
      out.push({ kind: m.kind, weight, reason: `in ${quote(title)}` });
    }
    weight = WEIGHTS.outerGroup;
  }
  return out;
}

function total(evidence: Evidence[]): Map<BoxKind, number> {
  const scores = new Map<BoxKind, number>();
  for (const e of evidence) scores.set(e.kind, (scores.get(e.kind) ?? 0) + e.weight);
  return scores;
}

function decide(evidence: Evidence[]): KindGuess {
  const all = [...evidence, { kind: 'app' as const, weight: WEIGHTS.fallback, reason: '' }];
  const scores = total(all);
  let best: BoxKind = 'app';
  for (const kind of TIE_ORDER) {
    if ((scores.get(kind) ?? -Infinity) > (scores.get(best) ?? -Infinity)) best = kind;
  }
  const reasons = all
    .filter((e) => e.kind === best && e.weight > 0 && e.reason !== '')
    .sort((a, b) => b.weight - a.weight)
    .map((e) => e.reason)
    .filter((r, i, list) => list.indexOf(r) === i)
    .slice(0, 2);
  // A kind that lost only because of where the box sits: say so.
  const vetoed = evidence.filter((e) => e.weight < 0);
  for (const v of vetoed) {
    const without = [...scores.entries()].find(([k]) => k === v.kind)?.[1] ?? 0;
    if (without - v.weight > (scores.get(best) ?? 0)) reasons.push(v.reason);
  }
  if (reasons.length === 0) reasons.push('nothing says otherwise');
  return { kind: best, reasons, scores: Object.fromEntries(scores) };
}

export interface GuessOptions {
  /** Also weigh where boxes sit in the graph (off: their words, icons and shapes only). */
  graph?: boolean;
}

/** The kind of every box (not subgraphs) of the drawing, keyed by Mermaid id. */
export function guessKinds(graph: DrawnGraph, opts: GuessOptions = {}): Map<string, KindGuess> {
  const index = boxIndex(graph);
  const own = new Map<string, Evidence[]>();
  for (const box of graph.boxes) if (!box.group) own.set(box.id, ownEvidence(box, index));
  const textOnly = new Map([...own].map(([id, ev]) => [id, decide(ev)]));
  if (opts.graph === false) return textOnly;

  const where = places(graph);
  const out = new Map<string, KindGuess>();
  for (const [id, ev] of own) {
    const place = where.get(id)!;
    const evidence = [...ev];
    const scores = total(ev);
    if (place.fed > 0) {
      evidence.push({
        kind: 'client',
        weight: WEIGHTS.fed,
        reason: 'requests flow into it, so not a client',
      });
      evidence.push({
        kind: 'cron',
        weight: WEIGHTS.fed,
        reason: 'requests flow into it, so not cron',
      });
    } else if (place.sends) {
      // At the edge of the diagram: nothing flows in, it sends.
      if ((scores.get('client') ?? 0) > 0) {
        evidence.push({
          kind: 'client',
          weight: WEIGHTS.edgeClient,
          reason: 'nothing flows into it',
        });
      }
      if ((scores.get('cron') ?? 0) > 0) {
        evidence.push({ kind: 'cron', weight: WEIGHTS.edgeCron, reason: 'nothing flows into it' });
      }
      if (ev.length === 0) {
        evidence.push({
          kind: 'client',
          weight: WEIGHTS.edgeUnknown,
          reason: 'nothing flows into it',
        });
      }
    }
    out.set(id, decide(evidence));
  }
  return out;
}

/** Arrows as the kinds read them, for the direction stage. */
export type KindOf = (id: string) => BoxKind | 'group' | undefined;

export function kindLookup(graph: DrawnGraph, guesses: Map<string, KindGuess>): KindOf {
  const index = boxIndex(graph);
  return (id) => (index.get(id)?.group ? 'group' : guesses.get(id)?.kind);
}

export type { DrawnArrow };
