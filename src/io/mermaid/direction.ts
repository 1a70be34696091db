// Stage 4 of the import: is the diagram drawn along the flow of requests (user → gateway →
// service → database) or against it (database → service → gateway → user, "used by"
// arrows, data flowing back)? Each arrow between boxes whose kinds say which way requests
// go votes, and so does a label that says it ("returns", "used by" against; "calls",
// "depends on" along, half a vote); a diagram whose arrows mostly point back is offered
// flipped, and flipped for the person when the evidence is strong. Two-way and faint
// arrows do not vote.

import type { DrawnGraph } from './drawn.ts';
import type { BoxKind } from './evidence.ts';
import type { KindOf } from './kinds.ts';

export interface DirectionVerdict {
  /** Votes of arrows pointing against the flow of requests, and along it. */
  against: number;
  along: number;
  /** `auto`: flip for the person (strong evidence); `offer`: suggest it; `no`. */
  flip: 'no' | 'offer' | 'auto';
  /** An arrow that points back, as drawn ("Postgres → Orders service"), for the note. */
  example?: { source: string; target: string };
}

/** At least this many votes against before flipping is offered… */
export const OFFER_AT = 2;
/** …and this many, with at most a quarter as many along, before it is chosen. */
export const AUTO_AT = 3;

const FRONT: ReadonlySet<BoxKind> = new Set(['proxy', 'lb', 'cdn']);
const HANDLERS: ReadonlySet<BoxKind> = new Set(['app', 'worker']);
const STORES: ReadonlySet<BoxKind> = new Set(['db', 'cache', 'static']);
const BEHIND: ReadonlySet<BoxKind> = new Set(['db', 'cache', 'static', 'queue', 'external']);

/**
 * How one arrow s → t votes: +1 along the flow, -1 against, a half for weaker signs, 0
 * when the kinds say nothing about the direction.
 */
export function arrowVote(s: BoxKind, t: BoxKind): number {
  if (s === t) return 0;
  if (t === 'client') return -1; // nothing flows into a client
  if (s === 'client') return 1;
  if (STORES.has(s) && (HANDLERS.has(t) || FRONT.has(t))) return -1; // a database calling a service
  if (HANDLERS.has(s) && BEHIND.has(t)) return 1;
  if (FRONT.has(s) && HANDLERS.has(t)) return 1;
  if (HANDLERS.has(s) && FRONT.has(t)) return -0.5; // a service calling its gateway
  if (s === 'queue' && HANDLERS.has(t)) return 0.5; // consumers take its messages
  if (s === 'lb' && t === 'proxy') return 0; // both orders are common
  if (FRONT.has(s) && (t === 'dns' || t === 'cdn')) return -0.5;
  return 0;
}

/** What an arrow's label says about its direction: "used by", "returns" point back. */
const AGAINST_WORDS =
  /\b(depended on by|required by|used by|consumed by|called by|read by|needed by|responds?|response|returns?|reply|replies|results?|answers?)\b/i;
const ALONG_WORDS =
  /\b(depends on|requires|uses|calls?|requests?|quer(y|ies)|reads?|writes?|publish(es)?|sends?|fetch(es)?|gets?|posts?)\b/i;

/** A label's vote: -0.5 when it says the arrow points back, +0.5 along, 0 otherwise. */
export function labelVote(label: string): number {
  if (AGAINST_WORDS.test(label)) return -0.5;
  if (ALONG_WORDS.test(label)) return 0.5;
  return 0;
}

export function judgeDirection(graph: DrawnGraph, kindOf: KindOf): DirectionVerdict {
  let against = 0;
  let along = 0;
  let example: DirectionVerdict['example'];
  for (const a of graph.arrows) {
    if (a.faint || a.twoWay || a.source === a.target) continue;
    const words = labelVote(a.label);
    if (words < 0) {
      against -= words;
      example ??= { source: a.source, target: a.target };
    } else along += words;
    const s = kindOf(a.source);
    const t = kindOf(a.target);
    if (s === undefined || t === undefined || s === 'group' || t === 'group') continue;
    const vote = arrowVote(s, t);
    if (vote < 0) {
      against -= vote;
      example ??= { source: a.source, target: a.target };
    } else along += vote;
  }
  let flip: DirectionVerdict['flip'] = 'no';
  if (against >= AUTO_AT && along * 4 <= against) flip = 'auto';
  else if (against >= OFFER_AT && against > along) flip = 'offer';
  const out: DirectionVerdict = { against, along, flip };
  if (example && flip !== 'no') out.example = example;
  return out;
}
