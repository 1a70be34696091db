// `restore` turns whatever was loaded (a file, a share link, autosave, a scenario, an import)
// into a valid current document. It repairs what it can and says what it changed; a box it
// cannot read (an unknown kind, no usable id, not an object) is dropped with a warning that
// starts "dropped", so the rest of the diagram still opens; it rejects what it cannot
// repair (nothing readable at all, duplicate ids, a newer version), with the JSON path and
// the reason. It never throws. It reads the input by hand (loose.ts), without zod, so
// opening the saved diagram does not bring zod onto the first page.

import { KINDS } from './kinds.ts';
import { linkField } from './linkSettings.ts';
import { migrate } from './migrations.ts';
import type { DocIssue } from './paths.ts';
import { checkField, referenceIssues } from './checks.ts';
import { type LooseIssue, type LooseNode, looseDoc, looseEdge, looseNode } from './loose.ts';
import { formatPath } from './paths.ts';
import {
  CURRENT_VERSION,
  type Config,
  type ConfigValue,
  type TopologyDocument,
  type TopologyEdge,
  type TopologyNode,
} from './types.ts';

const issuesAt = (issues: LooseIssue[], prefix: readonly PropertyKey[] = []): DocIssue[] =>
  issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message }));

export type RestoreResult =
  | { ok: true; doc: TopologyDocument; warnings: DocIssue[] }
  | { ok: false; errors: DocIssue[] };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function restoreDocument(input: unknown): RestoreResult {
  if (!isObject(input)) {
    return {
      ok: false,
      errors: [
        { path: '$', message: 'expected a topology document (a JSON object with nodes and edges)' },
      ],
    };
  }
  // Every version keeps its boxes in a `nodes` list: without one this is some other JSON
  // (a package.json, another tool's export), and saying so beats a puzzle about `version`.
  if (!Array.isArray(input.nodes)) {
    return {
      ok: false,
      errors: [
        {
          path: 'nodes',
          message:
            'missing: this JSON is not a Backend Playground diagram (a diagram has a "nodes" list of boxes)',
        },
      ],
    };
  }
  const migrated = migrate(input);
  if (!migrated.ok) return { ok: false, errors: [{ path: 'version', message: migrated.message }] };
  const warnings: DocIssue[] = [];
  if (migrated.from !== CURRENT_VERSION) {
    warnings.push({
      path: 'version',
      message: `upgraded from version ${migrated.from} to ${CURRENT_VERSION}`,
    });
  }

  const top = looseDoc(migrated.doc);
  if (!top.success) return { ok: false, errors: issuesAt(top.issues) };

  const errors: DocIssue[] = [];
  const nodes: TopologyNode[] = [];
  /** Where each kept box was in the input, so warnings name the input's paths. */
  const at: number[] = [];
  /** Ids of boxes that were dropped, so connections to them can say why they went too. */
  const droppedIds = new Set<string>();
  top.data.nodes.forEach((raw, i) => {
    const parsed = looseNode(raw);
    if (!parsed.success) {
      const issues = issuesAt(parsed.issues, ['nodes', i]);
      errors.push(...issues);
      const id = isObject(raw) ? raw.id : undefined;
      if (typeof id === 'string' || typeof id === 'number') droppedIds.add(String(id));
      const label = isObject(raw) && typeof raw.label === 'string' ? raw.label.slice(0, 80) : '';
      warnings.push({
        path: issues[0]!.path,
        message: `dropped${label ? ` the box "${label}"` : ' a box'}: ${issues[0]!.message}`,
      });
      return;
    }
    nodes.push(restoreNode(parsed.data, i, warnings));
    at.push(i);
  });
  // Nothing readable at all: this is not a diagram with a few broken boxes, say what is wrong.
  if (errors.length && nodes.length === 0) return { ok: false, errors };

  const dupes = referenceIssues({ version: 1, title: '', nodes, edges: [] }, false).filter((x) =>
    x.message.startsWith('duplicate'),
  );
  if (dupes.length) {
    // Named by their place in the input, not among the boxes kept.
    const inInput = (text: string) =>
      text.replace(/nodes\[(\d+)\]/g, (_, k: string) => `nodes[${at[Number(k)]}]`);
    return {
      ok: false,
      errors: dupes.map((d) => ({ path: inInput(d.path), message: inInput(d.message) })),
    };
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const [i, node] of nodes.entries()) {
    if (node.parent === undefined) continue;
    const parent = byId.get(node.parent);
    if (parent?.kind !== 'group' || node.parent === node.id) {
      warnings.push({
        path: `nodes[${at[i]}].parent`,
        message: `"${node.parent}" is not a host on this canvas; the box was taken out of it`,
      });
      delete node.parent;
    }
  }
  breakParentLoops(nodes, at, warnings);

  const edges: TopologyEdge[] = [];
  const edgeIds = new Set<string>();
  (top.data.edges ?? []).forEach((raw, i) => {
    const parsed = looseEdge(raw);
    if (!parsed.success) {
      const first = issuesAt(parsed.issues)[0]!;
      warnings.push({ path: `edges[${i}]`, message: `dropped: ${first.path} ${first.message}` });
      return;
    }
    const e = parsed.data;
    if (!byId.has(e.source) || !byId.has(e.target)) {
      const missing = byId.has(e.source) ? e.target : e.source;
      warnings.push({
        path: `edges[${i}]`,
        message: droppedIds.has(missing)
          ? `dropped: it joined "${missing}", a box that was dropped`
          : `dropped: no node with id "${missing}"`,
      });
      return;
    }
    let id = typeof e.id === 'string' && e.id ? e.id : typeof e.id === 'number' ? String(e.id) : '';
    if (!id || edgeIds.has(id)) {
      const fresh = uniqueId(`e-${e.source}-${e.target}`, edgeIds);
      if (id)
        warnings.push({
          path: `edges[${i}].id`,
          message: `duplicate id "${id}" renamed to "${fresh}"`,
        });
      id = fresh;
    }
    edgeIds.add(id);
    const edge: TopologyEdge = { id, source: e.source, target: e.target };
    if (typeof e.label === 'string' && e.label !== '') edge.label = e.label.slice(0, 500);
    for (const flag of ['faint', 'twoWay'] as const) {
      const value = e[flag];
      if (value === true) edge[flag] = true;
      else if (value !== undefined && value !== false) {
        warnings.push({ path: `edges[${i}].${flag}`, message: 'not true or false; ignored' });
      }
    }
    if (e.config !== undefined) {
      const config = restoreLinkConfig(e.config, `edges[${i}]`, warnings);
      if (config !== undefined) edge.config = config;
    }
    edges.push(edge);
  });

  const raw = top.data;
  const doc: TopologyDocument = {
    version: CURRENT_VERSION,
    title: typeof raw.title === 'string' ? raw.title.slice(0, 500) : 'Untitled',
    nodes,
    edges,
  };
  if (
    raw.direction === 'LR' ||
    raw.direction === 'RL' ||
    raw.direction === 'TB' ||
    raw.direction === 'BT'
  ) {
    doc.direction = raw.direction;
  }
  return { ok: true, doc, warnings };
}

