// Stage 3 of the import: the kind of every box, from weighed evidence rather than the first
// keyword that matches. Each piece of evidence (a word of the label, an icon, the shape,
// the subgraph it sits in, where it sits in the graph) adds a weight to one kind
// (evidence.ts holds the words and the weights); the kind with the highest score wins, and
// its strongest evidence becomes the reason shown in the preview.

import { boxIndex, type DrawnBox, type DrawnGraph } from './drawn.ts';
import { type BoxKind, EVIDENCE, SERVICE_NOUNS, TIE_ORDER, WEIGHTS } from './evidence.ts';
import { idWords, type Match, readGroupTitle, readLabel } from './words.ts';

export interface KindGuess {
  kind: BoxKind;
  /** The evidence that decided it, strongest first, in plain words ("cylinder"). */
  reasons: string[];
  /** Every kind's score (for tests and the curious). */
  scores: Partial<Record<BoxKind, number>>;
  /** Everything that was weighed, as [kind, weight, reason]. */
  evidence: [BoxKind, number, string][];
}

/** Where a piece of evidence comes from; the graph rules trust some more than others. */
type Source = 'name' | 'aside' | 'note' | 'uses' | 'icon' | 'id' | 'class' | 'shape' | 'group';

interface Evidence {
  kind: BoxKind;
  weight: number;
  reason: string;
  from: Source | 'graph';
  /** The phrase of the table that gave it (words of the label only). */
  phrase?: string;
}

/** Where a box sits in the drawn graph (faint arrows do not count). */
export interface Place {
  /** Arrows bring requests into it (answers to what it sent do not count). */
  fed: number;
  /** The same, reading any arrow that comes back round as an answer (for named clients). */
  fedLoosely: number;
  /** It sends along at least one arrow. */
  sends: boolean;
  /** Mermaid ids of the boxes (or subgraphs) feeding it. */
  feeders: string[];
  /** Mermaid ids of the boxes (or subgraphs) it sends to. */
  targets: string[];
}

const quote = (s: string) => `“${s}”`;

function labelEvidence(
  label: string,
  scale: number,
  what: (m: Match) => string,
  fromName: Source,
  out: Evidence[],
): void {
  const r = readLabel(label);
  const once = new Set<string>();
  const add = (
    key: string,
    kind: BoxKind,
    weight: number,
    reason: string,
    from: Source,
    phrase?: string,
  ) => {
    if (once.has(`${key}:${kind}`)) return;
    once.add(`${key}:${kind}`);
    out.push({ kind, weight: weight * scale, reason, from, ...(phrase ? { phrase } : {}) });
  };
  for (const m of r.head) {
    const weight = m.cls === 'strong' ? WEIGHTS.strongHead : WEIGHTS.head;
    add('head', m.kind, weight, what(m), fromName, m.phrase);
  }
  if (r.genericServer) add('head', 'app', WEIGHTS.genericHead, 'a server', fromName);
  for (const m of r.modifiers) add('mod', m.kind, WEIGHTS.modifier, what(m), fromName);
  const aside = fromName === 'name' ? 'aside' : fromName;
  for (const m of r.aside) {
    const role = m.cls === 'strong' && r.roleAside;
    add('aside', m.kind, role ? WEIGHTS.asideRole : WEIGHTS.aside, what(m), aside);
  }
  for (const m of r.note)
    add('note', m.kind, WEIGHTS.note, what(m), fromName === 'name' ? 'note' : fromName);
  // C4's technology is what the box is built from: as good as its name.
  for (const m of r.c4) add('c4', m.kind, WEIGHTS.asideRole, what(m), fromName);
  for (const m of r.uses) add('uses', m.kind, WEIGHTS.uses, `uses ${m.text}`, 'uses');
  if (r.uses.length) add('usesApp', 'app', WEIGHTS.usesApp, `uses ${r.uses[0]!.text}`, 'uses');
  if (scale === 1) for (const icon of r.icons) iconEvidence(icon, out);
}

