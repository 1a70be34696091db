// The editor's own clipboard. Copy/paste of boxes stays inside the app (the system clipboard
// would need a permission prompt to read), so a fragment lives here until the next copy.

import type { Fragment } from './docOps.ts';

let fragment: Fragment | null = null;
let pastes = 0;

export const clipboard = {
  put(next: Fragment) {
    fragment = next;
    pastes = 0;
  },
  get(): Fragment | null {
    return fragment;
  },
  /** Each paste lands a little further down-right so copies don't stack invisibly. */
  nextOffset(): { x: number; y: number } {
    pastes++;
    return { x: 40 * pastes, y: 40 * pastes };
  },
  hasContent(): boolean {
    return fragment !== null && fragment.nodes.length > 0;
  },
};
