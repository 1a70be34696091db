// The evidence for each kind of box, in ONE table keyed by kind: the words of a label that
// name it, the icons and Mermaid shapes that draw it, the subgraph titles that hold it.
// `kinds.ts` weighs it (the weights are below); docs/mermaid.md says how to add a word.
// Everything is written lowercase, as words separated by single spaces: "load balancer",
// "node js" (punctuation in labels becomes a space, so "Node.js" reads as "node js").

import { KIND_IDS, type KindId } from '../../kinds/index.ts';
import type { KindEvidence, KindMermaid } from '../../kinds/spec.ts';
import { KIND_WORDS, type KindWordsDecls } from '../../kinds/words.ts';
import { OTHER_LANGUAGES } from './languages.ts';

export type { KindEvidence } from '../../kinds/spec.ts';

/** The kinds a Mermaid box can be: every kind that declares `mermaid` (hosts are subgraphs). */
export type BoxKind = {
  [K in KindId]: KindWordsDecls[K] extends { mermaid: KindMermaid } ? K : never;
}[KindId];

const BOX_KINDS = KIND_IDS.filter((k) => KIND_WORDS[k].mermaid !== undefined) as BoxKind[];
const mermaidOf = (k: BoxKind): KindMermaid => KIND_WORDS[k].mermaid as KindMermaid;

/**
 * Each kind's evidence, from its words (src/kinds/<kind>/words.ts, `mermaid.evidence`),
 * with the same words in other languages (languages.ts) in the same classes.
 */
export const EVIDENCE = Object.fromEntries(
  BOX_KINDS.map((k): [BoxKind, KindEvidence] => {
    const own = mermaidOf(k).evidence;
    const more = OTHER_LANGUAGES[k] ?? {};
    return [
      k,
      {
        ...own,
        strong: [...own.strong, ...(more.strong ?? [])],
        heads: [...own.heads, ...(more.heads ?? [])],
        groups: [...own.groups, ...(more.groups ?? [])],
      },
    ];
  }),
) as Record<BoxKind, KindEvidence>;

export const GENERIC_HEADS: ReadonlySet<string> = new Set([
  'server',
  'cluster',
  'instance',
  'node',
  'host',
  'machine',
  'vm',
  'pod',
  'container',
  'system',
  'layer',
  'tier',
  'platform',
  'component',
  'box',
  'unit',
  'the',
  'a',
  'an',
  'of',
  'for',
  'and',
  'primary',
  'main',
  'new',
  'old',
  'v1',
  'v2',
  'v3',
]);

/** Where code runs, not what it does ("Lambda function", "EC2 instance"): an app server, weakly. */
export const GENERIC_COMPUTE: ReadonlySet<string> = new Set([
  'server',
  'lambda',
  'fargate',
  'ecs',
  'ec2',
  'function',
  'instance',
  'vm',
  'container',
  'pod',
  'node',
  'host',
  'machine',
]);

/** Say which one, not what ("Redis *replica*", "Postgres *primary*"): the product before decides. */
export const QUALIFIERS: ReadonlySet<string> = new Set([
  'replica',
  'primary',
  'master',
  'slave',
  'standby',
  'secondary',
  'shard',
  'leader',
  'follower',
  'backup',
  'cluster',
  'sync',
]);

/**
 * "Stripe *API*", "Queue *service*", "SMTP *gateway*": a service of what comes before,
 * when that is a product or role of another kind.
 */
export const SERVICE_NOUNS: ReadonlySet<string> = new Set([
  'service',
  'svc',
  'microservice',
  'api',
  'application',
  'manager',
  'gateway',
  'server',
]);

/** "Kafka *UI*", "Kong *Admin*": a tool for the product before it (an app, not the product). */
export const TOOL_HEADS: ReadonlySet<string> = new Set([
  'ui',
  'web ui',
  'dashboard',
  'console',
  'admin',
  'admin panel',
  'panel',
  'exporter',
  'monitor',
  'explorer',
  'insight',
  'commander',
  'manager',
]);

/** Words after which the rest of a label is what the box uses ("User + redis"). */
export const USES_MARKERS: readonly string[] = [
  '+',
  'with',
  'using',
  'w/',
  'via',
  'uses',
  'backed by',
  'powered by',
];

/** Words that, after a technology, say the box uses it ("Redis *cached*", "Postgres-*backed*"). */
export const USED_ADJECTIVES: ReadonlySet<string> = new Set([
  'cached',
  'backed',
  'powered',
  'based',
  'driven',
  'enabled',
]);

/**
 * How much each piece of evidence weighs. A kind's score is the sum of its evidence; the
 * highest score wins (ties: the order of `TIE_ORDER`), an app server when nothing says
 * anything (`fallback`).
 */
export const WEIGHTS = {
  /** A strong role noun as the head of the label ("Order service"). */
  strongHead: 8,
  /** Another role noun or a technology name as the head ("Kafka UI", "Postgres"). */
  head: 6,
  /** A generic head ("Server") with nothing better before it: an app server, a little. */
  genericHead: 3,
  /** A role noun or technology before the head: it only describes the box. */
  modifier: 2,
  /** In parentheses or on a later line: what the box is, said again ("Cache (Redis)")… */
  aside: 4,
  /** …a strong role noun there names what the box does ("Nginx<br>Load Balancer"). */
  asideRole: 9,
  /** After " - " or ":": a description. */
  note: 2,
  /** After "+" / "with" / "… cached": the technology it uses… */
  uses: 1,
  /** …which makes the box a service that uses it. */
  usesApp: 2.5,
  /** The id, read as words ("userDB" → "user DB"), scaled down from the label's weights. */
  idScale: 0.3,
  /** Class names (`:::database`), scaled like the id. */
  classScale: 0.3,
  icon: 4,
  shape: 3,
  /** The nearest subgraph's title; farther ones get `outerGroup`. */
  group: 2.5,
  outerGroup: 1.5,
  /** Requests flow into it: never a client, never cron. */
  fed: -12,
  /** Nothing flows into it and it sends: at the edge of the diagram. */
  edgeClient: 5,
  edgeCron: 5,
  /** At the edge with no evidence at all: most likely where traffic comes from. */
  edgeUnknown: 1.5,
  /** Fed only by queues: it consumes their messages. */
  queueFedWorker: 4,
  /** Called with requests (no queue, no cron) and calling nothing: a service, not a worker. */
  answersOnly: -4,
  /** A Kubernetes Service ("Service backend") in front of pods balances over them. */
  inFrontOfPods: 12,
  /** A hop between clients or front doors and a proxy or balancer is part of the edge. */
  betweenFrontDoors: 9,
  /** Nothing says anything: an app server. */
  fallback: 0.5,
} as const;

/** Which kind wins a tie: the most common first (each kind's `mermaid.tieRank`). */
export const TIE_ORDER: readonly BoxKind[] = [...BOX_KINDS].sort(
  (a, b) => mermaidOf(a).tieRank - mermaidOf(b).tieRank,
);

/** Each kind's export shape (`mermaid.shape`). */
export const KIND_SHAPES = Object.fromEntries(
  BOX_KINDS.map((k) => [k, mermaidOf(k).shape]),
) as Record<BoxKind, KindMermaid['shape']>;