function iconEvidence(icon: string, out: Evidence[]): void {
  for (const kind of TIE_ORDER) {
    if (EVIDENCE[kind].icons.includes(icon)) {
      out.push({ kind, weight: WEIGHTS.icon, reason: `icon fa-${icon}`, from: 'icon' });
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

/**
 * Where each box sits: what flows into it and what it sends to, subgraphs resolved (an
 * arrow to a subgraph reaches what is inside). An arrow back to a box is its answer, not
 * a request, when the box sent to the other one first, or when the box's own arrows lead
 * round to the other one and it was drawn after them ("FastAPI → User: response").
 */
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
  const live = graph.arrows
    .map((a, i) => ({ ...a, i }))
    .filter(
      (a) =>
        !a.faint &&
        a.source !== a.target &&
        !inside(a.source, a.target) &&
        !inside(a.target, a.source),
    );
  const members = new Map<string, string[]>();
  for (const b of graph.boxes) {
    for (const a of chain.get(b.id)!.slice(1)) {
      const list = members.get(a) ?? [];
      list.push(b.id);
      members.set(a, list);
    }
  }
  // Who a box (or subgraph) sends to, hosts resolved both ways, each step with the index
  // of the arrow it follows (a strict reading keeps only arrows drawn before one).
  const next = new Map<string, { to: string; i: number }[]>();
  for (const a of live) {
    for (const m of [a.source, ...(members.get(a.source) ?? [])]) {
      const list = next.get(m) ?? [];
      list.push({ to: a.target, i: a.i });
      for (const t of members.get(a.target) ?? []) list.push({ to: t, i: a.i });
      next.set(m, list);
    }
  }
  const reaches = (from: string, to: string, before: number): boolean => {
    const goal = new Set(chain.get(to) ?? [to]);
    const seen = new Set([from]);
    const queue = [from];
    for (let q = 0; q < queue.length; q++) {
      for (const step of next.get(queue[q]!) ?? []) {
        if (step.i >= before) continue;
        if (goal.has(step.to)) return true;
        if (!seen.has(step.to)) {
          seen.add(step.to);
          queue.push(step.to);
        }
      }
    }
    return false;
  };
  // Arrows leaving each box or subgraph, hosts included (a box sends what its host sends).
  const leaving = new Map<string, typeof live>();
  for (const b of graph.boxes) {
    const mine = chain.get(b.id)!;
    leaving.set(
      b.id,
      live.filter((o) => mine.includes(o.source)),
    );
  }
  /**
   * Is arrow `x` into `box` an answer? Drawn both ways, the arrow drawn first is the
   * request. Otherwise it is one when the box's own arrows lead round to its sender:
   * `strict` counts only arrows drawn before it, loosely any.
   */
  const isAnswer = (box: string, x: (typeof live)[number], strict: boolean) => {
    const senders = chain.get(x.source) ?? [x.source];
    const back = (leaving.get(box) ?? []).filter((o) => senders.includes(o.target));
    if (back.length) return back.some((o) => o.i < x.i);
    return reaches(box, x.source, strict ? x.i : Number.POSITIVE_INFINITY);
  };
  const arriving = new Map<string, typeof live>();
  for (const a of live) {
    for (const m of [a.target, ...(members.get(a.target) ?? [])]) {
      const list = arriving.get(m) ?? [];
      list.push(a);
      arriving.set(m, list);
    }
  }
  const out = new Map<string, Place>();
  for (const box of graph.boxes) {
    if (box.group) continue;
    const outgoing = leaving.get(box.id) ?? [];
    const feeders = new Set<string>();
    let fed = 0;
    let fedLoosely = 0;
    for (const x of arriving.get(box.id) ?? []) {
      if (x.source === box.id) continue;
      if (isAnswer(box.id, x, true)) continue;
      fed++;
      feeders.add(x.source);
      if (!isAnswer(box.id, x, false)) fedLoosely++;
    }
    // What it sends to, answers to what it was sent left out.
    const targets = outgoing
      .filter((o) => {
        const t = index.get(o.target);
        return t?.group === true || !isAnswer(o.target, o, true);
      })
      .map((o) => o.target);
    out.set(box.id, {
      fed,
      fedLoosely,
      sends: outgoing.length > 0,
      feeders: [...feeders],
      targets: [...new Set(targets)],
    });
  }
  return out;
}

/** The evidence a box's own text, icons, shape, classes and subgraphs give. */
function ownEvidence(box: DrawnBox, index: Map<string, DrawnBox>): Evidence[] {
  const out: Evidence[] = [];
  const named = (m: Match) =>
    m.cls === 'words' ? `names ${m.text}` : `${quote(m.text)} in its name`;
  labelEvidence(box.label, 1, named, 'name', out);
  for (const icon of box.icons) iconEvidence(icon, out);
  // The id, unless it only repeats the label or the subgraph it sits in.
  const said = new Set(
    [box.label, ...(box.parent ? [index.get(box.parent)?.label ?? '', box.parent] : [])]
      .flatMap((t) =>
        idWords(t)
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u),
      )
      .filter(Boolean),
  );
  const idTokens = idWords(box.id)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !said.has(t.toLowerCase()));
  // The id is a fallback: it counts when the label's name itself names nothing.
  const namesSomething = out.some((e) => e.from === 'name' && e.weight >= WEIGHTS.genericHead);
  if (idTokens.length && !namesSomething) {
    labelEvidence(idTokens.join(' '), WEIGHTS.idScale, () => `id ${quote(box.id)}`, 'id', out);
  }
  for (const c of box.classes) {
    labelEvidence(idWords(c), WEIGHTS.classScale, () => `class ${quote(c)}`, 'class', out);
  }
  if (box.shape) {
    const shape = box.shape.toLowerCase();
    for (const kind of TIE_ORDER) {
      if (EVIDENCE[kind].shapes.includes(shape)) {
        out.push({
          kind,
          weight: WEIGHTS.shape,
          reason: SHAPE_NAMES[shape] ?? `${shape} shape`,
          from: 'shape',
        });
        break;
      }
    }
  }
  // The subgraphs holding it, nearest first; a title's head noun counts most.
  let weight: number = WEIGHTS.group;
  const seen = new Set([box.id]);
  for (let p = box.parent; p !== undefined && !seen.has(p); p = index.get(p)?.parent) {
    seen.add(p);
    const title = index.get(p)?.label ?? p;
    // A subgraph that is a network (an address range, a VLAN) says where boxes are, not what.
    if (NETWORK_TITLE.test(title)) continue;
    let read = readGroupTitle(title);
    if (read.matches.length === 0) read = readGroupTitle(idWords(p));
    const kinds = new Set<BoxKind>();
    for (const m of read.matches) {
      if (kinds.has(m.kind)) continue;
      kinds.add(m.kind);
      // The title's head noun says what is inside; its other words only describe it.
      if (!read.head.some((h) => h.kind === m.kind)) continue;
      out.push({ kind: m.kind, weight, reason: `in ${quote(title)}`, from: 'group' });
    }
    weight = WEIGHTS.outerGroup;
  }
  // A cylinder, a "Databases" subgraph or a `database` class say the box stores data; a
  // name that says which store (Redis) decides which: the family's evidence goes to it.
  // A subgraph and a class usually say the same (the layer the box is drawn in): for one
  // kind, the stronger of them counts, not both.
  for (const kind of new Set(out.filter((e) => e.from === 'class').map((e) => e.kind))) {
    const group = out.filter((e) => e.from === 'group' && e.kind === kind);
    const cls = out.filter((e) => e.from === 'class' && e.kind === kind);
    const g = group.reduce((sum, e) => sum + e.weight, 0);
    const c = cls.reduce((sum, e) => sum + e.weight, 0);
    for (const e of g >= c ? cls : group) e.weight = 0;
  }
  // A name naming two members ("Nginx/ALB") keeps the category's evidence for the one it
  // confirms (a "Load balancers" subgraph: the ALB).
  const heads = out.filter((e) => e.from === 'name' && e.weight >= WEIGHTS.head);
  for (const family of FAMILIES) {
    const head = heads.find((e) => family.has(e.kind));
    if (!head) continue;
    for (const e of out) {
      if (
        CATEGORY.has(e.from) &&
        family.has(e.kind) &&
        e.kind !== head.kind &&
        !heads.some((h) => h.kind === e.kind)
      ) {
        e.kind = head.kind;
      }
    }
  }
  // "Background Jobs", "Tasks": a name that says which work is done names what a queue
  // holds as much as who does it; drawn as a queue (a horizontal cylinder), it is the queue.
  if (out.some((e) => e.from === 'shape' && e.kind === 'queue')) {
    for (const e of out) {
      if (e.from === 'name' && e.kind === 'worker' && WORK_ITEMS.test(e.phrase ?? '')) {
        e.kind = 'queue';
      }
    }
  }
  return out;
}

