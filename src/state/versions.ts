// Recent versions and damaged saves, kept in localStorage beside the autosave so that File →
// Recent versions can bring any of them back:
//
//   versions  the autosaved diagram, at most one a minute (VERSION_SPACING_MS), plus copies
//             set aside on purpose (another tab's work when this tab keeps its own, this
//             tab's work before loading another's, the diagram before a version is restored)
//   damaged   saved text that could not be read, or only in part, exactly as it was, with
//             the time it was found and why, to download
//
// Each list has an index key (small JSON) and one key per entry (the text). The oldest
// entries go first when a list is over its count or its share of the storage.

import { compactDocument } from '../io/share.ts';
import type { TopologyDocument } from '../model/types.ts';
import { itemKeys, readItem, removeItem, writeItem } from './storage.ts';

export const VERSIONS_KEY = 'backend-playground:versions';
export const VERSION_PREFIX = 'backend-playground:version:';
export const DAMAGED_KEY = 'backend-playground:damaged';
export const DAMAGED_PREFIX = 'backend-playground:damaged:';

/** Autosaves kept as versions are at least this far apart. */
export const VERSION_SPACING_MS = 60_000;
export const MAX_VERSIONS = 20;
export const MAX_DAMAGED = 5;
/** Characters the versions may use between them (localStorage holds about 5 million). */
export const VERSIONS_BUDGET = 1_600_000;
export const DAMAGED_BUDGET = 1_200_000;

export interface VersionEntry {
  id: string;
  savedAt: number;
  title: string;
  boxes: number;
  hosts: number;
  links: number;
  chars: number;
  /** Why it was kept, when not a plain autosave ("From another tab…"). */
  note?: string;
}

export interface DamagedEntry {
  id: string;
  /** When it was found unreadable. */
  keptAt: number;
  /** Where it came from ("your autosaved diagram") and what was wrong. */
  source: string;
  reason: string;
  chars: number;
}

