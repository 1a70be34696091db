// The loose reading of a document that `restore` starts from, and the check of an nginx
// box's routes, written by hand so that opening a diagram does not need zod (about 26 KB
// gzipped) on the first page. Each function says exactly what zod said for the schemas it
// replaces, message for message and path for path (zod 4's English messages);
// loose.test.ts keeps them equal to those zod schemas on random input.

import { NODE_KINDS, type NodeKind } from './types.ts';

/** A problem at a path inside the value read, as zod's issues were. */
export interface LooseIssue {
  path: PropertyKey[];
  message: string;
}

export type Loose<T> = { success: true; data: T } | { success: false; issues: LooseIssue[] };

export interface LooseNode {
  id: string;
  kind: NodeKind;
  label?: unknown;
  position?: unknown;
  parent?: unknown;
  size?: unknown;
  config?: unknown;
  addedBy?: unknown;
}

export interface LooseEdge {
  id?: unknown;
  source: string;
  target: string;
  label?: unknown;
  faint?: unknown;
  twoWay?: unknown;
  config?: unknown;
}

export interface LooseDoc {
  title?: unknown;
  direction?: unknown;
  nodes: unknown[];
  edges?: unknown[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What zod calls the type of a value it did not expect (`received …`). */
function received(v: unknown): string {
  if (typeof v === 'number')
    return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  if (typeof v === 'object') {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && 'constructor' in v && v.constructor) {
      return (v.constructor as { name: string }).name;
    }
  }
  return typeof v;
}

const expected = (type: string, v: unknown) =>
  `Invalid input: expected ${type}, received ${received(v)}`;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Copies the keys `from` has of `keys` (zod's object kept those it knew, and only those). */
function pick(
  from: Record<string, unknown>,
  keys: readonly string[],
  into: Record<string, unknown>,
) {
  for (const key of keys) if (key in from) into[key] = from[key];
}

const NODE_KEYS = ['label', 'position', 'parent', 'size', 'config', 'addedBy'] as const;
const EDGE_KEYS = ['id', 'label', 'faint', 'twoWay', 'config'] as const;
const KIND_SET: ReadonlySet<unknown> = new Set(NODE_KINDS);

export function looseNode(raw: unknown): Loose<LooseNode> {
  if (!isObject(raw))
    return { success: false, issues: [{ path: [], message: expected('object', raw) }] };
  const issues: LooseIssue[] = [];
  let id = '';
  const rawId = raw.id;
  if (typeof rawId === 'string') {
    if (rawId.length < 1)
      issues.push({ path: ['id'], message: 'Too small: expected string to have >=1 characters' });
    else if (rawId.length > 200)
      issues.push({ path: ['id'], message: 'Too big: expected string to have <=200 characters' });
    else id = rawId;
  } else if (isNumber(rawId)) id = String(rawId);
  else
    issues.push({ path: ['id'], message: 'must be a non-empty text id (at most 200 characters)' });
  if (!KIND_SET.has(raw.kind)) {
    issues.push({
      path: ['kind'],
      message: `unknown kind ${JSON.stringify(raw.kind)}; expected one of ${NODE_KINDS.join(', ')}`,
    });
  }
  if (issues.length) return { success: false, issues };
  const data: Record<string, unknown> = { id, kind: raw.kind };
  pick(raw, NODE_KEYS, data);
  return { success: true, data: data as unknown as LooseNode };
}

/** A connection's end: text, or a number read as text. */
function end(v: unknown): string | null {
  if (typeof v === 'string') return v;
  return isNumber(v) ? String(v) : null;
}

export function looseEdge(raw: unknown): Loose<LooseEdge> {
  if (!isObject(raw))
    return { success: false, issues: [{ path: [], message: expected('object', raw) }] };
  const source = end(raw.source);
  const target = end(raw.target);
  const issues: LooseIssue[] = [];
  if (source === null) issues.push({ path: ['source'], message: 'Invalid input' });
  if (target === null) issues.push({ path: ['target'], message: 'Invalid input' });
  if (issues.length) return { success: false, issues };
  const data: Record<string, unknown> = {};
  pick(raw, EDGE_KEYS.slice(0, 1), data);
  data.source = source;
  data.target = target;
  pick(raw, EDGE_KEYS.slice(1), data);
  return { success: true, data: data as unknown as LooseEdge };
}

/** The document's top level. */
export function looseDoc(raw: unknown): Loose<LooseDoc> {
  if (!isObject(raw))
    return { success: false, issues: [{ path: [], message: expected('object', raw) }] };
  const issues: LooseIssue[] = [];
  const nodes = raw.nodes;
  if (!Array.isArray(nodes)) issues.push({ path: ['nodes'], message: expected('array', nodes) });
  else if (nodes.length > 10_000) {
    issues.push({
      path: ['nodes'],
      message: 'more than 10,000 boxes; a diagram has at most 10,000',
    });
  }
  const edges = raw.edges;
  if (edges !== undefined) {
    if (!Array.isArray(edges)) issues.push({ path: ['edges'], message: expected('array', edges) });
    else if (edges.length > 50_000) {
      issues.push({
        path: ['edges'],
        message: 'more than 50,000 connections; a diagram has at most 50,000',
      });
    }
  }
  if (issues.length) return { success: false, issues };
  const data: Record<string, unknown> = {};
  pick(raw, ['title', 'direction', 'nodes', 'edges'], data);
  return { success: true, data: data as unknown as LooseDoc };
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

/** The first problem with a list of nginx routes, as zod said it, or null when it is valid. */
export function routesIssue(value: unknown): LooseIssue | null {
  if (!Array.isArray(value)) return { path: [], message: expected('array', value) };
  // zod put the length first.
  if (value.length > 100)
    return { path: [], message: 'Too big: expected array to have <=100 items' };
  for (let i = 0; i < value.length; i++) {
    const route: unknown = value[i];
    if (!isObject(route)) return { path: [i], message: expected('object', route) };
    if (typeof route.method !== 'string' || !METHODS.includes(route.method)) {
      return {
        path: [i, 'method'],
        message: `Invalid option: expected one of ${METHODS.map((m) => `"${m}"`).join('|')}`,
      };
    }
    const path = route.path;
    if (typeof path !== 'string') return { path: [i, 'path'], message: expected('string', path) };
    if (!path.startsWith('/')) return { path: [i, 'path'], message: 'must start with "/"' };
    if (path.length > 500) {
      return { path: [i, 'path'], message: 'Too big: expected string to have <=500 characters' };
    }
    const weight = route.weight;
    if (!isNumber(weight)) return { path: [i, 'weight'], message: expected('number', weight) };
    if (weight < 0) return { path: [i, 'weight'], message: 'must be 0 or more' };
  }
  return null;
}