/** The warnings that mean part of the input is gone (a box or a connection dropped). */
export function lostParts(warnings: readonly DocIssue[]): DocIssue[] {
  return warnings.filter((w) => w.message.startsWith('dropped'));
}

function restoreNode(n: LooseNode, i: number, warnings: DocIssue[]): TopologyNode {
  const spec = KINDS[n.kind];
  const at = `nodes[${i}]`;
  let position = { x: (i % 6) * 220, y: Math.floor(i / 6) * 140 };
  if (isObject(n.position) && finite(n.position.x) && finite(n.position.y)) {
    position = { x: n.position.x, y: n.position.y };
  } else if (n.position !== undefined) {
    warnings.push({ path: `${at}.position`, message: 'not a valid position; placed on a grid' });
  }
  const node: TopologyNode = {
    id: n.id,
    kind: n.kind,
    label: typeof n.label === 'string' ? n.label.slice(0, 500) : spec.defaultLabel,
    position,
    config: restoreConfig(n.kind, n.config, at, warnings),
  };
  if (typeof n.parent === 'string' && n.parent) node.parent = n.parent;
  if (n.addedBy === 'import') node.addedBy = 'import';
  else if (n.addedBy !== undefined) {
    warnings.push({ path: `${at}.addedBy`, message: 'not "import"; ignored' });
  }
  if (
    isObject(n.size) &&
    finite(n.size.width) &&
    finite(n.size.height) &&
    n.size.width > 0 &&
    n.size.height > 0
  ) {
    node.size = { width: n.size.width, height: n.size.height };
  }
  return node;
}

