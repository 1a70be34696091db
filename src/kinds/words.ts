// Each kind's words, one line each: its Mermaid shape, the words, icons and shapes that
// name it on import and its place in the tie order, and its rows of docs/engine.md's table
// (a kind's are in `src/kinds/<kind>/words.ts`). Only Mermaid import and export
// (`io/mermaid/evidence.ts`, loaded on first use) and the docs test read this list, so the
// first page and the Workers, which load every kind's `kind.ts`, do not carry these words.
// Keyed by the kinds' registry (index.ts), so a kind without a line does not compile.

import app from './app/words.ts';
import cache from './cache/words.ts';
import cdn from './cdn/words.ts';
import client from './client/words.ts';
import cron from './cron/words.ts';
import db from './db/words.ts';
import dns from './dns/words.ts';
import external from './external/words.ts';
import group from './group/words.ts';
import lb from './lb/words.ts';
import limiter from './limiter/words.ts';
import proxy from './proxy/words.ts';
import queue from './queue/words.ts';
import staticFiles from './static/words.ts';
import worker from './worker/words.ts';
import type { KindId } from './index.ts';
import type { KindWords } from './spec.ts';

export const KIND_WORDS = {
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
} as const satisfies Readonly<Record<KindId, KindWords>>;

export type KindWordsDecls = typeof KIND_WORDS;
