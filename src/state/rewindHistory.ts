// What the live view showed, one snapshot per virtual second (every box's figures, link
// rates, the last-10-s window, the call-out), so a paused run can be dragged back and show
// any moment of the last HISTORY_KEEP seconds at once: the figures as they were, not
// recomputed. Playing on from such a moment asks the Worker to compute the run again up
// to there (src/sim/checkpoint.ts). Bounded: HISTORY_KEEP snapshots, each holding what one
// frame already carried.

import type { WindowSummary } from '../sim/index.ts';
import type { LiveNode } from '../worker/liveProtocol.ts';
import type { Callout } from './liveBottleneck.ts';

/** Seconds of virtual time the timeline reaches back (10 minutes). */
export const HISTORY_KEEP = 600;

export interface Snapshot {
  /** Virtual ms. */
  t: number;
  nodes: Record<string, LiveNode>;
  edgeRps: Record<string, number>;
  window: WindowSummary | null;
  callout: Callout | null;
}

export class History {
  private items: Snapshot[] = [];

  /** Keeps `s` if it is the first of its virtual second (later ones of that second replace nothing). */
  add(s: Snapshot): void {
    const last = this.items[this.items.length - 1];
    if (last !== undefined && Math.floor(last.t / 1000) === Math.floor(s.t / 1000)) {
      this.items[this.items.length - 1] = s; // the latest figures of that second
      return;
    }
    if (last !== undefined && s.t < last.t) this.truncate(s.t);
    this.items.push(s);
    if (this.items.length > HISTORY_KEEP) this.items.splice(0, this.items.length - HISTORY_KEEP);
  }

  /** The snapshot at or just before `t`, or the first kept. */
  at(t: number): Snapshot | null {
    let best: Snapshot | null = null;
    for (const s of this.items) {
      if (s.t <= t) best = s;
      else break;
    }
    return best ?? this.items[0] ?? null;
  }

  /** The earliest moment kept, ms (null when empty). */
  get first(): number | null {
    return this.items[0]?.t ?? null;
  }

  get size(): number {
    return this.items.length;
  }

  /** Forgets what came after `t` (the run was rewound there). */
  truncate(t: number): void {
    this.items = this.items.filter((s) => s.t <= t);
  }

  clear(): void {
    this.items = [];
  }
}
