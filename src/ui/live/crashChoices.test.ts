import { describe, expect, it } from 'vitest';
import { replicaRoles } from '../../canvas/live/NodeLive.tsx';
import { nodeChaosItems } from './ChaosMenu.tsx';
import type { LiveNode } from '../../worker/liveProtocol.ts';
import { crashChoices } from '../../state/crashChoices.ts';

const live = (replicas: number, up: number, figures: Record<string, number> = {}): LiveNode => ({
  kind: 'db',
  utilization: 0,
  queue: 0,
  inFlight: 0,
  rps: 0,
  errorsPerS: 0,
  errors: 0,
  completed: 0,
  replicas,
  replicasUp: up,
  slow: 1,
  errorRate: 0,
  figures,
});

const cluster = (up: number, primaryUp: number, readReplicas: number, promoting = 0) =>
  live(3, up, { primaryUp, readReplicas, promoting });

describe('crash and restart while a run is live', () => {
  it('a box is crashed whole, and restarted once it is down', () => {
    expect(crashChoices(undefined)).toEqual({ crash: true, restart: false, primary: false });
    expect(crashChoices(live(2, 1))).toEqual({ crash: true, restart: false, primary: false });
    expect(crashChoices(live(2, 0))).toEqual({ crash: false, restart: true, primary: false });
  });

  it('a database with replicas loses its primary; restart is offered while a server is down', () => {
    expect(crashChoices(cluster(3, 1, 2))).toEqual({ crash: true, restart: false, primary: true });
    // Failing over: nothing to crash, the old primary can be restarted.
    expect(crashChoices(cluster(2, 0, 2, 1))).toEqual({
      crash: false,
      restart: true,
      primary: true,
    });
    // Promoted, one replica fewer: the new primary can crash too.
    expect(crashChoices(cluster(2, 1, 1))).toEqual({ crash: true, restart: true, primary: true });
    const labels = nodeChaosItems('db', 'db', cluster(2, 1, 1))[0]!.map((i) => i.label);
    expect(labels).toEqual(['Crash the primary', 'Restart']);
  });

  it('the database box says its roles', () => {
    expect(replicaRoles(live(1, 1))).toBeNull();
    expect(replicaRoles(cluster(3, 1, 2))).toEqual({ text: 'primary + 2 replicas', warn: false });
    expect(replicaRoles(cluster(2, 0, 2, 1))).toEqual({ text: 'promoting…', warn: true });
    expect(replicaRoles(cluster(2, 1, 1))).toEqual({ text: 'primary + 1 replica', warn: true });
    expect(replicaRoles(cluster(1, 0, 1))).toEqual({ text: 'no primary + 1 replica', warn: true });
  });
});
