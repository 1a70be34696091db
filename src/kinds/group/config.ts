// How a group box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  written:
    'a network; every box in the host joins it, and a box that calls into another host joins that host’s network too',
};
