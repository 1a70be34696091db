// Redis as a cache: real keys under LRU (capacity entries) and TTL. Apps draw keys from a
// Zipf(zipf) popularity over a catalog of `keys`, so the hit ratio, cold starts and
// stampedes (hot keys expiring together send a burst to the DB) emerge. Every operation
// takes opMs (a network round trip, not a capacity limit). A crash empties it.

import type { Capabilities, HoldsKeys } from '../../sim/capabilities.ts';
import { IntLru } from '../../sim/lru.ts';
import { Zipf } from '../../sim/rng.ts';
import { type Call, OP_DEL, OP_GET, OP_REQUEST, OP_SET } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

export class CacheBehaviour extends BaseBehaviour<'cache'> implements HoldsKeys {
  override readonly caps: Capabilities = { holdsKeys: this };
  private lru = new IntLru(0, 0, 1);
  private zipf = new Zipf(1, 1);
  private opMs = 0;
  hits = 0;
  misses = 0;

  override configure(): void {
    const keys = Math.max(1, Math.floor(this.num('keys')));
    const capacity = this.num('capacity');
    if (this.lru.capacity !== capacity || this.zipf.n !== keys) {
      // A resized Redis starts empty (as after a restart with a new maxmemory).
      this.lru = new IntLru(capacity, this.num('ttlMs'), keys);
    }
    this.lru.ttlMs = this.num('ttlMs');
    const s = this.num('zipf');
    if (this.zipf.n !== keys || this.zipf.s !== s) this.zipf = new Zipf(keys, s);
    this.opMs = this.num('opMs');
  }

  /** A key drawn from the catalog's popularity (1 = the most popular). */
  sampleKey(): number {
    return this.zipf.sample(this.sim.rng);
  }

  override arrive(call: Call): void {
    const now = this.sim.now;
    switch (call.op) {
      case OP_REQUEST:
        call.key = this.sampleKey();
        this.lookup(call, now);
        break;
      case OP_GET:
        this.lookup(call, now);
        break;
      case OP_SET:
        this.lru.set(call.key, now);
        break;
      case OP_DEL:
        this.lru.delete(call.key);
        break;
    }
    this.sim.delay(call, this.opMs);
  }

  private lookup(call: Call, now: number): void {
    call.hit = this.lru.get(call.key, now);
    if (call.hit) this.hits++;
    else this.misses++;
  }

  override serverDown(): void {
    this.lru.clear();
  }

  override figures(out: Record<string, number | string>): void {
    const n = this.hits + this.misses;
    out.hitRatio = n > 0 ? this.hits / n : 0;
    out.hits = this.hits;
    out.misses = this.misses;
    out.entries = this.lru.size;
  }

  override resetStats(): void {
    this.hits = 0;
    this.misses = 0;
  }
}
