// nginx as a reverse proxy: refuses beyond maxConnections (503), spends tlsMs of CPU per
// request when it terminates TLS, serves static paths itself when serveStatic, and routes
// the rest by path prefix: outgoing edge labels are prefixes (longest match wins), an
// unlabeled edge is the default; several edges for one prefix take turns (an upstream).
// With no arrow out at all it is a plain web server: it answers every request itself.

import { prefixOf } from '../../model/routing.ts';
import { type Capabilities, SERVES_REQUESTS } from '../../sim/capabilities.ts';
import { C_NO_ROUTE, C_REJECTED } from '../../sim/causes.ts';
import {
  type Call,
  type EdgeRt,
  OP_REQUEST,
  S_CHILD,
  S_QUEUED,
  S_WORK,
} from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

interface Upstream {
  prefix: string;
  edges: EdgeRt[];
  rr: number;
}

export class ProxyBehaviour extends BaseBehaviour<'proxy'> {
  override readonly caps: Capabilities = { servesRequests: SERVES_REQUESTS };
  private tlsMs = 0;
  private serveStatic = true;
  private staticPrefix = '/static';
  private staticMs = 0;
  private maxConnections = 1;
  private upstreams: Upstream[] = [];
  private fallback: Upstream = { prefix: '', edges: [], rr: 0 };
  /** No arrow leaves it: a web server answering every request itself. */
  private alone = false;
  servedStatic = 0;

  override configure(): void {
    this.tlsMs = this.bool('tls') ? this.num('tlsMs') : 0;
    this.serveStatic = this.bool('serveStatic');
    this.staticPrefix = this.str('staticPrefix');
    this.staticMs = this.num('staticMs');
    this.maxConnections = this.num('maxConnections');
    this.stations(this.num('concurrency'), Number.POSITIVE_INFINITY);
    const byPrefix = new Map<string, Upstream>();
    this.fallback = { prefix: '', edges: [], rr: 0 };
    for (const e of this.node.out) {
      const p = prefixOf(e.label);
      if (p === null) {
        this.fallback.edges.push(e);
        continue;
      }
      let u = byPrefix.get(p);
      if (!u) {
        u = { prefix: p, edges: [], rr: 0 };
        byPrefix.set(p, u);
      }
      u.edges.push(e);
    }
    this.upstreams = [...byPrefix.values()].sort((a, b) => b.prefix.length - a.prefix.length);
    this.alone = this.node.out.length === 0;
  }

  private isStatic(call: Call): boolean {
    if (this.alone) return true;
    return (
      this.serveStatic && call.op === OP_REQUEST && call.req.path.startsWith(this.staticPrefix)
    );
  }

  override arrive(call: Call): void {
    if (this.node.inFlight > this.maxConnections) {
      this.sim.fail(call, C_REJECTED);
      return;
    }
    call.hit = this.isStatic(call);
    if (this.tlsMs > 0 || call.hit) this.sim.admit(call);
    else this.route(call);
  }

  override resume(call: Call): void {
    if (call.state === S_QUEUED) {
      this.sim.work(call, this.tlsMs + (call.hit ? this.staticMs : 0));
      return;
    }
    if (call.state === S_WORK) {
      this.sim.releaseWorker(call);
      if (call.hit) {
        this.servedStatic++;
        this.sim.respond(call);
      } else this.route(call);
    }
  }

  private route(call: Call): void {
    const path = call.req.path;
    let up = this.fallback;
    for (const u of this.upstreams) {
      if (path.startsWith(u.prefix)) {
        up = u;
        break;
      }
    }
    if (up.edges.length === 0) {
      this.sim.fail(call, C_NO_ROUTE);
      return;
    }
    const edge = up.edges[up.rr++ % up.edges.length]!;
    call.state = S_CHILD;
    this.sim.send(call, edge, call.op);
  }

  override figures(out: Record<string, number | string>): void {
    out.servedStatic = this.servedStatic;
    out.connections = this.node.inFlight;
  }

  override resetStats(): void {
    this.servedStatic = 0;
  }
}