/** Phrases ending in the work itself, not in who does it ("background job", "batch job"). */
const WORK_ITEMS = /\b(jobs?|tasks?)$/;

/** Kinds close enough that a category (a shape, a subgraph, a class) cannot tell them apart. */
const FAMILIES: readonly ReadonlySet<BoxKind>[] = [
  new Set(['db', 'cache', 'static']),
  new Set(['proxy', 'lb', 'cdn']),
];
const CATEGORY: ReadonlySet<string> = new Set(['shape', 'group', 'class']);

function total(evidence: Evidence[]): Map<BoxKind, number> {
  const scores = new Map<BoxKind, number>();
  for (const e of evidence) scores.set(e.kind, (scores.get(e.kind) ?? 0) + e.weight);
  return scores;
}

function decide(evidence: Evidence[]): KindGuess {
  const all = [
    ...evidence,
    { kind: 'app' as const, weight: WEIGHTS.fallback, reason: '', from: 'graph' as const },
  ];
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
  for (const v of evidence.filter((e) => e.weight < 0)) {
    const without = (scores.get(v.kind) ?? 0) - v.weight;
    if (without > (scores.get(best) ?? 0) && !reasons.includes(v.reason)) reasons.push(v.reason);
  }
  if (reasons.length === 0) reasons.push('nothing says otherwise');
  return {
    kind: best,
    reasons,
    scores: Object.fromEntries(scores),
    evidence: evidence.map((e) => [e.kind, Math.round(e.weight * 100) / 100, e.reason]),
  };
}

