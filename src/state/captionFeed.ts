// What just happened in a run, in words, for live captions ("App 3 crashed", "the health
// check removed App 3 after 3.2 s"): derived from the frames the Worker sends, the chaos
// events they report and the load balancers' healthy backend counts. Shown by
// src/ui/captions/ in presenter mode and in recordings.

import type { TopologyDocument } from '../model/types.ts';
import type { ChaosAction } from '../sim/api.ts';
import type { LiveFrame } from '../worker/liveProtocol.ts';

export interface Caption {
  /** Virtual ms it happened. */
  t: number;
  text: string;
}

/** A caption stays up this much screen time (× speed in virtual time). */
export const CAPTION_SCREEN_MS = 3500;
const KEEP = 50;

/** What a chaos action did, in words, with the boxes' names; null for ones not worth saying. */
export function actionCaption(a: ChaosAction, doc: TopologyDocument): string | null {
  const box = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const link = (id: string) => {
    const e = doc.edges.find((x) => x.id === id);
    return e ? `${box(e.source)} → ${box(e.target)}` : id;
  };
  switch (a.type) {
    case 'crash':
      return `${box(a.node)} crashed`;
    case 'restart':
      return `${box(a.node)} restarted`;
    case 'slow':
      return a.factor === 1
        ? `${box(a.node)} is back to normal speed`
        : `${box(a.node)} slowed down ×${a.factor}`;
    case 'errorRate':
      return a.rate === 0
        ? `${box(a.node)} stopped failing`
        : `${box(a.node)} fails ${Math.round(a.rate * 100)}% of requests`;
    case 'cut':
      return `the link ${link(a.edge)} was cut`;
    case 'restore':
      return `the link ${link(a.edge)} is back`;
    case 'rollingRestart':
      return `rolling restart of ${box(a.node)}`;
    case 'setRps':
      return `${box(a.node)} now send ${a.rps} req/s`;
    case 'spike':
      return `traffic spike: ${box(a.node)} ×${a.factor}`;
  }
}

/**
 * Follows frames and says what happened. Keeps the crash times of boxes so a load
 * balancer that drops a backend soon after can say which and how long it took.
 */
export class CaptionFeed {
  readonly items: Caption[] = [];
  private readonly crashedAt = new Map<string, number>();
  private readonly healthy = new Map<string, number>();

  frame(f: LiveFrame, doc: TopologyDocument): boolean {
    let added = false;
    for (const e of f.events) {
      if (!e.action) continue;
      const text = actionCaption(e.action, doc);
      if (e.action.type === 'crash') this.crashedAt.set(e.action.node, e.t);
      if (e.action.type === 'restart') this.crashedAt.delete(e.action.node);
      if (text) added = this.add(e.t, text) || added;
    }
    if (f.nodes) {
      for (const [id, n] of Object.entries(f.nodes)) {
        if (n.kind !== 'lb') continue;
        const now = n.figures.healthyBackends;
        if (now === undefined) continue;
        const before = this.healthy.get(id);
        this.healthy.set(id, now);
        if (before === undefined || now === before) continue;
        const lb = doc.nodes.find((x) => x.id === id)?.label ?? id;
        const behind = doc.edges.filter((e) => e.source === id).map((e) => e.target);
        if (now < before) {
          // The most recent crash among its backends is the one it noticed.
          let who: string | null = null;
          let when = -1;
          for (const b of behind) {
            const t = this.crashedAt.get(b);
            if (t !== undefined && t > when) {
              who = b;
              when = t;
            }
          }
          const name = who === null ? null : (doc.nodes.find((x) => x.id === who)?.label ?? who);
          added =
            this.add(
              f.t,
              name === null
                ? `${lb}'s health check took a backend out`
                : `the health check removed ${name} after ${((f.t - when) / 1000).toFixed(1)} s`,
            ) || added;
        } else added = this.add(f.t, `${lb} has ${now} healthy backends again`) || added;
      }
    }
    return added;
  }

  /** The caption showing at virtual time `t`, if any. */
  at(t: number, holdMs: number): string | null {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const c = this.items[i]!;
      if (c.t <= t) return t - c.t <= holdMs ? c.text : null;
    }
    return null;
  }

  clear(): void {
    this.items.length = 0;
    this.crashedAt.clear();
    this.healthy.clear();
  }

  private add(t: number, text: string): boolean {
    this.items.push({ t, text: text.charAt(0).toUpperCase() + text.slice(1) });
    if (this.items.length > KEEP) this.items.splice(0, this.items.length - KEEP);
    return true;
  }
}
