// How each kind of box is written as real configuration and read back from it: one row per
// kind (`src/kinds/<kind>/config.ts`, listed in src/kinds/configs.ts), so everything Docker
// Compose and nginx know about a kind sits in its folder (the compose export and import,
// the nginx export and import and the README all read this table). docs/config-export.md
// is this table in words.

import { CONFIG_ROWS } from '../../kinds/configs.ts';
import { KINDS } from '../../model/kinds.ts';
import { NODE_KINDS, type NodeKind } from '../../model/types.ts';
import { type ConfigKind, num, type ServiceContext } from './rows.ts';

export * from './rows.ts';

export const CONFIG_KINDS: Readonly<Record<NodeKind, ConfigKind>> = CONFIG_ROWS;

/** Connection settings for what a box calls: `DB_URL=postgres://…@db:5432/app`. */
export function connections(ctx: Pick<ServiceContext, 'targets'>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const t of ctx.targets) {
    const row = CONFIG_KINDS[t.node.kind];
    if (!row.url) continue;
    const key = `${t.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`;
    env[key] = row.url(t.name, t.node);
    if (t.node.kind === 'external') {
      env[key.replace(/_URL$/, '_TIMEOUT_MS')] = String(num(t.node, 'timeoutMs'));
    }
  }
  return env;
}

/** The kinds whose row has `key`, in its order. */
function ranked(key: 'imageRank' | 'nameRank' | 'roleRank'): NodeKind[] {
  return NODE_KINDS.filter((k) => CONFIG_KINDS[k][key] !== undefined).sort(
    (a, b) => CONFIG_KINDS[a][key]! - CONFIG_KINDS[b][key]!,
  );
}

/** The order images are tried on import: the most specific patterns first. */
export const IMAGE_ORDER: readonly NodeKind[] = ranked('imageRank');

/** Kinds a service's name, command or role says, even with an application image. */
export const ROLE_ORDER: readonly NodeKind[] = ranked('roleRank');

/** Kinds a name says for a service built from source or from an image we do not know. */
export const NAME_ORDER: readonly NodeKind[] = ranked('nameRank');

/** The kind an image means, with the reason, or null for an image we do not know. */
export function kindOfImage(image: string): { kind: NodeKind; why: string } | null {
  const name = image
    .toLowerCase()
    .replace(/^(docker\.io\/|index\.docker\.io\/)/, '')
    .replace(/^library\//, '');
  for (const kind of IMAGE_ORDER) {
    const row = CONFIG_KINDS[kind];
    if (row.images?.test(name)) {
      return { kind, why: `image ${image} is ${row.imageWhat}` };
    }
  }
  return null;
}

/** The kind's title as people read it, for reasons and notes. */
export const kindTitle = (kind: NodeKind): string => KINDS[kind].title;

/** Boxes that never become a container. */
export function isOutside(kind: NodeKind): boolean {
  return CONFIG_KINDS[kind].outside !== undefined;
}
