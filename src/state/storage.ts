// Every read and write of localStorage goes through here, guarded: storage may be switched
// off (privacy modes throw on access), full (setItem throws QuotaExceededError) or shared
// with other tabs. Nothing here throws; writes say whether they worked and why not.

export type WriteResult = { ok: true } | { ok: false; full: boolean; reason: string };

let testStore: Storage | null | undefined;

/** Tests run without a browser: they hand in a Storage of their own (or null for none). */
export function setStorageForTests(store: Storage | null | undefined): void {
  testStore = store;
}

export function localStore(): Storage | null {
  if (testStore !== undefined) return testStore;
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): the editor still works, without autosave
  }
}

export function readItem(key: string): string | null {
  try {
    return localStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string): WriteResult {
  const store = localStore();
  if (!store) return { ok: false, full: false, reason: 'storage is switched off in this browser' };
  try {
    store.setItem(key, value);
    return { ok: true };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const full = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
    return {
      ok: false,
      full,
      reason: full
        ? 'the browser’s storage for this site is full'
        : err instanceof Error
          ? err.message
          : String(err),
    };
  }
}

export function removeItem(key: string): void {
  try {
    localStore()?.removeItem(key);
  } catch {
    // nothing to do: the item stays, and is overwritten or listed later
  }
}

/** Keys that start with `prefix`. */
export function itemKeys(prefix: string): string[] {
  const store = localStore();
  const out: string[] = [];
  try {
    if (!store) return out;
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) out.push(key);
    }
  } catch {
    // storage went away while listing: what was found is all there is
  }
  return out;
}

/** A Storage kept in memory, with an optional size limit (characters), for tests. */
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.limit) {
      const err = new Error('quota exceeded');
      err.name = 'QuotaExceededError';
      throw err;
    }
    this.items.set(key, String(value));
  }
  [name: string]: unknown;
}