const newId = (at: number) => `${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function readIndex<T extends { id: string }>(
  key: string,
  prefix: string,
  fallback: (id: string) => T | null,
): T[] {
  const text = readItem(key);
  if (text !== null) {
    try {
      const list = JSON.parse(text) as unknown;
      if (Array.isArray(list)) return list.filter((e): e is T => typeof e?.id === 'string');
    } catch {
      // a damaged index is rebuilt from the entries themselves, below
    }
  }
  // No index (or a damaged one) but entries: list what is there, so nothing is lost.
  return itemKeys(prefix)
    .map((k) => fallback(k.slice(prefix.length)))
    .filter((e): e is T => e !== null);
}

/** Counts for the list: boxes, hosts and links of a document. */
export function describeDocument(
  doc: TopologyDocument,
): Pick<VersionEntry, 'title' | 'boxes' | 'hosts' | 'links'> {
  let hosts = 0;
  for (const n of doc.nodes) if (n.kind === 'group') hosts++;
  return { title: doc.title, boxes: doc.nodes.length - hosts, hosts, links: doc.edges.length };
}

/** A document as a version's text: defaults left out (restore puts them back). */
export function versionText(doc: TopologyDocument): string {
  return JSON.stringify(compactDocument(doc));
}

// ---- versions -------------------------------------------------------------------------

/** Newest first. */
export function listVersions(): VersionEntry[] {
  const list = readIndex<VersionEntry>(VERSIONS_KEY, VERSION_PREFIX, (id) => {
    const text = readItem(VERSION_PREFIX + id);
    if (text === null) return null;
    const savedAt = Number.parseInt(id.split('-')[0] ?? '', 36);
    let summary = { title: 'A kept version', boxes: 0, hosts: 0, links: 0 };
    try {
      summary = describeDocument(JSON.parse(text) as TopologyDocument);
    } catch {
      // still listed, and still offered: restoring it will say what is wrong
    }
    return { id, savedAt: Number.isFinite(savedAt) ? savedAt : 0, chars: text.length, ...summary };
  });
  return list.sort((a, b) => b.savedAt - a.savedAt);
}

export function readVersionText(id: string): string | null {
  return readItem(VERSION_PREFIX + id);
}

function writeVersions(list: VersionEntry[]): void {
  writeItem(VERSIONS_KEY, JSON.stringify(list));
}

/** Drops the oldest versions until `list` fits the count and the budget. */
function trimVersions(list: VersionEntry[], keepId?: string): VersionEntry[] {
  const sorted = [...list].sort((a, b) => b.savedAt - a.savedAt);
  let chars = 0;
  const kept: VersionEntry[] = [];
  for (const e of sorted) {
    chars += e.chars;
    if (e.id === keepId || (kept.length < MAX_VERSIONS && chars <= VERSIONS_BUDGET)) kept.push(e);
    else removeItem(VERSION_PREFIX + e.id);
  }
  return kept;
}

export interface AddVersionOptions {
  now?: number;
  note?: string;
  /** The document's text if the caller has it already (versionText(doc)). */
  text?: string;
}

/** Keeps `doc` as a version. Returns the entry, or null when storage refused it. */
export function addVersion(
  doc: TopologyDocument,
  opts: AddVersionOptions = {},
): VersionEntry | null {
  return addVersionText(opts.text ?? versionText(doc), describeDocument(doc), opts);
}

/** Keeps document text as a version (its counts given by the caller). */
export function addVersionText(
  text: string,
  summary: Pick<VersionEntry, 'title' | 'boxes' | 'hosts' | 'links'>,
  opts: AddVersionOptions = {},
): VersionEntry | null {
  const now = opts.now ?? Date.now();
  const entry: VersionEntry = { id: newId(now), savedAt: now, chars: text.length, ...summary };
  if (opts.note) entry.note = opts.note;
  if (text.length > VERSIONS_BUDGET) return null; // too big to keep beside the autosave
  let list = listVersions();
  // The same text as the newest version: nothing new to keep.
  const newest = list[0];
  if (newest && newest.chars === text.length && !opts.note && readVersionText(newest.id) === text) {
    return null;
  }
  list = trimVersions([entry, ...list], entry.id);
  for (let attempt = 0; attempt < 3; attempt++) {
    const written = writeItem(VERSION_PREFIX + entry.id, text);
    if (written.ok) {
      writeVersions(list);
      return entry;
    }
    if (!written.full) return null;
    // Storage full: make room by dropping the oldest versions (never the autosave).
    const others = list.filter((e) => e.id !== entry.id);
    if (others.length === 0) return null;
    const drop = others.slice(Math.max(0, others.length - Math.ceil(others.length / 2)));
    for (const e of drop) removeItem(VERSION_PREFIX + e.id);
    list = list.filter((e) => !drop.includes(e));
  }
  writeVersions(list.filter((e) => e.id !== entry.id));
  return null;
}

/**
 * An autosave becomes a version when the newest plain autosave version is at least a
 * minute older (or there is none): the list then shows the work as it was minute by minute.
 */
export function addAutosaveVersion(
  doc: TopologyDocument,
  now = Date.now(),
  text?: string,
): VersionEntry | null {
  const last = listVersions().find((e) => !e.note);
  if (last && now - last.savedAt < VERSION_SPACING_MS) return null;
  return addVersion(doc, { now, ...(text ? { text } : {}) });
}

/**
 * Frees room for the autosave itself: drops the oldest half of the versions. Returns
 * whether anything was dropped.
 */
export function dropOldestVersions(): boolean {
  const list = listVersions();
  if (list.length === 0) return false;
  const keep = list.slice(0, Math.floor(list.length / 2));
  for (const e of list.slice(keep.length)) removeItem(VERSION_PREFIX + e.id);
  writeVersions(keep);
  return true;
}

// ---- damaged saves --------------------------------------------------------------------

/** Newest first. */
export function listDamaged(): DamagedEntry[] {
  const list = readIndex<DamagedEntry>(DAMAGED_KEY, DAMAGED_PREFIX, (id) => {
    const text = readItem(DAMAGED_PREFIX + id);
    if (text === null) return null;
    const keptAt = Number.parseInt(id.split('-')[0] ?? '', 36);
    return {
      id,
      keptAt: Number.isFinite(keptAt) ? keptAt : 0,
      source: 'a saved diagram',
      reason: 'unreadable',
      chars: text.length,
    };
  });
  return list.sort((a, b) => b.keptAt - a.keptAt);
}

export function readDamagedText(id: string): string | null {
  return readItem(DAMAGED_PREFIX + id);
}

/**
 * Keeps saved text that could not be read (or only in part), exactly as it was. The same
 * text kept before (a reload before anything was saved over it) is not kept twice.
 * Returns the entry, or null when storage refused it.
 */
export function keepDamaged(
  text: string,
  source: string,
  reason: string,
  now = Date.now(),
): DamagedEntry | null {
  let list = listDamaged();
  const same = list.find((e) => e.chars === text.length && readDamagedText(e.id) === text);
  if (same) return same;
  const entry: DamagedEntry = {
    id: newId(now),
    keptAt: now,
    source,
    reason: reason.slice(0, 600),
    chars: text.length,
  };
  list = [entry, ...list];
  for (;;) {
    let chars = 0;
    const keep: DamagedEntry[] = [];
    for (const e of list) {
      chars += e.chars;
      if (e === entry || (keep.length < MAX_DAMAGED && chars <= DAMAGED_BUDGET)) keep.push(e);
      else removeItem(DAMAGED_PREFIX + e.id);
    }
    list = keep;
    const written = writeItem(DAMAGED_PREFIX + entry.id, text);
    if (written.ok) break;
    // Full: older damaged saves go first, then old versions; if nothing is left to drop,
    // the text stays where it was (the caller says so).
    const older = list.filter((e) => e !== entry);
    if (written.full && older.length > 0) {
      removeItem(DAMAGED_PREFIX + older.at(-1)!.id);
      list = list.filter((e) => e !== older.at(-1));
      continue;
    }
    if (written.full && dropOldestVersions()) continue;
    writeItem(DAMAGED_KEY, JSON.stringify(list.filter((e) => e !== entry)));
    return null;
  }
  writeItem(DAMAGED_KEY, JSON.stringify(list));
  return entry;
}
