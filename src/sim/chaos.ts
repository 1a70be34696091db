// Chaos: the actions a user (or a scenario) throws at a running system, what each does to
// the world, and how each is said on a chart marker. An action naming a box or link that
// is not there is recorded as an event, never thrown.

import type { ChaosAction } from './api.ts';
import type { CallEngine } from './calls.ts';
import type { World } from './world.ts';

/** Something that happened, for chaos markers on charts. */
export interface SimEvent {
  t: number;
  text: string;
  action?: ChaosAction;
}

export class Chaos {
  private events: SimEvent[] = [];

  constructor(
    private readonly engine: CallEngine,
    private readonly world: World,
  ) {}

  /** Applies `action` at virtual time `atMs` (now if that has passed). */
  schedule(atMs: number, action: ChaosAction): void {
    this.engine.at(atMs, () => this.inject(action));
  }

  /** Applies a chaos action now. */
  inject(action: ChaosAction): void {
    const { engine, world } = this;
    const text = describeAction(action);
    const node = 'node' in action ? world.byId.get(action.node) : undefined;
    if ('node' in action && !node) {
      this.note(`ignored (no box "${action.node}"): ${text}`, action);
      return;
    }
    switch (action.type) {
      case 'crash':
        for (const n of world.withContents(node!)) {
          for (const s of [...n.behaviour.crashes()]) world.crashServer(s);
          // Replicas draining go down with the box (the autoscaler lets them go).
          for (const s of [...(n.scale?.draining ?? [])]) world.crashServer(s);
        }
        break;
      case 'restart':
        for (const n of world.withContents(node!))
          for (const s of n.servers) world.restartServer(s);
        break;
      case 'slow':
        for (const n of world.withContents(node!)) n.slow = Math.max(0, action.factor);
        break;
      case 'errorRate':
        node!.errorRate = Math.min(1, Math.max(0, action.rate));
        break;
      case 'cut':
      case 'restore': {
        const links = world.linksOf(action.edge);
        if (!links) {
          this.note(`ignored (no link "${action.edge}"): ${text}`);
          return;
        }
        for (const link of links) link.cut = action.type === 'cut';
        break;
      }
      case 'rollingRestart': {
        const downMs = Math.max(1, action.downMs ?? 5000);
        node!.servers.forEach((s, i) => {
          engine.at(engine.now + i * downMs, () => world.crashServer(s));
          engine.at(engine.now + (i + 1) * downMs, () => world.restartServer(s));
        });
        break;
      }
      case 'setRps':
      case 'spike': {
        const traffic = node!.caps.sendsTraffic;
        if (traffic === undefined) {
          this.note(`ignored (not a client): ${text}`, action);
          return;
        }
        if (action.type === 'setRps') traffic.setRps(action.rps);
        else traffic.spike(action.factor, action.durationMs);
        break;
      }
    }
    this.note(text, action);
  }

  /** Chaos markers and notes since the last call. */
  drain(): SimEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  private note(text: string, action?: ChaosAction): void {
    const e: SimEvent = { t: this.engine.now, text };
    if (action !== undefined) e.action = action;
    this.events.push(e);
  }
}

/** How an action is said on a chart marker and in the event list. */
export function describeAction(a: ChaosAction): string {
  switch (a.type) {
    case 'crash':
      return `crash ${a.node}`;
    case 'restart':
      return `restart ${a.node}`;
    case 'slow':
      return `slow ${a.node} ×${a.factor}`;
    case 'errorRate':
      return `error rate ${a.node} ${Math.round(a.rate * 100)}%`;
    case 'cut':
      return `cut link ${a.edge}`;
    case 'restore':
      return `restore link ${a.edge}`;
    case 'rollingRestart':
      return `rolling restart ${a.node}`;
    case 'setRps':
      return `${a.node} traffic ${a.rps} req/s`;
    case 'spike':
      return `spike ${a.node} ×${a.factor} for ${a.durationMs / 1000}s`;
  }
}
