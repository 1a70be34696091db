// The catalogue of node kinds: what each box is, how it looks in the palette and which
// config keys it has. Every key has a default, so `{}` is a valid config; the inspector,
// `restore`, validation, Mermaid import and the engine all read this one table. It is
// derived from the kinds' own declarations (src/kinds/<kind>/kind.ts, listed in
// src/kinds/index.ts); this module is how the rest of the model reads them.

import { KIND_DECLS, KIND_IDS, type KindDecls, type KindId } from '../kinds/index.ts';
import type {
  BoolKey,
  FieldSpec,
  NumKey,
  PaletteSection,
  RoutesKey,
  StrKey,
} from '../kinds/spec.ts';
import type { ConfigValue, NodeKind } from './types.ts';

export type {
  BooleanField,
  EnumField,
  FieldSpec,
  NumberField,
  RoutesField,
  TextField,
} from '../kinds/spec.ts';
export { DEFAULT_ROUTES } from '../kinds/client/kind.ts';

export interface KindSpec {
  kind: NodeKind;
  /** Palette and node title, e.g. "nginx". */
  title: string;
  /** Default label for a new node. */
  defaultLabel: string;
  /** The one-line explanation shown on hover. */
  blurb: string;
  color: string;
  fields: readonly FieldSpec[];
  /** The one or two config keys that matter most, shown on the node itself. */
  summary: readonly string[];
  /** The palette section it is listed in. */
  palette: PaletteSection;
}

type FieldsOf<K extends KindId> = KindDecls[K]['fields'];
/** Keys of a number setting of any of the kinds `K` (all of them for a kind not known). */
export type NumberKey<K extends KindId> = K extends KindId ? NumKey<FieldsOf<K>> : never;
/** Keys of an enum or text setting of any of the kinds `K`. */
export type StringKey<K extends KindId> = K extends KindId ? StrKey<FieldsOf<K>> : never;
/** Keys of a boolean setting of any of the kinds `K`. */
export type BooleanKey<K extends KindId> = K extends KindId ? BoolKey<FieldsOf<K>> : never;
/** Keys of a routes setting of any of the kinds `K`. */
export type RoutesSettingKey<K extends KindId> = K extends KindId ? RoutesKey<FieldsOf<K>> : never;

/** The keys every one of the kinds `K` has (a behaviour shared by app and worker). */
type Common<M> = { [k in keyof M]: (x: M[k]) => void }[keyof M] extends (x: infer I) => void
  ? I
  : never;
/**
 * For every kind at once (a behaviour that may be registered for any kind, as tests do),
 * any key: the engine then checks it when it runs.
 */
type Shared<K extends KindId, Keys> = [KindId] extends [K] ? string : Common<Keys>;
export type SharedNumberKey<K extends KindId> = Shared<K, { [k in K]: NumKey<FieldsOf<k>> }>;
export type SharedStringKey<K extends KindId> = Shared<K, { [k in K]: StrKey<FieldsOf<k>> }>;
export type SharedBooleanKey<K extends KindId> = Shared<K, { [k in K]: BoolKey<FieldsOf<k>> }>;
export type SharedRoutesKey<K extends KindId> = Shared<K, { [k in K]: RoutesKey<FieldsOf<k>> }>;

function specOf(id: KindId): KindSpec {
  const d = KIND_DECLS[id];
  return {
    kind: id,
    title: d.title,
    defaultLabel: d.defaultLabel,
    blurb: d.blurb,
    color: d.color,
    summary: d.summary,
    fields: d.fields,
    palette: d.palette,
  };
}

export const KINDS = Object.fromEntries(KIND_IDS.map((id) => [id, specOf(id)])) as Record<
  NodeKind,
  KindSpec
>;

export function kindSpec(kind: NodeKind): KindSpec {
  return KINDS[kind];
}

export function fieldSpec(kind: NodeKind, key: string): FieldSpec | undefined {
  return KINDS[kind].fields.find((f) => f.key === key);
}

/** A complete config for `kind`: every key at its default. Fresh arrays each call. */
export function defaultConfig(kind: NodeKind): Record<string, ConfigValue> {
  const config: Record<string, ConfigValue> = {};
  for (const field of KINDS[kind].fields) {
    config[field.key] =
      field.type === 'routes' ? field.default.map((r) => ({ ...r })) : field.default;
  }
  return config;
}

/** Reads a number config value with its default; for the engine and the UI alike. */
export function numberOf<K extends NodeKind>(
  kind: K,
  config: Record<string, ConfigValue>,
  key: NumberKey<K>,
): number {
  const v = config[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const f = fieldSpec(kind, key);
  return f && f.type === 'number' ? f.default : 0;
}

/** Reads a string (enum or text) config value with its default. */
export function stringOf<K extends NodeKind>(
  kind: K,
  config: Record<string, ConfigValue>,
  key: StringKey<K>,
): string {
  const v = config[key];
  if (typeof v === 'string') return v;
  const f = fieldSpec(kind, key);
  return f && (f.type === 'enum' || f.type === 'text') ? f.default : '';
}

/** Reads a boolean config value with its default. */
export function booleanOf<K extends NodeKind>(
  kind: K,
  config: Record<string, ConfigValue>,
  key: BooleanKey<K>,
): boolean {
  const v = config[key];
  if (typeof v === 'boolean') return v;
  const f = fieldSpec(kind, key);
  return f && f.type === 'boolean' ? f.default : false;
}
