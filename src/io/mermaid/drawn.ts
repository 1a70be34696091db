// Stage 2 of the import: the graph as it was drawn, in plain terms. Boxes with their label
// as plain text, shape, icons and classes; subgraphs with what they directly hold; every
// arrow kept, with what its style says (faint `~~~`, two-way `<-->`), arrows to and from
// subgraphs included. Nothing is inferred here.

import type { Direction } from '../../model/types.ts';
import type { ParsedFlowchart } from './parse.ts';
import { plainText } from './text.ts';
import { iconName, splitIcons } from './words.ts';

export const MAX_LABEL = 500;

export interface DrawnBox {
  /** The Mermaid id. */
  id: string;
  /** Plain text, icons taken out, at most MAX_LABEL characters. */
  label: string;
  /** Plain text as Mermaid had it, icons included (our own export's labels compare to it). */
  plain: string;
  /** A subgraph (becomes a host). */
  group: boolean;
  /** Mermaid's shape name (boxes only). */
  shape?: string;
  /** Icon names: `fa:fa-database` in the label, `@{ icon: … }`. */
  icons: string[];
  /** Class names given with `:::name` or `class id name`. */
  classes: string[];
  /** The subgraph that directly holds it. */
  parent?: string;
}

export interface DrawnArrow {
  source: string;
  target: string;
  label: string;
  /** `A ~~~ B`: places boxes, carries nothing. */
  faint: boolean;
  /** `A <--> B`, arrowheads at both ends. */
  twoWay: boolean;
}

export interface DrawnGraph {
  /** Subgraphs first (outer before inner), then boxes in the order Mermaid read them. */
  boxes: DrawnBox[];
  arrows: DrawnArrow[];
  direction: Direction;
  /** Things worth telling about the drawing itself (labels that came out empty…). */
  notes: string[];
}

/** Looks a box up by Mermaid id. */
export function boxIndex(graph: DrawnGraph): Map<string, DrawnBox> {
  return new Map(graph.boxes.map((b) => [b.id, b]));
}

function clamp(label: string, what: string, notes: string[]): string {
  if (label.length <= MAX_LABEL) return label;
  notes.push(`The label of ${what} was longer than ${MAX_LABEL} characters and was shortened.`);
  return label.slice(0, MAX_LABEL);
}

/** A short, safe quote of what Mermaid had as the label, for a note. */
function quoteRaw(raw: string): string {
  const one = raw.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

export function drawnGraph(parsed: ParsedFlowchart): DrawnGraph {
  const notes: string[] = [];
  const subgraphIds = new Set(parsed.subgraphs.map((s) => s.id));

  // Direct parent of each Mermaid id: Mermaid lists inner subgraphs before the outer ones,
  // and each subgraph's nodes hold its direct members (nested subgraphs by id).
  const parentOf = new Map<string, string>();
  for (const sg of parsed.subgraphs) {
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
  const depth = (id: string) => {
    let d = 0;
    for (let p = parentOf.get(id); p !== undefined && d < 1000; p = parentOf.get(p)) d++;
    return d;
  };

  const label = (id: string, plain: string, raw: string, icons: string[]) => {
    const { text, icons: found } = splitIcons(plain);
    icons.push(...found);
    if (text === '' && raw.trim() !== '') {
      // A label made only of markup (or only of an icon) would leave a nameless box.
      const what = found.length ? 'only an icon' : 'only markup';
      notes.push(
        `The label of “${id}” (${quoteRaw(raw)}) held ${what} and came out empty, so the box is named “${id}”.`,
      );
      return id;
    }
    return clamp(text, `“${id}”`, notes);
  };

  const groups: DrawnBox[] = [...parsed.subgraphs]
    .sort((a, b) => depth(a.id) - depth(b.id))
    .map((sg) => {
      const icons: string[] = [];
      const plain = plainText(sg.title ?? sg.id, sg.labelType);
      const box: DrawnBox = {
        id: sg.id,
        label: label(sg.id, plain, sg.title ?? sg.id, icons),
        plain: plain.slice(0, MAX_LABEL),
        group: true,
        icons,
        classes: [],
      };
      const p = parentOf.get(sg.id);
      if (p !== undefined) box.parent = p;
      return box;
    });
  const boxes: DrawnBox[] = parsed.vertices
    .filter((v) => !subgraphIds.has(v.id))
    .map((v) => {
      const icons: string[] = [];
      if (v.icon) icons.push(iconName(v.icon));
      const plain = plainText(v.text, v.labelType);
      const box: DrawnBox = {
        id: v.id,
        label: label(v.id, plain, v.text, icons),
        plain: plain.slice(0, MAX_LABEL),
        group: false,
        icons,
        classes: v.classes.filter((c) => c !== 'default'),
      };
      if (v.shape !== undefined) box.shape = v.shape;
      const p = parentOf.get(v.id);
      if (p !== undefined) box.parent = p;
      return box;
    });

  const known = new Set([...groups, ...boxes].map((b) => b.id));
  const arrows: DrawnArrow[] = [];
  for (const e of parsed.edges) {
    if (!known.has(e.start) || !known.has(e.end)) continue;
    arrows.push({
      source: e.start,
      target: e.end,
      label: clamp(plainText(e.text, e.labelType), 'an arrow', notes),
      faint: e.stroke === 'invisible',
      twoWay: e.type.startsWith('double_'),
    });
  }
  return { boxes: [...groups, ...boxes], arrows, direction: parsed.direction, notes };
}

/** The same drawing with every arrow pointing the other way (faint ones too). */
export function flipArrows(graph: DrawnGraph): DrawnGraph {
  return {
    ...graph,
    arrows: graph.arrows.map((a) => ({ ...a, source: a.target, target: a.source })),
  };
}
