// CDN edge: static paths (staticPrefix) are answered from an LRU/TTL cache of files in
// hitMs; a miss is fetched from the origin (the outgoing edge) and kept. Other paths pass
// through to the origin untouched.

import { type CachesFiles, type Capabilities, SERVES_REQUESTS } from '../../sim/capabilities.ts';
import { C_NO_ROUTE } from '../../sim/causes.ts';
import { LruTtl } from '../../sim/lru.ts';
import { type Call, type EdgeRt, OP_REQUEST, S_CHILD } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

const HIT = 1;
const MISS = 2;
const PASS = 3;

export class CdnBehaviour extends BaseBehaviour<'cdn'> implements CachesFiles {
  override readonly caps: Capabilities = { servesRequests: SERVES_REQUESTS, cachesFiles: this };
  private readonly lru = new LruTtl<string>(0, 0);
  private prefix = '/static';
  private hitMs = 0;
  private rr = 0;
  hits = 0;
  misses = 0;

  override configure(): void {
    this.lru.capacity = this.num('capacity');
    this.lru.ttlMs = this.num('ttlS') * 1000;
    this.lru.trim();
    this.prefix = this.str('staticPrefix');
    this.hitMs = this.num('hitMs');
  }

  /** The paths it caches (read live: callers configure in any order). */
  staticPrefix(): string {
    return this.str('staticPrefix');
  }

  override arrive(call: Call): void {
    if (call.op === OP_REQUEST && call.req.path.startsWith(this.prefix)) {
      if (this.lru.get(call.req.path, this.sim.now)) {
        this.hits++;
        call.sub = HIT;
        this.sim.delay(call, this.hitMs);
        return;
      }
      this.misses++;
      call.sub = MISS;
    } else call.sub = PASS;
    const origin = this.origin();
    if (origin === null) {
      this.sim.fail(call, C_NO_ROUTE);
      return;
    }
    call.state = S_CHILD;
    this.sim.send(call, origin, call.op);
  }

  private origin(): EdgeRt | null {
    const out = this.node.out;
    if (out.length === 0) return null;
    return out[this.rr++ % out.length]!;
  }

  override childDone(call: Call, child: Call): void {
    if (!child.ok) {
      this.sim.propagate(call, child.cause);
      return;
    }
    if (call.sub === MISS) this.lru.set(call.req.path, this.sim.now);
    this.sim.respond(call);
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
