// Which of crash and restart a box offers while a run is live (the Run menu, the canvas's
// right-click menu and the inspector's chaos section ask the same). A box is crashed whole
// and restarted once it is down; a database with read replicas is crashed one primary at a
// time (a replica takes over) and can be restarted while any of its servers is down.

import type { LiveNode } from '../worker/liveProtocol.ts';

type Live = Pick<LiveNode, 'replicas' | 'replicasUp'> & { figures?: Record<string, number> };

export interface CrashChoices {
  crash: boolean;
  restart: boolean;
  /** The crash takes its primary down (a database with replicas), not every server. */
  primary: boolean;
}

export function crashChoices(live: Live | undefined): CrashChoices {
  const down = live !== undefined && live.replicas > 0 && live.replicasUp === 0;
  const primaryUp = live?.figures?.primaryUp;
  if (live === undefined || primaryUp === undefined) {
    return { crash: !down, restart: down, primary: false };
  }
  return { crash: primaryUp === 1, restart: live.replicasUp < live.replicas, primary: true };
}
