// Versioned migrations, one function per step, beside the types they produce. A document
// of version N is passed through migrations[N], migrations[N+1], ... up to CURRENT_VERSION.
//
// Version 0 is the prototype's format (before the document was versioned): nodes carried
// `type`, `name`, flat `x`/`y` and `props`; edges were `links` with `from`/`to`.

import { CURRENT_VERSION } from './types.ts';

type Json = Record<string, unknown>;
type Migration = (doc: Json) => Json;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const KIND_RENAMES_V0: Record<string, string> = {
  nginx: 'proxy',
  'load-balancer': 'lb',
  server: 'app',
  database: 'db',
  redis: 'cache',
  user: 'client',
};

export const migrations: Record<number, Migration> = {
  0: (doc) => {
    // Not an array: passed on unchanged so validation names the problem.
    if (!Array.isArray(doc.nodes)) return { ...doc, version: 1 };
    const nodes = doc.nodes;
    const links = Array.isArray(doc.links) ? doc.links : Array.isArray(doc.edges) ? doc.edges : [];
    return {
      version: 1,
      title:
        typeof doc.title === 'string'
          ? doc.title
          : typeof doc.name === 'string'
            ? doc.name
            : 'Untitled',
      nodes: nodes.map((n: unknown) => {
        if (!isObject(n)) return n;
        const type = typeof n.type === 'string' ? n.type : n.kind;
        return {
          id: n.id,
          kind: typeof type === 'string' ? (KIND_RENAMES_V0[type] ?? type) : type,
          label: n.name ?? n.label,
          position: isObject(n.position) ? n.position : { x: n.x, y: n.y },
          ...(n.parent !== undefined ? { parent: n.parent } : {}),
          config: isObject(n.props) ? n.props : isObject(n.config) ? n.config : {},
        };
      }),
      edges: links.map((l: unknown, i: number) => {
        if (!isObject(l)) return l;
        return {
          id: l.id ?? `e${i + 1}`,
          source: l.from ?? l.source,
          target: l.to ?? l.target,
          ...(typeof l.label === 'string' ? { label: l.label } : {}),
        };
      }),
    };
  },
};

export type MigrationResult =
  | { ok: true; doc: Json; from: number }
  | { ok: false; message: string };

/** Brings any known version up to CURRENT_VERSION. Documents without `version` are v0. */
export function migrate(input: Json): MigrationResult {
  const raw = input.version;
  const from = raw === undefined ? 0 : raw;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, message: `version must be a whole number, got ${JSON.stringify(raw)}` };
  }
  if (from > CURRENT_VERSION) {
    return {
      ok: false,
      message: `this document was made by a newer Backend Playground (version ${from}); this one reads up to version ${CURRENT_VERSION}`,
    };
  }
  let doc = input;
  for (let v = from; v < CURRENT_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `no migration from version ${v}` };
    doc = step(doc);
  }
  return { ok: true, doc, from };
}
