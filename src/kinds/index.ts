// The kinds of box, one line each: everything about a kind is in its folder, and the
// palette, inspector, restore, schema, connection rules, costs and arrows are derived from
// this list (model layer). The kinds' Mermaid shapes and words and their docs rows
// (`words.ts`, read only by Mermaid import and export and the docs test), the engine's
// behaviours (`behaviours.ts`), the Compose mapping (`configs.ts`) and the icons
// (`views.tsx`) have one line per kind in their own registry, each typed by `KindId` so a
// forgotten one does not compile. Adding a kind: docs/architecture.md.

import app from './app/kind.ts';
import cache from './cache/kind.ts';
import cdn from './cdn/kind.ts';
import client from './client/kind.ts';
import cron from './cron/kind.ts';
import db from './db/kind.ts';
import dns from './dns/kind.ts';
import external from './external/kind.ts';
import group from './group/kind.ts';
import lb from './lb/kind.ts';
import limiter from './limiter/kind.ts';
import proxy from './proxy/kind.ts';
import queue from './queue/kind.ts';
import staticFiles from './static/kind.ts';
import worker from './worker/kind.ts';

/** Every kind, in the order documents, menus and error messages list them. */
export const KIND_DECLS = {
  client,
  dns,
  cdn,
  proxy,
  lb,
  app,
  db,
  cache,
  queue,
  worker,
  cron,
  static: staticFiles,
  external,
  limiter,
  group,
} as const;

export type KindDecls = typeof KIND_DECLS;
export type KindId = keyof KindDecls;

// Each line's key is its kind's id.
KIND_DECLS satisfies { [K in KindId]: { id: K } };

/** The ids, in the registry's order. */
export const KIND_IDS = Object.keys(KIND_DECLS) as KindId[];
