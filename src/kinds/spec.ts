// What a kind of box declares about itself, in its own folder (`src/kinds/<kind>/kind.ts`):
// its settings with defaults, ranges, units and help; the one or two it shows on the box;
// its palette section; what its arrows may connect; what it costs; the failure causes it
// raises. Its Mermaid shape and the words that name it, and its rows in docs/engine.md,
// are in `words.ts` beside it (`defineWords`), which only Mermaid import and export and
// the docs test read, so the first page and the Workers do not load them.
// Pure data and pure functions (the model layer): the behaviour (`behaviour.ts`, sim
// layer), the Compose mapping (`config.ts`, io layer) and the icon (`view.tsx`, canvas
// layer) sit beside it. docs/architecture.md, "Adding a kind", walks through one.

import type { PriceSize, PriceSourceId, ReplicaPrice } from '../model/prices.ts';
import type { ConfigValue, Route } from '../model/types.ts';

interface FieldBase<K extends string> {
  key: K;
  label: string;
  /** One short sentence shown under the field in the inspector. */
  help: string;
  /** false: not an inspector field (written by something else, e.g. a dropped log). */
  inspector?: false;
}

export interface NumberField<K extends string = string> extends FieldBase<K> {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  unit?: string;
}

export interface EnumField<K extends string = string> extends FieldBase<K> {
  type: 'enum';
  default: string;
  options: readonly { value: string; label: string }[];
}

export interface BooleanField<K extends string = string> extends FieldBase<K> {
  type: 'boolean';
  default: boolean;
  /** How the box on the canvas says it, on and off ("TLS", "no TLS"). */
  summary?: { on: string; off: string };
}

export interface TextField<K extends string = string> extends FieldBase<K> {
  type: 'text';
  default: string;
  maxLength: number;
}

export interface RoutesField<K extends string = string> extends FieldBase<K> {
  type: 'routes';
  default: Route[];
}

export type FieldSpec = NumberField | EnumField | BooleanField | TextField | RoutesField;

type FieldOf<F> = F extends readonly (infer X)[] ? X : never;
type KeyOf<X> = X extends { key: infer K } ? K : never;
/** The keys of a field list. */
export type FieldKey<F> = FieldOf<F> extends { key: infer K } ? K : never;
/** The keys of its number settings. */
export type NumKey<F> = KeyOf<Extract<FieldOf<F>, { type: 'number' }>>;
/** The keys of its enum and text settings. */
export type StrKey<F> = KeyOf<Extract<FieldOf<F>, { type: 'enum' | 'text' }>>;
/** The keys of its boolean settings. */
export type BoolKey<F> = KeyOf<Extract<FieldOf<F>, { type: 'boolean' }>>;
/** The keys of its lists of routes. */
export type RoutesKey<F> = KeyOf<Extract<FieldOf<F>, { type: 'routes' }>>;

/** Reads a kind's settings by their declared keys: a misspelt key does not compile. */
export interface Settings<F> {
  num(key: NumKey<F>): number;
  str(key: StrKey<F>): string;
  bool(key: BoolKey<F>): boolean;
}

/** The palette's sections, in order; a kind names the one it is listed in. */
export const PALETTE_SECTIONS = ['Traffic', 'Front door', 'Compute', 'Data', 'Other'] as const;
export type PaletteSection = (typeof PALETTE_SECTIONS)[number];

/**
 * Which connections make sense for a kind (model/rules.ts checks them in this order: a
 * host either side; a target's `firstReceivesOnlyFrom`; the source's `sendsNothing`, then
 * its `sendsOnlyTo`; the target's `receivesOnlyFrom`). An empty list of kinds: none.
 */
export interface ConnectionRules {
  /** It only holds boxes: no arrow starts or ends at it. */
  holdsOnly?: string;
  sendsNothing?: string;
  sendsOnlyTo?: { kinds: readonly string[]; reason: string };
  receivesOnlyFrom?: { kinds: readonly string[]; reason: string };
  /** As `receivesOnlyFrom`, checked before anything about the source. */
  firstReceivesOnlyFrom?: { kinds: readonly string[]; reason: string };
}

/**
 * What its arrows carry: `sends` only starts requests (no arrow into a host reaches it),
 * `answers` never passes one on (an arrow out of a host does not leave from it),
 * `passes` does both, `holds` is a host.
 */
export type FlowRole = 'sends' | 'answers' | 'passes' | 'holds';

