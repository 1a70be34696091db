// An LRU map with per-entry expiry, on a JS Map (which keeps insertion order: deleting and
// re-inserting a key moves it to the most-recent end, the first key is the least recent).

export class LruTtl<K> {
  private readonly map = new Map<K, number>();

  constructor(
    public capacity: number,
    /** 0 = never expires. */
    public ttlMs: number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** True on a fresh hit (and marks the entry recently used). */
  get(key: K, now: number): boolean {
    const expiry = this.map.get(key);
    if (expiry === undefined) return false;
    this.map.delete(key);
    if (expiry <= now) return false;
    this.map.set(key, expiry);
    return true;
  }

  set(key: K, now: number): void {
    if (this.capacity <= 0) return;
    this.map.delete(key);
    while (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next().value as K;
      this.map.delete(oldest);
    }
    this.map.set(key, this.ttlMs > 0 ? now + this.ttlMs : Number.POSITIVE_INFINITY);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /** Drops entries beyond a lowered capacity. */
  trim(): void {
    while (this.map.size > Math.max(0, this.capacity)) {
      const oldest = this.map.keys().next().value as K;
      this.map.delete(oldest);
    }
  }
}

/**
 * The same LRU + TTL for integer keys (cache keys 1..n), without Map churn on hits: the
 * recency order is a doubly linked list in typed arrays, the key → slot index a typed
 * array (small catalogs) or a Map (huge ones). A hit is one lookup and two link moves.
 */
export class IntLru {
  private prev: Int32Array;
  private next: Int32Array;
  private keyOf: Float64Array;
  private expiry: Float64Array;
  private indexArr: Int32Array | null;
  private readonly indexMap = new Map<number, number>();
  private free: number[] = [];
  private head = -1; // most recent
  private tail = -1; // least recent
  size = 0;
  capacity = 0;
  ttlMs = 0;

  constructor(
    capacity: number,
    ttlMs: number,
    private readonly maxKey: number,
  ) {
    this.capacity = Math.max(0, capacity);
    this.ttlMs = ttlMs;
    const slots = Math.max(1, Math.min(this.capacity, maxKey));
    this.prev = new Int32Array(slots);
    this.next = new Int32Array(slots);
    this.keyOf = new Float64Array(slots);
    this.expiry = new Float64Array(slots);
    this.indexArr = maxKey <= 1 << 22 ? new Int32Array(maxKey + 1).fill(-1) : null;
    for (let i = slots - 1; i >= 0; i--) this.free.push(i);
  }

  private slotOf(key: number): number {
    if (this.indexArr !== null) return key <= this.maxKey ? this.indexArr[key]! : -1;
    return this.indexMap.get(key) ?? -1;
  }

  private setSlot(key: number, slot: number): void {
    if (this.indexArr !== null) {
      if (key <= this.maxKey) this.indexArr[key] = slot;
    } else if (slot < 0) this.indexMap.delete(key);
    else this.indexMap.set(key, slot);
  }

  private unlink(s: number): void {
    const p = this.prev[s]!;
    const n = this.next[s]!;
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }

  private pushFront(s: number): void {
    this.prev[s] = -1;
    this.next[s] = this.head;
    if (this.head >= 0) this.prev[this.head] = s;
    this.head = s;
    if (this.tail < 0) this.tail = s;
  }

  private remove(s: number): void {
    this.unlink(s);
    this.setSlot(this.keyOf[s]!, -1);
    this.free.push(s);
    this.size--;
  }

  get(key: number, now: number): boolean {
    const s = this.slotOf(key);
    if (s < 0) return false;
    if (this.expiry[s]! <= now) {
      this.remove(s);
      return false;
    }
    if (this.head !== s) {
      this.unlink(s);
      this.pushFront(s);
    }
    return true;
  }

  set(key: number, now: number): void {
    if (this.capacity <= 0 || key > this.maxKey) return;
    let s = this.slotOf(key);
    if (s >= 0) this.unlink(s);
    else {
      if (this.size >= this.capacity || this.free.length === 0) this.remove(this.tail);
      s = this.free.pop()!;
      this.keyOf[s] = key;
      this.setSlot(key, s);
      this.size++;
    }
    this.expiry[s] = this.ttlMs > 0 ? now + this.ttlMs : Number.POSITIVE_INFINITY;
    this.pushFront(s);
  }

  delete(key: number): void {
    const s = this.slotOf(key);
    if (s >= 0) this.remove(s);
  }

  clear(): void {
    while (this.size > 0) this.remove(this.tail);
  }
}