export interface GuessOptions {
  /** Also weigh where boxes sit in the graph (off: their words, icons and shapes only). */
  graph?: boolean;
}

/** Arrow labels saying messages are put in or taken out ("enqueue tasks", "Task Pop"). */
const QUEUE_LABEL =
  /\b(?:enqueue[sd]?|enqueuing|dequeue[sd]?|queue (?:tasks?|jobs?|messages?)|publish(?:es|ed|ing)?|subscribe[sd]?|subscribing|consume[sd]?|consuming|(?:push|pop|dispatch)(?:es|ed)? (?:tasks?|jobs?|messages?)|(?:tasks?|jobs?|messages?) (?:push|pop)|poll(?:s|ing)? for)\b/i;
const FRONT_KINDS: ReadonlySet<string> = new Set(['client', 'proxy', 'lb', 'cdn', 'dns']);
const NETWORK_TITLE =
  /\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b|\b(?:networks?|subnets?|vlans?|vpcs?|segments?|lan|wan)\b/i;
const POD_WORDS =
  /\b(pods?|deployments?|replica ?sets?|statefulsets?|instances?|replicas?|containers?)\b/i;

/** The kind of every box (not subgraphs) of the drawing, keyed by Mermaid id. */
export function guessKinds(graph: DrawnGraph, opts: GuessOptions = {}): Map<string, KindGuess> {
  const index = boxIndex(graph);
  const own = new Map<string, Evidence[]>();
  for (const box of graph.boxes) if (!box.group) own.set(box.id, ownEvidence(box, index));
  const textOnly = new Map([...own].map(([id, ev]) => [id, decide(ev)]));
  if (opts.graph === false) return textOnly;

  const where = places(graph);
  // The text's kind of a box, or of every box inside a subgraph.
  const kindsAt = (id: string): string[] => {
    const b = index.get(id);
    if (!b?.group) return [textOnly.get(id)?.kind ?? 'app'];
    return graph.boxes
      .filter((x) => !x.group && isInside(index, x.id, id))
      .map((x) => textOnly.get(x.id)?.kind ?? 'app');
  };
  const out = new Map<string, KindGuess>();
  for (const [id, ev] of own) {
    const box = index.get(id)!;
    const place = where.get(id)!;
    const evidence = [...ev];
    const scores = total(ev);
    const says = (kind: BoxKind, from: Source[]) =>
      ev.some((e) => e.kind === kind && e.weight > 0 && from.includes(e.from as Source));
    const push = (kind: BoxKind, weight: number, reason: string) =>
      evidence.push({ kind, weight, reason, from: 'graph' });
    const feederKinds = place.feeders.flatMap(kindsAt);
    const targetKinds = place.targets.flatMap(kindsAt);
    // Users, browsers and phones get the benefit of the doubt about arrows coming back.
    const fed = says('client', ['name', 'icon', 'id', 'class', 'group'])
      ? place.fedLoosely
      : place.fed;
    if (fed > 0) {
      push('client', WEIGHTS.fed, 'requests flow into it, so not a client');
      push('cron', WEIGHTS.fed, 'requests flow into it, so not cron');
      if (feederKinds.length && feederKinds.every((k) => k === 'queue')) {
        push('worker', WEIGHTS.queueFedWorker, 'takes messages from a queue');
      }
      // A worker does the jobs a queue or cron hands it and passes results on; a box that
      // services call and that calls nothing is a service they use ("Default Processor").
      if (!place.sends && feederKinds.every((k) => k !== 'queue' && k !== 'cron')) {
        push('worker', WEIGHTS.answersOnly, 'only answers requests, so not a worker');
      }
    } else if (place.sends) {
      // At the edge of the diagram: nothing flows in, it sends.
      const otherHead = ev.some(
        (e) =>
          e.from === 'name' && e.kind !== 'client' && e.kind !== 'app' && e.weight >= WEIGHTS.head,
      );
      if (
        says('client', ['name', 'icon', 'id']) ||
        (says('client', ['group', 'class']) && !otherHead)
      ) {
        push('client', WEIGHTS.edgeClient, 'nothing flows into it');
      }
      if ((scores.get('cron') ?? 0) > 0) push('cron', WEIGHTS.edgeCron, 'nothing flows into it');
      if (ev.length === 0) push('client', WEIGHTS.edgeUnknown, 'nothing flows into it');
    }
    if (place.sends && fed > 0) {
      // A Kubernetes Service in front of its pods spreads requests over them.
      const serviceNamed = /\b(services?|svc)\b/i.test(idWords(box.label));
      const toPods =
        place.targets.length > 0 &&
        place.targets.every((t) => POD_WORDS.test(index.get(t)?.label ?? t));
      if (serviceNamed && toPods && !POD_WORDS.test(box.label)) {
        push('lb', WEIGHTS.inFrontOfPods, 'in front of pods');
      }
      // A hop between front doors (firewall, TLS, auth at the edge) is part of them; a
      // frontend there ("Frontend App" between the user and the gateway) is what the
      // user runs, not a hop.
      if (
        textOnly.get(id)!.kind === 'app' &&
        !says('client', ['name']) &&
        feederKinds.length &&
        feederKinds.every((k) => FRONT_KINDS.has(k)) &&
        targetKinds.length &&
        targetKinds.every((k) => k === 'proxy' || k === 'lb')
      ) {
        push('proxy', WEIGHTS.betweenFrontDoors, 'between the front doors');
      }
    }
    // "Email service" → SendGrid: a service named after what a provider does that calls
    // that provider is your own service in front of it, not the provider.
    const provider = place.targets.find((t) => kindsAt(t).includes('external'));
    if (
      provider !== undefined &&
      textOnly.get(id)!.kind === 'external' &&
      ev.some(
        (e) =>
          e.from === 'name' &&
          e.kind === 'external' &&
          SERVICE_NOUNS.has(e.phrase?.split(' ').pop() ?? ''),
      )
    ) {
      const label = index.get(provider)?.label ?? provider;
      push('app', (scores.get('external') ?? 0) + 1, `calls ${quote(label)} for it`);
    }
    // Redis as a broker, said by the arrows into it: "enqueue tasks", "consume tasks", or a
    // worker that nothing feeds drawn pointing at it (it takes its jobs there).
    if (textOnly.get(id)!.kind === 'cache') {
      const into = graph.arrows.filter((a) => a.target === id && !a.faint && a.source !== id);
      const said = into.find((a) => QUEUE_LABEL.test(a.label));
      const consumer = into.find(
        (a) => textOnly.get(a.source)?.kind === 'worker' && where.get(a.source)?.fed === 0,
      );
      if (said || consumer) {
        const reason = said
          ? `${quote(said.label)} on an arrow into it`
          : `${quote(index.get(consumer!.source)?.label ?? consumer!.source)} takes its jobs there`;
        push('queue', (scores.get('cache') ?? 0) + 1, reason);
      }
    }
    // Caches only answer: one that passes messages on to a queue or a consumer is a broker.
    if (
      textOnly.get(id)!.kind === 'cache' &&
      targetKinds.some((k) => k === 'queue' || k === 'worker')
    ) {
      push('queue', (scores.get('cache') ?? 0) + 1, 'passes messages on');
    }
    out.set(id, decide(evidence));
  }
  return out;
}

function isInside(index: Map<string, DrawnBox>, id: string, host: string): boolean {
  const seen = new Set<string>();
  for (let p = index.get(id)?.parent; p !== undefined && !seen.has(p); p = index.get(p)?.parent) {
    if (p === host) return true;
    seen.add(p);
  }
  return false;
}

/** The kinds as the direction stage reads them. */
export type KindOf = (id: string) => BoxKind | 'group' | undefined;

export function kindLookup(graph: DrawnGraph, guesses: Map<string, KindGuess>): KindOf {
  const index = boxIndex(graph);
  return (id) => (index.get(id)?.group ? 'group' : guesses.get(id)?.kind);
}