/** The words of a Mermaid label, the icons and shapes that say a box is of this kind. */
export interface KindEvidence {
  /**
   * Role nouns that name this kind when they end a label's name ("Order *service*",
   * "User *DB*", "Kafka *UI*"): the strongest evidence there is.
   */
  strong: readonly string[];
  /** Role nouns that usually name this kind as the head of a label ("Web *client*"). */
  heads: readonly string[];
  /**
   * Technology and product names (and other telling words): as the head of a label they
   * name the kind ("Postgres"); before the head they only describe it ("*Postgres*
   * exporter" is an exporter); after "+" or "with" the box uses them ("User + redis").
   */
  words: readonly string[];
  /** Icon names (`fa:fa-database`, `@{ icon: "fa:user" }`), without the `fa-` prefix. */
  icons: readonly string[];
  /** Mermaid shape names (classic brackets give `cylinder`, `@{ shape: … }` its name). */
  shapes: readonly string[];
  /** Words of a subgraph title that say what the boxes inside it are ("Databases"). */
  groups: readonly string[];
}

/** Opening and closing brackets (classic syntax), or a Mermaid 11 shape name. */
export type MermaidShape = ({ open: string; close: string } | { shape: string }) & {
  name: string;
};

export interface KindMermaid {
  /** The shape it is exported with. */
  shape: MermaidShape;
  /** Which kind wins a tie on import: lower first (the most common kinds first). */
  tieRank: number;
  evidence: KindEvidence;
}

/** What a box shows while a run is live, besides its errors, badges and requests in flight. */
export interface LiveFigures {
  /** No live figures at all (a host: no request visits it). */
  none?: true;
  /** Its hit ratio (`hitRatio` in its report figures). */
  hitRatio?: true;
  /** Its traffic in req/s instead of requests in flight, and no utilization ring. */
  sendsRate?: true;
  /** A bar of its queue against `queueLimit` × `replicas`. */
  queueBar?: true;
}

/** What one replica costs, with the settings it is sized from (model/cost.ts). */
export interface KindCostDecl<F> {
  /** What the box is in the cloud, in words. */
  product: string;
  /** How the size follows from the settings. */
  sizing: string;
  /** Usage fees that are not counted, or why the box is free. */
  note?: string;
  sources: readonly PriceSourceId[];
  /** The sizes a box of this kind can take, for the docs table. */
  sizes: readonly PriceSize[];
  price(settings: Settings<F>): ReplicaPrice;
}

export interface KindDecl<
  Id extends string = string,
  F extends readonly FieldSpec[] = readonly FieldSpec[],
> {
  id: Id;
  /** Palette and node title, e.g. "nginx". */
  title: string;
  /** Default label for a new node. */
  defaultLabel: string;
  /** The one-line explanation shown on hover. */
  blurb: string;
  color: string;
  /** The one or two config keys that matter most, shown on the node itself. */
  summary: readonly FieldKey<F>[];
  fields: F;
  palette: PaletteSection;
  role: FlowRole;
  rules?: ConnectionRules;
  cost: KindCostDecl<F>;
  /** What its box shows while a run is live (canvas/live/NodeLive.tsx); nothing by default. */
  live?: LiveFigures;
  /** The failure causes (sim/causes.ts) its behaviour raises itself. */
  raises: readonly string[];
}

/** Declares a kind, keeping its setting keys as types (so `Settings` knows them). */
export function defineKind<const Id extends string, const F extends readonly FieldSpec[]>(
  decl: KindDecl<Id, F>,
): KindDecl<Id, F> {
  return decl;
}

/**
 * A kind's words (`src/kinds/<kind>/words.ts`, listed in `src/kinds/words.ts`): read only
 * by Mermaid import and export and the docs test, so they are apart from `kind.ts`, which
 * every page and Worker loads.
 */
export interface KindWords {
  /** Its Mermaid shape, inference words and tie rank. Hosts have none: they are subgraphs. */
  mermaid?: KindMermaid;
  /** Its rows in docs/engine.md's table of behaviours: name, then what it does. */
  docs: readonly (readonly [string, string])[];
}

/** Declares a kind's words, keeping whether it has a Mermaid shape (hosts have none). */
export function defineWords<const M extends KindMermaid | undefined = undefined>(
  words: KindWords & { mermaid?: M },
): KindWords & { mermaid: M } {
  return words as KindWords & { mermaid: M };
}