/** Fills every missing key with its default; invalid values are clamped or defaulted. */
export function restoreConfig(
  kind: TopologyNode['kind'],
  raw: unknown,
  at: string,
  warnings: DocIssue[],
): Config {
  const input = isObject(raw) ? raw : {};
  if (raw !== undefined && !isObject(raw))
    warnings.push({ path: `${at}.config`, message: 'not an object; using defaults' });
  const config: Config = {};
  for (const field of KINDS[kind].fields) {
    const path = `${at}.config.${field.key}`;
    const value = input[field.key];
    if (value === undefined) {
      config[field.key] =
        field.type === 'routes' ? field.default.map((r) => ({ ...r })) : field.default;
      continue;
    }
    const problem = checkField(field, value);
    if (!problem) {
      config[field.key] =
        field.type === 'routes'
          ? ((value as ConfigValue[]).map((r) => ({ ...(r as object) })) as ConfigValue)
          : (value as ConfigValue);
      continue;
    }
    let repaired: ConfigValue =
      field.type === 'routes' ? field.default.map((r) => ({ ...r })) : field.default;
    if (field.type === 'number' && finite(value)) {
      repaired = Math.min(
        field.max,
        Math.max(field.min, field.integer ? Math.round(value) : value),
      );
    }
    warnings.push({ path, message: `${problem}; using ${JSON.stringify(repaired)}` });
    config[field.key] = repaired;
  }
  for (const key of Object.keys(input)) {
    if (!KINDS[kind].fields.some((f) => f.key === key)) {
      warnings.push({
        path: `${at}.config.${key}`,
        message: `unknown setting for ${KINDS[kind].title}; ignored`,
      });
    }
  }
  return config;
}

/**
 * A connection's settings (linkSettings.ts): only the keys it has are kept (an edge is
 * not given defaults, so older documents come back as they were); a bad value is clamped
 * or dropped, an unknown key ignored, each with a warning. Undefined when none is left.
 */
export function restoreLinkConfig(
  raw: unknown,
  at: string,
  warnings: DocIssue[],
): Config | undefined {
  if (!isObject(raw)) {
    warnings.push({ path: `${at}.config`, message: 'not an object; ignored' });
    return undefined;
  }
  const config: Config = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = `${at}.config.${key}`;
    const field = linkField(key);
    if (!field) {
      warnings.push({ path, message: 'unknown setting for a connection; ignored' });
      continue;
    }
    const problem = checkField(field, value);
    if (!problem) {
      config[key] = value as ConfigValue;
      continue;
    }
    if (field.type === 'number' && finite(value)) {
      const repaired = Math.min(
        field.max,
        Math.max(field.min, field.integer ? Math.round(value) : value),
      );
      warnings.push({ path, message: `${problem}; using ${repaired}` });
      config[key] = repaired;
    } else warnings.push({ path, message: `${problem}; ignored` });
  }
  return Object.keys(config).length > 0 ? config : undefined;
}

function breakParentLoops(nodes: TopologyNode[], at: number[], warnings: DocIssue[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  nodes.forEach((node, i) => {
    const seen = new Set<string>([node.id]);
    let current = node.parent === undefined ? undefined : byId.get(node.parent);
    while (current) {
      if (seen.has(current.id)) {
        warnings.push({
          path: `nodes[${at[i]}].parent`,
          message: 'hosts contained each other in a loop; the box was taken out',
        });
        delete node.parent;
        return;
      }
      seen.add(current.id);
      current = current.parent === undefined ? undefined : byId.get(current.parent);
    }
  });
}

export function uniqueId(
  base: string,
  taken: ReadonlySet<string> | ((id: string) => boolean),
): string {
  const has = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  const clean = base.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'node';
  if (!has(clean)) return clean;
  for (let n = 2; ; n++) {
    const id = `${clean}-${n}`;
    if (!has(id)) return id;
  }
}