/** Typed readers over a config, with the declared defaults. */
export function settings<F extends readonly FieldSpec[]>(
  fields: F,
  config: Record<string, ConfigValue>,
): Settings<F> {
  const find = (key: string) => fields.find((f) => f.key === key);
  return {
    num: (key) => {
      const v = config[key];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      const f = find(key);
      return f?.type === 'number' ? f.default : 0;
    },
    str: (key) => {
      const v = config[key];
      if (typeof v === 'string') return v;
      const f = find(key);
      return f?.type === 'enum' || f?.type === 'text' ? f.default : '';
    },
    bool: (key) => {
      const v = config[key];
      if (typeof v === 'boolean') return v;
      const f = find(key);
      return f?.type === 'boolean' ? f.default : false;
    },
  };
}

// Fields several kinds share.

export const dist = <const K extends string>(key: K, def: string): EnumField<K> => ({
  type: 'enum',
  key,
  label: 'Service time distribution',
  default: def,
  options: [
    { value: 'constant', label: 'Constant' },
    { value: 'exponential', label: 'Exponential' },
    { value: 'lognormal', label: 'Log-normal (long tail)' },
  ],
  help: 'How much individual requests vary around the mean time.',
});

export const concurrency = (def: number, help: string): NumberField<'concurrency'> => ({
  type: 'number',
  key: 'concurrency',
  label: 'Workers',
  default: def,
  min: 1,
  max: 1024,
  integer: true,
  help,
});

export const replicas: NumberField<'replicas'> = {
  type: 'number',
  key: 'replicas',
  label: 'Replicas',
  default: 1,
  min: 1,
  max: 64,
  integer: true,
  help: 'Identical copies started from the same image; each has its own workers and queue. With autoscale on: how many it starts with.',
};

/**
 * Autoscaling (app servers and workers; the engine's side is sim/autoscale.ts): off by
 * default, so a document without these settings runs as it always did.
 */
export const autoscaleFields = [
  {
    type: 'boolean',
    key: 'autoscale',
    label: 'Autoscale',
    default: false,
    summary: { on: 'autoscaled', off: 'fixed replicas' },
    help: 'Add and remove replicas while it runs, between the fewest and most below; Replicas is how many it starts with.',
  },
  {
    type: 'enum',
    key: 'scaleOn',
    label: 'Scale on',
    default: 'utilization',
    options: [
      { value: 'utilization', label: 'Target utilization' },
      { value: 'queue', label: 'Target queue per replica' },
    ],
    help: 'What the autoscaler watches: how busy the workers are, or how many requests or jobs wait (here and in the queues feeding it).',
  },
  {
    type: 'number',
    key: 'targetUtilizationPct',
    label: 'Target utilization',
    unit: '%',
    default: 70,
    min: 1,
    max: 100,
    help: 'With Scale on utilization: it runs enough replicas that their workers are busy about this share of the time.',
  },
  {
    type: 'number',
    key: 'targetQueue',
    label: 'Target queue per replica',
    unit: 'waiting',
    default: 10,
    min: 1,
    max: 100_000,
    help: 'With Scale on queue: it runs one replica for every this many requests or jobs waiting.',
  },
  {
    type: 'number',
    key: 'minReplicas',
    label: 'Fewest replicas',
    default: 1,
    min: 1,
    max: 64,
    integer: true,
    help: 'The autoscaler never goes below this many replicas.',
  },
  {
    type: 'number',
    key: 'maxReplicas',
    label: 'Most replicas',
    default: 10,
    min: 1,
    max: 64,
    integer: true,
    help: 'The autoscaler never goes above this many replicas (what you are willing to pay for).',
  },
  {
    type: 'number',
    key: 'coldStartS',
    label: 'Cold start',
    unit: 's',
    default: 20,
    min: 0,
    max: 600,
    help: 'How long a new replica takes to boot before it takes traffic.',
  },
  {
    type: 'number',
    key: 'cooldownS',
    label: 'Cooldown',
    unit: 's',
    default: 30,
    min: 0,
    max: 3600,
    help: 'The least time between two scaling actions, so it does not flap.',
  },
  {
    type: 'number',
    key: 'scaleEveryS',
    label: 'Evaluate every',
    unit: 's',
    default: 10,
    min: 1,
    max: 600,
    help: 'How often the autoscaler looks at the figure it scales on (over the period since it last looked).',
  },
] as const satisfies readonly FieldSpec[];
